import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { createdEarlier, isMoneyOutcome, noteCreated } from '../../../shared/money';
import { toPositiveInteger } from '../../../shared/validation';
import { sendRequest } from '../../shared/api';
import { INSTANTCARD_IDS } from '../../shared/ids';
import type { RequestHook } from '../../shared/route';
import { SUBMIT_NOTICE } from './submit';
import { moneyNotice } from '../../../shared/description';
import {
	asBoolean,
	cardIdsJson,
	instantCardCall,
	normalizePrintJob,
	parseCardIds,
	readAddressFields,
	shippingAddressProperties,
	submitOnce,
} from './helpers';

const show = { resource: ['printJob'], operation: ['create'] };

/**
 * The form of Create, every value checked before anything is sent. A saved address is checked
 * before the shipping provider, a one-off address after it.
 */
export async function buildCreateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const savedAddress =
		this.getNodeParameter('addressMode', 'saved') === 'saved'
			? readAddressFields(this, true)
			: undefined;
	const { label, example } = INSTANTCARD_IDS.shippingProviderId;
	const providerId = toPositiveInteger(
		this,
		this.getNodeParameter('shippingProviderId', '', { extractValue: true }),
		label,
		example,
	);
	const body: IDataObject = { ...(savedAddress ?? readAddressFields(this, true)) };
	body['print_job[shipping_provider_id]'] = String(providerId);
	const copies = this.getNodeParameter('numberOfCopies', 1);
	body['print_job[number_of_copies]'] = String(
		toPositiveInteger(this, copies, 'Number of Copies', '2'),
	);
	const cardIds = parseCardIds(this, this.getNodeParameter('cardIds', ''));
	if (cardIds.length > 0) body['print_job[card_ids]'] = cardIdsJson(cardIds);
	return body;
}

function money(value: unknown): string {
	return value === undefined || value === null || value === '' ? 'unknown' : String(value);
}

/** A failure after the job exists: the message says which job, so it can be found and submitted later. */
function notSubmitted(
	context: IExecuteSingleFunctions,
	jobId: unknown,
	reason: string,
	description: string,
) {
	return new NodeOperationError(
		context.getNode(),
		`Print job #${String(jobId)} was created but not submitted: ${reason}`,
		{
			itemIndex: context.getItemIndex(),
			description,
		},
	);
}

/**
 * postReceive of Submit After Creating: checks the balance covers the new job, then submits it
 * once (see `spendOnce`: an unclear failure is read back, a retry never pays twice). A short
 * balance leaves the job in status Created and stops the item with its cost and the balance.
 */
export async function submitAfterCreating(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('submitAfterCreate', false)) return items;
	const jobId = items[0]?.json?.id;
	if (jobId === undefined || jobId === null || !/^\d+$/.test(String(jobId))) {
		throw new NodeOperationError(
			this.getNode(),
			'InstantCard created the print job but its answer has no job ID, so it was not submitted',
			{
				itemIndex: this.getItemIndex(),
				description:
					'Find the job with Print Job → Get Many and submit it with Print Job → Submit.',
			},
		);
	}
	const retried = createdEarlier(this, CREATED) === String(jobId);
	noteCreated(this, CREATED, String(jobId));
	const later =
		'The job stays in status Created. Fix the cause, then submit it with Print Job → Submit.';
	const call = async (method: 'GET' | 'POST', path: string) => {
		try {
			return await instantCardCall(this, method, `/print_jobs/${String(jobId)}${path}`);
		} catch (error) {
			const { message, description } = error as { message: string; description?: string };
			throw notSubmitted(this, jobId, message, `${description ? `${description} ` : ''}${later}`);
		}
	};

	// A retry of the node goes straight to the submit: it reads back what the first attempt did.
	if (!retried) await refuseUncovered(this, jobId, call);
	let submitted: unknown;
	try {
		submitted = await submitOnce(
			this,
			String(jobId),
			`Print job #${String(jobId)} was created; submitting it`,
			async () => await instantCardCall(this, 'POST', `/print_jobs/${String(jobId)}/print`),
			(job) => job,
		);
	} catch (error) {
		if (isMoneyOutcome(error)) throw asNodeError(this, error);
		const { message, description } = error as { message: string; description?: string };
		throw notSubmitted(this, jobId, message, `${description ? `${description} ` : ''}${later}`);
	}
	const job =
		submitted && typeof submitted === 'object' && !Array.isArray(submitted)
			? (submitted as IDataObject)
			: { id: Number(jobId) };
	return [{ json: normalizePrintJob(job) }];
}

/** Stops the item, before anything is charged, when the balance does not cover the job. */
async function refuseUncovered(
	context: IExecuteSingleFunctions,
	jobId: unknown,
	call: (method: 'GET' | 'POST', path: string) => Promise<unknown>,
): Promise<void> {
	let covered = asBoolean(await call('GET', '/check_balance'), 'has_balance');
	let charge: IDataObject | undefined;
	if (covered === undefined) {
		// An answer of another shape: the charge details carry the same verdict.
		charge = (await call('GET', '/charge_details')) as IDataObject | undefined;
		covered = asBoolean(charge, 'has_balance');
	}
	if (covered === true) return;
	charge ??= (await call('GET', '/charge_details')) as IDataObject | undefined;
	let balance: unknown;
	try {
		balance = ((await instantCardCall(context, 'GET', '/balance')) as IDataObject | undefined)
			?.balance;
	} catch {
		balance = undefined; // the refusal matters more than the exact balance
	}
	const cost = charge?.job_total_cost ?? charge?.total_cost ?? charge?.total;
	throw notSubmitted(
		context,
		jobId,
		`the organization's balance (${money(balance)}) does not cover its cost (${money(cost)})`,
		'Nothing was charged. The job stays in status Created: add funds (Organization → Add Funds), then submit it with Print Job → Submit.',
	);
}

/** What an item's Submit After Creating created, for a retry of the node. */
const CREATED = 'printJob:createdToSubmit';

/**
 * The node's request path for Create. With Submit After Creating on, a retry of the node
 * (Retry On Fail) does not create the job again: it goes on with the job the first attempt
 * created, whose submit it reads back before sending anything.
 */
export const createPrintJob: RequestHook = async function (requestData) {
	const earlier = this.getNodeParameter('submitAfterCreate', false)
		? createdEarlier(this, CREATED)
		: undefined;
	if (earlier === undefined) return await sendRequest.call(this, requestData);
	return await submitAfterCreating.call(this, [{ json: { id: Number(earlier) } }]);
};

/** Where Create ships to: a saved address or a one-off one. */
export const printJobCreateAddress = shippingAddressProperties(show, true);

/** Create's fields after the shipping provider. */
export const printJobCreateOptions: INodeProperties[] = [
	{
		displayName: 'Number of Copies',
		name: 'numberOfCopies',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show },
		description: 'How many copies of each card in the job are printed',
	},
];

/** Create's fields after the card IDs. */
export const printJobCreateSubmit: INodeProperties[] = [
	{
		displayName: 'Submit After Creating',
		name: 'submitAfterCreate',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description:
			"Whether to send the job to production right away. This SPENDS the organization's balance and cannot be undone. The balance is checked first: if it does not cover the job, the job is created but not submitted and the item fails.",
	},
	moneyNotice('submitAfterCreateNotice', SUBMIT_NOTICE, { ...show, submitAfterCreate: [true] }),
];

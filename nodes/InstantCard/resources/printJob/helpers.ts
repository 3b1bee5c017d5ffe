/**
 * What several print job operations share: card ID lists, the job's status in both spellings,
 * the address and job fields of Create and Update, and the extra requests some operations make.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { spendOnce } from '../../../shared/money';
import { toPositiveInteger } from '../../../shared/validation';
import { INSTANTCARD } from '../../shared/api';
import { instantCardCall } from '../../shared/call';
import { idLocator } from '../../shared/descriptions';
import { INSTANTCARD_IDS } from '../../shared/ids';

export { instantCardCall };

// ----- card IDs -----

function cardIdsError(context: IExecuteSingleFunctions, label: string, message: string) {
	return new NodeOperationError(context.getNode(), `${label}: ${message}`, {
		itemIndex: context.getItemIndex(),
		description:
			'Give card IDs as positive whole numbers separated by commas or spaces (e.g. 264561, 264562), or map an array or a single ID from a previous node.',
	});
}

/**
 * The card IDs of one item, from whatever the field holds: a typed list ("264561, 264562" or
 * "264561 264562"), a JSON array string, one number, or an expression giving an array. Each
 * must be a positive whole number; duplicates are dropped. An empty field gives [].
 */
export function parseCardIds(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label = 'Card IDs',
): number[] {
	let values: unknown[];
	if (raw === undefined || raw === null) values = [];
	else if (Array.isArray(raw)) values = raw;
	else if (typeof raw === 'number') values = [raw];
	else if (typeof raw === 'string') {
		const text = raw.trim();
		if (text.startsWith('[')) {
			try {
				const parsed = JSON.parse(text) as unknown;
				values = Array.isArray(parsed) ? parsed : [parsed];
			} catch {
				throw cardIdsError(context, label, `"${text.slice(0, 60)}" is not a valid list`);
			}
		} else {
			values = text.split(/[\s,;]+/).filter((part) => part !== '');
		}
	} else {
		throw cardIdsError(context, label, `expected a list of card IDs, not ${typeof raw}`);
	}
	const ids: number[] = [];
	for (const value of values) {
		const text =
			typeof value === 'number'
				? String(value)
				: typeof value === 'string'
					? value.trim()
					: undefined;
		if (
			text === undefined ||
			!/^\d+$/.test(text) ||
			Number(text) < 1 ||
			!Number.isSafeInteger(Number(text))
		) {
			const shown = text ?? JSON.stringify(value) ?? String(value);
			throw cardIdsError(
				context,
				label,
				`"${shown.slice(0, 60)}" is not a card ID (a positive whole number)`,
			);
		}
		if (!ids.includes(Number(text))) ids.push(Number(text));
	}
	return ids;
}

/** `print_job[card_ids]` as the API parses it: a JSON array string, even for one card. */
export function cardIdsJson(ids: number[]): string {
	return JSON.stringify(ids);
}

export const CARD_IDS_PLACEHOLDER = 'e.g. 264561, 264562';

// ----- status -----

/** The API's print job states; the index is the number it may send instead of the name. */
export const PRINT_JOB_STATUSES = [
	'Created',
	'Scheduled',
	'In_Progress',
	'Finished',
	'Failed',
	'No_Balance',
	'Duplicated',
	'Not_Printed',
] as const;

/** A status given as a number (1), a numeric string ("1") or a name ("In_Progress", "in progress"). */
export function statusCode(value: unknown): number | undefined {
	if (typeof value === 'number')
		return Number.isInteger(value) && PRINT_JOB_STATUSES[value] ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return statusCode(Number(text));
	const wanted = text.toLowerCase().replace(/[\s-]+/g, '_');
	const index = PRINT_JOB_STATUSES.findIndex((name) => name.toLowerCase() === wanted);
	return index === -1 ? undefined : index;
}

/**
 * The job as the API sent it, plus `status_name` and `status_code`: the API sends the status as
 * a name or as a number depending on the server, so both are always there to map from.
 */
export function normalizePrintJob(job: IDataObject): IDataObject {
	if (!('status' in job)) return job;
	const code = statusCode(job.status);
	return {
		...job,
		status_name:
			code === undefined
				? typeof job.status === 'string'
					? job.status
					: null
				: PRINT_JOB_STATUSES[code],
		status_code: code ?? (typeof job.status === 'number' ? job.status : null),
	};
}

/** postReceive: one item per print job (a list answer is split), each with its status normalised. */
export async function outputPrintJobs(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const json = item.json as unknown;
		const rows = Array.isArray(json) ? (json as unknown[]) : [json];
		for (const row of rows) {
			if (row && typeof row === 'object' && !Array.isArray(row))
				out.push({ json: normalizePrintJob(row as IDataObject) });
		}
	}
	return out;
}

/** How a job reads in a picker: "#81001 · Created · 3 cards". */
export function printJobName(job: IDataObject): string {
	const code = statusCode(job.status);
	const status =
		code === undefined
			? String(job.status ?? 'unknown status')
			: PRINT_JOB_STATUSES[code].replace(/_/g, ' ');
	const lists = Array.isArray(job.list_users) ? (job.list_users as IDataObject[]) : [];
	const cards = lists.reduce((sum, list) => {
		const total = Number(list?.total_users);
		return (
			sum +
			(Number.isFinite(total)
				? total
				: Array.isArray(list?.users_data)
					? list.users_data.length
					: 0)
		);
	}, 0);
	return `#${String(job.id)} · ${status} · ${cards} ${cards === 1 ? 'card' : 'cards'}`;
}

/** The job's current shipping provider ID, wherever the answer puts it; undefined when none. */
export function currentShippingProviderId(job: unknown): number | undefined {
	if (!job || typeof job !== 'object') return undefined;
	const record = job as IDataObject;
	const nested = record.shipping_provider as IDataObject | null | undefined;
	const raw =
		record.shipping_provider_id ?? (nested && typeof nested === 'object' ? nested.id : undefined);
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

// ----- extra requests -----

/** `true`, `"true"` or `{ has_balance: true }`: the API's literal answer, or an object carrying it. */
export function asBoolean(answer: unknown, key: string): boolean | undefined {
	if (typeof answer === 'boolean') return answer;
	if (typeof answer === 'string') {
		const text = answer.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
		return undefined;
	}
	if (answer && typeof answer === 'object' && key in answer)
		return asBoolean((answer as IDataObject)[key], key);
	return undefined;
}

// ----- Create and Update fields -----

interface OneOffField {
	name: string;
	displayName: string;
	key: string;
	/** Needed on Create (the API refuses a one-off address without it). */
	required: boolean;
	placeholder?: string;
}

const ONE_OFF_FIELDS: OneOffField[] = [
	{
		name: 'oneOffFullName',
		displayName: 'Full Name',
		key: 'print_job[address][contact][full_name]',
		required: true,
		placeholder: 'e.g. Ada Lovelace',
	},
	{
		name: 'oneOffOrganizationName',
		displayName: 'Organization Name',
		key: 'print_job[address][organization_name]',
		required: false,
	},
	{
		name: 'oneOffAddress1',
		displayName: 'Address 1',
		key: 'print_job[address][address_1]',
		required: true,
		placeholder: 'e.g. 1200 Congress Ave',
	},
	{
		name: 'oneOffAddress2',
		displayName: 'Address 2',
		key: 'print_job[address][address_2]',
		required: false,
		placeholder: 'e.g. Suite 400',
	},
	{ name: 'oneOffCity', displayName: 'City', key: 'print_job[address][city]', required: true },
	{
		name: 'oneOffState',
		displayName: 'State',
		key: 'print_job[address][state]',
		required: false,
		placeholder: 'e.g. TX',
	},
	{
		name: 'oneOffZipCode',
		displayName: 'Zip Code',
		key: 'print_job[address][zip_code]',
		required: true,
	},
	{
		name: 'oneOffCountry',
		displayName: 'Country',
		key: 'print_job[address][country]',
		required: true,
		placeholder: 'e.g. US',
	},
];

/**
 * Create chooses between two kinds of address, Update also offers "Keep Current": separate
 * parameters, so a value kept when switching operation is always one the other offers.
 *
 * So the one-off fields and the saved address's picker are one property per operation: each is
 * shown by its own operation's choice, and no display rule can show one property for "Create
 * with a one-off address" and "Update with a one-off address" alone (while deciding which values
 * to keep, n8n reads a choice that is not shown as its default: Update's `addressMode` as
 * "saved", Create's `addressUpdate` as "keep").
 */
export function addressModeParameter(onCreate: boolean): string {
	return onCreate ? 'addressMode' : 'addressUpdate';
}

/** The One-Off Address inputs; on Update none is required (unset ones keep their value). */
function oneOffAddressProperties(
	show: Record<string, string[]>,
	onCreate: boolean,
): INodeProperties[] {
	return ONE_OFF_FIELDS.map((field) => ({
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: '',
		required: onCreate && field.required,
		placeholder: field.placeholder,
		displayOptions: { show: { ...show, [addressModeParameter(onCreate)]: ['oneOff'] } },
		description: `${field.displayName} of the one-off shipping address (not saved for later use)${
			onCreate ? '' : '. Leave empty to keep the current value.'
		}`,
	}));
}

/** The address form fields of the chosen Address mode: a saved address's ID or one-off fields. */
export function readAddressFields(
	context: IExecuteSingleFunctions,
	onCreate: boolean,
): IDataObject {
	const mode = context.getNodeParameter(
		addressModeParameter(onCreate),
		onCreate ? 'saved' : 'keep',
	) as string;
	if (mode === 'saved') {
		const id = toPositiveInteger(
			context,
			context.getNodeParameter('addressId', '', { extractValue: true }),
			INSTANTCARD_IDS.addressId.label,
			INSTANTCARD_IDS.addressId.example,
		);
		return { 'print_job[address_id]': String(id) };
	}
	if (mode !== 'oneOff') return {};
	const body: IDataObject = {};
	for (const field of ONE_OFF_FIELDS) {
		const raw = context.getNodeParameter(field.name, '') as unknown;
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value !== '') body[field.key] = value;
		else if (onCreate && field.required) {
			throw new NodeOperationError(context.getNode(), `${field.displayName} is empty`, {
				itemIndex: context.getItemIndex(),
				description: `A one-off address needs a ${field.displayName.toLowerCase()}. Fill it in, or choose a saved address.`,
			});
		}
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(context.getNode(), 'The one-off address is empty', {
			itemIndex: context.getItemIndex(),
			description: 'Fill in the address fields to change, or set Address to "Keep Current".',
		});
	}
	return body;
}

/** The saved address's picker of Create or Update (see `addressModeParameter`). */
function savedAddressProperty(show: Record<string, string[]>, onCreate: boolean): INodeProperties {
	return idLocator({
		name: 'addressId',
		displayName: 'Saved Address',
		searchListMethod: 'searchAddresses',
		show: { ...show, [addressModeParameter(onCreate)]: ['saved'] },
		description: 'The saved shipping address. Address → Create adds one.',
	});
}

/**
 * Where Create or Update ships to: the Address choice (a saved address or a one-off one; Update
 * also offers to keep the current one), then the inputs of each choice.
 */
export function shippingAddressProperties(
	show: Record<string, string[]>,
	onCreate: boolean,
): INodeProperties[] {
	const keep = {
		name: 'Keep Current',
		value: 'keep',
		description: 'Leave the shipping address as it is',
	};
	const preset = onCreate ? 'saved' : 'keep';
	return [
		{
			displayName: 'Address',
			name: addressModeParameter(onCreate),
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				...(onCreate ? [] : [keep]),
				{
					name: 'Saved Address',
					value: 'saved',
					description: 'Ship to an address saved in InstantCard',
				},
				{
					name: 'One-Off Address',
					value: 'oneOff',
					description: 'Ship to an address used for this job only (not saved)',
				},
			],
			default: preset,
			description: 'Where the printed cards are shipped',
		},
		savedAddressProperty(show, onCreate),
		...oneOffAddressProperties(show, onCreate),
	];
}

/**
 * Reads back whether print job `jobId` was submitted, for a submit whose answer was lost: status
 * Created (or No_Balance: refused, nothing charged) means it was not; any later status means it
 * was, and the job is the output as after a successful submit.
 */
async function printJobSubmitted(
	context: IExecuteSingleFunctions,
	jobId: string | number,
): Promise<{ done: true; output: IDataObject } | { done: false; state: string }> {
	const answer = await instantCardCall(context, 'GET', `/print_jobs/${String(jobId)}`);
	if (!answer || typeof answer !== 'object' || Array.isArray(answer))
		throw new Error(`print job #${String(jobId)} could not be read back`);
	const job = normalizePrintJob(answer as IDataObject);
	const code = statusCode(job.status);
	if (code === undefined)
		throw new Error(
			`print job #${String(jobId)} has a status this node does not know (${String(job.status)})`,
		);
	if (code === 0 || code === 5)
		return {
			done: false,
			state: `print job #${String(jobId)} in status ${PRINT_JOB_STATUSES[code]}`,
		};
	return { done: true, output: job };
}

/**
 * Submits print job `jobId` once for this item (see `spendOnce`), its outcome read back from the
 * job's status when the answer is unclear. `fromJob` turns the job read back into what `send`
 * gives, so both end in the same output.
 */
export async function submitOnce<T>(
	context: IExecuteSingleFunctions,
	jobId: string,
	action: string,
	send: () => Promise<T>,
	fromJob: (job: IDataObject) => T,
): Promise<T> {
	return await spendOnce(context, `printJob:${jobId}:submit`, {
		api: INSTANTCARD,
		action,
		howToCheck: `the status of print job #${jobId} (Print Job → Get, or InstantCard's Print Jobs page): Created means it was not submitted; Scheduled or later means it was, and was charged`,
		send,
		check: async () => {
			const read = await printJobSubmitted(context, jobId);
			return read.done ? { done: true, output: fromJob(read.output) } : read;
		},
	});
}

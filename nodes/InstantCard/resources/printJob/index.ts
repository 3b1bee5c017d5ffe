import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { instantCardList } from '../../shared/listSearch';
import { instantCardRoute } from '../../shared/route';
import { buildAddCardsBody } from './addCards';
import { outputHasBalance } from './checkBalance';
import {
	buildCreateBody,
	createPrintJob,
	printJobCreateAddress,
	printJobCreateOptions,
	printJobCreateSubmit,
	submitAfterCreating,
} from './create';
import { cardIdsProperty, printJobIdProperty, shippingProviderIdProperty } from './fields';
import { sendFilters } from './getAll';
import { instantCardCall, outputPrintJobs, printJobName } from './helpers';
import { outputRemoved, printJobRemoveCardDescription, sendRemoveRequest } from './removeCard';
import { printJobSubmitDescription, submitPrintJob } from './submit';
import { buildUpdateBody, printJobUpdateAddress } from './update';

const outputJobs = [outputPrintJobs];

export const printJobOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['printJob'] } },
	options: [
		{
			name: 'Add Cards',
			value: 'addCards',
			action: 'Add cards to a print job',
			description: 'Add finalized cards to a print job that was not submitted yet',
			routing: instantCardRoute('POST', '/print_jobs/{printJobId}/add_cards', {
				form: buildAddCardsBody,
				postReceive: outputJobs,
			}),
		},
		{
			name: 'Charge Details',
			value: 'chargeDetails',
			action: 'Get the charge details of a print job',
			description:
				'What the job costs: each card, shipping and the total, and whether the balance covers it',
			routing: instantCardRoute('GET', '/print_jobs/{printJobId}/charge_details', {
				recordId: 'printJobId',
			}),
		},
		{
			name: 'Check Balance',
			value: 'checkBalance',
			action: 'Check the balance covers a print job',
			description: "Whether the organization's balance covers the job, before submitting it",
			routing: instantCardRoute('GET', '/print_jobs/{printJobId}/check_balance', {
				postReceive: [outputHasBalance],
				recordId: 'printJobId',
			}),
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a print job',
			description:
				'Start an order: address, shipping provider, copies and optionally cards. Nothing is printed or charged until it is submitted.',
			routing: instantCardRoute('POST', '/print_jobs', {
				form: buildCreateBody,
				postReceive: [...outputJobs, submitAfterCreating],
				send: createPrintJob,
			}),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a print job',
			description: 'Get a print job with its status, address and cards',
			routing: instantCardRoute('GET', '/print_jobs/{printJobId}', { postReceive: outputJobs }),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many print jobs',
			description: "List the organization's print jobs, optionally only those in one status",
			routing: instantCardRoute('GET', '/print_jobs', {
				list: 'paged',
				preSend: [sendFilters],
				postReceive: outputJobs,
			}),
		},
		{
			name: 'Remove Card',
			value: 'removeCard',
			action: 'Remove a card from a print job',
			description: 'Take one card out of a print job that was not submitted yet',
			routing: instantCardRoute(
				'DELETE',
				'/print_jobs/{printJobId}/remove_cards/{printJobCardId}',
				{
					postReceive: [outputRemoved],
					send: sendRemoveRequest,
				},
			),
		},
		{
			name: 'Submit',
			value: 'submit',
			action: 'Submit a print job',
			description:
				"Sends the job to production and charges the organization's balance. Cannot be undone. Check Balance tells whether the balance covers it.",
			routing: instantCardRoute('POST', '/print_jobs/{printJobId}/print', {
				postReceive: outputJobs,
				send: submitPrintJob,
			}),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a print job',
			description:
				'Change the address, shipping provider or number of copies of a job not submitted yet, or add cards',
			routing: instantCardRoute('PATCH', '/print_jobs/{printJobId}', {
				form: buildUpdateBody,
				postReceive: outputJobs,
			}),
		},
	],
	default: 'create',
};

/** In the order they show: each operation's own fields around the shared ones. */
export const printJobFields: INodeProperties[] = [
	...printJobSubmitDescription,
	printJobIdProperty,
	...printJobCreateAddress,
	...printJobUpdateAddress,
	shippingProviderIdProperty,
	...printJobCreateOptions,
	cardIdsProperty,
	...printJobCreateSubmit,
	...printJobRemoveCardDescription,
];

/** A card of a job as a picker shows it: its ID and its first text values. */
function jobCardName(card: IDataObject): string {
	const data =
		card.data && typeof card.data === 'object' ? Object.values(card.data as IDataObject) : [];
	const words = data
		.filter((v) => typeof v === 'string' && v !== '' && v !== 'image')
		.slice(0, 2) as string[];
	return `#${String(card.id)}${words.length ? ` · ${words.join(' ')}` : ''}`;
}

export const printJobListSearch = {
	async searchPrintJobs(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await instantCardList(
			this,
			{
				path: '/print_jobs',
				paged: true,
				toItem: (job: IDataObject) => ({ name: printJobName(job), value: String(job.id) }),
			},
			filter,
			paginationToken,
		);
	},

	/** The cards in the print job chosen above (for Remove Card). */
	async searchPrintJobCards(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const jobId = String(
			this.getCurrentNodeParameter('printJobId', { extractValue: true }) ?? '',
		).trim();
		if (!/^\d+$/.test(jobId)) return { results: [] };
		const job = (await instantCardCall(this, 'GET', `/print_jobs/${jobId}`)) as
			| IDataObject
			| undefined;
		const lists = Array.isArray(job?.list_users) ? (job.list_users as IDataObject[]) : [];
		const cards = lists.flatMap((list) =>
			Array.isArray(list?.users_data) ? (list.users_data as IDataObject[]) : [],
		);
		let results = cards.map((card) => ({ name: jobCardName(card), value: String(card.id) }));
		if (filter) {
			const needle = filter.toLowerCase();
			results = results.filter((r) => r.name.toLowerCase().includes(needle));
		}
		return { results };
	},
};

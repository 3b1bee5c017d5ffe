import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { instantCardList } from '../../shared/listSearch';
import { printJobAddCardsDescription } from './addCards';
import { printJobChargeDetailsDescription } from './chargeDetails';
import { outputHasBalance, printJobCheckBalanceDescription } from './checkBalance';
import { createPrintJob, printJobCreateDescription } from './create';
import { printJobGetDescription } from './get';
import { printJobGetAllDescription } from './getAll';
import { FORM_HEADERS, instantCardCall, outputPrintJobs, printJobName } from './helpers';
import { printJobRemoveCardDescription, removeCardRouting } from './removeCard';
import { printJobSubmitDescription, submitPrintJob } from './submit';
import { printJobUpdateDescription } from './update';

const showOnlyForPrintJob = { resource: ['printJob'] };
const outputJobs = { postReceive: [outputPrintJobs] };

export const printJobDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPrintJob },
		options: [
			{
				name: 'Add Cards',
				value: 'addCards',
				action: 'Add cards to a print job',
				description: 'Add finalized cards to a print job that was not submitted yet',
				routing: { request: { method: 'POST', headers: FORM_HEADERS }, output: outputJobs },
			},
			{
				name: 'Charge Details',
				value: 'chargeDetails',
				action: 'Get the charge details of a print job',
				description:
					'What the job costs: each card, shipping and the total, and whether the balance covers it',
				routing: { request: { method: 'GET' } },
			},
			{
				name: 'Check Balance',
				value: 'checkBalance',
				action: 'Check the balance covers a print job',
				description: "Whether the organization's balance covers the job, before submitting it",
				routing: { request: { method: 'GET' }, output: { postReceive: [outputHasBalance] } },
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a print job',
				description:
					'Start an order: address, shipping provider, copies and optionally cards. Nothing is printed or charged until it is submitted.',
				routing: {
					request: { method: 'POST', url: `=${ORG}/print_jobs`, headers: FORM_HEADERS },
					output: outputJobs,
					operations: { pagination: createPrintJob },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a print job',
				description: 'Get a print job with its status, address and cards',
				routing: { request: { method: 'GET' }, output: outputJobs },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many print jobs',
				description: "List the organization's print jobs, optionally only those in one status",
				routing: { request: { method: 'GET', url: `=${ORG}/print_jobs` }, output: outputJobs },
			},
			{
				name: 'Remove Card',
				value: 'removeCard',
				action: 'Remove a card from a print job',
				description: 'Take one card out of a print job that was not submitted yet',
				routing: { request: { method: 'DELETE' }, ...removeCardRouting },
			},
			{
				name: 'Submit',
				value: 'submit',
				action: 'Submit a print job',
				description:
					"Sends the job to production and charges the organization's balance. Cannot be undone.",
				routing: {
					request: { method: 'POST' },
					output: outputJobs,
					operations: { pagination: submitPrintJob },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a print job',
				description:
					'Change the address, shipping provider or number of copies of a job not submitted yet, or add cards',
				routing: { request: { method: 'PATCH', headers: FORM_HEADERS }, output: outputJobs },
			},
		],
		default: 'create',
	},
	...printJobAddCardsDescription,
	...printJobChargeDetailsDescription,
	...printJobCheckBalanceDescription,
	...printJobCreateDescription,
	...printJobGetDescription,
	...printJobGetAllDescription,
	...printJobRemoveCardDescription,
	...printJobSubmitDescription,
	...printJobUpdateDescription,
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

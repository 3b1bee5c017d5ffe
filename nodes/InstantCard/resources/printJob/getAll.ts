import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

const show = { resource: ['printJob'], operation: ['getAll'] };

/** preSend of Get Many: the chosen filter as the query. */
export async function sendFilters(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	if (filters.status !== undefined) options.qs = { ...options.qs, status: filters.status };
	return options;
}

/** Shown after the one Return All / Limit (see `listProperties`). */
export const printJobGetAllFilters: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				// The API documents `status` as a number (0 created, 1 submitted); the old server's
				// enum also takes the name, so the number is what works on both.
				options: [
					{
						name: 'Created',
						value: 0,
						description: 'Not submitted yet: cards can still be added or removed',
					},
					{ name: 'Duplicated', value: 6 },
					{ name: 'Failed', value: 4 },
					{ name: 'Finished', value: 3, description: 'Printed and shipped' },
					{ name: 'In Progress', value: 2, description: 'Being printed' },
					{
						name: 'No Balance',
						value: 5,
						description: 'Submitted without enough balance; can be submitted again',
					},
					{ name: 'Not Printed', value: 7 },
					{ name: 'Scheduled', value: 1, description: 'Submitted and waiting for production' },
				],
				default: 0,
				description: 'Only print jobs in this status',
			},
		],
	},
];

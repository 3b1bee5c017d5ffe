import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';
import { sendPagedRequest } from '../../shared/api';

const show = { resource: ['printJob'], operation: ['getAll'] };

export const printJobGetAllDescription: INodeProperties[] = [
	...listOptions(show, sendPagedRequest),
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
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];

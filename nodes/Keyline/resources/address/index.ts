import type { INodeProperties } from 'n8n-workflow';

import { keylineRoute } from '../../shared/route';
import { aboutAddress, ADDRESS_PATH } from './fields';
import { addressSetDescription, buildAddressBody } from './set';

export const addressDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['address'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Remove the billing or delivery address',
				description:
					'Remove the billing address of a cart, or the delivery address of a cart or order. The output shows the address that was removed.',
				routing: keylineRoute('DELETE', ADDRESS_PATH, { about: aboutAddress }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the billing or delivery address',
				description:
					'Get the billing address of a cart, or the delivery address of a cart or order',
				routing: keylineRoute('GET', ADDRESS_PATH, { about: aboutAddress }),
			},
			{
				name: 'Set',
				value: 'set',
				action: 'Set the billing or delivery address',
				description:
					'Set the billing address of a cart, or the delivery address of a cart or order. Replaces the whole address.',
				routing: keylineRoute('POST', ADDRESS_PATH, {
					about: aboutAddress,
					preSend: [buildAddressBody],
				}),
			},
		],
		default: 'set',
	},
	...addressSetDescription,
];

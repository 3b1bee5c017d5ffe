import type { INodeProperties } from 'n8n-workflow';

import { explainedRoute } from '../../shared/refusals';
import { addressDeleteDescription } from './delete';
import { aboutAddress, addressPath } from './fields';
import { addressGetDescription } from './get';
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
				routing: explainedRoute('DELETE', addressPath, aboutAddress),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the billing or delivery address',
				description:
					'Get the billing address of a cart, or the delivery address of a cart or order',
				routing: explainedRoute('GET', addressPath, aboutAddress),
			},
			{
				name: 'Set',
				value: 'set',
				action: 'Set the billing or delivery address',
				description:
					'Set the billing address of a cart, or the delivery address of a cart or order. Replaces the whole address.',
				routing: explainedRoute('POST', addressPath, aboutAddress, [buildAddressBody]),
			},
		],
		default: 'set',
	},
	...addressDeleteDescription,
	...addressGetDescription,
	...addressSetDescription,
];

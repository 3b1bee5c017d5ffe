import type { INodeProperties } from 'n8n-workflow';

import type { About } from '../../shared/refusals';
import { keylineRoute } from '../../shared/route';
import { buildCustomerBody } from './set';

const CUSTOMER: About = {
	what: 'customer',
	setWith: 'Customer → Set',
	catalogue: { key: 'customer', parameter: 'customerId', label: 'Customer ID' },
};

const PATH = '/carts/{cartId}/customer';

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Remove the customer from a cart',
				description:
					'Remove the customer from a cart. The output shows the customer that was removed.',
				routing: keylineRoute('DELETE', PATH, { about: CUSTOMER }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the customer of a cart',
				description:
					'Get the organization that buys the order: ID, name, tax identifier, reference',
				routing: keylineRoute('GET', PATH, { about: CUSTOMER }),
			},
			{
				name: 'Set',
				value: 'set',
				action: 'Set the customer of a cart',
				description:
					'Set the organization that buys the order, by the ID agreed with the print shop. Needed before the recipient.',
				routing: keylineRoute('POST', PATH, { about: CUSTOMER, preSend: [buildCustomerBody] }),
			},
		],
		default: 'set',
	},
];

import type { INodeProperties } from 'n8n-workflow';

import type { About } from '../../shared/refusals';
import { partOperation } from '../../shared/parts';
import { buildCustomerBody } from './set';

const CUSTOMER: About = {
	what: 'customer',
	setWith: 'Customer → Set',
	catalogue: { key: 'customer', parameter: 'customerId', label: 'Customer ID' },
};

const PATH = '/carts/{cartId}/customer';

export const customerDescription: INodeProperties[] = [
	partOperation({
		resource: 'customer',
		path: PATH,
		about: CUSTOMER,
		body: buildCustomerBody,
		delete: {
			action: 'Remove the customer from a cart',
			description:
				'Remove the customer from a cart. The output shows the customer that was removed.',
		},
		get: {
			action: 'Get the customer of a cart',
			description: 'Get the organization that buys the order: ID, name, tax identifier, reference',
		},
		set: {
			action: 'Set the customer of a cart',
			description:
				'Set the organization that buys the order, by the ID agreed with the print shop. Needed before the recipient.',
		},
	}),
];

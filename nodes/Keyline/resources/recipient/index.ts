import type { INodeProperties } from 'n8n-workflow';

import type { About } from '../../shared/refusals';
import { partOperation } from '../../shared/parts';
import { buildRecipientBody, recipientSetDescription } from './set';

const RECIPIENT: About = { what: 'recipient', setWith: 'Recipient → Set', needsCustomer: true };

const PATH = '/carts/{cartId}/recipient';

export const recipientDescription: INodeProperties[] = [
	partOperation({
		resource: 'recipient',
		path: PATH,
		about: RECIPIENT,
		body: buildRecipientBody,
		delete: {
			action: 'Remove the recipient from a cart',
			description:
				'Remove the recipient from a cart. The output shows the recipient that was removed.',
		},
		get: {
			action: 'Get the recipient of a cart',
			description: 'Get the person who receives the delivery: name, email, phone',
		},
		set: {
			action: 'Set the recipient of a cart',
			description:
				'Set the person who receives the delivery (where it goes is the delivery address). The cart needs its customer first.',
		},
	}),
	...recipientSetDescription,
];

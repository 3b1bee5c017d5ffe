import type { INodeProperties } from 'n8n-workflow';

import type { About } from '../../shared/refusals';
import { keylineRoute } from '../../shared/route';
import { buildRecipientBody, recipientSetDescription } from './set';

const RECIPIENT: About = { what: 'recipient', setWith: 'Recipient → Set', needsCustomer: true };

const PATH = '/carts/{cartId}/recipient';

export const recipientDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recipient'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Remove the recipient from a cart',
				description:
					'Remove the recipient from a cart. The output shows the recipient that was removed.',
				routing: keylineRoute('DELETE', PATH, { about: RECIPIENT }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the recipient of a cart',
				description: 'Get the person who receives the delivery: name, email, phone',
				routing: keylineRoute('GET', PATH, { about: RECIPIENT }),
			},
			{
				name: 'Set',
				value: 'set',
				action: 'Set the recipient of a cart',
				description:
					'Set the person who receives the delivery (where it goes is the delivery address). The cart needs its customer first.',
				routing: keylineRoute('POST', PATH, { about: RECIPIENT, preSend: [buildRecipientBody] }),
			},
		],
		default: 'set',
	},
	...recipientSetDescription,
];

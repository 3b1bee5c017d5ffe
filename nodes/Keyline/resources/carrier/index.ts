import type { INodeProperties } from 'n8n-workflow';

import type { About } from '../../shared/refusals';
import { keylineRoute } from '../../shared/route';
import { buildCarrierBody } from './set';

const CARRIER: About = {
	what: 'carrier',
	setWith: 'Carrier → Set',
	catalogue: { key: 'carrier', parameter: 'carrierId', label: 'Carrier ID' },
};

/** `/carts/{cartId}/carrier` or `/orders/{orderId}/carrier`, by Belongs To. */
const PATH = '{parent}/carrier';

export const carrierDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['carrier'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Remove the carrier from a cart or order',
				description:
					'Remove the carrier from a cart or order. The output shows the carrier that was removed.',
				routing: keylineRoute('DELETE', PATH, { about: CARRIER }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the carrier of a cart or order',
				description: 'Get the carrier that ships a cart or order: its ID and name',
				routing: keylineRoute('GET', PATH, { about: CARRIER }),
			},
			{
				name: 'Set',
				value: 'set',
				action: 'Set the carrier of a cart or order',
				description:
					'Choose the carrier that ships a cart or order, by the ID agreed with the print shop',
				routing: keylineRoute('POST', PATH, { about: CARRIER, preSend: [buildCarrierBody] }),
			},
		],
		default: 'set',
	},
];

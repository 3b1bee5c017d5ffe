import type { INodeProperties } from 'n8n-workflow';

import type { About } from '../../shared/refusals';
import { partOperation } from '../../shared/parts';
import { buildCarrierBody } from './set';

const CARRIER: About = {
	what: 'carrier',
	setWith: 'Carrier → Set',
	catalogue: { key: 'carrier', parameter: 'carrierId', label: 'Carrier ID' },
};

/** `/carts/{cartId}/carrier` or `/orders/{orderId}/carrier`, by Belongs To. */
const PATH = '{parent}/carrier';

export const carrierDescription: INodeProperties[] = [
	partOperation({
		resource: 'carrier',
		path: PATH,
		about: CARRIER,
		body: buildCarrierBody,
		delete: {
			action: 'Remove the carrier from a cart or order',
			description:
				'Remove the carrier from a cart or order. The output shows the carrier that was removed.',
		},
		get: {
			action: 'Get the carrier of a cart or order',
			description: 'Get the carrier that ships a cart or order: its ID and name',
		},
		set: {
			action: 'Set the carrier of a cart or order',
			description:
				'Choose the carrier that ships a cart or order, by the ID agreed with the print shop',
		},
	}),
];

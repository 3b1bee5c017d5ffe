import type { INodeProperties } from 'n8n-workflow';

import { parentField, parentIdFields } from '../../shared/ids';

const show = { resource: ['carrier'], operation: ['delete'] };

export const carrierDeleteDescription: INodeProperties[] = [
	parentField(
		show,
		'Whether to remove the carrier from a cart, or from an order (possible until the order is completed)',
	),
	...parentIdFields(show),
];

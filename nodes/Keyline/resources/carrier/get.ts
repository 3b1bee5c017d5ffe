import type { INodeProperties } from 'n8n-workflow';

import { parentField, parentIdFields } from '../../shared/ids';

const show = { resource: ['carrier'], operation: ['get'] };

export const carrierGetDescription: INodeProperties[] = [
	parentField(show, 'Whether to get the carrier of a cart, or of an order already placed'),
	...parentIdFields(show),
];

import type { INodeProperties } from 'n8n-workflow';

import { parentField, parentIdFields } from '../../shared/ids';

const show = { resource: ['product'], operation: ['getAll'] };

export const productGetAllDescription: INodeProperties[] = [
	parentField(show, 'Whether to list the products of a cart or of an order'),
	...parentIdFields(show),
];

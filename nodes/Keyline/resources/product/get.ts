import type { INodeProperties } from 'n8n-workflow';

import { idField, parentField, parentIdFields } from '../../shared/ids';

const show = { resource: ['product'], operation: ['get'] };

export const productGetDescription: INodeProperties[] = [
	parentField(show, 'Whether the product is in a cart or in an order placed from it'),
	...parentIdFields(show),
	idField('productId', show),
];

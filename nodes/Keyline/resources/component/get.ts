import type { INodeProperties } from 'n8n-workflow';

import { idField, parentField, parentIdFields } from '../../shared/ids';

const show = { resource: ['component'], operation: ['get'] };

export const componentGetDescription: INodeProperties[] = [
	parentField(show, 'Whether the product is in a cart or in an order placed from it'),
	...parentIdFields(show),
	idField('productId', show, 'The product the component belongs to'),
	idField('componentId', show),
];

import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

const show = { resource: ['variant'], operation: ['getAll'] };

export const variantGetAllDescription: INodeProperties[] = [
	idField(
		'cartId',
		show,
		'The cart the product is in. For an order, Product → Get lists its variants.',
	),
	idField('productId', show, 'The product whose variants to list'),
];

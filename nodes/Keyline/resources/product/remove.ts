import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

const show = { resource: ['product'], operation: ['remove'] };

export const productRemoveDescription: INodeProperties[] = [
	idField(
		'cartId',
		show,
		'The cart to remove the product from. Products of an order cannot be removed.',
	),
	idField('productId', show, 'The ID of the product in the cart, e.g. from Product → Add'),
];

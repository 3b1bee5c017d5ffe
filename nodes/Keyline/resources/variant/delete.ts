import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

const show = { resource: ['variant'], operation: ['delete'] };

export const variantDeleteDescription: INodeProperties[] = [
	idField('cartId', show, 'The cart the product is in. Variants of an order cannot be deleted.'),
	idField('productId', show, 'The product the variant belongs to'),
	idField('variantId', show),
];

import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';
import { updateBody, updateFieldsCollection, withClearOption } from '../../shared/update';
import { productBody, productFieldOptions } from './fields';

export const buildUpdateBody = updateBody('product', productBody);

const show = { resource: ['product'], operation: ['update'] };

export const productUpdateDescription: INodeProperties[] = [
	idField('cartId', show, 'The cart the product is in. Products of an order cannot be changed.'),
	idField('productId', show, 'The ID of the product in the cart, e.g. from Product → Add'),
	updateFieldsCollection(show, withClearOption(productFieldOptions)),
];

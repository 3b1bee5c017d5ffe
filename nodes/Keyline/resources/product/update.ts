import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireChanges } from '../../../shared/validation';
import { idField } from '../../shared/ids';
import { productBody, productFieldOptions } from './fields';

export async function buildUpdateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const product = productBody(this, this.getNodeParameter('updateFields', {}) as IDataObject);
	requireChanges(this, product, 'Add at least one field under Update Fields.');
	options.body = { product };
	return options;
}

const show = { resource: ['product'], operation: ['update'] };

export const productUpdateDescription: INodeProperties[] = [
	idField('cartId', show, 'The cart the product is in. Products of an order cannot be changed.'),
	idField('productId', show, 'The ID of the product in the cart, e.g. from Product → Add'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: productFieldOptions,
	},
];

import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireChanges } from '../../../shared/validation';
import { idField } from '../../shared/ids';
import { VARIANT_CIRCULATION, VARIANT_NAME, variantBody } from './fields';

export async function buildUpdateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const variant = variantBody(this, this.getNodeParameter('updateFields', {}) as IDataObject);
	requireChanges(this, variant, 'Add Name or Circulation under Update Fields.');
	options.body = { variant };
	return options;
}

const show = { resource: ['variant'], operation: ['update'] };

export const variantUpdateDescription: INodeProperties[] = [
	idField('cartId', show, 'The cart the product is in. Variants of an order cannot be changed.'),
	idField('productId', show, 'The product the variant belongs to'),
	idField('variantId', show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [VARIANT_CIRCULATION, VARIANT_NAME] as INodeProperties[],
	},
];

import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { failure } from '../product/checks';
import { idField } from '../../shared/ids';
import { VARIANT_CIRCULATION, VARIANT_NAME, variantBody } from './fields';

/**
 * An empty Name is left to Keyline, which names the variant itself; an expression that gives
 * nothing is refused instead, so a mapping gone wrong does not create an unnamed variant.
 */
export async function buildCreateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const fields: IDataObject = { circulation: this.getNodeParameter('circulation', 1000) };
	const name = this.getNodeParameter('name', '') as unknown;
	if (String(name ?? '').trim() !== '') fields.name = name as string;
	else if (String(this.getNode().parameters.name ?? '').startsWith('=')) {
		throw failure(
			this,
			'Name is empty: its expression gave no value',
			'Check the expression and the input item, or clear the field to let Keyline name the variant.',
		);
	}
	options.body = { variant: variantBody(this, fields) };
	return options;
}

const show = { resource: ['variant'], operation: ['create'] };

export const variantCreateDescription: INodeProperties[] = [
	idField(
		'cartId',
		show,
		'The cart the product is in. Variants can only be added before checkout.',
	),
	idField('productId', show, 'The product to add the variant to, e.g. from Product → Add'),
	{
		...VARIANT_NAME,
		description: `${VARIANT_NAME.description} Leave empty to let Keyline name it.`,
		displayOptions: { show },
	},
	{ ...VARIANT_CIRCULATION, required: true, displayOptions: { show } },
];

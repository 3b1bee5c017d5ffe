import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodeParameterResourceLocator,
} from 'n8n-workflow';

import { idField } from '../../shared/ids';
import { failure } from './checks';
import { productBody, productFieldOptions } from './fields';

const show = { resource: ['product'], operation: ['add'] };

/**
 * `product_template_id` or `order_number`, whichever the Product Template field is set to: Keyline
 * needs one of them, and only that one is sent.
 */
export function templateReference(context: IExecuteSingleFunctions): IDataObject {
	const raw = context.getNodeParameter('productTemplate', '') as
		| INodeParameterResourceLocator
		| string;
	const mode = typeof raw === 'object' && raw !== null ? raw.mode : 'orderNumber';
	const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (mode === 'id') {
		if (text === '') {
			throw failure(
				context,
				'Product Template ID is empty',
				'Enter the ID of the product template the print shop gave you, e.g. 501.',
			);
		}
		if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
			throw failure(
				context,
				`Product Template ID must be a positive whole number, not "${text.slice(0, 60)}"`,
				'An ID is digits only, e.g. 501. For an order number like KEY-XY-123, set Product Template to By Order Number.',
			);
		}
		return { product_template_id: Number(text) };
	}
	if (mode === 'orderNumber') {
		if (text === '') {
			throw failure(
				context,
				'Product Template order number is empty',
				'Enter the order number of the product template the print shop gave you, e.g. KEY-XY-123.',
			);
		}
		return { order_number: text };
	}
	throw failure(
		context,
		`Product Template must be given By Order Number or By ID, not "${String(mode)}"`,
		'Choose By Order Number or By ID beside the field.',
	);
}

export async function buildAddBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const template = templateReference(this);
	const fields = productBody(this, this.getNodeParameter('additionalFields', {}) as IDataObject);
	options.body = { product: { ...template, ...fields } };
	return options;
}

export const productAddDescription: INodeProperties[] = [
	idField(
		'cartId',
		show,
		'The cart to add the product to. Digits only; map it from Cart → Create.',
	),
	{
		displayName: 'Product Template',
		name: 'productTemplate',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'orderNumber', value: '' },
		hint: 'Keyline cannot list its product templates: use the order number or ID the print shop gave you',
		description:
			'The predefined product to add (a product template in Keyline). The Inbox API only adds products from templates, and cannot list them: the print shop tells you their order numbers or IDs.',
		modes: [
			{
				displayName: 'By Order Number',
				name: 'orderNumber',
				type: 'string',
				placeholder: 'e.g. KEY-XY-123',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 501',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9]+\\s*$',
							errorMessage: 'An ID is digits only. For an order number, choose By Order Number.',
						},
					},
				],
			},
		],
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: productFieldOptions,
	},
];

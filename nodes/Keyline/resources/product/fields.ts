/**
 * A product's own fields, shared by Add and Update (they send the same `product` object), and
 * the product template Add and Place Order (One Step) take.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { customReferences, customReferencesOption } from '../../shared/fields';
import { nameValue, wholeNumber } from './checks';
import { refusal } from '../../../shared/validation';

/**
 * `product_template_id` or `order_number`, whichever the Product Template field (`raw`, its value)
 * is set to: Keyline needs one of them, and only that one is sent.
 */
export function templateReference(context: IExecuteSingleFunctions, raw: unknown): IDataObject {
	const locator =
		typeof raw === 'object' && raw !== null ? (raw as INodeParameterResourceLocator) : undefined;
	const mode = locator ? locator.mode : 'orderNumber';
	const value = locator ? locator.value : raw;
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (mode === 'id') {
		if (text === '') {
			throw refusal(
				context,
				'Product Template ID is empty',
				'Enter the ID of the product template the print shop gave you, e.g. 501.',
			);
		}
		if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
			throw refusal(
				context,
				`Product Template ID must be a positive whole number, not "${text.slice(0, 60)}"`,
				'An ID is digits only, e.g. 501. For an order number like KEY-XY-123, set Product Template to By Order Number.',
			);
		}
		return { product_template_id: Number(text) };
	}
	if (mode === 'orderNumber') {
		if (text === '') {
			throw refusal(
				context,
				'Product Template order number is empty',
				'Enter the order number of the product template the print shop gave you, e.g. KEY-XY-123.',
			);
		}
		return { order_number: text };
	}
	throw refusal(
		context,
		`Product Template must be given By Order Number or By ID, not "${String(mode)}"`,
		'Choose By Order Number or By ID beside the field.',
	);
}

/** The product template to add, without displayOptions: Product → Add and Place Order (One Step) show it. */
export const PRODUCT_TEMPLATE: INodeProperties = {
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
};

export const productFieldOptions: INodeProperties[] = [
	{
		displayName: 'Circulation',
		name: 'circulation',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1000,
		description:
			'How many copies to print. A product with several variants takes the circulation of each variant instead (Variant → Update).',
	},
	customReferencesOption,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Sticker',
		description:
			"The product's name in the order, up to 200 characters. Without it, the product template's name is used.",
	},
	{
		displayName: 'Net Total (Amount)',
		name: 'netTotal',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		placeholder: 'e.g. 43.21',
		description:
			"The net price in the print shop's currency, e.g. 43.21 (sent to Keyline as 4321 cents). Service costs are still added on top. Setting a price locks it: margin settings no longer change it.",
	},
	{
		displayName: 'Net Total (Cents)',
		name: 'netTotalCents',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 0,
		placeholder: 'e.g. 4321',
		description:
			'The net price in cents (the smallest currency unit), e.g. 4321 for 43.21. Use this or Net Total (Amount). Service costs are still added on top. Setting a price locks it: margin settings no longer change it.',
	},
];

/** Cents from an amount in currency units; more than two decimals cannot be sent. */
function centsOf(context: IExecuteSingleFunctions, value: unknown): number {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	const amount = Number(text);
	if (text === '' || !Number.isFinite(amount) || amount <= 0) {
		throw refusal(
			context,
			`Net Total (Amount) must be a price above 0, not "${text.slice(0, 60)}"`,
			'Enter the net price in currency units, e.g. 43.21.',
		);
	}
	const cents = Math.round(amount * 100);
	if (Math.abs(cents - amount * 100) > 1e-6) {
		throw refusal(
			context,
			`Net Total (Amount) ${text} has more than two decimal places`,
			'Keyline takes prices in whole cents: round it to two decimals, e.g. 43.21.',
		);
	}
	return cents;
}

/** The `product` object of the body from a collection parameter; checked before anything is sent. */
export function productBody(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const product: IDataObject = {};
	if (fields.name !== undefined) product.name = nameValue(context, fields.name, 'Name');
	if (fields.netTotal !== undefined && fields.netTotalCents !== undefined) {
		throw refusal(
			context,
			'Net Total is given twice: as an amount and in cents',
			'Keep one of Net Total (Amount) and Net Total (Cents).',
		);
	}
	if (fields.netTotal !== undefined) product.net_total = centsOf(context, fields.netTotal);
	if (fields.netTotalCents !== undefined) {
		product.net_total = wholeNumber(
			context,
			fields.netTotalCents,
			'Net Total (Cents)',
			'4321 for 43.21',
		);
	}
	if (fields.circulation !== undefined) {
		product.circulation = wholeNumber(context, fields.circulation, 'Circulation', '1000');
	}
	const references = customReferences(context, fields);
	if (references !== undefined) product.custom_references = references;
	return product;
}

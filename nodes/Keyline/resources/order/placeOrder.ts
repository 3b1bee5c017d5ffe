/**
 * The fields of Order → Place Order (One Step): the Recipient, Address, Product, Variant,
 * Component and Print Data File resources' own field definitions, grouped so one node can hold
 * a whole order.
 */
import type { INodeProperties } from 'n8n-workflow';

import { moneyNotice } from '../../../shared/description';
import { ADDRESS_VALUES, DELIVERY_CONTACT } from '../address/fields';
import { CHECKOUT_NOTICE } from '../cart/checkout';
import { componentFieldOptions } from '../component/fields';
import { optionalFileFields, requiredFileValues } from '../printDataFile/fields';
import { PRODUCT_TEMPLATE, productFieldOptions } from '../product/fields';
import { RECIPIENT_VALUES } from '../recipient/set';
import { NEW_VARIANT_VALUES } from '../variant/fields';

export const PLACE_ORDER_DESCRIPTION =
	'Build a cart from customer, recipient, carrier, addresses and products in one step and, only when Place the Order is on, check it out. With it on, this SPENDS MONEY: it places a binding order with the print shop.';

const show = { resource: ['order'], operation: ['placeOrder'] };

const text = (
	name: string,
	displayName: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({ displayName, name, type: 'string', default: '', ...extra });

function addressField(
	name: string,
	displayName: string,
	description: string,
	values: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${displayName}`,
		default: {},
		description,
		displayOptions: { show },
		options: [{ displayName, name: 'address', values }],
	};
}

const componentRef = (description: string, extra: Partial<INodeProperties> = {}) =>
	text('component', 'Component', { placeholder: 'e.g. 1 or Inhalt', description, ...extra });

const list = (
	name: string,
	displayName: string,
	description: string,
	entry: { displayName: string; name: string; values: INodeProperties[] },
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: `Add ${entry.displayName}`,
	default: {},
	description,
	options: [entry],
});

/** One product: the fields of Product → Add, its variants, component changes and print data files. */
const productValues: INodeProperties[] = [
	PRODUCT_TEMPLATE,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productFieldOptions.map((option) =>
			option.name === 'circulation'
				? {
						...option,
						description:
							'How many copies to print. Leave it out when you add Variants: their circulations add up to the total.',
					}
				: option,
		),
	},
	list(
		'variants',
		'Variants',
		'Versions of the product printed in one job, e.g. German and English, each with its own circulation. Without variants the product has one.',
		{
			displayName: 'Variant',
			name: 'variant',
			values: NEW_VARIANT_VALUES,
		},
	),
	list(
		'components',
		'Component Changes',
		"Changes to the template's components (e.g. cover and content of a brochure)",
		{
			displayName: 'Component Change',
			name: 'component',
			values: [
				componentRef('Which component: its position in the product (1 = first) or its name', {
					required: true,
				}),
				{
					displayName: 'Changes',
					name: 'changes',
					type: 'collection',
					placeholder: 'Add Change',
					default: {},
					options: componentFieldOptions,
				},
			],
		},
	),
	list(
		'printDataFiles',
		'Print Data Files',
		'PDFs the print shop fetches from a URL, for the whole product or one component',
		{
			displayName: 'Print Data File',
			name: 'file',
			values: [
				...requiredFileValues,
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: [
						componentRef(
							'Attach the file to this component (position or name) instead of the whole product',
						),
						...optionalFileFields,
					],
				},
			],
		},
	),
];

export const PRODUCTS_JSON_EXAMPLE = `[
  {
    "product_template_id": 502,
    "name": "Flyer Summer Sale",
    "custom_references": { "PO": "7891234" },
    "variants": [{ "name": "Deutsch", "circulation": 500 }, { "name": "English", "circulation": 250 }],
    "components": [{ "component": 1, "paper_name": "Bilderdruck matt", "grammage": 170 }],
    "print_data_files": [{ "uri": "https://example.com/flyer.pdf", "kind": "original" }]
  }
]`;

export const placeOrderDescription: INodeProperties[] = [
	{
		displayName:
			'Builds a new cart from the fields below. Only when Place the Order is on is the cart checked out: that places a binding order with the print shop and costs money.',
		name: 'placeOrderNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'fixedCollection',
		placeholder: 'Add Recipient',
		default: {},
		description: 'The person who receives the order. Required to place it.',
		displayOptions: { show },
		options: [{ displayName: 'Recipient', name: 'person', values: RECIPIENT_VALUES }],
	},
	addressField(
		'billingAddress',
		'Billing Address',
		'Where the invoice goes. Required to place the order.',
		ADDRESS_VALUES,
	),
	addressField(
		'deliveryAddress',
		'Delivery Address',
		'Where the printed products are delivered. Required to place the order.',
		[...ADDRESS_VALUES, DELIVERY_CONTACT],
	),
	{
		displayName: 'Specify Products',
		name: 'productsInput',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description: "A list of products, e.g. mapped from a webhook's body with an expression",
			},
		],
		default: 'fields',
		displayOptions: { show },
	},
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		default: {},
		description: 'One entry per printed product; at least one',
		displayOptions: { show: { ...show, productsInput: ['fields'] } },
		options: [{ displayName: 'Product', name: 'product', values: productValues }],
	},
	{
		displayName: 'Products (JSON)',
		name: 'productsJson',
		type: 'json',
		default: '',
		placeholder: PRODUCTS_JSON_EXAMPLE,
		hint: 'Map it from a previous node, e.g. {{ $json.body.products }} after a Webhook',
		description:
			'A list of products with Keyline\'s field names: product_template_id or order_number (one of them); optional name, circulation, net_total (cents), custom_references, variants [{name, circulation}], components [{component: position or name, name, paper_name, grain, grammage, closed_dimensions [width, height], front_colors and back_colors like ["CMYK/Cyan", "Pantone/83"] ([] for unprinted), print_data_files}], print_data_files [{uri, kind, filesize, first_page, last_page, component}]. Checked by the same rules as the fields, before the first request.',
		displayOptions: { show: { ...show, productsInput: ['json'] } },
	},
	{
		displayName: 'Place the Order',
		name: 'placeTheOrder',
		type: 'boolean',
		default: false,
		description: `Whether to check the cart out once it is built and Keyline finds it complete. ON SPENDS MONEY: ${CHECKOUT_NOTICE} OFF only builds and validates the cart, so it can be looked over (the output lists what is missing and the price).`,
		displayOptions: { show },
	},
	moneyNotice('placeTheOrderNotice', CHECKOUT_NOTICE, { ...show, placeTheOrder: [true] }),
];

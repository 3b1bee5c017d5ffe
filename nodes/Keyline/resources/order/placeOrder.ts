/**
 * The fields of Order → Place Order (One Step). The party, address and product shapes mirror
 * the Recipient, Address, Product, Variant, Component and Print Data File resources (same
 * Keyline fields), grouped so one node can hold a whole order.
 */
import type { INodeProperties } from 'n8n-workflow';

import { customReferencesOption } from '../../shared/fields';
import { ADDRESS_VALUES, DELIVERY_CONTACT } from '../address/fields';
import { CHECKOUT_NOTICE } from '../cart/checkout';
import { cartFieldOptions } from '../cart/fields';
import { RECIPIENT_VALUES } from '../recipient/set';

export const PLACE_ORDER_DESCRIPTION =
	'Build a cart from customer, recipient, carrier, addresses and products in one step and, only when Place the Order is on, check it out. With it on, this SPENDS MONEY: it places a binding order with the print shop.';

const show = { resource: ['order'], operation: ['placeOrder'] };

const text = (
	name: string,
	displayName: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({ displayName, name, type: 'string', default: '', ...extra });

function addressField(name: string, displayName: string, description: string, values: INodeProperties[]): INodeProperties {
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

const componentRef = (description: string) =>
	text('component', 'Component', { placeholder: 'e.g. 1 or Inhalt', description });

const colorsField = (name: string, displayName: string, side: string) =>
	text(name, displayName, {
		placeholder: 'e.g. CMYK/Cyan, CMYK/Magenta, CMYK/Yellow, CMYK/Black',
		description: `Colors of the ${side}, separated by commas, each Family/Name with the family CMYK, HKS, Pantone or custom (e.g. Pantone/83). Enter none for an unprinted ${side}.`,
	});

const dimension = (name: string, displayName: string) => ({
	displayName,
	name,
	type: 'number' as const,
	default: 0,
	typeOptions: { minValue: 1, numberPrecision: 0 },
	description: `Closed ${displayName.split(' ')[0].toLowerCase()} in millimeters; give Width and Height together`,
});

const productValues: INodeProperties[] = [
	text('productTemplateId', 'Product Template ID', {
		placeholder: 'e.g. 501',
		description:
			'The product to order, by the template ID agreed with the print shop (Keyline cannot list them). Give this or the Order Number.',
	}),
	text('orderNumber', 'Order Number', {
		placeholder: 'e.g. KEY-XY-123',
		description: "The product template's order number, instead of or as well as its ID",
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Circulation',
				name: 'circulation',
				type: 'number',
				default: 1000,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description:
					'How many pieces to print. Leave it out when you add Variants: their circulations add up to the total.',
			},
			customReferencesOption,
			text('name', 'Name', {
				placeholder: 'e.g. Sticker Summer Sale',
				description: "The product's name on the order, up to 200 characters (default: the template's)",
			}),
			{
				displayName: 'Net Total (Cents)',
				name: 'netTotal',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description:
					"Fixes the price, in cents (4321 = 43.21 EUR), instead of the print shop's calculation. Keyline still adds service costs.",
			},
		],
	},
	{
		displayName: 'Variants',
		name: 'variants',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variant',
		default: {},
		description:
			'Versions of the product printed in one job, e.g. German and English, each with its own circulation. Without variants the product has one.',
		options: [
			{
				displayName: 'Variant',
				name: 'variant',
				values: [
					text('name', 'Name', {
						placeholder: 'e.g. Deutsch',
						description: 'Unique within the product (default: Keyline numbers them)',
					}),
					{
						displayName: 'Circulation',
						name: 'circulation',
						type: 'number',
						default: 1000,
						typeOptions: { minValue: 1, numberPrecision: 0 },
						description: 'How many pieces of this variant to print',
					},
				],
			},
		],
	},
	{
		displayName: 'Component Changes',
		name: 'components',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Component Change',
		default: {},
		description: "Changes to the template's components (e.g. cover and content of a brochure)",
		options: [
			{
				displayName: 'Component Change',
				name: 'component',
				values: [
					componentRef('Which component: its position in the product (1 = first) or its name'),
					{
						displayName: 'Changes',
						name: 'changes',
						type: 'collection',
						placeholder: 'Add Change',
						default: {},
						options: [
							colorsField('backColors', 'Back Colors', 'back'),
							colorsField('frontColors', 'Front Colors', 'front'),
							{
								displayName: 'Grain',
								name: 'grain',
								type: 'options',
								options: [
									{ name: 'Long', value: 'long' },
									{ name: 'Short', value: 'short' },
								],
								default: 'long',
								description: 'Grain direction of the paper',
							},
							{
								displayName: 'Grammage',
								name: 'grammage',
								type: 'number',
								default: 135,
								typeOptions: { minValue: 1, numberPrecision: 0 },
								description: 'Paper weight in g/m²',
							},
							dimension('height', 'Height (mm)'),
							text('paperName', 'Paper Name', { placeholder: 'e.g. Bilderdruck matt' }),
							dimension('width', 'Width (mm)'),
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Print Data Files',
		name: 'printDataFiles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Print Data File',
		default: {},
		description: 'PDFs the print shop fetches from a URL, for the whole product or one component',
		options: [
			{
				displayName: 'Print Data File',
				name: 'file',
				values: [
					text('uri', 'URI', {
						required: true,
						placeholder: 'e.g. https://example.com/print/flyer.pdf',
						description: 'Full address of the file, including https://',
					}),
					{
						displayName: 'Kind',
						name: 'kind',
						type: 'options',
						options: [
							{ name: 'Original', value: 'original', description: 'The file as designed' },
							{ name: 'Processed', value: 'processed', description: 'Already preflighted' },
							{ name: 'Imposed', value: 'imposed', description: 'Already imposed on print sheets' },
						],
						default: 'original',
					},
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
							{
								displayName: 'File Size (Bytes)',
								name: 'filesize',
								type: 'number',
								default: 0,
								typeOptions: { minValue: 0, numberPrecision: 0 },
							},
							{
								displayName: 'First Page',
								name: 'firstPage',
								type: 'number',
								default: 1,
								typeOptions: { minValue: 1, numberPrecision: 0 },
								description: 'First page of the PDF to print',
							},
							{
								displayName: 'Last Page',
								name: 'lastPage',
								type: 'number',
								default: 1,
								typeOptions: { minValue: 1, numberPrecision: 0 },
								description: 'Last page of the PDF to print',
							},
						],
					},
				],
			},
		],
	},
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
	text('customerId', 'Customer ID', {
		required: true,
		placeholder: 'e.g. 206',
		description:
			'The organization that buys, by the ID agreed with the print shop (Keyline cannot list customers). Digits only.',
		displayOptions: { show },
	}),
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
	text('carrierId', 'Carrier ID', {
		required: true,
		placeholder: 'e.g. 43',
		description:
			'The shipping carrier, by the ID agreed with the print shop (Keyline cannot list carriers). Digits only.',
		displayOptions: { show },
	}),
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
			"A list of products with Keyline's field names: product_template_id or order_number; optional name, circulation, net_total (cents), custom_references, variants [{name, circulation}], components [{component: position or name, paper_name, grain, grammage, closed_dimensions [width, height], front_colors, back_colors, print_data_files}], print_data_files [{uri, kind, filesize, first_page, last_page, component}]. Everything is checked before the first request.",
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
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: cartFieldOptions,
	},
];

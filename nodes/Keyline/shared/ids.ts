/**
 * The IDs in Keyline URLs. Each has its own field and is checked to be a positive whole number
 * before anything is sent, so a mapped empty value or a reference in the wrong field reads as
 * what it is instead of as Keyline's 404.
 */
import type { INodeProperties } from 'n8n-workflow';

export const KEYLINE_IDS = {
	cartId: { label: 'Cart ID', example: '9981', hint: 'The ID Cart → Create returned' },
	orderId: { label: 'Order ID', example: '14011', hint: 'The ID Cart → Check Out returned' },
	productId: {
		label: 'Product ID',
		example: '17621',
		hint: 'The ID of the product in the cart or order',
	},
	variantId: {
		label: 'Variant ID',
		example: '38421',
		hint: 'The ID of the variant of the product',
	},
	componentId: {
		label: 'Component ID',
		example: '24171',
		hint: 'The ID of the component of the product',
	},
	printDataFileId: {
		label: 'Print Data File ID',
		example: '871',
		hint: 'The ID of the print data file',
	},
} as const;

export type KeylineId = keyof typeof KEYLINE_IDS;

type Show = Record<string, Array<string | boolean>>;

/** A required ID field, e.g. `idField('cartId', { resource: ['cart'] }, 'The cart …')`. */
function idField(
	name: KeylineId,
	displayOptions: { show: Show; hide?: Show },
	description: string,
): INodeProperties {
	return {
		displayName: KEYLINE_IDS[name].label,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${KEYLINE_IDS[name].example}`,
		description: `${description} Digits only; map it from a previous node`,
		displayOptions,
	};
}

/** Records that live in a cart (and, where Belongs To is shown, in an order instead). */
const IN_CART = [
	'address',
	'carrier',
	'component',
	'customer',
	'printDataFile',
	'product',
	'recipient',
	'variant',
];

const belongsTo = (description: string, displayOptions: { show: Show; hide?: Show }) =>
	({
		displayName: 'Belongs To',
		name: 'parent',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Cart', value: 'cart', description: 'A cart that has not been checked out yet' },
			{ name: 'Order', value: 'order', description: 'An order placed from a cart' },
		],
		default: 'cart',
		description,
		displayOptions,
	}) satisfies INodeProperties;

/**
 * The fields that say where a record lives, each defined once for every operation that needs
 * it: n8n resolves a parameter once per item for every property of its name, shown or not.
 *
 * n8n shows a property when every key of `show` matches and no key of `hide` does, so one
 * property can only cover a "box" of resource × operation × choice. Where an ID is both a
 * record's own (Cart → Get) and the parent of records under it (Product → Get in a cart), the
 * two sets are not one box (Cart → Create and Variant → Create differ only by resource): each
 * such ID has one property for the record itself and one for the record it belongs to.
 */
export const locationFields: INodeProperties[] = [
	{
		displayName: 'Address Type',
		name: 'addressType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Billing',
				value: 'billing',
				description:
					'Where the invoice goes. Carts only: an order keeps the billing address it was placed with.',
			},
			{
				name: 'Delivery',
				value: 'delivery',
				description:
					'Where the printed products are shipped. Carts, and orders until they are completed.',
			},
		],
		default: 'delivery',
		displayOptions: { show: { resource: ['address'] } },
	},
	// Carriers, delivery addresses and print data files: every operation, cart or order.
	belongsTo(
		'Whether it belongs to a cart, or to an order already placed (changes are possible until the order is completed)',
		{
			show: { resource: ['address', 'carrier', 'printDataFile'] },
			hide: { addressType: ['billing'] },
		},
	),
	// Products and components are read in either; they change only in a cart.
	belongsTo('Whether the product is in a cart, or in an order placed from it', {
		show: { resource: ['component', 'product'], operation: ['get', 'getAll'] },
	}),
	idField(
		'cartId',
		{
			show: { resource: ['cart'], operation: ['checkout', 'delete', 'get', 'update', 'validate'] },
		},
		'The cart, by the ID Cart → Create returned.',
	),
	idField(
		'cartId',
		{ show: { resource: IN_CART }, hide: { parent: ['order'] } },
		'The cart it is in, by the ID Cart → Create returned. Billing addresses, customers, recipients, and changes to products, variants and components are for carts only.',
	),
	idField(
		'orderId',
		{ show: { resource: ['order'], operation: ['cancel', 'get'] } },
		'The order, by the ID Cart → Check Out or Place Order returned.',
	),
	idField(
		'orderId',
		{ show: { parent: ['order'] } },
		'The order it belongs to, by the ID Cart → Check Out or Place Order returned.',
	),
	idField(
		'productId',
		{ show: { resource: ['product'], operation: ['get', 'remove', 'update'] } },
		'The ID of the product in the cart or order, e.g. from Product → Add.',
	),
	idField(
		'productId',
		{ show: { resource: ['component', 'printDataFile', 'variant'] } },
		'The product it belongs to, e.g. from Product → Add.',
	),
	{
		displayName: 'Attached To',
		name: 'attachedTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Product', value: 'product', description: 'The file is for the whole product' },
			{
				name: 'Component',
				value: 'component',
				description: 'The file is for one component of the product, e.g. the cover of a brochure',
			},
		],
		default: 'product',
		description: 'Whether the file is for the whole product or for one of its components',
		displayOptions: { show: { resource: ['printDataFile'] } },
	},
	idField(
		'componentId',
		{ show: { resource: ['component'], operation: ['get', 'update'] } },
		'The ID of the component of the product.',
	),
	idField(
		'componentId',
		{ show: { resource: ['printDataFile'], attachedTo: ['component'] } },
		'The component the file is for.',
	),
	idField(
		'variantId',
		{ show: { resource: ['variant'], operation: ['delete', 'get', 'update'] } },
		'The ID of the variant of the product.',
	),
	idField(
		'printDataFileId',
		{ show: { resource: ['printDataFile'], operation: ['delete', 'get', 'update'] } },
		'The ID of the print data file.',
	),
];

/** IDs agreed with the print shop (Keyline cannot list them): Set and Place Order (One Step). */
export const catalogueIdFields: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 206',
		description:
			"The print shop's ID for the organization that buys the order. Keyline cannot list customers: the ID is agreed with the print shop (ask them for yours). Digits only.",
		displayOptions: { show: { resource: ['customer', 'order'], operation: ['set', 'placeOrder'] } },
	},
	{
		displayName: 'Carrier ID',
		name: 'carrierId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 43',
		description:
			"The print shop's ID for the carrier that ships the order (e.g. their DHL or UPS service). Keyline cannot list carriers: the IDs are agreed with the print shop (ask them for theirs). Digits only.",
		displayOptions: { show: { resource: ['carrier', 'order'], operation: ['set', 'placeOrder'] } },
	},
];

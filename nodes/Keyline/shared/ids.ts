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
 * A choice the operation makes for the user: a hidden `parent` or `attachedTo` whose value
 * completes the `show`/`hide` of the ID fields, so that each ID is one property (see below).
 * `none`: the path has no such record yet (Cart → Create, Product → Add and Get Many).
 */
const fixedChoice = (
	name: 'parent' | 'attachedTo',
	value: 'none' | 'order' | 'component',
	show: Show,
): INodeProperties => ({
	displayName: name === 'parent' ? 'Belongs To' : 'Attached To',
	name,
	type: 'hidden',
	default: value,
	displayOptions: { show },
});

/**
 * The fields that say where a record lives, each defined once for every operation that needs
 * it: n8n resolves a parameter once per item for every property of its name, shown or not, so
 * a copy of an ID field costs one more evaluation of the user's expression on every item.
 *
 * n8n shows a property when every key of `show` matches and no key of `hide` does, so one
 * property covers a "box" of resource × operation × choice. An ID that is both a record's own
 * (Cart → Get) and the parent of records under it (Product → Get in a cart) is not one box:
 * Cart → Create and Variant → Create differ only by resource. Where the operation itself fixes
 * the choice, a hidden `parent` or `attachedTo` says so, and the ID fields are shown by choice:
 * Cart ID unless the record belongs to an order or to nothing yet, Order ID when it belongs to
 * an order (or is one), Product ID unless there is no product yet, Component ID when the record
 * is or belongs to a component.
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
	fixedChoice('parent', 'none', { resource: ['cart'], operation: ['create'] }),
	fixedChoice('parent', 'order', { resource: ['order'], operation: ['cancel', 'get'] }),
	idField(
		'cartId',
		{ show: { resource: ['cart', ...IN_CART] }, hide: { parent: ['order', 'none'] } },
		'The cart: the one to work on, or the one the record is in (Cart → Create returns its ID). Billing addresses, customers, recipients, and changes to products, variants and components are for carts only.',
	),
	idField(
		'orderId',
		{ show: { parent: ['order'] } },
		'The order: the one to read or cancel, or the one the record belongs to. Cart → Check Out and Place Order return it.',
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
	fixedChoice('attachedTo', 'none', { resource: ['product'], operation: ['add', 'getAll'] }),
	fixedChoice('attachedTo', 'component', { resource: ['component'], operation: ['get', 'update'] }),
	idField(
		'productId',
		{
			show: { resource: ['component', 'printDataFile', 'product', 'variant'] },
			hide: { attachedTo: ['none'] },
		},
		'The product in the cart or order: the one to work on, or the one the record belongs to, e.g. from Product → Add.',
	),
	idField(
		'componentId',
		{ show: { attachedTo: ['component'] } },
		'The component of the product: the one to work on, or the one the file is for. Component → Get Many lists them.',
	),
	idField(
		'variantId',
		{ show: { resource: ['variant'], operation: ['delete', 'get', 'update'] } },
		'The variant of the product to work on. Variant → Create returns its ID; Variant → Get Many lists them.',
	),
	idField(
		'printDataFileId',
		{ show: { resource: ['printDataFile'], operation: ['delete', 'get', 'update'] } },
		'The print data file to work on. Print Data File → Create returns its ID; Print Data File → Get Many lists them.',
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

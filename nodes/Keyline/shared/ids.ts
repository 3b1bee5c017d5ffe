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

/** Where a resource lives: `parent` chooses between a cart and an order. */
export type Parent = 'cart' | 'order';

type Show = Record<string, Array<string | boolean>>;

/** A required ID field, e.g. `idField('cartId', { resource: ['cart'], operation: ['get'] })`. */
export function idField(name: KeylineId, show: Show, description?: string): INodeProperties {
	const id = KEYLINE_IDS[name];
	return {
		displayName: id.label,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${id.example}`,
		description: description ?? `${id.hint}. Digits only; map it from a previous node.`,
		displayOptions: { show },
	};
}

/** "Of a Cart / an Order" for resources that both have (carrier, delivery address, products, …). */
export function parentField(show: Show, description: string): INodeProperties {
	return {
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
		displayOptions: { show },
	};
}

/** The cart or order ID field matching `parent`, for resources that hang off either. */
export function parentIdFields(show: Show): INodeProperties[] {
	return [
		idField('cartId', { ...show, parent: ['cart'] }),
		idField('orderId', { ...show, parent: ['order'] }),
	];
}

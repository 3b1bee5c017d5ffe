/** What every route module shares: the store, record lookups with their 404s, and answer helpers. */
import { HttpError, type ApiRequest, type ApiResponse } from '../core';
import type {
	Cart,
	Component,
	Order,
	PrintDataFile,
	Product,
	ProductParent,
	Store,
	Variant,
} from './store';

export interface Ctx {
	store: Store;
	/** Absolute URL of the API base as the client addressed it (for `Location`). */
	baseUrlOf(req: ApiRequest): string;
}

export type ParentKind = 'carts' | 'orders';

export const created = (body: unknown): ApiResponse => ({ status: 201, body });
export const ok = (body: unknown): ApiResponse => ({ status: 200, body });
/** Updates and deletes: 204 with no body at all. */
export const noContent = (): ApiResponse => ({ status: 204 });

export function notFound(message: string): never {
	throw new HttpError(404, { error: message });
}

/** The API key the request was authenticated with; records belong to one key. */
export function ownerOf(req: ApiRequest): string {
	return (req.headers.authorization ?? '')
		.replace(/^Bearer\s+/i, '')
		.trim()
		.toLowerCase();
}

/** Path ids are integers; anything else cannot name a record. */
function parseId(raw: string, model: string): number {
	if (!/^\d+$/.test(raw)) notFound(`Couldn't find ${model} with 'id'=${raw}`);
	return Number(raw);
}

/** A live cart of this key. A checked-out cart is gone for everything but `GET /carts/{id}`. */
export function findCart(ctx: Ctx, req: ApiRequest, raw: string, allowCheckedOut = false): Cart {
	const id = parseId(raw, 'Cart');
	const cart = ctx.store.carts.get(id);
	if (!cart || cart.owner !== ownerOf(req) || (cart.order_id !== null && !allowCheckedOut)) {
		notFound(`Couldn't find Cart with 'id'=${raw}`);
	}
	return cart;
}

export function findOrder(ctx: Ctx, req: ApiRequest, raw: string): Order {
	const id = parseId(raw, 'Order');
	const order = ctx.store.orders.get(id);
	if (!order || order.owner !== ownerOf(req)) notFound(`Couldn't find Order with 'id'=${raw}`);
	return order;
}

/** Orders can still be changed (files, carrier, delivery address) until they are completed. */
export function assertOrderWritable(order: Order): void {
	if (order.state === 'completed' || order.state === 'archived') {
		throw new HttpError(422, { errors: { base: ['Der Auftrag kann nicht mehr geändert werden'] } });
	}
}

export interface ParentRef {
	record: ProductParent;
	/** Call before changing anything (orders refuse changes once completed). */
	assertWritable(): void;
	/** Bumps `updated_at` of the cart or order after a change below it. */
	touch(): void;
}

export function findParent(ctx: Ctx, kind: ParentKind, req: ApiRequest, raw: string): ParentRef {
	const record = kind === 'carts' ? findCart(ctx, req, raw) : findOrder(ctx, req, raw);
	return {
		record,
		assertWritable: () => {
			if (kind === 'orders') assertOrderWritable(record as Order);
		},
		touch: () => {
			record.updated_at = ctx.store.now();
		},
	};
}

export function findProduct(parent: ProductParent, raw: string): Product {
	const product = parent.products.find((p) => String(p.id) === raw);
	if (!product) notFound(`Couldn't find Product with 'id'=${raw}`);
	return product;
}

export function findComponent(product: Product, raw: string): Component {
	const component = product.components.find((c) => String(c.id) === raw);
	if (!component) notFound(`Couldn't find Component with 'id'=${raw}`);
	return component;
}

export function findVariant(product: Product, raw: string): Variant {
	const variant = product.variants.find((v) => String(v.id) === raw);
	if (!variant) notFound(`Couldn't find Variant with 'id'=${raw}`);
	return variant;
}

export function findPrintDataFile(files: PrintDataFile[], raw: string): PrintDataFile {
	const file = files.find((f) => String(f.id) === raw);
	if (!file) notFound(`Couldn't find PrintDataFile with 'id'=${raw}`);
	return file;
}

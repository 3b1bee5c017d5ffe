/**
 * An order (or a cart's products) as the next node wants it: unwrapped like every Keyline answer,
 * with the order's net total summed by the node.
 */
import type { IDataObject } from 'n8n-workflow';

import { unwrap } from '../../shared/output';
import { isRecord } from '../../../shared/validation';

/**
 * The sum of the products' net totals, as money: Keyline gives a net total per product only.
 * Null when there are no products or they are priced in different currencies (no sum is right then).
 */
export function sumNetTotals(products: unknown): IDataObject | null {
	if (!Array.isArray(products) || products.length === 0) return null;
	let cents = 0;
	let currency: string | undefined;
	for (const product of products) {
		const total = isRecord(product) ? product.net_total : undefined;
		if (
			!isRecord(total) ||
			typeof total.cent_amount !== 'number' ||
			typeof total.currency !== 'string'
		) {
			return null;
		}
		if (currency !== undefined && total.currency !== currency) return null;
		currency = total.currency;
		cents += total.cent_amount;
	}
	return { cent_amount: cents, currency: currency!, amount: cents / 100 };
}

/** An answer of GET /orders/{id}: the order unwrapped, flattened, with its computed net total. */
export function shapeOrder(body: unknown): IDataObject {
	const order = unwrap(body);
	if (!isRecord(order)) return { value: order as string };
	// Keyline's own order total, should it ever send one, wins over the node's sum.
	return { ...order, net_total: order.net_total ?? sumNetTotals(order.products) };
}

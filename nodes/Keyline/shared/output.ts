/**
 * What Keyline answers, shaped for the next node: `{"cart": {...}}` becomes the cart itself, a
 * list of `{"product": {...}}` one item per product, and money gets its amount in currency units
 * beside the cents.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { isRecord } from '../../shared/validation';

/** `{cent_amount: 19562, currency: "EUR"}` also as `amount: 195.62`, at any depth. */
function withAmounts(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withAmounts);
	if (!isRecord(value)) return value;
	const out: IDataObject = {};
	for (const [key, inner] of Object.entries(value)) out[key] = withAmounts(inner) as IDataObject;
	if (typeof value.cent_amount === 'number' && typeof value.currency === 'string') {
		out.amount = value.cent_amount / 100;
	}
	return out;
}

/**
 * Drops the one-key wrapper Keyline puts around every record (`cart`, `product`, `variant`, …),
 * also around the records nested in another (an order's products, a product's components), so
 * the next node reads `$json.products[0].id`.
 */
export function unwrap(value: unknown): unknown {
	return withAmounts(unwrapDeep(value));
}

function unwrapDeep(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(unwrapDeep);
	if (!isRecord(value)) return value;
	const keys = Object.keys(value);
	if (keys.length === 1 && isRecord(value[keys[0]])) return unwrapDeep(value[keys[0]]);
	const out: IDataObject = {};
	for (const [key, inner] of Object.entries(value)) out[key] = unwrapDeep(inner) as IDataObject;
	return out;
}

/** The answer as items: a list gives one item per entry, a record one item. */
export function toItems(body: unknown): INodeExecutionData[] {
	const value = unwrap(body);
	if (Array.isArray(value))
		return value.map((json) => ({ json: isRecord(json) ? json : { value: json } }));
	return [{ json: isRecord(value) ? value : { value: value as IDataObject[keyof IDataObject] } }];
}

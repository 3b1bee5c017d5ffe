import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { moneyNotice } from '../../../shared/description';
import { failOnHttpError } from '../../../shared/errors';
import { spendOnce } from '../../../shared/money';
import { routeOf } from '../../../shared/route';
import { KEYLINE, sendRequest } from '../../shared/api';
import { keylineResponse } from '../../shared/call';

export const CHECKOUT_NOTICE =
	'Checking out places a binding order with the print shop: it costs money. It is sent once: after an unclear failure the node reads the cart back (a checked-out cart points to its order), and with Retry On Fail on, a retry checks first, so nothing is ordered twice.';

/**
 * Reads back whether cart `cartId` was checked out. Keyline redirects a checked-out cart to its
 * order (the documented behaviour); a cart that answers as a cart was not checked out.
 */
async function cartCheckedOut(
	context: IExecuteSingleFunctions,
	cartId: string,
): Promise<
	{ done: true; output: ReturnType<typeof placedOrder> } | { done: false; state: string }
> {
	const response = await keylineResponse(context, { method: 'GET', path: `/carts/${cartId}` });
	if (response.statusCode >= 300 && response.statusCode < 400 && response.headers.location) {
		return { done: true, output: placedOrder(Number(cartId), response) };
	}
	return { done: false, state: `cart ${cartId} still open (not an order)` };
}

/**
 * Checks cart `cartId` out once for this item (see `spendOnce`), its outcome read back from the
 * cart when the answer is unclear. `fromPlaced` turns the order read back into what `send` gives,
 * so both end in the same output.
 */
export async function checkOutCartOnce<T>(
	context: IExecuteSingleFunctions,
	cartId: string,
	send: () => Promise<T>,
	fromPlaced: (placed: ReturnType<typeof placedOrder>) => T,
): Promise<T> {
	return await spendOnce(context, `cart:${cartId}:checkout`, {
		api: KEYLINE,
		action: `Checking out cart ${cartId}`,
		howToCheck: `cart ${cartId} with Cart → Get: a checked-out cart names the order it became; a cart that is still open was not ordered`,
		send,
		check: async () => {
			const read = await cartCheckedOut(context, cartId);
			return read.done ? { done: true, output: fromPlaced(read.output) } : read;
		},
	});
}

/** The node's request path for Check Out: sent once per item, its outcome read back when unclear. */
export async function checkOutCart(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const cartId = /\/carts\/(\d+)\/checkout$/.exec(String(requestData.options.url))?.[1] ?? '?';
	return await checkOutCartOnce(
		this,
		cartId,
		async () => await sendRequest.call(this, requestData),
		// As the answer would have been output: with the cart's ID as its parent's (see route.ts).
		(placed) => [{ json: { cartId: placed.cart_id, ...placed } }],
	);
}

/**
 * A successful checkout answers 301 with the new order's URL. The redirect is not followed (a
 * GET in its place would hide the answer): the output is the order's ID and URL.
 */
export async function outputPlacedOrder(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { path, ids } = routeOf(this);
	failOnHttpError(this, KEYLINE, response, { method: 'POST', url: path });
	return [{ json: placedOrder(ids.cartId, response) }];
}

/** The order a checked-out cart redirects to (its `Location`): `{ order_id, order_url }`. */
export function redirectedOrder(response: Pick<IN8nHttpFullResponse, 'headers'>) {
	const location = String(response.headers.location ?? '');
	const orderId = /\/orders\/(\d+)/.exec(location)?.[1];
	return { order_id: orderId ? Number(orderId) : null, order_url: location || null };
}

/**
 * `{ id, cart_id, order_id, order_url }` from a checkout's 301 (`id`: the cart checked out);
 * shared with the one-step order.
 */
export function placedOrder(
	cartId: number,
	response: Pick<IN8nHttpFullResponse, 'statusCode' | 'headers'>,
) {
	return {
		id: cartId,
		cart_id: cartId,
		placed: true,
		...redirectedOrder(response),
		status: response.statusCode,
	};
}

const show = { resource: ['cart'], operation: ['checkout'] };

export const cartCheckoutDescription: INodeProperties[] = [
	moneyNotice('checkoutNotice', CHECKOUT_NOTICE, show),
];

import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { spendOnce } from '../../../shared/money';
import { KEYLINE, sendRequest } from '../../shared/api';
import { failOnHttpError, keylineResponse } from '../../shared/call';
import { idField, resolvePath } from '../../shared/ids';

export const CHECKOUT_NOTICE =
	'Checking out places a binding order with the print shop: it costs money. It is sent once: after an unclear failure the node reads the cart back (a checked-out cart points to its order), and with Retry On Fail on, a retry checks first, so nothing is ordered twice.';

/** What a user checks when a checkout's outcome cannot be read back. */
export function checkoutCheckAdvice(cartId: number | string): string {
	return `cart ${String(cartId)} with Cart → Get: a checked-out cart names the order it became; a cart that is still open was not ordered`;
}

/**
 * Reads back whether cart `cartId` was checked out. Keyline redirects a checked-out cart to its
 * order (the documented behaviour); a cart that answers as a cart was not checked out.
 */
export async function cartCheckedOut(
	context: IExecuteSingleFunctions,
	cartId: number | string,
): Promise<
	{ done: true; output: ReturnType<typeof placedOrder> } | { done: false; state: string }
> {
	const response = await keylineResponse(context, {
		method: 'GET',
		path: `/carts/${String(cartId)}`,
	});
	if (response.statusCode >= 300 && response.statusCode < 400 && response.headers.location) {
		return { done: true, output: placedOrder(`/carts/${String(cartId)}/checkout`, response) };
	}
	return { done: false, state: `cart ${String(cartId)} still open (not an order)` };
}

/** The node's request path for Check Out: sent once per item, its outcome read back when unclear. */
export async function checkOutCart(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const cartId = /\/carts\/(\d+)\/checkout$/.exec(String(requestData.options.url))?.[1] ?? '?';
	return await spendOnce(this, `cart:${cartId}:checkout`, {
		api: KEYLINE,
		action: `Checking out cart ${cartId}`,
		howToCheck: checkoutCheckAdvice(cartId),
		send: async () => await sendRequest.call(this, requestData),
		check: async () => {
			const read = await cartCheckedOut(this, cartId);
			return read.done ? { done: true, output: [{ json: read.output }] } : read;
		},
	});
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
	const path = resolvePath(this, '/carts/{cartId}/checkout');
	failOnHttpError(this, response, { method: 'POST', url: path });
	return [{ json: placedOrder(path, response) }];
}

/** The order a checked-out cart redirects to (its `Location`): `{ order_id, order_url }`. */
export function redirectedOrder(response: Pick<IN8nHttpFullResponse, 'headers'>) {
	const location = String(response.headers.location ?? '');
	const orderId = /\/orders\/(\d+)/.exec(location)?.[1];
	return { order_id: orderId ? Number(orderId) : null, order_url: location || null };
}

/** `{ cart_id, order_id, order_url }` from a checkout's 301; shared with the one-step order. */
export function placedOrder(
	checkoutPath: string,
	response: Pick<IN8nHttpFullResponse, 'statusCode' | 'headers'>,
) {
	return {
		cart_id: Number(/\/carts\/(\d+)/.exec(checkoutPath)?.[1]),
		placed: true,
		...redirectedOrder(response),
		status: response.statusCode,
	};
}

const show = { resource: ['cart'], operation: ['checkout'] };

export const cartCheckoutDescription: INodeProperties[] = [
	{
		displayName: CHECKOUT_NOTICE,
		name: 'checkoutNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	idField(
		'cartId',
		show,
		'The cart to turn into an order. Validate tells first whether anything is missing.',
	),
];

import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { failOnHttpError } from '../../shared/call';
import { idField, resolvePath } from '../../shared/ids';

export const CHECKOUT_NOTICE =
	'Checking out places a binding order with the print shop: it costs money. It is sent once and never retried by this node; do not turn on Retry On Fail for it.';

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
		cart_id: Number(checkoutPath.split('/')[2]),
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

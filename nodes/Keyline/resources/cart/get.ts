import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { redirectedOrder } from './checkout';
import { failOnHttpError } from '../../../shared/errors';
import { routeOf } from '../../../shared/route';
import { KEYLINE } from '../../shared/api';
import { toItems } from '../../shared/output';

/**
 * A checked-out cart answers 301 to its order. Followed, the user would get an order where a cart
 * was asked for; instead the output says the cart became that order.
 */
export async function outputCart(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { path, ids } = routeOf(this);
	if (response.statusCode >= 300 && response.statusCode < 400) {
		return [
			{
				json: {
					id: ids.cartId,
					checked_out: true,
					...redirectedOrder(response),
				},
			},
		];
	}
	failOnHttpError(this, KEYLINE, response, { method: 'GET', url: path });
	return toItems(response.body).map((item) => ({ json: { ...item.json, checked_out: false } }));
}

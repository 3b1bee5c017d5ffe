import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { failOnHttpError } from '../../shared/call';
import { redirectedOrder } from './checkout';
import { idField, resolvePath } from '../../shared/ids';
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
	const path = resolvePath(this, '/carts/{cartId}');
	if (response.statusCode >= 300 && response.statusCode < 400) {
		return [
			{
				json: {
					id: Number(path.split('/').pop()),
					checked_out: true,
					...redirectedOrder(response),
				},
			},
		];
	}
	failOnHttpError(this, response, { method: 'GET', url: path });
	return toItems(response.body).map((item) => ({ json: { ...item.json, checked_out: false } }));
}

export const cartGetDescription: INodeProperties[] = [
	idField('cartId', { resource: ['cart'], operation: ['get'] }),
];

import type { INodeProperties } from 'n8n-workflow';

import { keylineRoute } from '../../shared/route';
import { CANCEL_DESCRIPTION, orderCancelDescription, outputCancelled } from './cancel';
import { ORDER_GET_DESCRIPTION, outputOrder } from './get';
import { PLACE_ORDER_DESCRIPTION, placeOrderDescription } from './placeOrder';
import { completePlaceOrder, placeOrderOnce, planPlaceOrder } from './placeOrderRun';

export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel an order',
				description: CANCEL_DESCRIPTION,
				// 204 on success (the order is read again); a 422 means printing has started.
				routing: keylineRoute('DELETE', '/orders/{orderId}', {
					request: { ignoreHttpStatusErrors: true },
					postReceive: [outputCancelled],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an order',
				description: ORDER_GET_DESCRIPTION,
				routing: keylineRoute('GET', '/orders/{orderId}', { postReceive: [outputOrder] }),
			},
			{
				name: 'Place Order (One Step)',
				value: 'placeOrder',
				action: 'Place an order in one step',
				description: PLACE_ORDER_DESCRIPTION,
				// The request creates the cart; everything after it runs in the postReceive.
				routing: {
					...keylineRoute('POST', '/carts', {
						preSend: [planPlaceOrder],
						request: { ignoreHttpStatusErrors: true },
						postReceive: [completePlaceOrder],
					}),
					operations: { pagination: placeOrderOnce },
				},
			},
		],
		default: 'get',
	},
	...orderCancelDescription,
	...placeOrderDescription,
];

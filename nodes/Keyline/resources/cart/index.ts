import type { INodeProperties } from 'n8n-workflow';

import { keylineRoute } from '../../shared/route';
import {
	CHECKOUT_NOTICE,
	cartCheckoutDescription,
	checkOutCart,
	outputPlacedOrder,
} from './checkout';
import { checkCreateFields, outputNewCart } from './create';
import { outputCart } from './get';
import { buildUpdateBody } from './update';
import { cartValidateDescription, outputValidation } from './validate';

/** Answers that are not failures (301 to an order, 422 listing what is missing) reach the output step. */
const KEEP_STATUS = { disableFollowRedirect: true, ignoreHttpStatusErrors: true };

export const cartDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cart'] } },
		options: [
			{
				name: 'Check Out (Place Order)',
				value: 'checkout',
				action: 'Check out a cart and place the order',
				description: CHECKOUT_NOTICE,
				routing: {
					...keylineRoute('POST', '/carts/{cartId}/checkout', {
						request: KEEP_STATUS,
						postReceive: [outputPlacedOrder],
					}),
					operations: { pagination: checkOutCart },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a cart',
				description:
					'Start an empty cart, optionally with a due date, offer text and custom references',
				routing: keylineRoute('POST', '/carts', {
					preSend: [checkCreateFields],
					postReceive: [outputNewCart],
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a cart',
				description: 'Delete a cart and everything in it. The output shows what was deleted.',
				routing: keylineRoute('DELETE', '/carts/{cartId}'),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a cart',
				description:
					'Get a cart with its carrier, recipient and addresses. A checked-out cart gives its order ID.',
				routing: keylineRoute('GET', '/carts/{cartId}', {
					request: KEEP_STATUS,
					postReceive: [outputCart],
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a cart',
				description: 'Change the due date, offer text or custom references of a cart',
				routing: keylineRoute('PATCH', '/carts/{cartId}', { preSend: [buildUpdateBody] }),
			},
			{
				name: 'Validate',
				value: 'validate',
				action: 'Validate a cart',
				description: 'Tell whether a cart can be checked out, and list what is still missing',
				routing: keylineRoute('GET', '/carts/{cartId}/checkout', {
					request: KEEP_STATUS,
					postReceive: [outputValidation],
				}),
			},
		],
		default: 'create',
	},
	...cartCheckoutDescription,
	...cartValidateDescription,
];

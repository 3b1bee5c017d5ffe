import type { INodeProperties } from 'n8n-workflow';

import { keylineRoute } from '../../shared/route';
import { buildAddBody, productAddDescription } from './add';
import { buildUpdateBody } from './update';

export const productDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a product to a cart',
				description:
					'Add a printed product to a cart from a product template, optionally with its name, price, circulation and custom references',
				routing: keylineRoute('POST', '/carts/{cartId}/products', { preSend: [buildAddBody] }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a product',
				description: 'Get a product of a cart or order with its components, variants and net total',
				routing: keylineRoute('GET', '{parent}/products/{productId}'),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many products',
				description: 'List the products of a cart or order, one item each',
				routing: keylineRoute('GET', '{parent}/products'),
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a product from a cart',
				description: 'Remove a product from a cart. The output shows what was removed.',
				routing: keylineRoute('DELETE', '/carts/{cartId}/products/{productId}'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a product in a cart',
				description:
					'Change the name, price, circulation or custom references of a product in a cart',
				routing: keylineRoute('PATCH', '/carts/{cartId}/products/{productId}', {
					preSend: [buildUpdateBody],
				}),
			},
		],
		default: 'add',
	},
	...productAddDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import { keylineRoute } from '../../shared/route';
import { buildUpdateBody } from './update';

const COMPONENTS = '{parent}/products/{productId}/components';

export const componentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['component'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a component',
				description:
					'Get a part of a product (e.g. cover or content) with its size, pages, paper and colors',
				routing: keylineRoute('GET', `${COMPONENTS}/{componentId}`),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many components',
				description: 'List the parts of a product in a cart or order, one item each',
				routing: keylineRoute('GET', COMPONENTS),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a component',
				description:
					'Change the name, paper, closed size, grain, grammage or colors of a part of a product in a cart',
				routing: keylineRoute(
					'PATCH',
					'/carts/{cartId}/products/{productId}/components/{componentId}',
					{
						preSend: [buildUpdateBody],
					},
				),
			},
		],
		default: 'get',
	},
];

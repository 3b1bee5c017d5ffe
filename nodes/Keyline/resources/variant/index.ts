import type { INodeProperties } from 'n8n-workflow';

import { keylineRoute } from '../../shared/route';
import { buildCreateBody, variantCreateDescription } from './create';
import { buildUpdateBody } from './update';

const VARIANTS = '/carts/{cartId}/products/{productId}/variants';
const VARIANT = `${VARIANTS}/{variantId}`;

export const variantDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['variant'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a variant',
				description:
					'Add a variant (e.g. a language version) with its own circulation to a product in a cart',
				routing: keylineRoute('POST', VARIANTS, { preSend: [buildCreateBody] }),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a variant',
				description: 'Delete a variant of a product in a cart. The output shows what was deleted.',
				routing: keylineRoute('DELETE', VARIANT),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a variant',
				description: 'Get the name and circulation of a variant of a product in a cart',
				routing: keylineRoute('GET', VARIANT),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many variants',
				description: 'List the variants of a product in a cart, one item each',
				routing: keylineRoute('GET', VARIANTS),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a variant',
				description: 'Change the name or circulation of a variant of a product in a cart',
				routing: keylineRoute('PATCH', VARIANT, { preSend: [buildUpdateBody] }),
			},
		],
		default: 'create',
	},
	...variantCreateDescription,
];

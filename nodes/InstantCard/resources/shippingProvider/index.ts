import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { instantCardList } from '../../shared/listSearch';
import { shippingProviderGetAllDescription } from './getAll';

const showOnlyForShippingProvider = { resource: ['shippingProvider'] };

export const shippingProviderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForShippingProvider },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many shipping providers',
				description: 'List the carriers a print job can be shipped with',
				routing: { request: { method: 'GET', url: `=${ORG}/shipping_providers` } },
			},
		],
		default: 'getAll',
	},
	...shippingProviderGetAllDescription,
];

export const shippingProviderListSearch = {
	async searchShippingProviders(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	) {
		return await instantCardList(
			this,
			{
				path: '/shipping_providers',
				paged: false,
				toItem: (provider: IDataObject) => ({
					name: `${String(provider.name ?? 'Shipping provider')} (#${String(provider.id)})`,
					value: String(provider.id),
				}),
			},
			filter,
			paginationToken,
		);
	},
};

import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { instantCardList } from '../../shared/listSearch';
import { instantCardRoute } from '../../shared/route';

export const shippingProviderOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['shippingProvider'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many shipping providers',
			description: 'List the carriers a print job can be shipped with',
			// The shipping providers endpoint answers every provider at once (no paging parameters).
			routing: instantCardRoute('GET', '/shipping_providers', { list: 'whole' }),
		},
	],
	default: 'getAll',
};

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

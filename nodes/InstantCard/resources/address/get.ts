import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

export const addressGetDescription: INodeProperties[] = [
	idLocator({
		name: 'addressId',
		displayName: 'Address',
		searchListMethod: 'searchAddresses',
		show: { resource: ['address'], operation: ['get'] },
		path: '/addresses/{{ $value }}',
	}),
];

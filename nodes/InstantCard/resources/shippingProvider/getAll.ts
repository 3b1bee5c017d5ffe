import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';

export const shippingProviderGetAllDescription: INodeProperties[] = [
	// The shipping providers endpoint answers every provider at once (no paging parameters).
	...listOptions({ resource: ['shippingProvider'], operation: ['getAll'] }),
];

import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

export const recipientGetDescription: INodeProperties[] = [
	idField('cartId', { resource: ['recipient'], operation: ['get'] }),
];

import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

export const recipientDeleteDescription: INodeProperties[] = [
	idField('cartId', { resource: ['recipient'], operation: ['delete'] }),
];

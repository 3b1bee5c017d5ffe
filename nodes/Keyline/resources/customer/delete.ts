import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

export const customerDeleteDescription: INodeProperties[] = [
	idField('cartId', { resource: ['customer'], operation: ['delete'] }),
];

import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

export const cartDeleteDescription: INodeProperties[] = [
	idField('cartId', { resource: ['cart'], operation: ['delete'] }),
];

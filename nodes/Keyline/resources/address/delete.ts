import type { INodeProperties } from 'n8n-workflow';

import { addressTargetFields } from './fields';

export const addressDeleteDescription: INodeProperties[] = addressTargetFields(
	{ resource: ['address'], operation: ['delete'] },
	'remove',
);

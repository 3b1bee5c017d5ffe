import type { INodeProperties } from 'n8n-workflow';

import { addressTargetFields } from './fields';

export const addressGetDescription: INodeProperties[] = addressTargetFields(
	{ resource: ['address'], operation: ['get'] },
	'get',
);

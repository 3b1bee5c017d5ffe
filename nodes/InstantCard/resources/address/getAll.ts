import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';
import { sendPagedRequest } from '../../shared/api';

export const addressGetAllDescription: INodeProperties[] = [
	...listOptions({ resource: ['address'], operation: ['getAll'] }, sendPagedRequest),
];

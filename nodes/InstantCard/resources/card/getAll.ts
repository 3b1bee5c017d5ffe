import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';
import { sendPagedRequest } from '../../shared/api';

export const cardGetAllDescription: INodeProperties[] = [
	...listOptions({ resource: ['card'], operation: ['getAll'] }, sendPagedRequest),
];

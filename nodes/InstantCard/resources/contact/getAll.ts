import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';
import { sendPagedRequest } from '../../shared/api';

export const contactGetAllDescription: INodeProperties[] = [
	...listOptions({ resource: ['contact'], operation: ['getAll'] }, sendPagedRequest),
];

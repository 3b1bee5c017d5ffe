import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';
import { sendPagedRequest } from '../../shared/api';

export const organizationGetTransactionsDescription: INodeProperties[] = [
	// Paged like the other lists; a server that ignores page/page_size is detected by the hook.
	...listOptions({ resource: ['organization'], operation: ['getTransactions'] }, sendPagedRequest),
];

import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';

export const cardTemplateGetAllDescription: INodeProperties[] = [
	// The templates endpoint answers every template at once (no paging parameters).
	...listOptions({ resource: ['cardTemplate'], operation: ['getAll'] }),
];

import type { INodeProperties } from 'n8n-workflow';

import { listOptions } from '../../../shared/transport';

export const printDataFileGetAllDescription: INodeProperties[] = listOptions({
	resource: ['printDataFile'],
	operation: ['getAll'],
});

import type { INodeProperties } from 'n8n-workflow';

import { idField } from '../../shared/ids';

export const printDataFileGetDescription: INodeProperties[] = [
	idField('printDataFileId', { resource: ['printDataFile'], operation: ['get'] }),
];

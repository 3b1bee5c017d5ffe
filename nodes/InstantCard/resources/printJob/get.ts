import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

export const printJobGetDescription: INodeProperties[] = [
	idLocator({
		name: 'printJobId',
		displayName: 'Print Job',
		searchListMethod: 'searchPrintJobs',
		show: { resource: ['printJob'], operation: ['get'] },
		path: '/print_jobs/{{ $value }}',
	}),
];

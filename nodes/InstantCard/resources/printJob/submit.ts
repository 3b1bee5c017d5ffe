import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

export const printJobSubmitDescription: INodeProperties[] = [
	idLocator({
		name: 'printJobId',
		displayName: 'Print Job',
		searchListMethod: 'searchPrintJobs',
		show: { resource: ['printJob'], operation: ['submit'] },
		path: '/print_jobs/{{ $value }}/print',
		description:
			"The job to send to production. This charges the organization's balance and cannot be undone. Check Balance tells whether the balance covers it.",
	}),
];

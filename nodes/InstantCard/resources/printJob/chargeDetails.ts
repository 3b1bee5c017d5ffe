import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

export const printJobChargeDetailsDescription: INodeProperties[] = [
	idLocator({
		name: 'printJobId',
		displayName: 'Print Job',
		searchListMethod: 'searchPrintJobs',
		show: { resource: ['printJob'], operation: ['chargeDetails'] },
		path: '/print_jobs/{{ $value }}/charge_details',
	}),
];

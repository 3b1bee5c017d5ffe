import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { asBoolean } from './helpers';

/** The API answers a bare `true`/`false`: say what it is about. */
export async function outputHasBalance(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const printJobId = toPositiveInteger(
		this,
		this.getNodeParameter('printJobId', '', { extractValue: true }),
		'Print Job ID',
	);
	const answer = items[0]?.json as unknown;
	return [
		{ json: { print_job_id: printJobId, has_balance: asBoolean(answer, 'has_balance') ?? false } },
	];
}

export const printJobCheckBalanceDescription: INodeProperties[] = [
	idLocator({
		name: 'printJobId',
		displayName: 'Print Job',
		searchListMethod: 'searchPrintJobs',
		show: { resource: ['printJob'], operation: ['checkBalance'] },
		path: '/print_jobs/{{ $value }}/check_balance',
	}),
];

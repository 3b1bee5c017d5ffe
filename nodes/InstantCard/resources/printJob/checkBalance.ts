import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOf } from '../../../shared/route';
import { asBoolean } from './helpers';

/** The API answers a bare `true`/`false`: say what it is about. */
export async function outputHasBalance(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { printJobId } = routeOf(this).ids;
	const answer = items[0]?.json as unknown;
	return [
		{
			json: {
				print_job_id: printJobId,
				has_balance: asBoolean(answer, 'has_balance') ?? false,
			},
		},
	];
}

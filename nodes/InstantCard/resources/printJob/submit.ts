import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sendRequest } from '../../shared/api';
import { idLocator } from '../../shared/descriptions';
import { submitOnce } from './helpers';

const show = { resource: ['printJob'], operation: ['submit'] };

export const SUBMIT_NOTICE =
	"Submitting sends the job to production and charges the organization's balance; it cannot be undone. It is sent once: after an unclear failure the node reads the job back to tell whether it was submitted, and with Retry On Fail on, a retry checks first, so a job is never paid twice.";

/** The node's request path for Submit: sent once per item, its outcome read back when unclear. */
export async function submitPrintJob(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const jobId = /\/print_jobs\/(\d+)\/print$/.exec(String(requestData.options.url))?.[1] ?? '?';
	return await submitOnce(
		this,
		jobId,
		`Submitting print job #${jobId}`,
		async () => await sendRequest.call(this, requestData),
		(job) => [{ json: job }],
	);
}

export const printJobSubmitDescription: INodeProperties[] = [
	{
		displayName: SUBMIT_NOTICE,
		name: 'submitNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	idLocator({
		name: 'printJobId',
		displayName: 'Print Job',
		searchListMethod: 'searchPrintJobs',
		show,
		path: '/print_jobs/{{ $value }}/print',
		description:
			"The job to send to production. This charges the organization's balance and cannot be undone. Check Balance tells whether the balance covers it.",
	}),
];

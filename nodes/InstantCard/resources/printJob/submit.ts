import type { INodeProperties } from 'n8n-workflow';

import { moneyNotice } from '../../../shared/description';

import { routeOf } from '../../../shared/route';
import { sendRequest } from '../../shared/api';
import type { RequestHook } from '../../shared/route';
import { submitOnce } from './helpers';

const show = { resource: ['printJob'], operation: ['submit'] };

export const SUBMIT_NOTICE =
	"Submitting sends the job to production and charges the organization's balance; it cannot be undone. It is sent once: after an unclear failure the node reads the job back to tell whether it was submitted, and with Retry On Fail on, a retry checks first, so a job is never paid twice.";

/** The node's request path for Submit: sent once per item, its outcome read back when unclear. */
export const submitPrintJob: RequestHook = async function (requestData) {
	const jobId = String(routeOf(this).ids.printJobId);
	return await submitOnce(
		this,
		jobId,
		`Submitting print job #${jobId}`,
		async () => await sendRequest.call(this, requestData),
		(job) => [{ json: job }],
	);
};

export const printJobSubmitDescription: INodeProperties[] = [
	moneyNotice('submitNotice', SUBMIT_NOTICE, show),
];

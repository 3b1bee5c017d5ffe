/**
 * Requests an operation makes besides its own (reading a record before changing it, submitting
 * after a create, filling a picker). They go through the credential, so n8n logs in as for any
 * request, and their failures read as the API's own words.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';

import { instantCardBaseUrl } from '../../../credentials/instantCardLogin';
import { apiErrorText, checkAnswer, responseOf, toApiError } from '../../shared/errors';
import { requestTimeout } from '../../shared/timeouts';
import { INSTANTCARD } from './api';

/** One request to `path` under the credential's organization, e.g. `/print_jobs/81001/print`. */
export async function instantCardCall(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
): Promise<unknown> {
	const credentials = await context.getCredentials('instantCardApi');
	const url = `/organizations/${String(credentials.organizationId).trim()}${path}`;
	const timeout = requestTimeout(context);
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'instantCardApi',
			{
				method,
				url: `${instantCardBaseUrl(credentials)}${url}`,
				qs,
				headers: { Accept: 'application/json' },
				json: true,
				timeout,
				returnFullResponse: true,
			},
		)) as IN8nHttpFullResponse;
	} catch (error) {
		// An operation or a trigger's poll: the API's words with what the status means.
		if ('getItemIndex' in context || 'getActivationMode' in context)
			throw toApiError(context, INSTANTCARD, error, {
				method,
				url,
				baseURL: instantCardBaseUrl(credentials),
				timeout,
			});
		// A picker: a short message, never the raw error (its request holds the token).
		const { status, body } = responseOf(error);
		throw new NodeOperationError(
			context.getNode(),
			`InstantCard: ${apiErrorText(body) ?? (status ? `HTTP ${status}` : 'no answer')} (${method} ${url})`,
		);
	}
	checkAnswer(context, INSTANTCARD, response, { method, url });
	return response.body;
}

/** GET of the URL the operation is about to send to: the record as it is before the change. */
export async function readCurrent(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<unknown> {
	const request: IHttpRequestOptions = {
		...options,
		method: 'GET',
		json: true,
		returnFullResponse: true,
		timeout: requestTimeout(context),
	};
	delete request.body;
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			'instantCardApi',
			request,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw toApiError(context, INSTANTCARD, error, request);
	}
	checkAnswer(context, INSTANTCARD, response, request);
	return response.body;
}

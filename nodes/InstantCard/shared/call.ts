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
	IPollFunctions,
} from 'n8n-workflow';

import { instantCardBaseUrl } from '../../../credentials/instantCardLogin';
import { apiErrorText, responseOf, toApiError } from '../../shared/errors';
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
	try {
		return await context.helpers.httpRequestWithAuthentication.call(context, 'instantCardApi', {
			method,
			url: `${instantCardBaseUrl(credentials)}${url}`,
			qs,
			headers: { Accept: 'application/json' },
			json: true,
		});
	} catch (error) {
		// An operation or a trigger's poll: the API's words with what the status means.
		if ('getItemIndex' in context || 'getActivationMode' in context)
			throw toApiError(context, INSTANTCARD, error, { method, url });
		// A picker: a short message, never the raw error (its request holds the token).
		const { status, body } = responseOf(error);
		throw new NodeOperationError(
			context.getNode(),
			`InstantCard: ${apiErrorText(body) ?? (status ? `HTTP ${status}` : 'no answer')} (${method} ${url})`,
		);
	}
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
		returnFullResponse: false,
	};
	delete request.body;
	try {
		return await context.helpers.httpRequestWithAuthentication.call(
			context,
			'instantCardApi',
			request,
		);
	} catch (error) {
		throw toApiError(context, INSTANTCARD, error, { method: 'GET', url: options.url });
	}
}

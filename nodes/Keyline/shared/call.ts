/**
 * Requests an operation makes besides its own (reading a record again after a 204, the steps of
 * the one-step order, the trigger's polls). They go through the Keyline credential and fail with
 * Keyline's own words, never with the request (it holds the API key).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { checkAnswer, failOnHttpError, toApiError } from '../../shared/errors';
import { requestTimeout } from '../../shared/timeouts';
import { KEYLINE, keylineBaseUrl } from './api';

export type KeylineContext =
	| IExecuteSingleFunctions
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

export interface KeylineRequest {
	method: IHttpRequestMethods;
	/** Below the credential's base URL, e.g. `/carts/9981/products`. */
	path: string;
	body?: IDataObject;
}

export interface KeylineResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * One request with its status and headers. Redirects are not followed (checkout answers 301 with
 * the order's URL, which must not be fetched as a GET in its place); 400 and more throw, except
 * the statuses in `answers` (e.g. 422 of GET /checkout, which lists what a cart is missing).
 */
export async function keylineResponse(
	context: KeylineContext,
	request: KeylineRequest,
	answers: number[] = [],
): Promise<KeylineResponse> {
	const credentials = await context.getCredentials('keylineApi');
	const timeout = requestTimeout(context);
	const what = {
		method: request.method,
		url: request.path,
		baseURL: keylineBaseUrl(credentials),
		timeout,
	};
	let response: KeylineResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(context, 'keylineApi', {
			method: request.method,
			url: `${keylineBaseUrl(credentials)}${request.path}`,
			body: request.body,
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout,
		})) as KeylineResponse;
	} catch (error) {
		throw toApiError(context, KEYLINE, error, what);
	}
	if (!answers.includes(response.statusCode)) failOnHttpError(context, KEYLINE, response, what);
	checkAnswer(context, KEYLINE, response, what);
	return response;
}

/** One request; its body. */
export async function keylineRequest(
	context: KeylineContext,
	request: KeylineRequest,
): Promise<unknown> {
	return (await keylineResponse(context, request)).body;
}

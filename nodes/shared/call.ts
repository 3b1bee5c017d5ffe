/**
 * Requests an operation makes besides its own (a read before a change, the steps of the one-step
 * order, a submit after a create, a picker's list, a trigger's poll), for both APIs. They go
 * through the credential, so n8n adds the token or key (and logs in again on a refused token),
 * and they fail with the API's own words, never with the request (it holds the secrets).
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import {
	apiErrorText,
	checkAnswer,
	failOnHttpError,
	responseOf,
	toApiError,
	type ApiProfile,
} from './errors';
import { requestTimeout } from './timeouts';

export interface CallApi {
	profile: ApiProfile;
	credentialType: string;
	/**
	 * What every path is below, e.g. InstantCard's `/organizations/{organizationId}`. The
	 * credential fills it in and puts the API root in front (see `boundAuthentication`), as for
	 * the nodes' own requests.
	 */
	prefix?: string;
	/**
	 * Keep answers of 300 and more instead of letting n8n throw on them (Keyline: a checkout's 301
	 * must not be followed). n8n logs in again on a refused token only when the request throws,
	 * so an API whose tokens expire leaves this off.
	 */
	keepStatuses?: boolean;
}

export type CallContext =
	| IExecuteSingleFunctions
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

export interface CallRequest {
	method: IHttpRequestMethods;
	/** Below the API root and the prefix, e.g. `/carts/9981/products`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface CallResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/**
 * One request with its status and headers. 400 and more fail, except the statuses in `answers`
 * (e.g. Keyline's 422 of GET /checkout, which lists what a cart is missing).
 */
export async function apiResponse(
	context: CallContext,
	api: CallApi,
	request: CallRequest,
	answers: number[] = [],
): Promise<CallResponse> {
	// Below the API root: the credential completes this object as it sends it, so what an error
	// names (host and path) is what was sent.
	const options = {
		method: request.method,
		url: `${api.prefix ?? ''}${request.path}`,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		timeout: requestTimeout(context),
		...(api.keepStatuses ? { ignoreHttpStatusErrors: true, disableFollowRedirect: true } : {}),
	};
	let response: CallResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			api.credentialType,
			options,
		)) as CallResponse;
	} catch (error) {
		throw inPicker(context)
			? pickerError(context, api, error, options)
			: toApiError(context, api.profile, error, options);
	}
	if (!answers.includes(response.statusCode))
		failOnHttpError(context, api.profile, response, options);
	checkAnswer(context, api.profile, response, options);
	return response;
}

/** One request; its body. */
export async function apiCall(
	context: CallContext,
	api: CallApi,
	request: CallRequest,
): Promise<unknown> {
	return (await apiResponse(context, api, request)).body;
}

/** A picker filling its list: neither an item nor a trigger's poll. */
const inPicker = (context: CallContext) =>
	!('getItemIndex' in context) && !('getActivationMode' in context) && !('getInputData' in context);

/** A picker's list shows one short line: the API's words, never the raw error. */
function pickerError(
	context: CallContext,
	api: CallApi,
	error: unknown,
	{ method, url }: { method: string; url: string },
): Error {
	const { status, body } = responseOf(error);
	return new NodeOperationError(
		context.getNode(),
		`${api.profile.name}: ${apiErrorText(body) ?? (status ? `HTTP ${status}` : 'no answer')} (${method} ${url})`,
	);
}

/**
 * Keyline's side calls (see nodes/shared/call.ts). Redirects are not followed: a checkout answers
 * 301 with the order's URL, which must not be fetched as a GET in its place.
 */
import {
	apiCall,
	apiResponse,
	type CallApi,
	type CallContext,
	type CallRequest,
	type CallResponse,
} from '../../shared/call';
import { KEYLINE } from './api';

export type KeylineContext = CallContext;
export type KeylineRequest = CallRequest;
export type KeylineResponse = CallResponse;

const KEYLINE_CALLS: CallApi = {
	profile: KEYLINE,
	credentialType: 'keylineApi',
	keepStatuses: true,
};

/** One request with its status and headers; 400 and more throw, except the statuses in `answers`. */
export async function keylineResponse(
	context: KeylineContext,
	request: KeylineRequest,
	answers: number[] = [],
): Promise<KeylineResponse> {
	return await apiResponse(context, KEYLINE_CALLS, request, answers);
}

/** One request; its body. */
export async function keylineRequest(
	context: KeylineContext,
	request: KeylineRequest,
): Promise<unknown> {
	return await apiCall(context, KEYLINE_CALLS, request);
}

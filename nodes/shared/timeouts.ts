/**
 * How long any request of this package may wait for an answer. n8n's own default is 300 s, so a
 * host that accepts the connection and never answers would hold a workflow for five minutes.
 *
 * - Operations: the node's Settings → Request Options → Timeout when the user set one,
 *   otherwise `REQUEST_TIMEOUT_MS`.
 * - The InstantCard login, the Keyline key check and both credential Tests: `CHECK_TIMEOUT_MS`,
 *   or the node's Timeout when that is shorter.
 */
import type { IDataObject } from 'n8n-workflow';

export const REQUEST_TIMEOUT_MS = 60_000;
export const CHECK_TIMEOUT_MS = 15_000;

/** Anything that can read the node's parameters (operation, poll, picker contexts). */
interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

/** The Timeout the user set in the node's Request Options (ms), if any. */
export function userTimeout(context: ParameterReader): number | undefined {
	let options: unknown;
	try {
		options = context.getNodeParameter('requestOptions', {});
	} catch {
		return undefined; // a context without that setting (a trigger)
	}
	const timeout = Number((options as IDataObject | undefined)?.timeout);
	return Number.isFinite(timeout) && timeout > 0 ? timeout : undefined;
}

/** The bound of one operation request. */
export function requestTimeout(context: ParameterReader): number {
	return userTimeout(context) ?? REQUEST_TIMEOUT_MS;
}

/** The bound of a login or a key check made for a request bounded by `requestBound`. */
export function checkTimeout(requestBound?: number): number {
	return requestBound && requestBound > 0
		? Math.min(requestBound, CHECK_TIMEOUT_MS)
		: CHECK_TIMEOUT_MS;
}

/** "15 s", "1.5 s", "800 ms" */
export function formatDuration(ms: number): string {
	return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';

import { isTimeout, networkReason } from './network';
import { scrub, scrubValue } from './secrets';
import { formatDuration } from './timeouts';

/** `host:port` of a URL, or '' when it is not one. */
function hostOf(url: string | undefined): string {
	try {
		return url ? new URL(url).host : '';
	} catch {
		return '';
	}
}

/** What one API calls itself in messages, and where its error text sits. */
export interface ApiProfile {
	/** "InstantCard", "Keyline". */
	name: string;
	/** What a status means for this API, where it differs from the general hint. */
	hints?: Partial<Record<number, string>>;
	/** The API's words in English, when it answers in another language; undefined if unknown. */
	translate?: (text: string) => string | undefined;
}

/**
 * Turns the bodies both APIs use for errors into readable text, naming fields where given;
 * scrubbed of the credentials' secrets (a server may echo the request).
 */
export function apiErrorText(body: unknown): string | undefined {
	const text = errorText(body);
	return text === undefined ? undefined : scrub(text);
}

function errorText(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('<')) return undefined; // an HTML error page says nothing useful
		try {
			return errorText(JSON.parse(trimmed) as unknown) ?? trimmed.slice(0, 300);
		} catch {
			return trimmed.slice(0, 300);
		}
	}
	if (Array.isArray(body))
		return body
			.map((entry) => errorText(entry) ?? fieldMessages(entry) ?? '')
			.filter(Boolean)
			.join('; ');
	if (typeof body !== 'object') return String(body);
	const record = body as IDataObject;
	// InstantCard: {"error": "..." | [...]}; Keyline: {"errors": {...} | [...]} or {"error": "..."}.
	for (const key of ['errors', 'error', 'message']) {
		const value = record[key];
		if (value === undefined || value === null) continue;
		if (typeof value === 'object' && !Array.isArray(value)) return fieldMessages(value);
		return errorText(value);
	}
	return undefined;
}

/**
 * `{"name": ["ist zu kurz"], "grain": "ist kein gültiger Wert"}` as "name: ist zu kurz; grain: …".
 * Keyline's checkout lists one such object per missing thing, so arrays of them read the same.
 */
function fieldMessages(value: unknown): string | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const text = Object.entries(value as IDataObject)
		.map(([field, messages]) => {
			const said = Array.isArray(messages) ? messages.join(', ') : errorText(messages);
			return field === 'base' ? said : `${field}: ${said}`;
		})
		.join('; ');
	return text || undefined;
}

/** Each field of a 422 with its messages, for output a workflow can branch on. */
export function fieldErrors(body: unknown): Array<{ field: string; message: string }> {
	const errors = (body as IDataObject | undefined)?.errors;
	const entries = Array.isArray(errors)
		? errors.flatMap((entry) =>
				entry && typeof entry === 'object' ? Object.entries(entry as IDataObject) : [],
			)
		: errors && typeof errors === 'object'
			? Object.entries(errors as IDataObject)
			: [];
	return entries.flatMap(([field, messages]) =>
		(Array.isArray(messages) ? messages : [messages]).map((message) => ({
			field: scrub(field),
			message: scrub(String(message)),
		})),
	);
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The request was rejected as invalid.',
	401: 'The credential was refused, and refused again with a fresh session. Check the credential, and that its user may access this organization.',
	403: 'Access was refused. The API key or user may lack permission for this.',
	404: 'It was not found. Check the ID, and that it belongs to the account in the credential.',
	405: 'This action is not allowed on this resource.',
	409: 'It conflicts with the current state of the resource.',
	422: 'The values were not accepted.',
	429: 'Too many requests: the API is rate-limiting. Wait a moment, or space the requests out with the Batching option.',
};

interface HttpLikeError {
	httpCode?: string | null;
	context?: { data?: unknown };
	cause?: {
		response?: { status?: number; data?: unknown; headers?: IDataObject };
		code?: string;
	};
	response?: { status?: number; data?: unknown; headers?: IDataObject };
	code?: string;
	message?: string;
}

/** Status code and body of a failed request, wherever n8n's request helpers put them. */
export function responseOf(error: unknown): {
	status?: number;
	body?: unknown;
	headers?: IDataObject;
	code?: string;
} {
	const e = (error ?? {}) as HttpLikeError;
	const response = e.cause?.response ?? e.response;
	const status = response?.status ?? (e.httpCode ? Number(e.httpCode) : undefined);
	return {
		status: Number.isFinite(status) ? status : undefined,
		body: response?.data ?? e.context?.data,
		headers: response?.headers,
		code: e.cause?.code ?? e.code,
	};
}

/** Errors `toApiError` built: passing through it again (a request made in a postReceive) keeps them. */
const built = new WeakSet<Error>();
/** Of those, the ones for a request that got no answer (timed out, connection dropped or refused). */
const unanswered = new WeakSet<Error>();

/**
 * Whether a failed request may have been carried out all the same: no answer came (time bound,
 * dropped connection), or the server failed (5xx) after receiving it. A 4xx is a clear no.
 */
export function answerUnknown(error: unknown): boolean {
	if (unanswered.has(error as Error)) return true;
	const { status, code } = responseOf(error);
	if (status !== undefined) return status >= 500;
	return code !== undefined || isTimeout(error);
}

/** What an error needs of the node context: item-level contexts also name the item. */
export type ErrorContext = Pick<IExecuteSingleFunctions, 'getNode'> &
	Partial<Pick<IExecuteSingleFunctions, 'getItemIndex'>>;

/** Throws the API's error for an answer of 400 or more (requests sent with `ignoreHttpStatusErrors`). */
export function failOnHttpError(
	context: ErrorContext,
	api: ApiProfile,
	response: { statusCode: number; headers?: unknown; body: unknown },
	request: { method?: string; url?: string },
): void {
	if (response.statusCode < 400) return;
	const error = {
		response: { status: response.statusCode, data: response.body, headers: response.headers },
	};
	throw toApiError(context, api, error, request);
}

/**
 * Rebuilds an HTTP failure as an error a workflow builder can act on: the API's own words as the
 * message, what it means as the description. Built from a plain object so no request headers
 * (tokens, keys) travel with it.
 */
export function toApiError(
	context: ErrorContext,
	api: ApiProfile,
	error: unknown,
	request: { method?: string; url?: string; baseURL?: string; timeout?: number },
): Error {
	if (error instanceof NodeOperationError || built.has(error as Error)) return error as Error;
	const { status, body, headers, code } = responseOf(error);
	const what = `${(request.method ?? 'GET').toUpperCase()} ${request.url ?? ''}`.trim();
	if (status === undefined && isTimeout(error)) {
		const host = hostOf(request.baseURL ?? request.url);
		const bound = request.timeout ? ` within ${formatDuration(request.timeout)}` : ' in time';
		return noAnswer(
			new NodeApiError(context.getNode(), { message: 'timed out' } as JsonObject, {
				message: `${api.name}${host ? ` at ${host}` : ''} did not answer${bound}`,
				description: `The request ${what} got no answer${bound}. Check that ${host || 'the server'} is up and reachable from this n8n, or raise the Timeout in the node's Settings → Request Options.`,
				itemIndex: context.getItemIndex?.(),
			}),
		);
	}
	// No HTTP status and no network code: already an error of ours (a refused login, a bad key)
	// or of n8n's, with its own words.
	if (status === undefined && code === undefined && error instanceof Error) return error;
	if (status === undefined) {
		const reason = scrub(networkReason(code, (error as Error)?.message));
		return noAnswer(
			new NodeApiError(context.getNode(), { message: reason } as JsonObject, {
				message: `Could not reach ${api.name} (${reason})`,
				description: `The request ${what} got no answer. Check the credential's URL and the network.`,
				itemIndex: context.getItemIndex?.(),
			}),
		);
	}
	// A server's text may echo the request (a debug page, a proxy): no secret goes further.
	const said = apiErrorText(body);
	const retryAfter = headers?.['retry-after'];
	const hint =
		api.hints?.[status] ??
		STATUS_HINTS[status] ??
		(status >= 500 ? `${api.name} had an internal problem; try again later.` : '');
	let description = `${api.name} answered HTTP ${status} to ${what}. ${hint}`.trim();
	const english = said ? api.translate?.(said) : undefined;
	if (english) description += ` In English: ${english}.`;
	if (status === 429 && retryAfter !== undefined)
		description += ` It asks to retry after ${String(retryAfter)} seconds.`;
	return asFinal(
		new NodeApiError(
			context.getNode(),
			{ status, body: scrubValue(body ?? null) as JsonObject } as JsonObject,
			{
				message: said ? `${api.name}: ${said}` : `${api.name} answered HTTP ${status}`,
				description,
				httpCode: String(status),
				itemIndex: context.getItemIndex?.(),
			},
		),
	);
}

function noAnswer(error: NodeApiError): NodeApiError {
	unanswered.add(error);
	return asFinal(error);
}

/** An error as n8n shows it: n8n's error classes unchanged, anything else wrapped in a NodeApiError. */
export function asNodeError(
	context: ErrorContext,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(
		context.getNode(),
		{ message: scrub(String((error as Error)?.message ?? error)) } as JsonObject,
		{
			message: scrub(String((error as Error)?.message ?? error)),
			itemIndex: context.getItemIndex?.(),
		},
	);
}

/** Marks an error as final (built here, or elsewhere): the request path passes it on unchanged. */
export function asFinal<T extends Error>(error: T): T {
	built.add(error);
	return error;
}

/** What an answer must be: JSON (any), or a JSON list (a page of a list). */
export type ExpectedAnswer = 'json' | 'list';

/**
 * Refuses a 2xx answer that is not what the API sends: an HTML page (a proxy's or maintenance
 * page with status 200), JSON cut off, any other text, or, where a list is expected, anything
 * but a JSON array. Such an answer is never data: the error names the request, says what was
 * expected and shows the start of what came (scrubbed). Empty bodies (204) pass.
 */
export function checkAnswer(
	context: ErrorContext,
	api: ApiProfile,
	response: { statusCode?: number; headers?: IDataObject; body?: unknown },
	request: { method?: string; url?: string },
	expected: ExpectedAnswer = 'json',
): void {
	const status = response.statusCode ?? 200;
	if (status < 200 || status >= 300) return;
	const { body } = response;
	const text =
		typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
	const isText = text !== undefined && text.trim() !== '';
	const notList = expected === 'list' && !Array.isArray(body) && !isText;
	if (!isText && !notList) return;
	const contentType = String(response.headers?.['content-type'] ?? '').split(';')[0];
	const kind = !isText
		? 'JSON that is not a list'
		: /^\s*</.test(text as string) || contentType.includes('html')
			? 'a web page (HTML)'
			: /^\s*[[{]/.test(text as string)
				? 'JSON that is cut off'
				: 'text that is not JSON';
	throw notTheApisAnswer(context, api, request, {
		status,
		contentType,
		kind,
		expected: expected === 'list' ? 'JSON list' : 'JSON',
		body: isText ? text : body,
	});
}

/**
 * The error for an answer that is not what the API sends (see `checkAnswer`; also for JSON of
 * the wrong shape, which only the operation can tell): names the request, what was expected,
 * and quotes the first ~100 characters of what came, scrubbed.
 */
export function notTheApisAnswer(
	context: ErrorContext,
	api: ApiProfile,
	request: { method?: string; url?: string },
	answer: { status: number; contentType?: string; kind: string; expected: string; body: unknown },
): NodeApiError {
	const what = `${(request.method ?? 'GET').toUpperCase()} ${request.url ?? ''}`.trim();
	const raw =
		typeof answer.body === 'string'
			? answer.body
			: (JSON.stringify(answer.body) ?? String(answer.body));
	const shown = scrub(raw.replace(/\s+/g, ' ').trim());
	const excerpt = shown.length > 100 ? `${shown.slice(0, 100)}…` : shown;
	const type = answer.contentType ? ` (${answer.contentType})` : '';
	return asFinal(
		new NodeApiError(context.getNode(), { status: answer.status, body: excerpt } as JsonObject, {
			message: `${api.name} answered ${what} with ${answer.kind}, not the ${answer.expected} its API sends`,
			description: `Expected ${answer.expected === 'JSON list' ? 'a JSON list (array)' : answer.expected}; got HTTP ${answer.status}${type}: "${excerpt}". A proxy, a maintenance page or a dropped connection may be in between: check the credential's URL, or try again later. Nothing was read from this answer.`,
			httpCode: String(answer.status),
			itemIndex: context.getItemIndex?.(),
		}),
	);
}

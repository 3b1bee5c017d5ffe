import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';

import { networkReason } from './network';

/** What one API calls itself in messages, and where its error text sits. */
export interface ApiProfile {
	/** "InstantCard", "Keyline". */
	name: string;
	/** What a status means for this API, where it differs from the general hint. */
	hints?: Partial<Record<number, string>>;
	/** The API's words in English, when it answers in another language; undefined if unknown. */
	translate?: (text: string) => string | undefined;
}

/** Turns the bodies both APIs use for errors into readable text, naming fields where given. */
export function apiErrorText(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('<')) return undefined; // an HTML error page says nothing useful
		try {
			return apiErrorText(JSON.parse(trimmed) as unknown) ?? trimmed.slice(0, 300);
		} catch {
			return trimmed.slice(0, 300);
		}
	}
	if (Array.isArray(body))
		return body
			.map((entry) => apiErrorText(entry) ?? fieldMessages(entry) ?? '')
			.filter(Boolean)
			.join('; ');
	if (typeof body !== 'object') return String(body);
	const record = body as IDataObject;
	// InstantCard: {"error": "..." | [...]}; Keyline: {"errors": {...} | [...]} or {"error": "..."}.
	for (const key of ['errors', 'error', 'message']) {
		const value = record[key];
		if (value === undefined || value === null) continue;
		if (typeof value === 'object' && !Array.isArray(value)) return fieldMessages(value);
		return apiErrorText(value);
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
			const said = Array.isArray(messages) ? messages.join(', ') : apiErrorText(messages);
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
			field,
			message: String(message),
		})),
	);
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The request was rejected as invalid.',
	401: 'The credential was not accepted, even after logging in again. Check the credential.',
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

/** What an error needs of the node context: item-level contexts also name the item. */
export type ErrorContext = Pick<IExecuteSingleFunctions, 'getNode'> &
	Partial<Pick<IExecuteSingleFunctions, 'getItemIndex'>>;

/**
 * Rebuilds an HTTP failure as an error a workflow builder can act on: the API's own words as the
 * message, what it means as the description. Built from a plain object so no request headers
 * (tokens, keys) travel with it.
 */
export function toApiError(
	context: ErrorContext,
	api: ApiProfile,
	error: unknown,
	request: { method?: string; url?: string },
): Error {
	if (error instanceof NodeOperationError || built.has(error as Error)) return error as Error;
	const { status, body, headers, code } = responseOf(error);
	const what = `${(request.method ?? 'GET').toUpperCase()} ${request.url ?? ''}`.trim();
	// No HTTP status and no network code: already an error of ours (a refused login, a bad key)
	// or of n8n's, with its own words.
	if (status === undefined && code === undefined && error instanceof Error) return error;
	if (status === undefined) {
		const reason = networkReason(code, (error as Error)?.message);
		return remember(
			new NodeApiError(context.getNode(), { message: reason } as JsonObject, {
				message: `Could not reach ${api.name} (${reason})`,
				description: `The request ${what} got no answer. Check the credential's URL and the network.`,
				itemIndex: context.getItemIndex?.(),
			}),
		);
	}
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
	return remember(
		new NodeApiError(
			context.getNode(),
			{ status, body: (body ?? null) as JsonObject } as JsonObject,
			{
				message: said ? `${api.name}: ${said}` : `${api.name} answered HTTP ${status}`,
				description,
				httpCode: String(status),
				itemIndex: context.getItemIndex?.(),
			},
		),
	);
}

function remember(error: NodeApiError): NodeApiError {
	built.add(error);
	return error;
}

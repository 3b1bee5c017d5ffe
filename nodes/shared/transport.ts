/**
 * The one path every declarative request of our nodes takes.
 *
 * RoutingNode only lets a node see a request when it "paginates", so a hidden property turns
 * pagination on for every operation and the node's `requestOperations.pagination` points at
 * `sendRequest` (one request) or, for lists, at `sendPagedRequest`. Both keep n8n's own
 * re-login-on-401 (errors still throw inside n8n's helper) and rewrite the final error with the
 * API's own words.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IDisplayOptions,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { checkAnswer, toApiError, type ApiProfile, type ExpectedAnswer } from './errors';
import { requestTimeout } from './timeouts';
import { readLimit } from './validation';

type ResultOptions = DeclarativeRestApiSettings.ResultOptions;
type Hook = (
	this: IExecutePaginationFunctions,
	requestData: ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Pages a list may take at most: a server that keeps sending full pages must not loop forever. */
export const MAX_PAGES = 1000;
/** Rows asked for per page when returning all. */
export const PAGE_SIZE = 100;

/** Requests whose output steps already begin with the shape check. */
const checked = new WeakSet<object>();
/**
 * The options each request was last sent with (a list's are a copy per page). The credential
 * completes them as it sends (the API root, InstantCard's organization), so an answer's check
 * names the request as it went out.
 */
const sentWith = new WeakMap<object, ResultOptions['options']>();

/**
 * Makes the operation's first output step refuse an answer of the wrong shape (see
 * `checkAnswer`) before its own steps read it. When the operation has no steps of its own the
 * check also does what n8n does then: one item per element of a list, else one item.
 * RoutingNode reads the output steps from the request data it handed the hook, so they are
 * added to that object, once.
 */
function checkAnswers(requestData: ResultOptions, api: ApiProfile, expected: ExpectedAnswer): void {
	if (checked.has(requestData)) return;
	checked.add(requestData);
	const alone = requestData.postReceive.length === 0;
	const check: PostReceiveAction = async function checkShape(this, items, response) {
		const { method, url } = sentWith.get(requestData) ?? requestData.options;
		checkAnswer(this, api, response, { method, url }, expected);
		if (!alone) return items;
		return Array.isArray(response.body)
			? response.body.map((json) => ({ json: json as IDataObject }))
			: items;
	};
	requestData.postReceive.unshift({ data: { parameterValue: undefined }, actions: [check] });
}

async function routed(
	context: IExecutePaginationFunctions,
	api: ApiProfile,
	requestData: ResultOptions,
	/** The request data the hook was handed, when `requestData` is a page's copy of it. */
	original: ResultOptions = requestData,
): Promise<INodeExecutionData[]> {
	// n8n bounds a declarative request by 300 s unless the node's Timeout is set: use ours.
	requestData.options.timeout = requestTimeout(context);
	sentWith.set(original, requestData.options);
	try {
		return await context.makeRoutingRequest(requestData);
	} catch (error) {
		throw toApiError(context, api, error, requestData.options);
	}
}

export function requestHook(api: ApiProfile): Hook {
	return async function sendRequest(this, requestData) {
		checkAnswers(requestData, api, 'json');
		return await routed(this, api, requestData);
	};
}

/**
 * `page`/`page_size` paging over plain JSON arrays (InstantCard): there are no totals, so a
 * page shorter than asked for is the last. Reads the operation's Return All / Limit.
 */
export function pagedRequestHook(api: ApiProfile): Hook {
	return async function sendPagedRequest(this, requestData) {
		checkAnswers(requestData, api, 'list');
		const limit = readLimit(this);
		const pageSize = Math.min(limit, PAGE_SIZE);
		const results: INodeExecutionData[] = [];
		let previousFirst: string | undefined;
		for (let page = 1; page <= MAX_PAGES; page++) {
			const rows = await routed(
				this,
				api,
				{
					...requestData,
					options: {
						...requestData.options,
						qs: { ...requestData.options.qs, page, page_size: pageSize },
					},
				},
				requestData,
			);
			// A server that ignores `page` sends the same rows again: stop instead of duplicating.
			const first = rows.length ? JSON.stringify(rows[0].json) : undefined;
			if (page > 1 && first !== undefined && first === previousFirst) break;
			previousFirst = first;
			results.push(...rows);
			if (results.length >= limit) return results.slice(0, limit);
			if (rows.length < pageSize) return results;
		}
		throw new NodeApiError(this.getNode(), {} as never, {
			message: `${api.name} kept sending full pages: stopped after ${MAX_PAGES} pages (${results.length} rows)`,
			description: 'Turn off Return All and set a Limit, or narrow the list with filters.',
			itemIndex: this.getItemIndex(),
		});
	};
}

/** Put first in a node's properties: routes every operation through the node's request hook. */
export const routeAllRequests: INodeProperties = {
	displayName: 'Request Routing',
	name: 'requestRouting',
	type: 'hidden',
	default: '',
	routing: { send: { paginate: true } },
};

/**
 * Return All / Limit of a list operation. What they do is the route's (`list` in the route
 * builder): the Limit checked before sending, the answer read page by page or cut to the Limit.
 */
export function listOptions(show: IDisplayOptions['show']): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

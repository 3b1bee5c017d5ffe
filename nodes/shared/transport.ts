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
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toApiError, type ApiProfile } from './errors';

type ResultOptions = DeclarativeRestApiSettings.ResultOptions;
type Hook = (
	this: IExecutePaginationFunctions,
	requestData: ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Pages a list may take at most: a server that keeps sending full pages must not loop forever. */
export const MAX_PAGES = 1000;
/** Rows asked for per page when returning all. */
export const PAGE_SIZE = 100;

async function routed(
	context: IExecutePaginationFunctions,
	api: ApiProfile,
	requestData: ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await context.makeRoutingRequest(requestData);
	} catch (error) {
		throw toApiError(context, api, error, {
			method: requestData.options.method,
			url: requestData.options.url,
		});
	}
}

export function requestHook(api: ApiProfile): Hook {
	return async function sendRequest(this, requestData) {
		return await routed(this, api, requestData);
	};
}

/**
 * `page`/`page_size` paging over plain JSON arrays (InstantCard): there are no totals, so a
 * page shorter than asked for is the last. Reads the operation's Return All / Limit.
 */
export function pagedRequestHook(api: ApiProfile): Hook {
	return async function sendPagedRequest(this, requestData) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
		const pageSize = returnAll ? PAGE_SIZE : Math.min(Math.max(limit, 1), PAGE_SIZE);
		const results: INodeExecutionData[] = [];
		let previousFirst: string | undefined;
		for (let page = 1; page <= MAX_PAGES; page++) {
			const rows = await routed(this, api, {
				...requestData,
				options: {
					...requestData.options,
					qs: { ...requestData.options.qs, page, page_size: pageSize },
				},
			});
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
 * Return All / Limit for a list operation: paged through `paged` when the endpoint pages,
 * else the whole answer trimmed to the limit.
 */
export function listOptions(
	show: { resource: string[]; operation: string[] },
	paged?: Hook,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			routing: paged
				? { operations: { pagination: paged } }
				: { output: { maxResults: '={{ $value ? undefined : $parameter.limit }}' } },
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

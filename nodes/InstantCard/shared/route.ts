/**
 * InstantCard for the shared route builder: its IDs, its organization, its form bodies and its
 * lists. Operations state themselves on their option as
 * `instantCardRoute('PATCH', '/cards/{cardId}/finalize', { postReceive: [outputFinalized] })`.
 *
 * Every path but the profile's lives under `/organizations/<id>` of the credential. The node's
 * base URL names it (ORGANIZATION_BASE_URL: one expression, which n8n evaluates for every item
 * anyway), so templates are written below it. The step after the URL moves the organization from
 * the base URL into the path: what is sent, and what errors name, is the path below the API root,
 * e.g. `GET /organizations/20003827/cards/264561`.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';

import { route, type PathTemplate, type RouteApi, type RouteOptions } from '../../shared/route';
import { FORM_HEADERS, INSTANTCARD, sendPagedRequest } from './api';
import { instantCardCall } from './call';
import { INSTANTCARD_IDS } from './ids';

/** The answer as n8n makes items of it: one item per element of a list, else one item. */
function toItems(body: unknown): INodeExecutionData[] {
	return Array.isArray(body)
		? body.map((json) => ({ json: json as IDataObject }))
		: [{ json: body as IDataObject }];
}

export const instantCard: RouteApi = {
	profile: INSTANTCARD,
	ids: INSTANTCARD_IDS,
	read: async (context, path) => await instantCardCall(context, 'GET', path),
	toItems,
};

/** The organization itself: its path is the base URL's. */
export const ORGANIZATION = '';

const ORGANIZATION_PATH = /\/organizations\/[^/]*$/;

/**
 * preSend, right after the URL: `…/api/v2/organizations/20003827` + `/cards/9` becomes
 * `…/api/v2` + `/organizations/20003827/cards/9`. A path outside the organization (the profile)
 * drops it. The step says which it does, so a test can tell the full path from the description.
 */
function pathBelowApiRoot(inOrganization: boolean): PreSendAction & { organization: boolean } {
	const step = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const base = String(options.baseURL ?? '');
		const organization = ORGANIZATION_PATH.exec(base)?.[0] ?? '';
		options.baseURL = base.slice(0, base.length - organization.length);
		options.url = `${inOrganization ? organization : ''}${options.url ?? ''}`;
		return options;
	};
	return Object.assign(step, { organization: inOrganization });
}

/**
 * The fields of a write, as InstantCard takes them: a form (`application/x-www-form-urlencoded`)
 * of keys such as `address[zip_code]`. Runs after the URL and its IDs are checked.
 */
export type FormBody = (this: IExecuteSingleFunctions) => Promise<IDataObject>;

/** preSend: the operation's form fields become the request's body. */
function sendForm(build: FormBody): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		options.body = await build.call(this);
		return options;
	};
}

/** A request hook (`requestOperations.pagination`): how the node sends the item's request. */
export type RequestHook = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

export interface InstantCardRouteOptions extends Omit<RouteOptions, 'explain'> {
	/** The body: the operation's fields, sent as a form (see `FormBody`). */
	form?: FormBody;
	/** Sends the request its own way (a payment sent once, a refusal reworded) instead of the usual hook. */
	send?: RequestHook;
	/** The path is not under the organization (the profile). */
	outsideOrganization?: boolean;
}

/**
 * The routing of one InstantCard operation. Refusals are not explained through the route
 * builder's `explain`: that sends with `ignoreHttpStatusErrors`, and then n8n would not log in
 * again when a session token is refused (401).
 */
export function instantCardRoute(
	method: IHttpRequestMethods,
	template: PathTemplate,
	options: InstantCardRouteOptions = {},
): INodePropertyRouting {
	const {
		form,
		list,
		send,
		outsideOrganization,
		preSend = [],
		postReceive,
		request,
		recordId,
	} = options;
	const routing = route(instantCard, method, template, {
		preSend: [
			pathBelowApiRoot(!outsideOrganization),
			...(form ? [sendForm(form)] : []),
			...preSend,
		],
		postReceive,
		list,
		recordId,
		request: form ? { ...request, headers: { ...FORM_HEADERS, ...request?.headers } } : request,
	});
	const hook = send ?? (list === 'paged' ? sendPagedRequest : undefined);
	return hook ? { ...routing, operations: { pagination: hook } } : routing;
}

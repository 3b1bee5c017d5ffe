/**
 * InstantCard for the shared route builder: its IDs, its organization, its form bodies and its
 * lists. Operations state themselves on their option as
 * `instantCardRoute('PATCH', '/cards/{cardId}/finalize', { postReceive: [outputFinalized] })`.
 *
 * Every path but the profile's lives under `/organizations/<id>` of the credential, so templates
 * are written below it and the step after the URL puts `/organizations/{organizationId}` in
 * front, which the credential fills in when it sends the request (with the API root): what is
 * sent, and what errors name, is e.g. `GET /organizations/20003827/cards/264561`.
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
import { ORGANIZATION_PATH } from './login';

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

/** The organization itself: `/organizations/{organizationId}` with nothing below it. */
export const ORGANIZATION = '';

/**
 * preSend, right after the URL: `/cards/9` becomes `/organizations/{organizationId}/cards/9`;
 * a path outside the organization (the profile) stays as it is. The step says which it does, so
 * a test can tell the full path from the description.
 */
function pathBelowApiRoot(inOrganization: boolean): PreSendAction & { organization: boolean } {
	const step = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		if (inOrganization) options.url = `${ORGANIZATION_PATH}${options.url ?? ''}`;
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

/**
 * The routing of one operation, for both APIs, from its method and path template:
 * `route(keyline, 'PATCH', '/carts/{cartId}/products/{productId}', { preSend: [buildBody] })`.
 * Every operation gets the same treatment: each ID in the path read once and checked before
 * anything is sent, the answer turned into items, and answers that carry no record made into
 * one (updates answering 204 read it again, deletes read it just before).
 *
 * The path and IDs resolved for an item are kept for that item, so its output steps and side
 * calls read them with `routeOf(this)` instead of reading the parameters (and the user's
 * expressions) again.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { failOnHttpError, type ApiProfile } from './errors';
import { isRecord, readLimit, toPositiveInteger } from './validation';

/** How an ID parameter is named to users, for the check before sending. */
export interface IdSpec {
	label: string;
	example: string;
}

/** What the route builder needs to know of an API. */
export interface RouteApi {
	profile: ApiProfile;
	/** The API's ID parameters that can appear in a path as `{name}`. */
	ids: Record<string, IdSpec>;
	/** Expands placeholders that stand for several segments (Keyline's `{parent}`). */
	expand?: (context: IExecuteSingleFunctions, path: string) => string;
	/** GET of a path below the request's base URL: the read before a delete or after an update. */
	read: (context: IExecuteSingleFunctions, path: string) => Promise<unknown>;
	/** An answer as the node's items. */
	toItems: (body: unknown) => INodeExecutionData[];
	/** Updates answer nothing (Keyline's 204): their output is the record read again. */
	rereadUpdates?: boolean;
}

/** A path chosen by a field's value, e.g. `addressType`: billing or delivery address. */
export interface PathChoice {
	parameter: string;
	paths: Record<string, string>;
}

/** A path template, or a choice between templates. */
export type PathTemplate = string | PathChoice;

/** Every template a path can take: the endpoints an operation reaches. */
export function templatesOf(template: PathTemplate): string[] {
	return typeof template === 'string' ? [template] : Object.values(template.paths);
}

/** One item's request as resolved: the path with its IDs in place, and the IDs themselves. */
export interface Route {
	method: IHttpRequestMethods;
	path: string;
	ids: Record<string, number>;
}

const routes = new WeakMap<object, Route>();

/**
 * Resolves `/carts/{cartId}/products/{productId}` for this item, reading and checking each ID
 * once, and keeps the result for the item's later steps.
 */
export function resolveRoute(
	context: IExecuteSingleFunctions,
	api: RouteApi,
	method: IHttpRequestMethods,
	template: PathTemplate,
): Route {
	const chosen =
		typeof template === 'string'
			? template
			: template.paths[String(context.getNodeParameter(template.parameter, ''))];
	if (chosen === undefined) {
		throw new Error(
			`No path for ${(template as PathChoice).parameter} in ${JSON.stringify(template)}`,
		);
	}
	const expanded = api.expand ? api.expand(context, chosen) : chosen;
	const ids: Record<string, number> = {};
	const path = expanded.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const spec = api.ids[name];
		if (!spec) throw new Error(`Unknown ID placeholder {${name}} in ${chosen}`);
		// Resource locators give { mode, value }: the value is the ID.
		const value = context.getNodeParameter(name, '', { extractValue: true });
		ids[name] = toPositiveInteger(context, value, spec.label, spec.example);
		return String(ids[name]);
	});
	const resolved = { method, path, ids };
	routes.set(context, resolved);
	return resolved;
}

/**
 * The route this item's request was sent to (resolved by its first preSend step). Also in the
 * item's request hook (`requestOperations.pagination`), whose context n8n derives from the item's.
 */
export function routeOf(context: object): Route {
	const resolved = routes.get(context) ?? routes.get(Object.getPrototypeOf(context) as object);
	if (!resolved) throw new Error('routeOf: the item has no resolved route');
	return resolved;
}

/** The ID the path ends with: the record the operation is about, e.g. "card 264561". */
function recordIdOf(
	api: RouteApi,
	route: Route,
): { name: string; value: number; what: string } | undefined {
	const name = Object.keys(route.ids).pop();
	// `/carts/9981/customer` is about the cart's customer, not about cart 9981.
	if (name === undefined || !route.path.endsWith(`/${route.ids[name]}`)) return undefined;
	const what = api.ids[name].label.replace(/ ID$/, '').toLowerCase();
	return { name, value: route.ids[name], what: `${what} ${route.ids[name]}` };
}

/**
 * postReceive, last: each output item carries the IDs of the records it lives under, named as
 * the node's fields (`cartId`, `productId`, …), so the next node maps `{{ $json.cartId }}`
 * instead of reaching back (`$json.id` of a customer or a carrier is not its cart). The ID the
 * path ends with is the record's own and is left to the record; a key the answer has is kept.
 */
function withParentIds(api: RouteApi): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const current = routes.get(this);
		if (!current) return items;
		const own = recordIdOf(api, current);
		const parents = Object.entries(current.ids).filter(
			([name, value]) => !(own && name === own.name && value === own.value),
		);
		if (parents.length === 0) return items;
		return items.map((item) => ({
			...item,
			json: { ...Object.fromEntries(parents), ...item.json },
		}));
	};
}

/** postReceive: each item is about the record of path ID `name`, so it has that record's `id`. */
function withRecordId(name: string): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const id = routeOf(this).ids[name];
		return items.map((item) => ({ ...item, json: { id, ...item.json } }));
	};
}

/**
 * preSend: the URL of this item, with every ID in it checked. The function carries its
 * templates, so a test can list the endpoints a node reaches from its description alone.
 */
export function routeUrl(
	api: RouteApi,
	method: IHttpRequestMethods,
	template: PathTemplate,
): PreSendAction & { templates: string[] } {
	const setUrl = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		options.url = resolveRoute(this, api, method, template).path;
		return options;
	};
	return Object.assign(setUrl, { templates: templatesOf(template) });
}

/** Rewrites an API error for what the user was doing (e.g. "set the customer first"). */
export type Explain = (
	context: IExecuteSingleFunctions,
	error: unknown,
	route: Route,
	body?: unknown,
) => unknown;

export interface RouteOptions {
	/** Steps that build the body, run after the URL and its IDs are checked. */
	preSend?: PreSendAction[];
	/**
	 * Replaces the default output: the answer as items for GET/POST/PUT, the record read again
	 * for an update that answers nothing, the record read before for DELETE.
	 */
	postReceive?: PostReceiveAction[];
	/** Extra request options, e.g. `{ disableFollowRedirect: true, ignoreHttpStatusErrors: true }`. */
	request?: Partial<IHttpRequestOptions>;
	/** Explains refusals for what the user was doing; the answer then reaches the output steps. */
	explain?: Explain;
	/**
	 * A list with Return All / Limit: the Limit is checked before sending. `whole`: answered at
	 * once, cut to the Limit; `paged`: the request hook reads it page by page up to the Limit.
	 */
	list?: 'paged' | 'whole';
	/**
	 * The path ID whose record the output is about, when the path goes on past it
	 * (`/print_jobs/{printJobId}/charge_details`): each item gets it as `id` unless it has one.
	 */
	recordId?: string;
}

export function route(
	api: RouteApi,
	method: IHttpRequestMethods,
	template: PathTemplate,
	options: RouteOptions = {},
): INodePropertyRouting {
	const { explain } = options;
	const preSend: PreSendAction[] = [routeUrl(api, method, template)];
	let postReceive: PostReceiveAction[] = [outputRecords(api)];
	if (method === 'PATCH' && api.rereadUpdates) postReceive = [outputReread(api)];
	if (method === 'DELETE' && !options.postReceive) {
		preSend.push(readBeforeDelete(api, explain));
		postReceive = [outputDeleted(api)];
	}
	if (options.list) preSend.push(checkLimit);
	if (options.list === 'whole') postReceive = [...postReceive, upToLimit];
	preSend.push(...(options.preSend ?? []));
	postReceive = options.postReceive ?? postReceive;
	// To explain a refusal, the answer must reach the output steps instead of failing the request.
	if (explain) postReceive = [failExplained(api, explain), ...postReceive];
	if (options.recordId) postReceive = [...postReceive, withRecordId(options.recordId)];
	postReceive = [...postReceive, withParentIds(api)];
	return {
		request: {
			method,
			...(explain ? { ignoreHttpStatusErrors: true } : {}),
			...(options.request ?? {}),
		},
		send: { preSend },
		output: { postReceive },
	};
}

/** preSend: a Limit that is not a whole number of 1 or more is refused before anything is sent. */
async function checkLimit(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	readLimit(this);
	return options;
}

/** postReceive: a list answered at once, up to the Limit unless Return All is on. */
async function upToLimit(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.slice(0, readLimit(this));
}

function outputRecords(api: RouteApi): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		return api.toItems(response.body);
	};
}

/** After an update that answers nothing: the record as it is now, read from the same URL. */
function outputReread(api: RouteApi): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		return api.toItems(await api.read(this, routeOf(this).path));
	};
}

/** What a GET just before a DELETE found, by item. */
const readBeforeDeleting = new WeakMap<object, IDataObject>();

/**
 * preSend: reads the record the DELETE is about to remove, so the output says what was deleted;
 * a record that cannot be read stops the item before anything is deleted.
 */
function readBeforeDelete(api: RouteApi, explain?: Explain): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const current = routeOf(this);
		let record: unknown;
		try {
			record = api.toItems(await api.read(this, current.path))[0]?.json;
		} catch (error) {
			throw explain ? explain(this, error, { ...current, method: 'GET' }) : error;
		}
		readBeforeDeleting.set(this, isRecord(record) ? record : {});
		return options;
	};
}

/**
 * postReceive: `{ deleted: true, id, ...what was deleted }` instead of an empty answer or
 * `{"result":"Success"}`. A 2xx that says it did not work must not read as a deletion.
 */
function outputDeleted(api: RouteApi): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const current = routeOf(this);
		const id = recordIdOf(api, current);
		const answer = response.body as unknown;
		const result = isRecord(answer) ? answer.result : undefined;
		if (answer === false || (typeof result === 'string' && result.toLowerCase() !== 'success')) {
			throw new NodeOperationError(
				this.getNode(),
				`${api.profile.name} did not delete ${id?.what ?? current.path}`,
				{
					itemIndex: this.getItemIndex(),
					description: `It answered ${JSON.stringify(answer).slice(0, 200)}.`,
				},
			);
		}
		const record = readBeforeDeleting.get(this) ?? {};
		readBeforeDeleting.delete(this);
		return [{ json: { deleted: true, ...(id ? { id: id.value } : {}), ...record } }];
	};
}

/** postReceive for `explain`: an answer of 400 or more fails, explained. */
function failExplained(api: RouteApi, explain: Explain): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const current = routeOf(this);
		try {
			failOnHttpError(this, api.profile, response, { method: current.method, url: current.path });
		} catch (error) {
			throw explain(this, error, current, response.body);
		}
		return items;
	};
}

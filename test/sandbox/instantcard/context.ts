/**
 * What every route module shares: the store, the current configuration, lookups with their 404s,
 * Rails-like parameter checks and the answer helpers.
 */
import { HttpError, type ApiResponse, type Query, type Route } from '../core';
import type { Address, Card, Contact, PrintJob, Store } from './store';

export interface InstantCardConfig {
	/** Lifetime of new tokens in seconds (old server default 1800). */
	tokenLifetimeSeconds: number;
	/** '401' (seed) or '200' (old server: HTTP 200 with `{"error": "Invalid Email/Password"}`). */
	loginFailure: '401' | '200';
	/** How print job `status` is serialised: its name ("Scheduled") or its number (1). */
	printJobStatusFormat: 'name' | 'number';
	/** One session per user: a successful login cancels every earlier token of that user. */
	singleSession: boolean;
	/** The order of `GET /print_jobs` (the documentation does not say): oldest first or newest first. */
	printJobOrder: 'oldest' | 'newest';
}

export interface Ctx {
	readonly store: Store;
	readonly config: InstantCardConfig;
	/** Virtual clock, ms since epoch. */
	now(): number;
}

export const ok = (body: unknown): ApiResponse => ({ status: 200, body });

export function notFound(message: string): never {
	throw new HttpError(404, { error: message });
}

/** A single-message 400, e.g. `{"error":"Missing parameter 'print_job'"}`. */
export function badRequest(message: string): never {
	throw new HttpError(400, { error: message });
}

/** Validation 400 with the list of messages, e.g. `{"error":["Unknown field 'x'"]}`. */
export function invalid(messages: string[]): never {
	throw new HttpError(400, { error: messages });
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** `params.require(key)`: the nested hash under `key`; missing or empty → 400. */
export function requireHash(params: Record<string, unknown>, key: string): Record<string, unknown> {
	const value = params[key];
	if (!isObject(value) || Object.keys(value).length === 0) badRequest(`Missing parameter '${key}'`);
	return value;
}

/** Strong parameters that raise: any key not permitted is a 400 naming it. */
export function rejectUnknown(
	hash: Record<string, unknown>,
	allowed: readonly string[],
	prefix = '',
): void {
	const unknown = Object.keys(hash)
		.filter((k) => !allowed.includes(k))
		.map((k) => `Unknown parameter '${prefix ? `${prefix}[${k}]` : k}'`);
	if (unknown.length > 0) invalid(unknown);
}

/** A scalar parameter as text; `""` counts as blank (Rails casts it to nil). */
export function text(value: unknown): string | null | undefined {
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value !== 'string') return undefined;
	return value.trim() === '' ? null : value;
}

/** An integer id parameter: a number or digit string; undefined when malformed. */
export function intValue(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
	return undefined;
}

/** Rails' boolean casting of form values. */
export function boolValue(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	const s = String(value).trim().toLowerCase();
	if (['1', 'true', 't', 'yes', 'on'].includes(s)) return true;
	if (['0', 'false', 'f', 'no', 'off'].includes(s)) return false;
	return undefined;
}

function queryValue(query: Query, key: string): string | undefined {
	const v = query[key];
	return Array.isArray(v) ? v[v.length - 1] : v;
}

/**
 * Old server: paginate only when both `page` (1-based) and `page_size` are present and > 0,
 * otherwise return everything. Plain arrays, no totals, no headers.
 */
export function paginate<T>(items: T[], query: Query): T[] {
	const page = Number(queryValue(query, 'page'));
	const size = Number(queryValue(query, 'page_size'));
	if (!Number.isInteger(page) || !Number.isInteger(size) || page <= 0 || size <= 0) return items;
	return items.slice((page - 1) * size, page * size);
}

/** `GET pattern`: every record, paginated, each rendered. Records are read per request (reset() swaps the store). */
export function listRoute<T>(
	pattern: string,
	records: () => Iterable<T>,
	show: (record: T) => unknown,
): Route {
	return {
		method: 'GET',
		pattern,
		handler: (req) => ok(paginate([...records()], req.query).map(show)),
	};
}

/** `DELETE pattern`: `remove(id)` (which throws the 404 or 400) and the old server's `{"result":"Success"}`. */
export function deleteRoute(pattern: string, remove: (id: string) => void): Route {
	return {
		method: 'DELETE',
		pattern,
		handler: (_req, p) => {
			remove(p.id);
			return ok({ result: 'Success' });
		},
	};
}

/** Path ids: digits only, anything else names no record. */
function pathId(raw: string): number | undefined {
	return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

export function findCard(ctx: Ctx, raw: string): Card {
	const card = ctx.store.cards.get(pathId(raw) ?? -1);
	if (!card) notFound('Card not found');
	return card;
}

export function findPrintJob(ctx: Ctx, raw: string): PrintJob {
	const job = ctx.store.printJobs.get(pathId(raw) ?? -1);
	if (!job) notFound('Print job not found');
	return job;
}

export function findAddress(ctx: Ctx, raw: string): Address {
	const address = ctx.store.addresses.get(pathId(raw) ?? -1);
	if (!address) notFound('Address not found');
	return address;
}

export function findContact(ctx: Ctx, raw: string): Contact {
	const contact = ctx.store.contacts.get(pathId(raw) ?? -1);
	if (!contact) notFound('Contact not found');
	return contact;
}

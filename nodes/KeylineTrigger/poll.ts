/**
 * One poll of the Keyline Trigger, as steps: read the saved state, read the orders already
 * watched and compare them, find orders not watched yet (discovery, or named references), forget
 * the oldest past the bound, then emit and save together.
 *
 * The Inbox API has no list of orders and no history of states: every event comes from comparing
 * an order as it is now with what the state kept of it.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { keylineFingerprint } from '../Keyline/shared/keyCheck';
import { PollOutcome, stateOrBaseline, settleEach } from '../shared/polling';
import { getOrder, newScan, scanOrders, type OrderAnswer } from './discovery';
import { compareOrder, orderOf, settled, type OrderSnapshot } from './orders';
import type { Settings } from './settings';
import { KEYLINE_STATE, type KeylineState } from './state';

/** Orders found by discovery that are kept at most; past this the oldest are forgotten. */
const MAX_WATCHED_ORDERS = 1000;
/** Order reads at a time. */
const CONCURRENCY = 4;

/** One poll's working set: its settings, its own copy of the state, and what it did so far. */
interface Run {
	context: IPollFunctions;
	settings: Settings;
	outcome: PollOutcome;
	state: KeylineState;
	/** Whether the baseline's time is settled: by a saved state, or by this poll's first answer. */
	dated: boolean;
	/** Orders compared in this poll, so one found again by the scan is not compared twice. */
	compared: Set<string>;
}

export async function pollChanges(
	context: IPollFunctions,
	settings: Settings,
): Promise<INodeExecutionData[][] | null> {
	const run = await startRun(context, settings);
	await readWatchedOrders(run, ordersToRead(run));
	await findOrders(run);
	forgetOldestOrders(run.state.orders);
	// Emitted items and the state they leave are committed together, or (all failed) neither.
	return run.outcome.finish(context, run.state);
}

/** Reads the saved state, or starts a baseline when there is none for this account and mode. */
async function startRun(context: IPollFunctions, settings: Settings): Promise<Run> {
	const credentials = await context.getCredentials('keylineApi');
	// Another API key or URL is another account: its orders start over with a baseline. The
	// fingerprint is a hash, so the state never holds the key.
	const scope = `${settings.watch}|${keylineFingerprint(credentials)}`;
	const outcome = new PollOutcome();
	const { state, saved } = stateOrBaseline<KeylineState>(
		context,
		scope,
		KEYLINE_STATE,
		outcome.seenAt,
		{ orders: {} },
	);
	// Another start for discovery searches again from there, with a new baseline: orders found
	// again are then taken as existing, not reported as new a second time.
	const rescan = !settings.named && state.scan !== undefined && state.scan.start !== settings.start;
	if (rescan) state.baselineAt = outcome.seenAt;
	const dated = saved && !rescan;
	return { context, settings, outcome, state, dated, compared: new Set() };
}

/**
 * Dates a new baseline by Keyline's clock (created_at is by that clock too), from this poll's
 * first answer: our clock and the server's may disagree.
 */
function noteServerDate(run: Run, answer: OrderAnswer): void {
	if (run.dated || !answer.date || Number.isNaN(Date.parse(answer.date))) return;
	run.state.baselineAt = new Date(answer.date).toISOString();
	run.dated = true;
}

/** Whether an order first seen is reported as new, or only noted as it is. */
function isNewOrder(run: Run, order: IDataObject): boolean {
	if (run.settings.emitExisting) return true;
	// Orders the user names existed before they were named.
	if (run.settings.named) return false;
	const created = Date.parse(String(order.created_at ?? ''));
	return Number.isFinite(created) && created >= Date.parse(run.state.baselineAt);
}

/** Keeps what can still change; a named order that cannot is marked done (not read again). */
function keepOrder(run: Run, key: string, snapshot: OrderSnapshot): void {
	const orders = run.state.orders;
	if (!settled(snapshot, run.settings.orderEvents)) orders[key] = snapshot;
	else if (!run.settings.named) delete orders[key];
	else orders[key] = { ...snapshot, fileStates: {}, done: true };
}

/** Compares an order read in this poll with what was kept of it, emitting its events. */
function compareAndKeep(run: Run, key: string, order: IDataObject): void {
	const before = run.state.orders[key];
	const isNew = !before && isNewOrder(run, order);
	keepOrder(run, key, compareOrder(run.outcome, run.settings.orderEvents, order, before, isNew));
	run.compared.add(key);
}

/**
 * The orders to read, ascending: the named ones (references found included), or every one
 * discovery found. Named orders no longer named, and references no longer named, are dropped.
 */
function ordersToRead(run: Run): number[] {
	const { named } = run.settings;
	const { state } = run;
	if (!named)
		return Object.keys(state.orders)
			.map(Number)
			.sort((a, b) => a - b);
	state.orderIdByReference = Object.fromEntries(
		Object.entries(state.orderIdByReference ?? {}).filter(([reference]) =>
			named.references.includes(reference),
		),
	);
	const ids = new Set([...named.ids, ...Object.values(state.orderIdByReference)]);
	for (const key of Object.keys(state.orders)) if (!ids.has(Number(key))) delete state.orders[key];
	// A named order marked done cannot report anything any more: it costs no request.
	return [...ids].filter((id) => !state.orders[String(id)]?.done).sort((a, b) => a - b);
}

/**
 * Reads the orders and compares each. A failed read keeps the order's old state (compared again
 * next poll) and hands its error to the outcome; the other orders go on.
 */
async function readWatchedOrders(run: Run, ids: number[]): Promise<void> {
	const reads = await settleEach(ids, CONCURRENCY, async (id) => await getOrder(run.context, id));
	for (const { entry: id, value: answer, error } of reads) {
		if (error !== undefined || !answer) {
			run.outcome.fail(error);
			continue;
		}
		noteServerDate(run, answer);
		if (answer.status === 404) orderNotFound(run, id);
		else compareAndKeep(run, String(id), orderOf(answer.body));
	}
}

/** A named order not found is the user's to fix; one discovered before is gone for this key. */
function orderNotFound(run: Run, id: number): void {
	if (!run.settings.named) {
		delete run.state.orders[String(id)];
		return;
	}
	run.outcome.fail(
		new NodeOperationError(run.context.getNode(), `Order ${id} was not found`, {
			description:
				'Check the order ID, and that the order belongs to the account of the API key (Keyline answers 404 for orders of other accounts).',
		}),
	);
}

/**
 * Finds orders by probing IDs (the API cannot list them): all of the key's (discovery), or the
 * named references not found yet. The scan's progress is kept in the state between polls.
 */
async function findOrders(run: Run): Promise<void> {
	const { named, start, limits } = run.settings;
	const { state } = run;
	const unresolved = named
		? named.references.filter((reference) => !state.orderIdByReference?.[reference])
		: [];
	if (named && unresolved.length === 0) {
		delete state.scan;
		return;
	}
	if (!state.scan || state.scan.start !== start) state.scan = newScan(start);
	const result = await scanOrders(
		run.context,
		state.scan,
		limits,
		(found) => takeFoundOrder(run, found, unresolved),
		(answer) => noteServerDate(run, answer),
	);
	if (result.error) run.outcome.fail(result.error);
	if (named && named.references.every((reference) => state.orderIdByReference?.[reference]))
		delete state.scan;
}

/** An order the scan found: compared (once per poll); for named references, only those named. */
function takeFoundOrder(run: Run, found: OrderAnswer, unresolved: string[]): void {
	const order = orderOf(found.body);
	const key = String(found.id);
	if (run.compared.has(key)) return;
	if (run.settings.named) {
		const reference = String(order.reference ?? '').toUpperCase();
		if (!unresolved.includes(reference) || run.state.orders[key]) return;
		run.state.orderIdByReference = { ...run.state.orderIdByReference, [reference]: found.id };
	}
	compareAndKeep(run, key, order);
}

/** Bounds the state: past the limit, the oldest (lowest ID) orders are forgotten. */
function forgetOldestOrders(orders: Record<string, OrderSnapshot>): void {
	const keys = Object.keys(orders)
		.map(Number)
		.sort((a, b) => a - b);
	for (const id of keys.slice(0, Math.max(0, keys.length - MAX_WATCHED_ORDERS)))
		delete orders[String(id)];
}

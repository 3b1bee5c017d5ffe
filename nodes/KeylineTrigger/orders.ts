/**
 * Order events from `GET /orders/{id}`, one request per watched order: the order's state, and the
 * state of each print data file of its products and components (the answer lists them all).
 *
 * What is kept per order: its state, reference and each file's state. An order first seen is
 * either old (it existed at the baseline: kept as it is, nothing emitted) or new (found by
 * discovery after the baseline, or any order with Emit Existing): a new order is compared with an
 * order's start, state draft and files newly_uploaded, so one first seen confirmed reports it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { PollOutcome } from '../shared/polling';
import { wanted } from '../shared/polling';
import { shapeOrder } from '../Keyline/resources/order/orderOutput';
import { isRecord } from '../shared/validation';

export const ORDER_STATES = ['draft', 'confirmed', 'completed', 'archived'] as const;
export const PRINT_DATA_FILE_STATES = ['newly_uploaded', 'processing', 'processed'] as const;

export interface OrderSnapshot extends IDataObject {
	state: string;
	reference: string;
	/** Print data file ID → state. */
	fileStates: Record<string, string>;
	/** Nothing more to report: kept only so a named order is not read or taken as new again. */
	done?: boolean;
}

export interface OrderEvents {
	newOrder: boolean;
	stateChanged: boolean;
	/** Order states a change must go into to be reported; empty: any. */
	states: string[];
	fileChanged: boolean;
	fileStates: string[];
}

/** An answer of `GET /orders/{id}` as the Keyline node's Order → Get gives it. */
export function orderOf(body: unknown): IDataObject {
	return shapeOrder(body);
}

function filesOf(order: IDataObject): IDataObject[] {
	return Array.isArray(order.print_data_files)
		? (order.print_data_files as unknown[]).filter(isRecord)
		: [];
}

/** The product a file belongs to, for its reference. */
function productOf(order: IDataObject, file: IDataObject): IDataObject | undefined {
	const products = Array.isArray(order.products)
		? (order.products as unknown[]).filter(isRecord)
		: [];
	return products.find((product) => product.id === file.product_id);
}

export function snapshotOf(order: IDataObject): OrderSnapshot {
	return {
		state: String(order.state ?? ''),
		reference: String(order.reference ?? ''),
		fileStates: Object.fromEntries(
			filesOf(order).map((file) => [String(file.id), String(file.state ?? '')]),
		),
	};
}

/**
 * Compares an order with what was kept of it and emits what the user asked for. `before` is
 * undefined for an order first seen; `isNew` says whether that one is new (compared with an
 * order's start) or old (kept as it is).
 */
export function compareOrder(
	outcome: PollOutcome,
	events: OrderEvents,
	order: IDataObject,
	before: OrderSnapshot | undefined,
	isNew: boolean,
): OrderSnapshot {
	const now = snapshotOf(order);
	if (!before && !isNew) return now;
	const seen: Seen = { order, before, now };
	if (!before && events.newOrder) reportOrder(outcome, 'newOrder', seen);
	// A new order is compared with its start: one first seen confirmed reports draft → confirmed.
	const stateChanged = before ? before.state !== now.state : now.state !== 'draft';
	if (stateChanged && events.stateChanged && wanted(events.states, now.state)) {
		reportOrder(outcome, 'orderStateChanged', seen);
	}
	if (events.fileChanged) reportFileStates(outcome, events, seen);
	return now;
}

/** An order as this poll found it, with what was kept of it (none when first seen). */
interface Seen {
	order: IDataObject;
	before: OrderSnapshot | undefined;
	now: OrderSnapshot;
}

function reportOrder(
	outcome: PollOutcome,
	event: 'newOrder' | 'orderStateChanged',
	{ order, before, now }: Seen,
): void {
	outcome.emit(
		{
			event,
			resource: 'order',
			id: Number(order.id),
			reference: now.reference || null,
			previousState: before?.state ?? null,
			state: now.state,
		},
		{ order },
	);
}

function reportFileStates(outcome: PollOutcome, events: OrderEvents, seen: Seen): void {
	const { order, before, now } = seen;
	for (const file of filesOf(order)) {
		const key = String(file.id);
		const state = now.fileStates[key];
		const was = before?.fileStates[key];
		// A file of a new order is compared with a file's start (newly_uploaded); a file added to
		// an order already watched is reported as it comes, from null.
		const changed = before ? was !== state : state !== 'newly_uploaded';
		if (changed && wanted(events.fileStates, state)) {
			reportFileState(outcome, order, now.reference || null, file, { was: was ?? null, state });
		}
	}
}

function reportFileState(
	outcome: PollOutcome,
	order: IDataObject,
	orderReference: string | null,
	file: IDataObject,
	change: { was: string | null; state: string },
): void {
	const product = productOf(order, file);
	outcome.emit(
		{
			event: 'printDataFileStateChanged',
			resource: 'printDataFile',
			id: Number(file.id),
			reference: typeof product?.reference === 'string' ? product.reference : null,
			previousState: change.was,
			state: change.state,
		},
		{
			orderId: Number(order.id),
			orderReference,
			productId: file.product_id ?? null,
			componentId: file.component_id ?? null,
			printDataFile: file,
			order,
		},
	);
}

/**
 * Whether an order can still produce an event the user asked for: an archived one cannot; a
 * completed one only its move to archived, or its files.
 */
export function settled(snapshot: OrderSnapshot, events: OrderEvents): boolean {
	if (snapshot.state === 'archived') return true;
	if (snapshot.state !== 'completed') return false;
	const archivedWanted = events.stateChanged && wanted(events.states, 'archived');
	return !archivedWanted && !events.fileChanged;
}

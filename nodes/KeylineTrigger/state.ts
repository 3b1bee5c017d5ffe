/**
 * What the Keyline Trigger keeps between polls, in the workflow's static data, and how a state
 * saved by an earlier version of the package is converted (see `StateFormat`).
 *
 * Version 2 (current):
 * ```
 * { version: 2, scope: 'named|<hash of URL and key>', baselineAt: '2026-…Z',
 *   orders: { '14011': { state: 'draft', reference: 'ZMRULR',
 *                        fileStates: { '871': 'processing' } },
 *             '14013': { state: 'archived', reference: '2D69HE', fileStates: {}, done: true } },
 *   orderIdByReference: { P7VEBZ: 14014 },
 *   scan: { start: 14011, verified: 14013, known: 14013, rotor: 6 } }
 * ```
 * Version 1 (0.1.0) held the same, with an order as `{ s, r, f, done? }` and the references
 * found under `refs`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SavedState, StateFormat } from '../shared/polling';
import { isRecord } from '../shared/validation';
import type { ScanState } from './discovery';
import type { OrderSnapshot } from './orders';

export interface KeylineState extends SavedState {
	/** Watched orders by ID. */
	orders: Record<string, OrderSnapshot>;
	/** Discovery, or the search for named references. */
	scan?: ScanState;
	/** Named references found: reference → order ID. */
	orderIdByReference?: Record<string, number>;
}

export const KEYLINE_STATE: StateFormat<KeylineState> = {
	version: 2,
	upgrade: (saved) => (saved.version === 1 ? fromVersion1(saved) : undefined),
};

/** Version 1's order: `s` state, `r` reference, `f` print data file ID → state. */
function orderFromVersion1(order: IDataObject): OrderSnapshot {
	const snapshot: OrderSnapshot = {
		state: String(order.s ?? ''),
		reference: String(order.r ?? ''),
		fileStates: isRecord(order.f) ? (order.f as Record<string, string>) : {},
	};
	if (order.done === true) snapshot.done = true;
	return snapshot;
}

/** Only keys are renamed: every order, file, reference and the scan's progress are kept as they are. */
function fromVersion1(saved: IDataObject): KeylineState | undefined {
	const { orders, refs, ...rest } = saved;
	if (!isRecord(orders) || !Object.values(orders).every(isRecord)) return undefined;
	const state: KeylineState = {
		...(rest as SavedState),
		version: KEYLINE_STATE.version,
		orders: Object.fromEntries(
			Object.entries(orders as Record<string, IDataObject>).map(([id, order]) => [
				id,
				orderFromVersion1(order),
			]),
		),
	};
	if (isRecord(refs)) state.orderIdByReference = refs as Record<string, number>;
	return state;
}

/**
 * What the Keyline Trigger keeps between polls, in the workflow's static data.
 */
import type { SavedState } from '../shared/polling';
import type { ScanState } from './discovery';
import type { OrderSnapshot } from './orders';

export interface KeylineState extends SavedState {
	/** Watched orders by ID. */
	orders: Record<string, OrderSnapshot>;
	/** Discovery, or the search for named references. */
	scan?: ScanState;
	/** Named references found, reference → order ID. */
	refs?: Record<string, number>;
}

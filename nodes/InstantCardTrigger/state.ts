/**
 * What the InstantCard Trigger keeps between polls, in the workflow's static data.
 */
import type { SavedState } from '../shared/polling';
import type { HistorySnapshot } from './printHistory';
import type { JobsState } from './printJobs';

export interface InstantCardState extends SavedState {
	/** Print jobs; absent until a job event is chosen. */
	jobs?: JobsState;
	/** Print history of watched cards, by card ID. */
	history: Record<string, HistorySnapshot>;
	/** Watched cards InstantCard no longer has (reported once), and the Card IDs they were in. */
	gone?: { cards: number[]; watched: string };
}

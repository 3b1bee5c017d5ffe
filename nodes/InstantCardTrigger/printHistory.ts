/**
 * Print history events for the cards the user names: one request per card and poll
 * (`GET /cards/{id}/print_history`), compared entry by entry with what the last poll saw.
 *
 * The documented entry is `{status, processed_at}`; entries are told apart by their `id`, else
 * their `print_job_id`, else their position. What is kept per card is each entry's status and
 * processing time, for its newest entries only.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { instantCardCall } from '../InstantCard/shared/call';
import type { PollOutcome } from '../shared/polling';
import { newestKeys, settleEach } from '../shared/polling';
import { cardStatusName, requireList } from './printJobs';

/** Entries kept per card; older ones are forgotten (a card is rarely printed this often). */
const MAX_ENTRIES = 200;
/** History requests at a time. */
const CONCURRENCY = 3;

/** What is kept of a print history entry: what a change to it is seen in. */
export interface HistoryEntrySnapshot extends IDataObject {
	/** As the API gave it, as text ("" when absent). */
	status: string;
	/** As the API gave it ("" when absent or null). */
	processedAt: string;
}

/** Entry key → what is kept of the entry. */
export type HistorySnapshot = Record<string, HistoryEntrySnapshot>;

function entryKey(entry: IDataObject, index: number): string {
	if (entry.id !== undefined && entry.id !== null) return String(entry.id);
	if (entry.print_job_id !== undefined && entry.print_job_id !== null)
		return `job-${String(entry.print_job_id)}`;
	return `at-${index}`;
}

const entrySnapshot = (entry: IDataObject): HistoryEntrySnapshot => ({
	status: String(entry.status ?? ''),
	processedAt: String(entry.processed_at ?? ''),
});

const sameEntry = (a: HistoryEntrySnapshot, b: HistoryEntrySnapshot) =>
	a.status === b.status && a.processedAt === b.processedAt;

export async function readHistory(context: IPollFunctions, cardId: number): Promise<IDataObject[]> {
	const path = `/cards/${cardId}/print_history`;
	const answer = await instantCardCall(context, 'GET', path);
	// Not a list: a failed read of this card, never an empty history.
	requireList(context, answer, path);
	return answer as IDataObject[];
}

/** The history as kept: newest entries only. */
function snapshotOf(entries: IDataObject[]): HistorySnapshot {
	return newestKeys(
		Object.fromEntries(
			entries.map((entry, index) => [entryKey(entry, index), entrySnapshot(entry)]),
		),
		MAX_ENTRIES,
	);
}

function compare(
	outcome: PollOutcome,
	cardId: number,
	entries: IDataObject[],
	before: HistorySnapshot,
): HistorySnapshot {
	// A history only grows: an entry missing from one answer (a server glitch) is kept, so it is
	// not told again as added when the next answer lists it.
	const kept = newestKeys({ ...before, ...snapshotOf(entries) }, MAX_ENTRIES);
	entries.forEach((entry, index) => {
		const key = entryKey(entry, index);
		const was = before[key];
		// Entries past the newest kept ones are old news, not changes.
		if (!(key in kept) || (was !== undefined && sameEntry(was, kept[key]))) return;
		const previousStatus = was === undefined ? '' : was.status;
		outcome.emit(
			{
				event: 'printHistoryChanged',
				resource: 'printHistoryEntry',
				id: (entry.id as number | string | undefined) ?? key,
				reference: null,
				previousState: previousStatus === '' ? null : cardStatusName(previousStatus),
				state: cardStatusName(entry.status),
			},
			{
				cardId,
				printJobId: entry.print_job_id ?? null,
				change: was === undefined ? 'added' : 'changed',
				entry,
				printHistory: entries,
			},
		);
	});
	return kept;
}

/**
 * Reads every watched card's history and compares it. `state` (card ID → snapshot) is the poll's
 * copy: a card read changes its entry, a card that failed keeps the old one and its error is
 * handed to `outcome`. A card seen for the first time is taken as it is (nothing emitted) unless
 * `emitExisting`, and cards no longer watched are dropped. A card InstantCard answers 404 for (it
 * was deleted) is reported once, as a `watchedCardNotFound` event, and added to `gone`: it is not
 * read again while it stays there (until the Card IDs change), so it does not fail every poll.
 */
export async function compareHistories(
	context: IPollFunctions,
	outcome: PollOutcome,
	cardIds: number[],
	state: Record<string, HistorySnapshot>,
	emitExisting: boolean,
	gone: Set<number>,
): Promise<Record<string, HistorySnapshot>> {
	const next: Record<string, HistorySnapshot> = {};
	const results = await settleEach(
		cardIds.filter((cardId) => !gone.has(cardId)),
		CONCURRENCY,
		async (cardId) => await readHistory(context, cardId),
	);
	for (const { entry: cardId, value, error } of results) {
		const key = String(cardId);
		if ((error as { httpCode?: string } | undefined)?.httpCode === '404') {
			gone.add(cardId);
			outcome.emit(
				{
					event: 'watchedCardNotFound',
					resource: 'card',
					id: cardId,
					reference: null,
					previousState: 'watched',
					state: 'not found',
				},
				{
					cardId,
					message: `InstantCard has no card ${cardId} (it may have been deleted). It is no longer watched; change the Card IDs to watch it again.`,
				},
			);
			continue;
		}
		if (error !== undefined || !value) {
			outcome.fail(error);
			if (state[key]) next[key] = state[key];
			continue;
		}
		const before = state[key];
		next[key] =
			before || emitExisting ? compare(outcome, cardId, value, before ?? {}) : snapshotOf(value);
	}
	return next;
}

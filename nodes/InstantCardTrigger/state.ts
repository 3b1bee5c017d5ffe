/**
 * What the InstantCard Trigger keeps between polls, in the workflow's static data, and how a
 * state saved by an earlier version of the package is converted (see `StateFormat`).
 *
 * Version 2 (current):
 * ```
 * { version: 2, scope: 'https://…/api/v2|20003827', baselineAt: '2026-…Z',
 *   history: { '264561': { '71001': { status: '1', processedAt: '2025-03-04T10:00:00.000Z' } } },
 *   jobs: { watermark: 81004, settled: [[81003, 81003]], floor: 0,
 *           open: { '81001': { status: 'In_Progress', cardStatuses: { '264561': 1 } },
 *                   '81004': { status: 'Scheduled', cardStatuses: {}, absentPolls: 1 } } },
 *   gone: { cards: [999999], watched: [264561, 264562, 999999] } }
 * ```
 * Version 1 (0.1.0) held the same, with a job as `{ s, c, a? }`, a history entry packed as
 * `"status|processed_at"` and the watched Card IDs of `gone` as one text, `"264561,264562"`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SavedState, StateFormat } from '../shared/polling';
import { isRecord } from '../shared/validation';
import type { HistoryEntrySnapshot, HistorySnapshot } from './printHistory';
import type { JobSnapshot, JobsState } from './printJobs';

export interface InstantCardState extends SavedState {
	/** Print jobs; absent until a job event is chosen. */
	jobs?: JobsState;
	/** Print history of watched cards, by card ID. */
	history: Record<string, HistorySnapshot>;
	/** Watched cards InstantCard no longer has (reported once), and the Card IDs (sorted) they were in. */
	gone?: { cards: number[]; watched: number[] };
}

export const INSTANTCARD_STATE: StateFormat<InstantCardState> = {
	version: 2,
	upgrade: (saved) => (saved.version === 1 ? fromVersion1(saved) : undefined),
};

/** Each value of a record of records, converted; undefined when one is not a record. */
function mapRecords<T>(
	value: unknown,
	convert: (entry: IDataObject) => T,
): Record<string, T> | undefined {
	if (!isRecord(value) || !Object.values(value).every(isRecord)) return undefined;
	const entries = Object.entries(value as Record<string, IDataObject>);
	return Object.fromEntries(entries.map(([key, entry]) => [key, convert(entry)]));
}

/** Version 1's job: `s` status, `c` card ID → print status, `a` complete polls not listed. */
function jobFromVersion1(job: IDataObject): JobSnapshot {
	const snapshot: JobSnapshot = {
		status: String(job.s ?? ''),
		cardStatuses: isRecord(job.c) ? (job.c as Record<string, number>) : {},
	};
	if (typeof job.a === 'number') snapshot.absentPolls = job.a;
	return snapshot;
}

/** Version 1's history entry, "status|processed_at": the status is what comes before the first "|". */
function entryFromVersion1(packed: unknown): HistoryEntrySnapshot {
	const text = String(packed ?? '');
	const at = text.indexOf('|');
	if (at === -1) return { status: text, processedAt: '' };
	return { status: text.slice(0, at), processedAt: text.slice(at + 1) };
}

/** Version 1's history of a card: entry key → "status|processed_at". */
function historyFromVersion1(entries: IDataObject): HistorySnapshot {
	const converted = Object.entries(entries).map(([key, packed]) => [
		key,
		entryFromVersion1(packed),
	]);
	return Object.fromEntries(converted) as HistorySnapshot;
}

/**
 * Keys are renamed and packed values unpacked; every job, card status, absence count, settled
 * range, history entry and gone card is kept as it is, so the first poll after the upgrade
 * reports exactly what changed since the last poll before it.
 */
function fromVersion1(saved: IDataObject): InstantCardState | undefined {
	const { jobs, history, gone, ...rest } = saved;
	const converted = mapRecords(history ?? {}, historyFromVersion1);
	if (!converted) return undefined;
	const state: InstantCardState = {
		...(rest as SavedState),
		version: INSTANTCARD_STATE.version,
		history: converted,
	};
	if (jobs !== undefined) {
		if (!isRecord(jobs)) return undefined;
		const open = mapRecords(jobs.open ?? {}, jobFromVersion1);
		if (!open) return undefined;
		state.jobs = { ...(jobs as JobsState), open };
	}
	if (isRecord(gone) && Array.isArray(gone.cards)) {
		const watched = String(gone.watched ?? '');
		state.gone = {
			cards: gone.cards as number[],
			watched: watched === '' ? [] : watched.split(',').map(Number),
		};
	}
	return state;
}

/**
 * Print job events, all from the print job list: a job appeared, changed status, finished; a card
 * of a job was printed or failed (the job's `list_users[].users_data[].status`). A poll reads only
 * the list's pages, whatever the number of cards in the organization.
 *
 * What is kept between polls: every job that is not finished yet, with the status of its cards
 * that are no longer at "not printed" (0), and which jobs in a final status (Finished, Failed,
 * Duplicated, Not_Printed) were reported already (or found so at the baseline): their IDs, as
 * ranges of consecutive IDs, newest `MAX_SETTLED_RANGES`; every older one is under `floor`.
 *
 * A final job is skipped only when it is one of those. The documentation does not say in which
 * order the list comes, and a job deleted while a poll pages through it shifts the next one onto a
 * page already read, so a list that reads complete can miss a job: a job never seen is compared
 * (as new) whenever a list shows it, even already finished, never skipped for looking final.
 * The highest job ID seen (`watermark`) is kept for reference only.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { PRINT_JOB_STATUSES, statusCode } from '../InstantCard/resources/printJob/helpers';
import { INSTANTCARD } from '../InstantCard/shared/api';
import { instantCardCall } from '../InstantCard/shared/call';
import { checkAnswer, notTheApisAnswer } from '../shared/errors';
import type { PollOutcome } from '../shared/polling';
import { wanted } from '../shared/polling';
import { MAX_PAGES, PAGE_SIZE } from '../shared/transport';

/** After these a job does not change any more. */
const FINAL = new Set(['Finished', 'Failed', 'Duplicated', 'Not_Printed']);

/** A card's print status in a job, and in its print history: 0, 1, 2. */
export const CARD_STATUSES = ['Pending', 'Printed', 'Failed'] as const;

/** Complete polls a kept job may be missing from the list before it is taken as deleted. */
const ABSENT_POLLS = 3;
/** Ranges of reported final job IDs kept; past this the oldest go under `floor`. */
const MAX_SETTLED_RANGES = 2000;

export interface JobSnapshot extends IDataObject {
	/** Status name. */
	status: string;
	/** Card ID → print status, only for cards no longer at 0. */
	cardStatuses: Record<string, number>;
	/** Complete polls in a row that did not list the job. */
	absentPolls?: number;
}

export interface JobsState extends IDataObject {
	/** Highest job ID seen. */
	watermark: number;
	/** Final jobs reported (or found final at the baseline): ranges [first, last] of IDs, ascending. */
	settled?: Array<[number, number]>;
	/** Every final job with an ID up to here counts as reported (ranges dropped past the bound). */
	floor?: number;
	/** Jobs not forgotten yet, by ID. */
	open: Record<string, JobSnapshot>;
}

export interface JobEvents {
	created: boolean;
	statusChanged: boolean;
	/** Statuses a change must go into to be reported; empty: any. */
	statuses: string[];
	finished: boolean;
	cardPrinted: boolean;
	cardFailed: boolean;
}

/** "In Progress", "in_progress", 2 → "In_Progress" (as the InstantCard node reads it); unknown values are kept as text. */
export function statusName(value: unknown): string {
	const code = statusCode(value);
	return code === undefined ? String(value ?? '').trim() : PRINT_JOB_STATUSES[code];
}

export function cardStatusName(value: unknown): string {
	return CARD_STATUSES[Number(value)] ?? String(value);
}

export interface JobCard extends IDataObject {
	id: number;
	status: number;
}

/** The cards of a job, from every `list_users` entry. */
export function jobCards(job: IDataObject): JobCard[] {
	const lists = Array.isArray(job.list_users) ? (job.list_users as IDataObject[]) : [];
	return lists.flatMap((list) =>
		Array.isArray(list?.users_data)
			? (list.users_data as IDataObject[])
					.filter((card) => card && card.id !== undefined)
					.map((card) => ({ ...card, id: Number(card.id), status: Number(card.status ?? 0) }))
			: [],
	);
}

/** The job without its card list, to go beside a card's own event. */
function jobSummary(job: IDataObject): IDataObject {
	const summary = { ...job };
	delete summary.list_users;
	return summary;
}

/**
 * Throws the "not the JSON list its API sends" error for an answer that is not a list of records
 * (with an `id` where `withIds`).
 */
export function requireList(
	context: IPollFunctions,
	answer: unknown,
	path: string,
	withIds = false,
): void {
	const request = { method: 'GET', url: path };
	if (!Array.isArray(answer)) {
		checkAnswer(context, INSTANTCARD, { statusCode: 200, body: answer }, request, 'list');
		return;
	}
	const odd = answer.some(
		(row) =>
			!row ||
			typeof row !== 'object' ||
			Array.isArray(row) ||
			(withIds && !Number.isSafeInteger(Number((row as IDataObject).id))),
	);
	if (odd) {
		throw notTheApisAnswer(context, INSTANTCARD, request, {
			status: 200,
			kind: `a list whose entries are not records${withIds ? ' with an ID' : ''}`,
			expected: 'JSON list',
			body: answer,
		});
	}
}

export interface JobList {
	jobs: IDataObject[];
	/** Every page was read; false when a request failed part way. */
	complete: boolean;
	error?: Error;
}

/**
 * Every print job, page by page (`page`/`page_size`), stopping on a short page. A failed page
 * ends the list there: what came before is returned, marked incomplete.
 */
export async function readJobList(context: IPollFunctions, pageSize = PAGE_SIZE): Promise<JobList> {
	const byId = new Map<number, IDataObject>();
	for (let page = 1; page <= MAX_PAGES; page++) {
		let rows: IDataObject[];
		try {
			const answer = await instantCardCall(context, 'GET', '/print_jobs', {
				page,
				page_size: pageSize,
			});
			// A page that is not a list (a proxy's JSON, an error object) is a failed read, never
			// an empty last page: that would take the jobs after it as gone.
			requireList(context, answer, '/print_jobs', true);
			rows = answer as IDataObject[];
		} catch (error) {
			return { jobs: [...byId.values()], complete: false, error: error as Error };
		}
		const fresh = rows.filter((row) => row && !byId.has(Number(row.id)));
		// A server that ignores `page` sends the same rows again: the list is complete.
		if (page > 1 && rows.length > 0 && fresh.length === 0) break;
		for (const row of fresh) byId.set(Number(row.id), row);
		if (rows.length < pageSize) return { jobs: [...byId.values()], complete: true };
	}
	if (byId.size >= MAX_PAGES * pageSize) {
		return {
			jobs: [...byId.values()],
			complete: false,
			error: new NodeApiError(context.getNode(), {} as never, {
				message: `InstantCard kept sending full pages of print jobs: stopped after ${MAX_PAGES} pages`,
				description: `More than ${MAX_PAGES * pageSize} print jobs cannot be watched by one trigger.`,
			}),
		};
	}
	return { jobs: [...byId.values()], complete: true };
}

/**
 * Compares one job with what was kept of it (`before`; undefined for a job not seen yet, which is
 * compared with a job's start: status Created, every card at 0) and emits what the user asked for,
 * in this order: created, status changed, its cards, finished.
 */
function compareJob(
	outcome: PollOutcome,
	events: JobEvents,
	job: IDataObject,
	before: JobSnapshot | undefined,
): JobSnapshot {
	const status = statusName(job.status);
	const previous = before?.status ?? null;
	if (!before && events.created) reportJob(outcome, 'printJobCreated', job, null, status);
	// A job first seen is compared with its start (Created): one seen already Scheduled reports it.
	const changed = before ? before.status !== status : status !== 'Created';
	if (changed && events.statusChanged && wanted(events.statuses, status)) {
		reportJob(outcome, 'printJobStatusChanged', job, previous, status);
	}
	const cards = compareCards(outcome, events, job, before);
	if (changed && status === 'Finished' && events.finished) {
		reportJob(outcome, 'printJobFinished', job, previous, status);
	}
	return { status, cardStatuses: cards };
}

function reportJob(
	outcome: PollOutcome,
	event: string,
	job: IDataObject,
	previousState: string | null,
	state: string,
): void {
	outcome.emit(
		{ event, resource: 'printJob', id: Number(job.id), reference: null, previousState, state },
		{ printJob: job },
	);
}

/**
 * Compares each card of a job with its kept print status (0 when not kept: cards at 0 are not
 * kept, so the state stays small) and returns the statuses to keep.
 */
function compareCards(
	outcome: PollOutcome,
	events: JobEvents,
	job: IDataObject,
	before: JobSnapshot | undefined,
): Record<string, number> {
	const cards: Record<string, number> = {};
	for (const card of jobCards(job)) {
		const was = before?.cardStatuses[String(card.id)] ?? 0;
		if (card.status !== 0) cards[String(card.id)] = card.status;
		if (card.status === was) continue;
		const event =
			card.status === 1 && events.cardPrinted
				? 'cardPrinted'
				: card.status === 2 && events.cardFailed
					? 'cardFailed'
					: undefined;
		if (event) reportCard(outcome, event, job, card, was);
	}
	return cards;
}

function reportCard(
	outcome: PollOutcome,
	event: string,
	job: IDataObject,
	card: JobCard,
	was: number,
): void {
	outcome.emit(
		{
			event,
			resource: 'card',
			id: card.id,
			reference: null,
			previousState: cardStatusName(was),
			state: cardStatusName(card.status),
		},
		{ printJobId: Number(job.id), card, printJob: jobSummary(job) },
	);
}

export function isFinal(status: string): boolean {
	return FINAL.has(status);
}

/**
 * Whether a final job was reported already. A state saved before `settled` existed counts every
 * job up to its watermark (as it was then kept).
 */
function isSettled(state: JobsState, id: number): boolean {
	if (id <= (state.floor ?? (state.settled ? 0 : state.watermark))) return true;
	return (state.settled ?? []).some(([first, last]) => id >= first && id <= last);
}

/** Notes a final job as reported: merged into the range of its neighbour IDs, bounded. */
function settle(state: JobsState, id: number): void {
	if (!state.settled) {
		state.floor = Math.max(state.floor ?? 0, state.watermark);
		state.settled = [];
	}
	if (isSettled(state, id)) return;
	const ranges = state.settled;
	let at = ranges.findIndex(([first]) => first > id);
	if (at === -1) at = ranges.length;
	const before = ranges[at - 1];
	const after = ranges[at];
	if (before && before[1] === id - 1 && after && after[0] === id + 1) {
		ranges.splice(at - 1, 2, [before[0], after[1]]);
	} else if (before && before[1] === id - 1) before[1] = id;
	else if (after && after[0] === id + 1) after[0] = id;
	else ranges.splice(at, 0, [id, id]);
	while (ranges.length > MAX_SETTLED_RANGES) {
		const dropped = ranges.shift() as [number, number];
		state.floor = Math.max(state.floor ?? 0, dropped[1]);
	}
}

/**
 * The baseline: every job as it is now, nothing emitted, unless `emitExisting` (then each job is
 * compared with a job's start, as if all were new).
 */
export function baselineJobs(
	outcome: PollOutcome,
	events: JobEvents,
	list: JobList,
	emitExisting: boolean,
): JobsState {
	const state: JobsState = { watermark: 0, open: {}, settled: [], floor: 0 };
	for (const job of [...list.jobs].sort((a, b) => Number(a.id) - Number(b.id))) {
		const id = Number(job.id);
		const snapshot = emitExisting
			? compareJob(outcome, events, job, undefined)
			: compareJob(outcome, { ...events, ...NONE }, job, undefined);
		state.watermark = Math.max(state.watermark, id);
		if (isFinal(snapshot.status)) settle(state, id);
		else state.open[String(id)] = snapshot;
	}
	return state;
}

const NONE = {
	created: false,
	statusChanged: false,
	finished: false,
	cardPrinted: false,
	cardFailed: false,
};

/**
 * One poll's comparison. `state` is changed in place (it is the poll's own copy). Jobs of an
 * incomplete list are compared as far as they were read; the watermark, and what is missing
 * from the list, move only on a complete list.
 */
export function compareJobs(
	outcome: PollOutcome,
	events: JobEvents,
	state: JobsState,
	list: JobList,
): void {
	const listed = new Set<string>();
	for (const job of [...list.jobs].sort((a, b) => Number(a.id) - Number(b.id))) {
		const id = Number(job.id);
		if (!Number.isSafeInteger(id)) continue;
		const key = String(id);
		listed.add(key);
		const before = state.open[key];
		const status = statusName(job.status);
		// Final, not kept, and reported before: nothing can come of it any more.
		if (!before && isFinal(status) && isSettled(state, id)) continue;
		const snapshot = compareJob(outcome, events, job, before);
		state.watermark = Math.max(state.watermark, id);
		// Reported as final in this poll (committed with its items): settled from now on.
		if (isFinal(snapshot.status)) {
			delete state.open[key];
			settle(state, id);
		} else state.open[key] = snapshot;
	}
	if (!list.complete) return;
	for (const [key, snapshot] of Object.entries(state.open)) {
		if (listed.has(key)) {
			delete snapshot.absentPolls;
			continue;
		}
		snapshot.absentPolls = (snapshot.absentPolls ?? 0) + 1;
		if (snapshot.absentPolls >= ABSENT_POLLS) delete state.open[key];
	}
}

/**
 * One poll of the InstantCard Trigger, as steps: read the saved state, compare the print job
 * list, compare the watched cards' print history, then emit and save together.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { instantCardBaseUrl } from '../InstantCard/shared/login';
import { PRINT_JOB_STATUSES } from '../InstantCard/resources/printJob/helpers';
import { PollOutcome, stateOrBaseline, stateFilter } from '../shared/polling';
import { compareHistories } from './printHistory';
import { baselineJobs, compareJobs, readJobList, type JobEvents } from './printJobs';
import { INSTANTCARD_STATE, type InstantCardState } from './state';

const JOB_EVENTS = [
	'printJobCreated',
	'printJobStatusChanged',
	'printJobFinished',
	'cardPrinted',
	'cardFailed',
];

/** One poll's working set: its copy of the state, and what it emits. */
interface Run {
	context: IPollFunctions;
	outcome: PollOutcome;
	state: InstantCardState;
	/** Whether this first poll reports what exists already (Emit Existing on First Poll). */
	existing: boolean;
}

export async function pollChanges(
	context: IPollFunctions,
	events: string[],
	cardIds: number[],
): Promise<INodeExecutionData[][] | null> {
	const run = await startRun(context);
	if (events.some((event) => JOB_EVENTS.includes(event))) await pollJobs(run, events);
	// Events no longer chosen leave nothing behind: chosen again, they start with a baseline.
	else delete run.state.jobs;
	if (events.includes('printHistoryChanged')) await pollHistories(run, cardIds);
	else {
		run.state.history = {};
		delete run.state.gone;
	}
	// Emitted items and the state they leave are committed together, or (all failed) neither.
	return run.outcome.finish(context, run.state);
}

/** Reads the saved state, or starts a baseline when there is none for this account. */
async function startRun(context: IPollFunctions): Promise<Run> {
	const credentials = await context.getCredentials('instantCardApi');
	// Another server or organization is another account: it starts over with a baseline.
	const scope = `${instantCardBaseUrl(credentials)}|${String(credentials.organizationId).trim()}`;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const outcome = new PollOutcome();
	const { state, saved } = stateOrBaseline<InstantCardState>(
		context,
		scope,
		INSTANTCARD_STATE,
		outcome.seenAt,
		{ history: {} },
	);
	// "Emit existing" applies to the trigger's very first poll only.
	const existing = options.emitExisting === true && !saved;
	return { context, outcome, state, existing };
}

/** The print job list, compared with the jobs kept (or taken as the baseline). */
async function pollJobs(run: Run, events: string[]): Promise<void> {
	const jobEvents: JobEvents = {
		created: events.includes('printJobCreated'),
		statusChanged: events.includes('printJobStatusChanged'),
		statuses: stateFilter(run.context, 'statuses', 'Only Into Statuses', PRINT_JOB_STATUSES),
		finished: events.includes('printJobFinished'),
		cardPrinted: events.includes('cardPrinted'),
		cardFailed: events.includes('cardFailed'),
	};
	const list = await readJobList(run.context);
	if (!run.state.jobs) {
		// A baseline needs the whole list: a job it misses would look new later.
		if (!list.complete) throw list.error;
		run.state.jobs = baselineJobs(run.outcome, jobEvents, list, run.existing);
	} else {
		compareJobs(run.outcome, jobEvents, run.state.jobs, list);
		if (list.error) run.outcome.fail(list.error);
	}
}

/** The watched cards' print history; a card reported gone is left alone until the Card IDs change. */
async function pollHistories(run: Run, cardIds: number[]): Promise<void> {
	const { state } = run;
	const watched = [...cardIds].sort((a, b) => a - b);
	const gone = new Set(sameIds(state.gone?.watched, watched) ? state.gone?.cards : []);
	state.history = await compareHistories(
		run.context,
		run.outcome,
		cardIds,
		state.history,
		run.existing,
		gone,
	);
	if (gone.size) state.gone = { cards: [...gone].sort((a, b) => a - b), watched };
	else delete state.gone;
}

const sameIds = (a: number[] | undefined, b: number[]) =>
	a !== undefined && a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * "Fetch Test Event": one item per chosen event, built from the organization's newest print job
 * and the first watched card's history when there are any, else from a fixed example. The same
 * shape as real events, so fields can be mapped, each marked `sample: true` with a note saying
 * what it was built from; the saved state is neither read nor changed.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollOutcome } from '../shared/polling';
import { cardStatusName, jobCards, readJobList, statusName, type JobCard } from './printJobs';
import { readHistory } from './printHistory';

const EXAMPLE_JOB: IDataObject = {
	id: 81001,
	status: 'In_Progress',
	address_id: 3001,
	address: null,
	shipping_provider_id: 1,
	number_of_copies: 1,
	organization_id: 20003827,
	organization: { id: 20003827, name: 'Example Organization' },
	list_users: [
		{
			id: 61001,
			total_users: 1,
			users_data: [
				{
					id: 264561,
					status: 1,
					data: { first_name: 'Ada', last_name: 'Lovelace' },
					created_at: '2025-01-06T09:00:00.000Z',
					updated_at: '2025-01-06T11:00:00.000Z',
				},
			],
		},
	],
	created_at: '2025-01-06T09:00:00.000Z',
	updated_at: '2025-01-06T11:00:00.000Z',
};

const EXAMPLE_HISTORY: IDataObject[] = [
	{ id: 71001, print_job_id: 81001, status: 1, processed_at: '2025-01-06T11:00:00.000Z' },
];

/** The status a job usually had before `status`, for a sample's `previousState`. */
function before(status: string): string | null {
	const path = ['Created', 'Scheduled', 'In_Progress', 'Finished'];
	const at = path.indexOf(status);
	return at > 0 ? path[at - 1] : status === 'Created' ? null : 'In_Progress';
}

export async function sampleEvents(
	context: IPollFunctions,
	events: string[],
	cardIds: number[],
): Promise<INodeExecutionData[][]> {
	const outcome = new PollOutcome();
	const notes: string[] = [];
	const jobEvents = events.filter((e) => e !== 'printHistoryChanged');
	if (jobEvents.length > 0) notes.push(await sampleJobEvents(context, outcome, jobEvents));
	if (events.includes('printHistoryChanged')) {
		notes.push(await sampleHistoryEvent(context, outcome, cardIds));
	}
	return [
		outcome.markSamples(
			`A sample to map fields with, built from ${notes.join(' and ')}: not a real event.`,
		),
	];
}

/**
 * The organization's newest print job (the example when it has none) and its newest finished one,
 * with a note saying which.
 */
async function sampleJobs(
	context: IPollFunctions,
): Promise<{ job: IDataObject; finished?: IDataObject; note: string }> {
	const list = await readJobList(context);
	if (list.error && list.jobs.length === 0) throw list.error;
	const newestFirst = [...list.jobs].sort((a, b) => Number(b.id) - Number(a.id));
	const job = newestFirst[0] ?? EXAMPLE_JOB;
	const finished = newestFirst.find((j) => statusName(j.status) === 'Finished');
	const note = newestFirst[0]
		? `print job #${String(job.id)} (the newest)`
		: 'an example print job (this organization has none yet)';
	return { job, finished, note };
}

/** One cannot be both printed and failed: each card event gets its own card. */
function sampleCards(job: IDataObject): { printed: JobCard; failed: JobCard } {
	const cards = jobCards(job);
	const example = jobCards(EXAMPLE_JOB)[0];
	const printed = cards.find((c) => c.status === 1) ?? cards[0] ?? example;
	const failed = cards.find((c) => c.status === 2 && c.id !== printed.id) ??
		cards.find((c) => c.id !== printed.id) ?? { ...example, id: printed.id + 1 };
	return { printed, failed };
}

/** One item per chosen job or card event, from one print job; returns what it was built from. */
async function sampleJobEvents(
	context: IPollFunctions,
	outcome: PollOutcome,
	jobEvents: string[],
): Promise<string> {
	const { job, finished, note } = await sampleJobs(context);
	const cards = sampleCards(job);
	for (const event of jobEvents) {
		if (event === 'cardPrinted' || event === 'cardFailed') {
			emitCardSample(outcome, event, job, event === 'cardPrinted' ? cards.printed : cards.failed);
		} else if (event === 'printJobFinished') {
			// Only a finished job is reported finished: the newest one, else this job as it would be.
			emitJobSample(outcome, event, finished ?? { ...job, status: 'Finished' });
		} else emitJobSample(outcome, event, job);
	}
	return finished && jobEvents.includes('printJobFinished') && finished.id !== job.id
		? `${note}, finished print job #${String(finished.id)}`
		: note;
}

function emitCardSample(
	outcome: PollOutcome,
	event: string,
	job: IDataObject,
	card: JobCard,
): void {
	const summary = { ...job };
	delete summary.list_users;
	outcome.emit(
		{
			event,
			reference: null,
			resource: 'card',
			id: card.id,
			previousState: cardStatusName(0),
			state: cardStatusName(event === 'cardPrinted' ? 1 : 2),
		},
		{ printJobId: Number(job.id), card, printJob: summary },
	);
}

/** A job event in the job's own status, as a real one: a job is first seen in whatever status it has. */
function emitJobSample(outcome: PollOutcome, event: string, job: IDataObject): void {
	const state = statusName(job.status);
	outcome.emit(
		{
			event,
			reference: null,
			resource: 'printJob',
			id: Number(job.id),
			previousState: event === 'printJobCreated' ? null : before(state),
			state,
		},
		{ printJob: job },
	);
}

/** The newest entry of the first watched card's history (else an example); returns its source. */
async function sampleHistoryEvent(
	context: IPollFunctions,
	outcome: PollOutcome,
	cardIds: number[],
): Promise<string> {
	const cardId = cardIds[0] ?? 264561;
	const history = cardIds.length > 0 ? await readHistory(context, cardId) : [];
	const entries = history.length > 0 ? history : EXAMPLE_HISTORY;
	const entry = entries[entries.length - 1];
	outcome.emit(
		{
			event: 'printHistoryChanged',
			resource: 'printHistoryEntry',
			id: (entry.id as number | undefined) ?? 1,
			reference: null,
			previousState: Number(entry.status) === 0 ? null : cardStatusName(0),
			state: cardStatusName(entry.status),
		},
		{
			cardId,
			printJobId: entry.print_job_id ?? null,
			change: Number(entry.status) === 0 ? 'added' : 'changed',
			entry,
			printHistory: entries,
		},
	);
	return history.length > 0
		? `the print history of card ${cardId}`
		: cardIds.length > 0
			? `an example entry (card ${cardId} has no print history yet)`
			: 'an example print history entry';
}

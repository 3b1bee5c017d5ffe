/**
 * What both polling triggers share: their saved state, how it moves, and the shape of what they
 * emit.
 *
 * The rules, each one a guarantee the triggers' tests check:
 * - The state in `getWorkflowStaticData('node')` is read as a copy and written back in one
 *   assignment at the very end of a poll, together with the items it returns. A poll that throws
 *   writes nothing, in n8n's memory or its database, so the next poll starts where this one did.
 * - A poll that read only part of what it polls (a page or an order failed) emits the changes it
 *   did confirm and commits exactly those; the unread parts keep their old state and are compared
 *   again next poll. When nothing could be emitted and something failed, it throws the failure so
 *   n8n shows it, and commits nothing.
 * - n8n saves static data to its database only when a poll emits (and on activation). State that
 *   moved in a poll that emitted nothing may be lost on a restart; the triggers are built so that
 *   comparing reality with such an older state reports the same events (a thing first seen is
 *   compared with its initial state, not taken silently as it is).
 * - Two polls of the same node never overlap: the second finds the first still running and returns
 *   nothing, so they cannot both report the same change.
 * - The state says which layout it is in (`version`). A state saved in an older layout is
 *   converted when it is read, so an upgrade of the package neither takes a new baseline nor
 *   repeats events; a layout the code does not know is replaced by a baseline.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/** What every item a trigger emits holds, before the resource's own objects. */
export interface TriggerEvent extends IDataObject {
	/** What happened, e.g. `printJobStatusChanged`. */
	event: string;
	/** What it happened to, e.g. `printJob`, `order`. */
	resource: string;
	id: number | string;
	/** The human-facing reference (Keyline's six characters); null where the API has none. */
	reference: string | null;
	/** The state before; null when the trigger had not seen the thing before. */
	previousState: string | null;
	state: string;
	/** When the trigger saw the change (ISO 8601). */
	seenAt: string;
}

export interface SavedState extends IDataObject {
	/** The layout the state is in (see `StateFormat`). */
	version: number;
	/** What the state belongs to (account, URL, mode): another scope starts over with a baseline. */
	scope: string;
	/** When the baseline was taken (ISO 8601). */
	baselineAt: string;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A trigger's layout of its saved state: the version it writes, and how a state saved by an
 * earlier version of the package is converted to it. Raise `version` whenever the layout changes
 * and convert in `upgrade`: a running trigger then goes on where it was, neither taking a new
 * baseline (which would silently take in every change since its last poll, or with Emit
 * Existing report everything again) nor repeating events.
 */
export interface StateFormat<T extends SavedState> {
	version: number;
	/**
	 * A saved state of another version (a copy), in this layout; undefined when it cannot be
	 * read (a version it does not know, e.g. from a newer package): a baseline is taken then.
	 */
	upgrade(saved: IDataObject): T | undefined;
}

/**
 * The saved state as a copy the poll may change freely, in the current layout, or undefined when
 * there is none yet for this scope (first activation, another account, an unknown layout).
 *
 * A state in an older layout is converted here, on every read, and written in the new layout
 * only when the poll commits: a poll that throws leaves it as it was, and the next converts it
 * again, to the same result.
 */
export function readState<T extends SavedState>(
	context: IPollFunctions,
	scope: string,
	format: StateFormat<T>,
): T | undefined {
	const saved = context.getWorkflowStaticData('node').state as IDataObject | undefined;
	if (!saved || typeof saved !== 'object') return undefined;
	const state = saved.version === format.version ? (copy(saved) as T) : format.upgrade(copy(saved));
	if (!state || state.version !== format.version || state.scope !== scope) return undefined;
	return state;
}

/**
 * The saved state (see `readState`), or a new baseline taken now: `fresh` holds what a new
 * state starts with besides its version, scope and time. `saved` tells which it is.
 */
export function stateOrBaseline<T extends SavedState>(
	context: IPollFunctions,
	scope: string,
	format: StateFormat<T>,
	seenAt: string,
	fresh: Omit<T, keyof SavedState>,
): { state: T; saved: boolean } {
	const saved = readState(context, scope, format);
	if (saved) return { state: saved, saved: true };
	return {
		state: { ...fresh, version: format.version, scope, baselineAt: seenAt } as T,
		saved: false,
	};
}

/** Replaces the saved state in one assignment, which is also what marks it for n8n to save. */
export function commitState(context: IPollFunctions, state: SavedState): void {
	context.getWorkflowStaticData('node').state = copy(state);
}

/**
 * Node static data objects whose poll is running (one per node of an active workflow). With
 * n8n's durable poll cursors each poll gets its own copy, and n8n's lease keeps polls apart.
 */
const running = new WeakSet<object>();

/**
 * Runs `poll` unless a poll of the same node is still running, in which case the answer is null:
 * n8n starts the next poll on schedule even when the last one has not finished.
 */
export async function exclusive<T>(
	context: IPollFunctions,
	poll: () => Promise<T>,
): Promise<T | null> {
	const data = context.getWorkflowStaticData('node');
	if (running.has(data)) return null;
	running.add(data);
	try {
		return await poll();
	} finally {
		running.delete(data);
	}
}

/** Collects what a poll emits and what failed, and ends the poll by the rules above. */
export class PollOutcome {
	readonly items: INodeExecutionData[] = [];
	readonly errors: Error[] = [];
	/** One time for every change seen in this poll. */
	readonly seenAt = new Date().toISOString();

	emit(event: Omit<TriggerEvent, 'seenAt'>, objects: IDataObject = {}): void {
		this.items.push({ json: { ...event, seenAt: this.seenAt, ...objects } });
	}

	/** Marks every item as a sample ("Fetch Test Event"), saying what it was built from. */
	markSamples(note: string): INodeExecutionData[] {
		for (const item of this.items) item.json = { sample: true, sampleNote: note, ...item.json };
		return this.items;
	}

	fail(error: unknown): void {
		this.errors.push(error instanceof Error ? error : new Error(String(error)));
	}

	/**
	 * Commits `state` and returns the items, or throws the first failure when there is nothing to
	 * emit but something failed (then nothing is committed).
	 */
	finish(context: IPollFunctions, state: SavedState): INodeExecutionData[][] | null {
		if (this.items.length === 0 && this.errors.length > 0) throw this.errors[0];
		commitState(context, state);
		return this.items.length > 0 ? [this.items] : null;
	}
}

/**
 * Runs `task` for every entry with at most `limit` at a time, keeping each outcome apart: one
 * failed request does not stop the others.
 */
export async function settleEach<T, R>(
	entries: readonly T[],
	limit: number,
	task: (entry: T) => Promise<R>,
): Promise<Array<{ entry: T; value?: R; error?: unknown }>> {
	const results: Array<{ entry: T; value?: R; error?: unknown }> = entries.map((entry) => ({
		entry,
	}));
	let next = 0;
	const worker = async () => {
		while (next < entries.length) {
			const index = next++;
			try {
				results[index].value = await task(entries[index]);
			} catch (error) {
				results[index].error = error ?? new Error('failed');
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, entries.length) }, worker));
	return results;
}

/**
 * A list field's entries: "1, 2 3;4", a number, or an array an expression gave. Empty entries
 * are dropped and repeats kept once, in the order given.
 */
export function listEntries(value: unknown): string[] {
	const raw = Array.isArray(value) ? value.flat(2) : [value];
	const entries = raw
		.flatMap((entry) =>
			entry === null || entry === undefined ? [] : String(entry).split(/[\s,;]+/),
		)
		.map((entry) => entry.trim())
		.filter(Boolean);
	return [...new Set(entries)];
}

/** Whole positive numbers of a list field, naming the field and the entry that is not one. */
export function idList(
	context: IPollFunctions,
	value: unknown,
	label: string,
	example: string,
	max: number,
): number[] {
	const entries = listEntries(value);
	const ids = entries.map((entry) => {
		if (!/^\d+$/.test(entry) || !Number.isSafeInteger(Number(entry)) || Number(entry) < 1) {
			throw new NodeOperationError(
				context.getNode(),
				`${label}: "${entry.slice(0, 60)}" is not an ID`,
				{
					description: `Enter IDs as digits separated by commas, e.g. ${example}.`,
				},
			);
		}
		return Number(entry);
	});
	if (ids.length > max) {
		throw new NodeOperationError(
			context.getNode(),
			`${label}: ${ids.length} entries, at most ${max} can be watched`,
			{
				description: `Each one costs one request per poll. Watch at most ${max}, or split them over several triggers.`,
			},
		);
	}
	return ids;
}

/** "In Progress", "in-progress", "IN_PROGRESS" → "in_progress": how state names are compared. */
const comparable = (name: string) =>
	name
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');

/** Whether a change into `state` is wanted: an empty filter wants every state. */
export function wanted(filter: readonly string[], state: string): boolean {
	return filter.length === 0 || filter.some((name) => comparable(name) === comparable(state));
}

/**
 * A "only into these states" filter as the user gave it (picked, or by expression: an array or a
 * comma-separated text, in any case), as the valid names; an unknown name is refused, listing the
 * valid ones, so a filter never silently matches nothing.
 */
export function stateFilter(
	context: Pick<IPollFunctions, 'getNode' | 'getNodeParameter'>,
	parameter: string,
	label: string,
	valid: readonly string[],
): string[] {
	// Not `listEntries`: state names may hold spaces ("In Progress"); only commas separate them.
	const raw = context.getNodeParameter(parameter, []) as unknown;
	const given = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
		.map((name) => String(name).trim())
		.filter(Boolean);
	return given.map((name) => {
		const match = valid.find((candidate) => comparable(candidate) === comparable(name));
		if (match === undefined) {
			throw new NodeOperationError(context.getNode(), `${label}: "${name}" is not a state`, {
				description: `The states are: ${valid.join(', ')} (in any case).`,
			});
		}
		return match;
	});
}

/** The highest numeric keys of a record, at most `max` of them (older ones are forgotten). */
export function newestKeys<T>(record: Record<string, T>, max: number): Record<string, T> {
	const keys = Object.keys(record);
	if (keys.length <= max) return record;
	const kept = keys.sort((a, b) => Number(a) - Number(b) || a.localeCompare(b)).slice(-max);
	return Object.fromEntries(kept.map((key) => [key, record[key]]));
}

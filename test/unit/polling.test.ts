/** What both polling triggers share: state, the poll's outcome, list fields (nodes/shared/polling.ts). */
import type { IPollFunctions } from 'n8n-workflow';

import {
	commitState,
	exclusive,
	idList,
	listEntries,
	newestKeys,
	PollOutcome,
	readState,
	settleEach,
	type StateFormat,
	stateFilter,
	wanted,
} from '../../nodes/shared/polling';
import { fakeContext, thrown } from './context';

const poll = (parameters: Record<string, unknown> = {}) => {
	const context = fakeContext(parameters);
	return { context, as: context as unknown as IPollFunctions };
};
/** A layout 2 whose layout 1 kept `jobs` under `j`. */
const FORMAT: StateFormat<ReturnType<typeof state>> = {
	version: 2,
	upgrade: (saved) =>
		saved.version === 1
			? { ...(saved as ReturnType<typeof state>), version: 2, jobs: saved.j, j: undefined }
			: undefined,
};
const state = <T extends object = object>(scope = 'acct-1', extra = {} as T) => ({
	version: 2,
	scope,
	baselineAt: '2025-01-01T00:00:00.000Z',
	...extra,
});

describe('readState and commitState', () => {
	it('reads back a copy of what was committed, for the same scope', () => {
		const { context, as } = poll();
		commitState(as, state('acct-1', { jobs: { 1: 'Created' } }));
		const read = readState(as, 'acct-1', FORMAT) as unknown as { jobs: Record<string, string> };
		expect(read.jobs).toEqual({ 1: 'Created' });
		read.jobs[1] = 'Finished';
		expect((context.staticData.state as { jobs: Record<string, string> }).jobs[1]).toBe('Created');
	});

	it('starts over (undefined) for another scope, a layout it cannot read, or nothing saved', () => {
		const { context, as } = poll();
		expect(readState(as, 'acct-1', FORMAT)).toBeUndefined();
		commitState(as, state('acct-1'));
		expect(readState(as, 'acct-2', FORMAT)).toBeUndefined();
		context.staticData.state = { ...state('acct-1'), version: 3 };
		expect(readState(as, 'acct-1', FORMAT)).toBeUndefined();
	});

	it('reads an older layout converted, without saving it until the poll commits', () => {
		const { context, as } = poll();
		const old = {
			version: 1,
			scope: 'acct-1',
			baselineAt: '2025-01-01T00:00:00.000Z',
			j: { 1: 'Created' },
		};
		context.staticData.state = old;
		const read = readState(as, 'acct-1', FORMAT) as unknown as { version: number; jobs: object };
		expect(read.version).toBe(2);
		expect(read.jobs).toEqual({ 1: 'Created' });
		expect(context.staticData.state).toEqual(old);
	});

	it('commits a copy: changing the state afterwards changes nothing saved', () => {
		const { context, as } = poll();
		const mine = state('acct-1', { list: [1] });
		commitState(as, mine);
		mine.list.push(2);
		expect((context.staticData.state as { list: number[] }).list).toEqual([1]);
	});
});

describe('PollOutcome', () => {
	const jobCreated = {
		event: 'printJobCreated',
		resource: 'printJob',
		id: 1,
		reference: null,
		previousState: null,
		state: 'Created',
	} as const;
	const newOrder = {
		event: 'newOrder',
		resource: 'order',
		id: 8,
		reference: 'ABC123',
		previousState: null,
		state: 'draft',
	} as const;

	it('emits events with one seenAt, commits the state and returns the items', () => {
		const { context, as } = poll();
		const outcome = new PollOutcome();
		outcome.emit(jobCreated, { printJob: { id: 1 } });
		outcome.emit({
			event: 'printJobFinished',
			resource: 'printJob',
			id: 2,
			reference: null,
			previousState: 'In_Progress',
			state: 'Finished',
		});
		const result = outcome.finish(as, state());
		expect(result).toEqual([
			[
				{
					json: {
						...jobCreated,
						seenAt: outcome.seenAt,
						printJob: { id: 1 },
					},
				},
				{ json: expect.objectContaining({ id: 2, seenAt: outcome.seenAt }) },
			],
		]);
		expect(new Date(outcome.seenAt).toISOString()).toBe(outcome.seenAt);
		expect(context.staticData.state).toEqual(state());
	});

	it('returns null for a quiet poll, still committing the state', () => {
		const { context, as } = poll();
		expect(new PollOutcome().finish(as, state('acct-1', { n: 1 }))).toBeNull();
		expect(context.staticData.state).toEqual(state('acct-1', { n: 1 }));
	});

	it('throws the first failure and commits nothing when it has nothing to emit', () => {
		const { context, as } = poll();
		const outcome = new PollOutcome();
		outcome.fail(new Error('page 2 failed'));
		outcome.fail('text failure');
		expect(outcome.errors[1]).toEqual(new Error('text failure'));
		expect(thrown(() => outcome.finish(as, state())).message).toBe('page 2 failed');
		expect(context.staticData.state).toBeUndefined();
	});

	it('emits what it confirmed despite a failure elsewhere', () => {
		const { as } = poll();
		const outcome = new PollOutcome();
		outcome.fail(new Error('order 7 failed'));
		outcome.emit(newOrder);
		expect(outcome.finish(as, state())![0]).toHaveLength(1);
	});

	it('marks samples, saying what they were built from', () => {
		const outcome = new PollOutcome();
		outcome.emit(newOrder);
		const [item] = outcome.markSamples('built from order 8');
		expect(Object.keys(item.json).slice(0, 3)).toEqual(['sample', 'sampleNote', 'event']);
		expect(item.json).toMatchObject({ sample: true, sampleNote: 'built from order 8', id: 8 });
	});
});

describe('exclusive and settleEach', () => {
	it('answers null to a poll started while the last one of the same node still runs', async () => {
		const { as } = poll();
		let finish!: () => void;
		const first = exclusive(
			as,
			() => new Promise<string>((resolve) => (finish = () => resolve('first'))),
		);
		expect(await exclusive(as, async () => 'second')).toBeNull();
		finish();
		expect(await first).toBe('first');
		expect(await exclusive(as, async () => 'third')).toBe('third');
		expect(await exclusive(poll().as, async () => 'other node')).toBe('other node');
	});

	it('runs every entry with at most `limit` at once, keeping each outcome apart, in order', async () => {
		let running = 0;
		let most = 0;
		const results = await settleEach([1, 2, 3, 4, 5], 2, async (n) => {
			running++;
			most = Math.max(most, running);
			await new Promise((resolve) => setTimeout(resolve, 5));
			running--;
			if (n === 3) throw new Error('three failed');
			return n * 10;
		});
		expect(most).toBe(2);
		expect(results.map((r) => [r.entry, r.value, (r.error as Error | undefined)?.message])).toEqual(
			[
				[1, 10, undefined],
				[2, 20, undefined],
				[3, undefined, 'three failed'],
				[4, 40, undefined],
				[5, 50, undefined],
			],
		);
	});
});

describe('list fields', () => {
	it('listEntries splits on commas, semicolons and spaces, flattens arrays, drops empties and repeats', () => {
		expect(listEntries('1, 2 3;4,,2')).toEqual(['1', '2', '3', '4']);
		expect(listEntries(264561)).toEqual(['264561']);
		expect(
			listEntries([
				['7', 8],
				[null, '9 10'],
			]),
		).toEqual(['7', '8', '9', '10']);
		expect(listEntries(undefined)).toEqual([]);
		expect(listEntries('  ')).toEqual([]);
	});

	it('idList gives numbers, naming the field and the entry that is not an ID', () => {
		const { as } = poll();
		expect(idList(as, '3, 1, 3', 'Card IDs', '264561', 10)).toEqual([3, 1]);
		expect(thrown(() => idList(as, '1, KEY-1', 'Orders', '14011', 10)).message).toBe(
			'Orders: "KEY-1" is not an ID',
		);
		expect(thrown(() => idList(as, '0', 'Orders', '14011', 10)).message).toBe(
			'Orders: "0" is not an ID',
		);
	});

	it('idList refuses more entries than can be watched', () => {
		const error = thrown(() => idList(poll().as, '1 2 3 4', 'Card IDs', '264561', 3));
		expect(error.message).toBe('Card IDs: 4 entries, at most 3 can be watched');
		expect(error.description).toBe(
			'Each one costs one request per poll. Watch at most 3, or split them over several triggers.',
		);
	});
});

describe('state filters', () => {
	it('wanted: an empty filter wants every state; names compare in any case and spelling', () => {
		expect(wanted([], 'Finished')).toBe(true);
		expect(wanted(['In Progress'], 'IN_PROGRESS')).toBe(true);
		expect(wanted(['in-progress', 'Failed'], 'in_progress')).toBe(true);
		expect(wanted(['Finished'], 'Failed')).toBe(false);
	});

	it('stateFilter gives the valid names for picked or typed states, and refuses an unknown one', () => {
		const valid = ['Created', 'In_Progress', 'Finished'];
		expect(
			stateFilter(
				poll({ statuses: ['finished', ' in progress '] }).as,
				'statuses',
				'Statuses',
				valid,
			),
		).toEqual(['Finished', 'In_Progress']);
		expect(
			stateFilter(poll({ statuses: 'Created, FINISHED,' }).as, 'statuses', 'Statuses', valid),
		).toEqual(['Created', 'Finished']);
		expect(stateFilter(poll().as, 'statuses', 'Statuses', valid)).toEqual([]);
		const error = thrown(() =>
			stateFilter(poll({ statuses: 'Done' }).as, 'statuses', 'Statuses', valid),
		);
		expect(error.message).toBe('Statuses: "Done" is not a state');
		expect(error.description).toBe('The states are: Created, In_Progress, Finished (in any case).');
	});
});

describe('newestKeys', () => {
	it('keeps the highest numeric keys, at most `max`', () => {
		expect(newestKeys({ 9: 'a', 100: 'b', 10: 'c', 2: 'd' }, 2)).toEqual({ 10: 'c', 100: 'b' });
		const small = { 1: 'a' };
		expect(newestKeys(small, 5)).toBe(small);
	});
});

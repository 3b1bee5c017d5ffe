/**
 * Both triggers through n8n-core's PollContext, with n8n's real saving rules (harness/poll.ts):
 * an answer that is not the documented shape is a failed read of that page or order (the
 * partial-poll rules apply, nothing is inferred from it), and "only into" state filters given by
 * expression in another case still match, or are refused with the valid names.
 */
import { brief, type EventJson as Json, jsonOf, TriggerHarness } from '../harness/poll';
import { keylineCredential, useInstantCardSandbox, useKeylineSandbox } from '../harness/sandboxes';
import { instantCardTrigger, keylineTrigger } from './fixtures';

const MALFORMED = [
	['a maintenance page with status 200', { kind: 'html' }],
	['JSON cut off', { kind: 'truncated' }],
	['an object instead of a list', { kind: 'status', status: 200, body: { maintenance: true } }],
] as const;

describe('InstantCard Trigger: answers that are not data', () => {
	const sb = useInstantCardSandbox();
	const trigger = instantCardTrigger(sb);
	beforeEach(() => sb.reset());

	it.each(MALFORMED)(
		'a print-job page that is %s is a failed read: no job is taken as gone or new',
		async (_name, fault) => {
			const jobs = Array.from({ length: 3 }, () =>
				sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' }),
			);
			const t = await trigger({ events: ['printJobCreated', 'printJobStatusChanged'] });
			expect((await t.poll()).error).toBeUndefined();
			const baseline = JSON.stringify(t.state);
			for (let i = 0; i < 3; i++) {
				sb.addFault({ ...(fault as object), path: '/print_jobs$' } as never);
				const bad = await t.poll();
				expect(bad.error?.message).toMatch(/^InstantCard answered GET .*print_jobs with /);
				expect(bad.returned).toBeNull();
				expect(JSON.stringify(t.state)).toBe(baseline);
			}
			// Nothing invented once the list reads again; a real change is reported once.
			expect((await t.poll()).returned).toBeNull();
			sb.advancePrintJob(jobs[0].id);
			expect(brief(await t.poll())).toEqual([
				['printJobStatusChanged', jobs[0].id, 'Scheduled', 'In_Progress'],
			]);
		},
	);

	it('a print-history answer that is not a list fails that card, never empties its history', async () => {
		const [card] = sb.seedCards(1);
		sb.seedPrintJob({ cardIds: [card], status: 'Finished' });
		const t = await trigger({ events: ['printHistoryChanged'], cardIds: String(card) });
		expect((await t.poll()).error).toBeUndefined();
		const kept = JSON.stringify((t.state as Json).history);
		sb.addFault({
			kind: 'status',
			status: 200,
			body: { error: 'maintenance' },
			path: '/print_history$',
		});
		const bad = await t.poll();
		expect(bad.error?.message).toMatch(/print_history with JSON that is not a list/);
		expect(JSON.stringify((t.state as Json).history)).toBe(kept);
		expect((await t.poll()).returned).toBeNull();
	});

	describe.each(['oldest', 'newest'] as const)('list drift (%s first)', (order) => {
		it('a job deleted while a poll pages through the list loses no new job: it is reported once, even when next seen already finished', async () => {
			sb.configure({ printJobOrder: order });
			const old = Array.from({ length: 100 }, () =>
				sb.seedPrintJob({ cardCount: 1, status: 'Finished' }),
			);
			const t = await trigger({ events: ['printJobCreated', 'printJobFinished'] });
			expect((await t.poll()).error).toBeUndefined();
			// Two new jobs: in oldest-first order the first of them opens page 2.
			const j = sb.seedPrintJob({ cardCount: 1 });
			const k = sb.seedPrintJob({ cardCount: 1 });
			// Page 2 is held back while a job of page 1 is deleted: the list shifts under the poll.
			sb.addFault({ kind: 'latency', ms: 300, path: '/print_jobs$', skip: 1 });
			const polling = t.poll();
			await new Promise((resolve) => setTimeout(resolve, 150));
			sb.store.printJobs.delete(old[order === 'oldest' ? 0 : 99].id);
			const told = brief(await polling);
			for (let i = 0; i < 2; i++) {
				sb.advancePrintJob(j.id, 'Finished');
				sb.advancePrintJob(k.id, 'Finished');
				told.push(...brief(await t.poll()));
			}
			told.push(...brief(await t.poll()));
			const about = (id: number) => told.filter((e) => e[1] === id).map((e) => e[0]);
			expect(about(j.id)).toEqual(['printJobCreated', 'printJobFinished']);
			expect(about(k.id)).toEqual(['printJobCreated', 'printJobFinished']);
			expect(told).toHaveLength(4);
		});
	});

	it('a job missing from the list for five polls in a row is still reported when it shows up, already finished', async () => {
		sb.seedPrintJob({ cardCount: 1, status: 'Finished' });
		const t = await trigger({ events: ['printJobCreated', 'printJobFinished'] });
		await t.poll();
		const j = sb.seedPrintJob({ cardCount: 1 });
		const k = sb.seedPrintJob({ cardCount: 1 });
		const hidden = sb.store.printJobs.get(j.id)!;
		sb.store.printJobs.delete(j.id);
		const told: unknown[][] = [];
		for (let i = 0; i < 5; i++) {
			if (i === 1) sb.advancePrintJob(k.id, 'Finished');
			told.push(...brief(await t.poll()));
		}
		sb.store.printJobs.set(j.id, hidden);
		sb.advancePrintJob(j.id, 'Finished');
		told.push(...brief(await t.poll()), ...brief(await t.poll()));
		expect(told.filter((e) => e[1] === j.id).map((e) => e[0])).toEqual([
			'printJobCreated',
			'printJobFinished',
		]);
		expect(told.filter((e) => e[1] === k.id).map((e) => e[0])).toEqual([
			'printJobCreated',
			'printJobFinished',
		]);
	});

	it('a watched card that was deleted is reported once, then left alone (also after a restart) until the Card IDs change', async () => {
		const [kept, deleted] = sb.seedCards(2);
		const t = await trigger({ events: ['printHistoryChanged'], cardIds: `${kept}, ${deleted}` });
		expect((await t.poll()).error).toBeUndefined();
		sb.store.deleteCard(sb.store.cards.get(deleted)!);
		const told = await t.poll();
		expect(brief(told)).toEqual([['watchedCardNotFound', deleted, 'watched', 'not found']]);
		expect(String((jsonOf(told)[0] as Json).message)).toContain('no longer watched');
		sb.clearRequests();
		for (let i = 0; i < 3; i++) {
			const quiet = await t.poll();
			expect(quiet.error).toBeUndefined();
			expect(quiet.returned).toBeNull();
		}
		await t.restart();
		expect((await t.poll()).returned).toBeNull();
		expect(sb.requests.filter((r) => r.path.includes(`/cards/${deleted}/`))).toHaveLength(0);
		// Another list of Card IDs watches it again (and says so again).
		await t.setParameters({ events: ['printHistoryChanged'], cardIds: `${deleted}` });
		expect(brief(await t.poll())).toEqual([
			['watchedCardNotFound', deleted, 'watched', 'not found'],
		]);
	});

	it('Fetch Test Event: every item says it is a sample and from what; a printed and a failed card are two cards', async () => {
		const job = sb.seedPrintJob({ cardCount: 2, status: 'In_Progress' });
		const t = await trigger({ events: ['printJobStatusChanged', 'cardPrinted', 'cardFailed'] });
		const samples = jsonOf(await t.fetchTestEvent()) as Json[];
		expect(samples.map((s) => s.sample)).toEqual([true, true, true]);
		expect(samples[0].sampleNote).toBe(
			`A sample to map fields with, built from print job #${job.id} (the newest): not a real event.`,
		);
		const printed = samples.find((s) => s.event === 'cardPrinted')!;
		const failed = samples.find((s) => s.event === 'cardFailed')!;
		expect(printed.id).not.toBe(failed.id);
		expect(t.state).toBeUndefined();
	});

	it('"Only Into Statuses" by expression in another case matches; an unknown name is refused with the valid ones', async () => {
		const job = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const t = await trigger({
			events: ['printJobStatusChanged'],
			statuses: '={{ ["in progress", "FINISHED"] }}',
		});
		await t.poll();
		sb.advancePrintJob(job.id);
		expect(brief(await t.poll())).toEqual([
			['printJobStatusChanged', job.id, 'Scheduled', 'In_Progress'],
		]);
		await t.setParameters({ events: ['printJobStatusChanged'], statuses: '={{ "Done" }}' });
		const refused = await t.poll();
		expect(refused.error?.message).toBe('Only Into Statuses: "Done" is not a state');
		expect(String(refused.error?.description)).toContain(
			'Created, Scheduled, In_Progress, Finished',
		);
	});
});

describe('Keyline Trigger: answers that are not data', () => {
	const sb = useKeylineSandbox();
	const trigger = keylineTrigger(sb);
	beforeEach(() => sb.reset());
	const later = () => sb.clock.advance(60_000);

	it.each([
		['JSON cut off', { kind: 'truncated' }],
		['JSON without the order', { kind: 'status', status: 200, body: { order: {} } }],
		['a maintenance page', { kind: 'html' }],
	] as const)(
		'an order answered as %s is a failed read: no state "" and no change invented',
		async (_name, fault) => {
			const order = sb.seedOrder({ products: [{ printDataFiles: [{}] }] });
			const t = await trigger({
				events: ['orderStateChanged', 'printDataFileStateChanged'],
				watch: 'named',
				orders: String(order.id),
			});
			await t.poll();
			const kept = JSON.stringify(t.state);
			sb.addFault({ ...(fault as object), path: `/orders/${order.id}$` } as never);
			const bad = await t.poll();
			expect(bad.returned).toBeNull();
			expect(bad.error?.message).toMatch(
				new RegExp(`^Keyline answered GET /orders/${order.id} with `),
			);
			expect(JSON.stringify(t.state)).toBe(kept);
			later();
			sb.advanceOrder(order.id);
			expect(brief(await t.poll())).toEqual([
				['orderStateChanged', order.id, 'draft', 'confirmed'],
			]);
		},
	);

	it('Fetch Test Event for a named order that does not exist says so, and that the sample is the documentation example', async () => {
		const t = await trigger({ events: ['orderStateChanged'], watch: 'named', orders: '4242' });
		const [sample] = jsonOf(await t.fetchTestEvent()) as Json[];
		expect(sample.sample).toBe(true);
		expect(sample.sampleNote).toMatch(
			/^Order 4242 was not found for this API key \(Keyline answered 404\): this sample is the example order from Keyline's documentation/,
		);
		const order = sb.seedOrder();
		await t.setParameters({
			events: ['orderStateChanged'],
			watch: 'named',
			orders: String(order.id),
		});
		const [real] = jsonOf(await t.fetchTestEvent()) as Json[];
		expect(real).toMatchObject({
			sample: true,
			id: order.id,
			sampleNote: `A sample to map fields with, built from order ${order.id}: not a real event.`,
		});
	});

	it('Fetch Test Event with no orders named runs and names the empty field (it is not marked required, which would only disable the button)', async () => {
		const t = await trigger({ events: ['orderStateChanged'], watch: 'named', orders: '' });
		const result = await t.fetchTestEvent();
		expect(result.error?.message).toBe('Orders is empty');
		expect(String(result.error?.description)).toContain(
			'Enter the IDs or references of the orders to watch',
		);
	});

	describe('restarts and orders that existed before activation (the README window)', () => {
		/** An order that existed before activation, found by discovery in a later, quiet poll. */
		async function foundQuietly() {
			const first = sb.seedOrder();
			for (let i = 0; i < 12; i++) sb.seedOrder({ foreign: true });
			const existing = sb.seedOrder({ state: 'confirmed' });
			later();
			const t = await trigger({
				events: ['orderStateChanged'],
				watch: 'discover',
				startOrderId: first.id,
			});
			await t.poll();
			for (let polls = 0; !(t.state as Json).orders[existing.id] && polls < 20; polls++) {
				expect((await t.poll()).returned).toBeNull();
			}
			expect((t.state as Json).orders[existing.id]).toBeDefined();
			expect((t.savedState as Json).orders[existing.id]).toBeUndefined();
			return { t, existing };
		}

		it('a change reported before a restart is saved with it: nothing is lost', async () => {
			const { t, existing } = await foundQuietly();
			later();
			sb.advanceOrder(existing.id);
			expect(brief(await t.poll())).toEqual([
				['orderStateChanged', existing.id, 'confirmed', 'completed'],
			]);
			await t.restart();
			later();
			sb.advanceOrder(existing.id);
			expect(brief(await t.poll())).toEqual([
				['orderStateChanged', existing.id, 'completed', 'archived'],
			]);
		});

		it('the window: changed and restarted before any poll reported anything, that one change is not reported; the next is', async () => {
			const { t, existing } = await foundQuietly();
			later();
			sb.advanceOrder(existing.id);
			await t.restart();
			const after = await t.poll();
			expect(brief(after)).toEqual([]);
			expect((t.state as Json).orders[existing.id]).toMatchObject({ state: 'completed' });
			later();
			sb.advanceOrder(existing.id);
			expect(brief(await t.poll())).toEqual([
				['orderStateChanged', existing.id, 'completed', 'archived'],
			]);
		});
	});

	it('"Only Into Order States" in another case matches; an unknown state is refused', async () => {
		const order = sb.seedOrder();
		const t = await trigger({
			events: ['orderStateChanged'],
			watch: 'named',
			orders: String(order.id),
			orderStates: '={{ "Confirmed" }}',
		});
		await t.poll();
		later();
		sb.advanceOrder(order.id);
		expect(brief(await t.poll())).toEqual([['orderStateChanged', order.id, 'draft', 'confirmed']]);
		await t.setParameters({
			events: ['orderStateChanged'],
			watch: 'named',
			orders: String(order.id),
			orderStates: '={{ "shipped" }}',
		});
		const refused = await t.poll();
		expect(refused.error?.message).toBe('Only Into Order States: "shipped" is not a state');
	});
});

/**
 * How many polls discovery takes to find a new order, by how far above the newest known order
 * it lies: the README's figures, measured (defaults: 10 IDs per poll, a look-ahead of 50).
 */
/** Dozens of polls through the engine: the figure is counted in polls, so time only bounds a hang. */
const POLL_LOOP_MS = 60_000;

describe('Keyline Trigger: discovery latency (the README figures)', () => {
	const sb = useKeylineSandbox();
	beforeEach(() => sb.reset());
	const later = () => sb.clock.advance(60_000);

	/** Polls until the order `offset` IDs above the newest known one is reported as new. */
	async function pollsToFind(offset: number, recheckGap = 0): Promise<number> {
		const first = sb.seedOrder();
		const t = await TriggerHarness.create({
			type: 'keylineTrigger',
			parameters: { events: ['newOrder'], watch: 'discover', startOrderId: first.id } as never,
			credentials: [keylineCredential(sb)],
		});
		await t.poll();
		const until = async (id: number) => {
			for (let polls = 1; polls <= 30; polls++) {
				if ((jsonOf(await t.poll()) as Json[]).some((e) => e.id === id)) return polls;
			}
			return Infinity;
		};
		if (recheckGap > 0) {
			// A find `recheckGap` IDs up: the IDs below it are re-checked in the polls that follow.
			for (let i = 0; i < recheckGap - 1; i++) sb.seedOrder({ foreign: true });
			later();
			expect(await until(sb.seedOrder().id)).toBeLessThan(Infinity);
		}
		for (let i = 0; i < offset - 1; i++) sb.seedOrder({ foreign: true });
		later();
		return await until(sb.seedOrder().id);
	}

	it(
		'within the first 5 IDs: the next poll; anywhere in the window of 50: within 9 polls',
		async () => {
			const worst = { near: 0, far: 0 };
			for (const offset of [1, 5]) {
				sb.reset();
				worst.near = Math.max(worst.near, await pollsToFind(offset));
			}
			for (const offset of [6, 20, 35, 50]) {
				sb.reset();
				worst.far = Math.max(worst.far, await pollsToFind(offset));
			}
			console.log(
				`discovery from a quiet start: near ${worst.near}, far ${worst.far} polls at worst`,
			);
			expect(worst.near).toBe(1);
			expect(worst.far).toBeLessThanOrEqual(9);
		},
		POLL_LOOP_MS,
	);

	it(
		'while the IDs below a find 50 IDs up are re-checked: within 14 polls',
		async () => {
			const measured: number[] = [];
			for (const offset of [1, 6, 50]) {
				sb.reset();
				measured.push(await pollsToFind(offset, 50));
			}
			console.log(`discovery while re-checking, offsets 1/6/50: ${measured.join('/')} polls`);
			expect(Math.max(...measured)).toBeLessThanOrEqual(14);
		},
		POLL_LOOP_MS,
	);
});

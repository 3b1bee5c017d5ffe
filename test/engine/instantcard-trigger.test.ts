/**
 * InstantCard Trigger polled through n8n-core's PollContext against the sandbox: baseline, every
 * event, status filters, Fetch Test Event, restarts, failures part way, bounded state, the cost
 * of a poll over 10,000 cards, and a soak of 240 polls with random changes, faults and restarts
 * checked against the sandbox's own records.
 */
import type { Fault } from '../sandbox/core';
import { INSTANTCARD_SANDBOX_LOGIN } from '../sandbox/instantcard';
import { PRINT_JOB_STATUSES } from '../sandbox/instantcard/seed';
import { brief, eventsOf, type EventJson as Json, type TriggerHarness } from '../harness/poll';
import { useInstantCardSandbox } from '../harness/sandboxes';
import { chaosPoller, expectEnoughChaos, seededRandom, soakFault } from '../harness/soak';
import { everythingVisible, instantCardTrigger } from './fixtures';

const ORG = `/api/v2/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}`;
const ALL_JOB_EVENTS = [
	'printJobCreated',
	'printJobStatusChanged',
	'printJobFinished',
	'cardPrinted',
	'cardFailed',
];

describe('InstantCard Trigger', () => {
	const sb = useInstantCardSandbox();
	const trigger = instantCardTrigger(sb);
	const events = eventsOf;
	/** API requests but the logins. */
	const apiRequests = () => sb.requests.filter((r) => r.path !== '/api/v2/authenticate');
	/** Submits a Created job the way the API does (history entries, charge). */
	const submit = async (id: number) => {
		const res = await fetch(`${sb.baseUrl}${ORG.replace('/api/v2', '')}/print_jobs/${id}/print`, {
			method: 'POST',
			headers: { authorization: `bearer ${sb.issueToken()}` },
		});
		expect(res.status).toBe(200);
	};

	beforeEach(() => sb.reset());

	it('takes a baseline on activation: nothing old is emitted, open jobs are kept, the state is saved', async () => {
		const open = sb.seedPrintJob({ cardCount: 2, status: 'Scheduled' });
		sb.seedPrintJob({ cardCount: 1, status: 'Finished' });
		const t = await trigger({ events: ALL_JOB_EVENTS });
		const first = await t.poll();
		expect(first.error).toBeUndefined();
		expect(first.returned).toBeNull();
		expect(t.savedState).toMatchObject({
			version: 2,
			jobs: {
				watermark: open.id + 1,
				open: { [open.id]: { status: 'Scheduled', cardStatuses: {} } },
			},
		});
		expect(Object.keys((t.savedState as Json).jobs.open)).toEqual([String(open.id)]);
		expect((await t.poll()).returned).toBeNull();
	});

	it('reports each event with ID, previous and new state, when seen, and the whole print job', async () => {
		const t = await trigger({ events: ALL_JOB_EVENTS });
		await t.poll();
		const job = sb.seedPrintJob({ cardCount: 2 });
		const [a, b] = job.list_users[0].users_data.map((u: Json) => u.id as number);
		const created = await t.poll();
		expect(brief(created)).toEqual([['printJobCreated', job.id, null, 'Created']]);
		const [item] = events(created);
		expect(item).toMatchObject({
			resource: 'printJob',
			reference: null,
			printJob: { id: job.id, status: 'Created' },
		});
		expect(item.printJob.list_users[0].users_data).toHaveLength(2);
		expect(Date.parse(item.seenAt)).toBeGreaterThan(Date.now() - 60_000);

		await submit(job.id);
		expect(brief(await t.poll())).toEqual([
			['printJobStatusChanged', job.id, 'Created', 'Scheduled'],
		]);
		sb.advancePrintJob(job.id);
		sb.setCardPrintStatus(job.id, a, 2);
		const progress = await t.poll();
		expect(brief(progress)).toEqual([
			['printJobStatusChanged', job.id, 'Scheduled', 'In_Progress'],
			['cardFailed', a, 'Pending', 'Failed'],
		]);
		expect(events(progress)[1]).toMatchObject({
			resource: 'card',
			printJobId: job.id,
			card: { id: a, status: 2, data: { first_name: 'First Name 1' } },
			printJob: { id: job.id, status: 'In_Progress' },
		});
		expect(events(progress)[1].printJob.list_users).toBeUndefined();
		sb.setCardPrintStatus(job.id, a, 1);
		sb.advancePrintJob(job.id);
		expect(brief(await t.poll())).toEqual([
			['printJobStatusChanged', job.id, 'In_Progress', 'Finished'],
			['cardPrinted', a, 'Failed', 'Printed'],
			['cardPrinted', b, 'Pending', 'Printed'],
			['printJobFinished', job.id, 'In_Progress', 'Finished'],
		]);
		expect((await t.poll()).returned).toBeNull();
		expect((t.state as Json).jobs.open).toEqual({});
	});

	it('reports a failed job with every card failed', async () => {
		const t = await trigger({ events: ['printJobStatusChanged', 'cardFailed', 'cardPrinted'] });
		const job = sb.seedPrintJob({ cardCount: 2, status: 'In_Progress' });
		await t.poll();
		sb.advancePrintJob(job.id, 'Failed');
		const ids = job.list_users[0].users_data.map((u: Json) => u.id);
		expect(brief(await t.poll())).toEqual([
			['printJobStatusChanged', job.id, 'In_Progress', 'Failed'],
			['cardFailed', ids[0], 'Pending', 'Failed'],
			['cardFailed', ids[1], 'Pending', 'Failed'],
		]);
	});

	it('reports only changes into the chosen statuses; status numbers read as names', async () => {
		sb.configure({ printJobStatusFormat: 'number' });
		const one = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const two = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const t = await trigger({
			events: ['printJobStatusChanged'],
			statuses: ['Finished', 'Failed'],
		});
		await t.poll();
		sb.tick();
		expect((await t.poll()).returned).toBeNull();
		sb.advancePrintJob(one.id);
		sb.advancePrintJob(two.id, 'Failed');
		expect(brief(await t.poll())).toEqual([
			['printJobStatusChanged', one.id, 'In_Progress', 'Finished'],
			['printJobStatusChanged', two.id, 'In_Progress', 'Failed'],
		]);
	});

	it('a job first seen past Created reports its status from null (so nothing is lost when the state was not saved)', async () => {
		const t = await trigger({ events: ['printJobStatusChanged'], statuses: ['Finished'] });
		await t.poll();
		const job = sb.seedPrintJob({ cardCount: 1 });
		// Seen as Created: nothing to report; n8n does not save static data of a poll without items.
		expect((await t.poll()).returned).toBeNull();
		expect((t.state as Json).jobs.open[job.id]).toBeDefined();
		expect((t.savedState as Json).jobs.open[job.id]).toBeUndefined();
		await t.restart();
		sb.advancePrintJob(job.id, 'Finished');
		expect(brief(await t.poll())).toEqual([['printJobStatusChanged', job.id, null, 'Finished']]);
		expect((await t.poll()).returned).toBeNull();
	});

	it('Emit Existing on First Poll reports what exists as new, once', async () => {
		const finished = sb.seedPrintJob({ cardCount: 1, status: 'Finished' });
		const created = sb.seedPrintJob({ cardCount: 1 });
		const t = await trigger({
			events: ['printJobCreated', 'printJobFinished'],
			options: { emitExisting: true },
		});
		expect(brief(await t.poll())).toEqual([
			['printJobCreated', finished.id, null, 'Finished'],
			['printJobFinished', finished.id, null, 'Finished'],
			['printJobCreated', created.id, null, 'Created'],
		]);
		expect((await t.poll()).returned).toBeNull();
		await t.restart();
		expect((await t.poll()).returned).toBeNull();
	});

	it('Fetch Test Event gives a sample from the newest job, and leaves the state alone', async () => {
		const t = await trigger({ events: ['printJobStatusChanged', 'cardPrinted'] });
		const example = await t.fetchTestEvent();
		expect(brief(example)).toEqual([
			['printJobStatusChanged', 81001, 'Scheduled', 'In_Progress'],
			['cardPrinted', 264561, 'Pending', 'Printed'],
		]);
		sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const newest = sb.seedPrintJob({ cardCount: 1, status: 'Finished' });
		const sample = await t.fetchTestEvent();
		expect(events(sample)[0]).toMatchObject({
			event: 'printJobStatusChanged',
			id: newest.id,
			previousState: 'In_Progress',
			state: 'Finished',
			printJob: { id: newest.id },
		});
		expect(t.workflow.staticData).toEqual({});
		// The first real poll still takes its baseline, then reports changes.
		await t.poll();
		expect((t.state as Json).jobs.watermark).toBe(newest.id);
		expect((await t.fetchTestEvent()).items).toHaveLength(2);
		expect((t.state as Json).jobs.watermark).toBe(newest.id);
	});

	it("Fetch Test Event's job samples say the status their print job shows, as real events do", async () => {
		const t = await trigger({ events: ['printJobCreated', 'printJobFinished'] });
		const scheduled = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		// Created: a job is first seen in whatever status it has then, so the state is its own.
		// Finished: only a finished job is; with none finished yet, the sample shows one as it would be.
		let [created, finished] = events(await t.fetchTestEvent());
		expect(created).toMatchObject({ id: scheduled.id, previousState: null, state: 'Scheduled' });
		expect(finished).toMatchObject({ id: scheduled.id, state: 'Finished' });
		expect((created.printJob as Json).status).toBe('Scheduled');
		expect((finished.printJob as Json).status).toBe('Finished');
		const done = sb.seedPrintJob({ cardCount: 1, status: 'Finished' });
		sb.seedPrintJob({ cardCount: 1, status: 'In_Progress' });
		[created, finished] = events(await t.fetchTestEvent());
		expect(created.state).toBe((created.printJob as Json).status);
		expect(finished).toMatchObject({ id: done.id, state: 'Finished', printJob: { id: done.id } });
		expect((finished.printJob as Json).status).toBe('Finished');
	});

	it('after a restart reports what changed meanwhile, once', async () => {
		const job = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const t = await trigger({ events: ALL_JOB_EVENTS });
		await t.poll();
		sb.advancePrintJob(job.id);
		expect(brief(await t.poll())).toEqual([
			['printJobStatusChanged', job.id, 'Scheduled', 'In_Progress'],
		]);
		await t.restart();
		expect((await t.poll()).returned).toBeNull();
		sb.advancePrintJob(job.id);
		const next = sb.seedPrintJob({ cardCount: 1 });
		await t.restart();
		expect(brief(await t.poll()).map((e) => e[0])).toEqual([
			'printJobStatusChanged',
			'cardPrinted',
			'printJobFinished',
			'printJobCreated',
		]);
		await t.restart();
		expect((await t.poll()).returned).toBeNull();
		expect(next.id).toBe(job.id + 1);
	});

	it('a page failing part way: what was read is reported and kept, the rest next poll; nothing twice', async () => {
		const jobs = Array.from({ length: 150 }, () =>
			sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' }),
		);
		const t = await trigger({ events: ['printJobStatusChanged'] });
		await t.poll();
		sb.tick();
		sb.addFault({ kind: 'status', status: 503, path: '/print_jobs$', skip: 1 });
		const partial = await t.poll();
		expect(partial.error).toBeUndefined();
		expect(events(partial).map((e) => e.id)).toEqual(jobs.slice(0, 100).map((j) => j.id));
		expect(t.savedState).toEqual(t.state);
		const rest = await t.poll();
		expect(events(rest).map((e) => e.id)).toEqual(jobs.slice(100).map((j) => j.id));
		expect((await t.poll()).returned).toBeNull();
	});

	it('a poll that can read nothing fails with the API words, changes no state, and the next catches up', async () => {
		const job = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const t = await trigger({ events: ['printJobStatusChanged'] });
		await t.poll();
		const before = t.state;
		sb.advancePrintJob(job.id);
		sb.addFault({
			kind: 'status',
			status: 500,
			path: '/print_jobs$',
			body: { error: 'Database is down' },
		});
		const failed = await t.poll();
		expect(failed.error).toMatchObject({
			message: 'InstantCard: Database is down',
			description: expect.stringContaining(
				`InstantCard answered HTTP 500 to GET /organizations/20003827/print_jobs`,
			),
		});
		expect(t.state).toEqual(before);
		for (const fault of [{ kind: 'drop' }, { kind: 'rateLimit', retryAfter: 1 }]) {
			sb.addFault({ ...fault, path: '/print_jobs$' });
			expect((await t.poll()).error).toBeDefined();
			expect(t.state).toEqual(before);
		}
		expect(brief(await t.poll())).toEqual([
			['printJobStatusChanged', job.id, 'Scheduled', 'In_Progress'],
		]);
	});

	it('a baseline that cannot read the whole list fails the activation and is taken next time', async () => {
		Array.from({ length: 120 }, () => sb.seedPrintJob({ cardCount: 1, status: 'Finished' }));
		const t = await trigger({ events: ['printJobCreated'] });
		sb.addFault({ kind: 'status', status: 502, path: '/print_jobs$', skip: 1 });
		expect((await t.poll()).error).toMatchObject({ httpCode: '502' });
		expect(t.state).toBeUndefined();
		expect((await t.poll()).returned).toBeNull();
		expect((t.savedState as Json).jobs.watermark).toBe(81120);
		expect((await t.poll()).returned).toBeNull();
	});

	it('a token expiring mid-poll logs in once again and the poll goes on', async () => {
		const job = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const t = await trigger({ events: ['printJobStatusChanged'] });
		await t.poll();
		const logins = sb.loginCount;
		sb.advancePrintJob(job.id);
		sb.addFault({ kind: 'expireToken', path: '/print_jobs$' });
		expect(brief(await t.poll())).toHaveLength(1);
		expect(sb.loginCount).toBe(logins + 1);
	});

	it('forgets finished jobs once reported: the state stays small however many jobs finish', async () => {
		const t = await trigger({ events: ['printJobFinished'] });
		await t.poll();
		for (let round = 0; round < 5; round++) {
			const batch = Array.from({ length: 40 }, () =>
				sb.seedPrintJob({ cardCount: 3, status: 'In_Progress' }),
			);
			await t.poll();
			for (const job of batch) sb.advancePrintJob(job.id);
			expect(events(await t.poll())).toHaveLength(40);
			expect((t.state as Json).jobs.open).toEqual({});
		}
		expect(JSON.stringify(t.state).length).toBeLessThan(300);
		expect((await t.poll()).returned).toBeNull();
	});

	it('10,000 cards in 250 jobs and no change: a poll is 3 list pages, never a request per card', async () => {
		for (let n = 0; n < 250; n++)
			sb.seedPrintJob({
				cardCount: 40,
				status: ['Scheduled', 'In_Progress', 'Finished', 'Created'][n % 4],
			});
		expect(sb.store.cards.size).toBe(10_000);
		const t = await trigger({ events: ALL_JOB_EVENTS });
		await t.poll();
		sb.clearRequests();
		const started = Date.now();
		expect((await t.poll()).returned).toBeNull();
		const ms = Date.now() - started;
		const requests = apiRequests();
		expect(
			requests.map(
				(r) =>
					`${r.method} ${r.path}?page=${String(r.query.page)}&page_size=${String(r.query.page_size)}`,
			),
		).toEqual([
			`GET ${ORG}/print_jobs?page=1&page_size=100`,
			`GET ${ORG}/print_jobs?page=2&page_size=100`,
			`GET ${ORG}/print_jobs?page=3&page_size=100`,
		]);
		expect(ms).toBeLessThan(5_000);
		// 188 open jobs with 40 cards each are kept, with no card entry while cards are at 0.
		expect(Object.keys((t.state as Json).jobs.open)).toHaveLength(188);
		expect(JSON.stringify(t.state).length).toBeLessThan(20_000);
	});

	describe('print history', () => {
		it("reports entries added to and changed in watched cards' history; one request per card", async () => {
			const [one, two] = sb.seedCards(2);
			const t = await trigger({ events: ['printHistoryChanged'], cardIds: `${one}, ${two}` });
			const early = sb.seedPrintJob({ cardIds: [one], status: 'Finished' });
			await t.poll();
			sb.clearRequests();
			expect((await t.poll()).returned).toBeNull();
			expect(
				apiRequests()
					.map((r) => r.path)
					.sort(),
			).toEqual([`${ORG}/cards/${one}/print_history`, `${ORG}/cards/${two}/print_history`]);
			const job = sb.seedPrintJob({ cardIds: [one, two], status: 'Scheduled' });
			const added = await t.poll();
			expect(brief(added)).toEqual([
				['printHistoryChanged', expect.any(Number), null, 'Pending'],
				['printHistoryChanged', expect.any(Number), null, 'Pending'],
			]);
			expect(events(added).map((e) => [e.cardId, e.printJobId, e.change])).toEqual(
				expect.arrayContaining([
					[one, job.id, 'added'],
					[two, job.id, 'added'],
				]),
			);
			expect(
				events(added)
					.find((e) => e.cardId === one)!
					.printHistory.map((h: Json) => h.print_job_id),
			).toEqual([early.id, job.id]);
			sb.setCardPrintStatus(job.id, two, 1);
			const changed = await t.poll();
			expect(events(changed)).toEqual([
				expect.objectContaining({
					event: 'printHistoryChanged',
					resource: 'printHistoryEntry',
					cardId: two,
					change: 'changed',
					previousState: 'Pending',
					state: 'Printed',
					entry: expect.objectContaining({ print_job_id: job.id, status: 1 }),
				}),
			]);
			expect((await t.poll()).returned).toBeNull();
		});

		it('checks the card IDs before any request, and names a card that is not found', async () => {
			const t = await trigger({ events: ['printHistoryChanged'], cardIds: '264561, card-2' });
			const bad = await t.poll();
			expect(bad.error).toMatchObject({ message: 'Card IDs: "card-2" is not an ID' });
			expect(apiRequests()).toHaveLength(0);
			await t.setParameters({ events: ['printHistoryChanged'], cardIds: '' });
			expect((await t.poll()).error?.message).toBe('Card IDs is empty');
			await t.setParameters({ events: ['printHistoryChanged'], cardIds: '999999' });
			expect(brief(await t.poll())).toEqual([
				['watchedCardNotFound', 999999, 'watched', 'not found'],
			]);
			await t.setParameters({
				events: ['printHistoryChanged'],
				cardIds: Array.from({ length: 101 }, (_, i) => i + 1).join(','),
			});
			expect((await t.poll()).error?.message).toBe(
				'Card IDs: 101 entries, at most 100 can be watched',
			);
		});

		it("one card failing does not hold back the others' events", async () => {
			const [one, two] = sb.seedCards(2);
			const t = await trigger({ events: ['printHistoryChanged'], cardIds: [one, two] as never });
			await t.poll();
			const job = sb.seedPrintJob({ cardIds: [one, two], status: 'Scheduled' });
			sb.addFault({ kind: 'status', status: 500, path: `/cards/${two}/print_history` });
			expect(events(await t.poll()).map((e) => e.cardId)).toEqual([one]);
			expect(events(await t.poll()).map((e) => e.cardId)).toEqual([two]);
			expect((await t.poll()).returned).toBeNull();
			expect(job.id).toBeGreaterThan(0);
		});
	});

	it('two polls at once: the second sees the first running and reports nothing', async () => {
		const job = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const t = await trigger({ events: ['printJobStatusChanged'] });
		await t.poll();
		sb.advancePrintJob(job.id);
		sb.addFault({ kind: 'latency', ms: 150, path: '/print_jobs$' });
		const [a, b] = await t.pollTwiceAtOnce();
		expect([...events(a), ...events(b)]).toHaveLength(1);
		expect((await t.poll()).returned).toBeNull();
	});

	it('errors carry no token or password', async () => {
		const t = await trigger({
			events: ['printJobCreated', 'printHistoryChanged'],
			cardIds: '264561',
		});
		await t.poll();
		sb.addFault({ kind: 'status', status: 500, path: '/print_jobs$', times: -1 });
		sb.addFault({ kind: 'status', status: 401, path: '/print_history$', times: -1 });
		const failed = await t.poll();
		expect(failed.error).toBeDefined();
		const seen = everythingVisible(failed.error);
		const token = String(t.helper.store.get('ic1')!.data.sessionToken);
		expect(token.length).toBeGreaterThan(20);
		expect(seen).not.toContain(token);
		expect(seen).not.toContain(INSTANTCARD_SANDBOX_LOGIN.password);
	});

	describe('soak', () => {
		it.each(['oldest', 'newest'] as const)(
			'240 polls, list %s first, with random changes, faults (5xx, 429, drops, token expiry, HTML with 200, JSON cut off, wrong shapes) and restarts: 0 lost, 0 duplicates',
			async (order) => {
				sb.configure({ printJobOrder: order });
				const { random, pick } = seededRandom(20250101);
				sb.setBalance('100000');
				// Two pages of jobs from the start, so faults can land between pages.
				for (let n = 0; n < 110; n++) sb.seedPrintJob({ cardCount: 1, status: 'Finished' });
				const watched = sb.seedCards(3);
				// One trigger for everything, one for "into Finished" only (its quiet polls save nothing,
				// so restarts start it from older states).
				const all = await trigger({
					events: [...ALL_JOB_EVENTS, 'printHistoryChanged'],
					cardIds: watched.join(','),
				});
				const intoFinished = await trigger({
					events: ['printJobStatusChanged'],
					statuses: ['Finished'],
				});
				// The sandbox's own names for its status numbers (the old server's enum).
				const STATUS_NAMES: readonly string[] = PRINT_JOB_STATUSES;
				const CARD = ['Pending', 'Printed', 'Failed'];
				const FINAL = ['Finished', 'Failed'];
				const baseline = new Set(sb.store.printJobs.keys());

				// What the triggers have told, per thing, to compare with the sandbox's records.
				const toldJob = new Map<number, string>();
				const createdAs = new Map<number, string>();
				const createdCount = new Map<number, number>();
				const finishedCount = new Map<number, number>();
				const intoFinishedCount = new Map<number, number>();
				const toldCard = new Map<string, string>();
				const toldHistory = new Map<string, string>();
				const problems: string[] = [];

				const record = (items: Json[]) => {
					for (const e of items) {
						if (e.event === 'printJobCreated') {
							createdCount.set(e.id, (createdCount.get(e.id) ?? 0) + 1);
							createdAs.set(e.id, e.state);
						} else if (e.event === 'printJobStatusChanged') {
							const last =
								toldJob.get(e.id) ?? (createdAs.get(e.id) === 'Created' ? 'Created' : null);
							if (e.previousState !== last)
								problems.push(`job ${e.id}: ${e.previousState}→${e.state} told after ${last}`);
							if (e.state === last) problems.push(`job ${e.id}: ${e.state} twice`);
							toldJob.set(e.id, e.state);
						} else if (e.event === 'printJobFinished') {
							finishedCount.set(e.id, (finishedCount.get(e.id) ?? 0) + 1);
						} else if (e.event === 'cardPrinted' || e.event === 'cardFailed') {
							const key = `${e.printJobId}/${e.id}`;
							const last = toldCard.get(key) ?? 'Pending';
							if (e.previousState !== last)
								problems.push(`card ${key}: ${e.previousState}→${e.state} told after ${last}`);
							toldCard.set(key, e.state);
						} else if (e.event === 'printHistoryChanged') {
							const key = `${e.cardId}/${e.id}`;
							const last = toldHistory.get(key) ?? null;
							if ((e.change === 'added') !== (last === null))
								problems.push(`history ${key}: ${e.change} told after ${last}`);
							if (e.previousState !== last)
								problems.push(`history ${key}: ${e.previousState}→${e.state} told after ${last}`);
							toldHistory.set(key, e.state);
						}
					}
				};
				/** After a poll without faults, what the main trigger told matches the sandbox. */
				const caughtUp = (poll: number) => {
					for (const job of sb.store.printJobs.values()) {
						if (baseline.has(job.id)) continue;
						const status = STATUS_NAMES[job.status];
						const told = toldJob.get(job.id) ?? createdAs.get(job.id);
						if (told !== status)
							problems.push(`poll ${poll}: job ${job.id} is ${status}, told ${told}`);
						for (const card of job.cards) {
							const key = `${job.id}/${card.cardId}`;
							if (card.status !== 0 && toldCard.get(key) !== CARD[card.status])
								problems.push(
									`poll ${poll}: card ${key} is ${CARD[card.status]}, told ${toldCard.get(key)}`,
								);
						}
					}
					for (const cardId of watched) {
						for (const entry of sb.store.history.get(cardId) ?? []) {
							const key = `${cardId}/${entry.id}`;
							if (toldHistory.get(key) !== CARD[entry.status])
								problems.push(
									`poll ${poll}: history ${key} is ${CARD[entry.status]}, told ${toldHistory.get(key)}`,
								);
						}
					}
				};
				const recordIntoFinished = (items: Json[]) => {
					for (const e of items) {
						if (e.event !== 'printJobStatusChanged' || e.state !== 'Finished')
							problems.push(`filtered: ${e.event} ${e.state}`);
						intoFinishedCount.set(e.id, (intoFinishedCount.get(e.id) ?? 0) + 1);
					}
				};
				const intoFinishedCaughtUp = (poll: number) => {
					for (const job of sb.store.printJobs.values()) {
						if (baseline.has(job.id)) continue;
						const want = STATUS_NAMES[job.status] === 'Finished' ? 1 : 0;
						if ((intoFinishedCount.get(job.id) ?? 0) !== want)
							problems.push(
								`poll ${poll}: filtered told job ${job.id} ${intoFinishedCount.get(job.id) ?? 0} times, is ${STATUS_NAMES[job.status]}`,
							);
					}
				};

				expect((await all.poll()).returned).toBeNull();
				expect((await intoFinished.poll()).returned).toBeNull();

				const stats = { jobs: 0, moves: 0, cards: 0, drifts: 0 };
				/**
				 * While the poll waits for page 2, a finished job already reported is deleted from page 1:
				 * the list shifts under the poll, and a job moves onto a page already read.
				 */
				const pollWithDrift = async (t: TriggerHarness) => {
					const listing = [...sb.store.printJobs.values()];
					if (order === 'newest') listing.reverse();
					const gone = listing
						.slice(0, 100)
						.filter(
							(j) =>
								STATUS_NAMES[j.status] === 'Finished' &&
								(baseline.has(j.id) || finishedCount.has(j.id)),
						);
					if (gone.length === 0 || listing.length <= 100) return await t.poll();
					sb.addFault({ kind: 'latency', ms: 60, path: '/print_jobs$', skip: 1 });
					const polling = t.poll();
					await new Promise((resolve) => setTimeout(resolve, 30));
					sb.store.printJobs.delete(pick(gone).id);
					stats.drifts++;
					return await polling;
				};
				/** One poll with maybe a fault on one of its requests, maybe a drift, and maybe a restart before it. */
				const chaos = chaosPoller({
					sandbox: sb,
					random,
					fault: () =>
						({
							...soakFault(pick, [{}, { error: 'maintenance' }, [1, 2]], ['expireToken']),
							path: pick(['/print_jobs$', '/print_history$']),
							skip: Math.floor(random() * 3),
						}) as Fault,
					instead: { chance: 0.08, poll: pollWithDrift },
				});
				const pollWithChaos = chaos.poll;

				const POLLS = 240;
				for (let poll = 1; poll <= POLLS; poll++) {
					const steps = Math.floor(random() * 4);
					for (let s = 0; s < steps; s++) {
						const open = [...sb.store.printJobs.values()].filter(
							(j) => !FINAL.includes(STATUS_NAMES[j.status]),
						);
						const roll = random();
						if (roll < 0.25 || open.length === 0) {
							const cards =
								random() < 0.4
									? [pick(watched), ...sb.seedCards(1)]
									: sb.seedCards(1 + Math.floor(random() * 3));
							sb.seedPrintJob({ cardIds: cards, status: random() < 0.3 ? 'Scheduled' : 'Created' });
							stats.jobs++;
						} else if (roll < 0.75) {
							const job = pick(open);
							if (job.status === 0) await submit(job.id);
							else if (random() < 0.15) sb.advancePrintJob(job.id, 'Failed');
							else sb.advancePrintJob(job.id);
							stats.moves++;
						} else {
							const busy = open.filter((j) => j.status === 2);
							if (busy.length === 0) continue;
							const job = pick(busy);
							sb.setCardPrintStatus(job.id, pick(job.cards).cardId, random() < 0.8 ? 1 : 2);
							stats.cards++;
						}
					}
					const filtered = await pollWithChaos(intoFinished);
					recordIntoFinished(events(filtered.result));
					if (filtered.clean) intoFinishedCaughtUp(poll);
					const main = await pollWithChaos(all);
					record(events(main.result));
					if (main.clean) caughtUp(poll);
				}
				// A last clean poll of each catches up with everything.
				record(events(await all.poll()));
				caughtUp(POLLS + 1);
				recordIntoFinished(events(await intoFinished.poll()));
				intoFinishedCaughtUp(POLLS + 1);

				const newJobs = [...sb.store.printJobs.keys()].filter((id) => !baseline.has(id));
				for (const id of newJobs)
					if (createdCount.get(id) !== 1)
						problems.push(`job ${id} created ${createdCount.get(id) ?? 0} times`);
				for (const id of baseline)
					if (createdCount.has(id) || toldJob.has(id)) problems.push(`baseline job ${id} reported`);
				for (const id of newJobs) {
					const want = STATUS_NAMES[sb.store.printJobs.get(id)!.status] === 'Finished' ? 1 : 0;
					if ((finishedCount.get(id) ?? 0) !== want)
						problems.push(`job ${id} finished ${finishedCount.get(id) ?? 0} times`);
				}
				const events_ =
					[...createdCount.values(), ...finishedCount.values()].reduce((a, b) => a + b, 0) +
					toldJob.size +
					toldCard.size +
					toldHistory.size;
				console.log(
					`InstantCard soak: ${2 * (POLLS + 1)} polls (2 triggers), ${stats.jobs} jobs created, ${stats.moves} status moves, ${stats.cards} card changes; ` +
						`${chaos.stats.faults} faults injected, ${chaos.stats.hit} hit a request, ${chaos.stats.failed} polls failed, ${chaos.stats.partial} went on past a fault, ` +
						`${chaos.stats.restarts} restarts, ${stats.drifts} lists shifted during paging, ${chaos.stats.clean} clean polls checked against the sandbox; ${chaos.stats.requests} requests; ` +
						`≈${events_} things told; ${problems.length} lost or duplicated`,
				);
				expect(problems).toEqual([]);
				expectEnoughChaos(chaos.stats);
				expect(stats.drifts).toBeGreaterThan(10);
				expect(newJobs.length).toBeGreaterThan(50);
				// Bounded: exactly the jobs that are not final are kept.
				const open = [...sb.store.printJobs.values()]
					.filter((j) => !FINAL.includes(STATUS_NAMES[j.status]))
					.map((j) => String(j.id));
				expect(Object.keys((all.state as Json).jobs.open).sort()).toEqual(open.sort());
			},
			60_000,
		);
	});
});

/**
 * Upgrading the package under running triggers. Both triggers' static data changed layout
 * (version 1 → 2: readable keys instead of single letters, no packed strings); a state saved by
 * the earlier code must be converted on the first poll of the new code, so that the trigger
 * neither takes a new baseline (silently taking in, or with Emit Existing reporting again,
 * everything) nor repeats an event, and loses nothing it kept.
 *
 * Each `*_V1` state below is what the earlier code (commit 4c11ab3) saved, copied from its
 * static data after running it on the same sandbox world that the scenario here builds: the
 * same seeding, then the polls and changes listed beside it. Only `scope` is filled in here,
 * by the formula that code used, because it holds the sandbox's port. Each scenario first checks
 * that its world has the IDs and references the copied state names.
 *
 * The upgrade is modelled as n8n does it: the new package starts, loads the static data from the
 * database, activates the workflow (mode `init`) and polls.
 */
import { createHash } from 'crypto';

import { INSTANTCARD_SANDBOX_LOGIN, InstantCardSandbox } from '../sandbox/instantcard';
import { KEYLINE_SANDBOX_API_KEY, KeylineSandbox, type Order } from '../sandbox/keyline';
import { brief, type EventJson as Json, jsonOf, TriggerHarness } from '../harness/poll';
import type { StoredCredential } from '../harness/credentials-helper';
import { instantCardCredential, keylineCredential } from './fixtures';

/** A trigger whose database holds `oldState`, started by n8n with the new package. */
async function upgraded(
	type: string,
	credential: StoredCredential,
	parameters: Record<string, unknown>,
	oldState: Json,
) {
	const t = await TriggerHarness.create({
		type,
		parameters: parameters as never,
		credentials: [credential],
	});
	t.saved = { 'node:Trigger': { state: oldState } };
	await t.restart('init');
	return t;
}

/** The first poll of the upgraded trigger: no error, nothing emitted. */
async function expectQuietPoll(t: TriggerHarness) {
	const first = await t.poll();
	expect(first.error).toBeUndefined();
	expect(first.returned).toBeNull();
}

/**
 * One order a Keyline Trigger state keeps: its ID, state, reference, its files' states, and whether
 * it is done (never read again).
 */
type KeptOrder = [id: number, state: string, reference: string, files: Json, done?: true];

/** The orders of a Keyline Trigger state: layout 1 in single letters, layout 2 in readable keys. */
function keptOrders(layout: 1 | 2, orders: KeptOrder[]) {
	const [s, r, f] = layout === 1 ? ['s', 'r', 'f'] : ['state', 'reference', 'fileStates'];
	return Object.fromEntries(
		orders.map(([id, state, reference, files, done]) => [
			String(id),
			{ [s]: state, [r]: reference, [f]: files, ...(done && { done }) },
		]),
	);
}

/** The start of a Keyline Trigger state: layout, scope, the copied baseline time, the orders. */
const keylineState = (layout: 1 | 2, scope: string, orders: KeptOrder[]) => ({
	version: layout,
	scope,
	baselineAt: '2026-12-02T02:29:37.000Z',
	orders: keptOrders(layout, orders),
});

describe('Keyline Trigger: state saved by 0.1.0 (layout 1)', () => {
	const sb = new KeylineSandbox();
	beforeAll(async () => await sb.start());
	afterAll(async () => await sb.stop());
	beforeEach(() => sb.reset());

	const order = (state: Order['state'] = 'draft') =>
		sb.seedOrder({ state, products: [{ printDataFiles: [{}, { componentIndex: 0 }] }] });
	const files = (o: Order) => o.products.flatMap((p) => p.print_data_files);
	const later = (seconds = 60) => sb.clock.advance(seconds * 1000);
	const apiRequests = () =>
		sb.requests
			.filter((r) => r.path !== '/api/v2/inbox/carts/0')
			.map((r) => `${r.method} ${r.path}`);
	/** What 0.1.0 put in `scope`: the Watch mode and a hash of the URL and the key. */
	const scope = (watch: string) =>
		`${watch}|${createHash('sha256')
			.update(`${sb.baseUrl.replace(/\/+$/, '')}\n${KEYLINE_SANDBOX_API_KEY}`)
			.digest('hex')
			.slice(0, 16)}`;

	const keylineUpgraded = async (parameters: Record<string, unknown>, oldState: Json) =>
		await upgraded('keylineTrigger', keylineCredential(sb), parameters, oldState);

	describe('orders named by ID and by reference', () => {
		/**
		 * Captured: seeded a–d as below, clock +60 s, first poll (baseline, reference P7VEBZ found by
		 * probing from a), clock +60 s, a's product file → processing and c → archived, second poll
		 * (reported both; saved).
		 */
		const NAMED: KeptOrder[] = [
			[14011, 'draft', 'ZMRULR', { '871': 'processing', '872': 'newly_uploaded' }],
			[14012, 'confirmed', 'HCF7HY', { '873': 'newly_uploaded', '874': 'newly_uploaded' }],
			[14013, 'archived', '2D69HE', {}, true],
			[14014, 'draft', 'P7VEBZ', { '877': 'newly_uploaded', '878': 'newly_uploaded' }],
		];
		const NAMED_V1 = (scope: string) => ({
			...keylineState(1, scope, NAMED),
			refs: { P7VEBZ: 14014 },
		});
		/** The same, in layout 2. */
		const NAMED_V2 = (scope: string) => ({
			...keylineState(2, scope, NAMED),
			orderIdByReference: { P7VEBZ: 14014 },
		});

		function world() {
			const a = order('draft');
			const b = order('confirmed');
			const c = order('completed');
			const d = order('draft');
			sb.setPrintDataFileState(files(a)[0].id, 'processing');
			sb.advanceOrder(c.id);
			expect([a, b, c, d].map((o) => [o.id, o.reference])).toEqual([
				[14011, 'ZMRULR'],
				[14012, 'HCF7HY'],
				[14013, '2D69HE'],
				[14014, 'P7VEBZ'],
			]);
			expect([a, b, d].flatMap(files).map((f) => f.id)).toEqual([871, 872, 873, 874, 877, 878]);
			return { a, b, c, d };
		}
		/** The trigger on these orders, its database holding the captured layout 1. */
		const upgradedFrom = async (w: ReturnType<typeof world>) =>
			await keylineUpgraded(
				{
					events: ['orderStateChanged', 'printDataFileStateChanged'],
					watch: 'named',
					orders: `${w.a.id}, ${w.b.id}, ${w.c.id}, ${w.d.reference}`,
					referenceSearchFrom: w.a.id,
				},
				NAMED_V1(scope('named')),
			);

		it('a quiet first poll emits nothing, searches no reference again, reads no done order, and saves the state in layout 2', async () => {
			const w = world();
			const t = await upgradedFrom(w);
			sb.clearRequests();
			await expectQuietPoll(t);
			// The reference stays found (no probing) and the archived order stays done (not read).
			expect(apiRequests().sort()).toEqual([
				'GET /api/v2/inbox/orders/14011',
				'GET /api/v2/inbox/orders/14012',
				'GET /api/v2/inbox/orders/14014',
			]);
			expect(t.savedState).toEqual(NAMED_V2(scope('named')));
			// Compared with what 0.1.0 kept: the next change is reported from there.
			later();
			sb.advanceOrder(w.a.id);
			expect(brief(await t.poll())).toEqual([['orderStateChanged', w.a.id, 'draft', 'confirmed']]);
		});

		it('changes made between the last old poll and the first new one are reported exactly once', async () => {
			const w = world();
			const t = await upgradedFrom(w);
			later();
			sb.advanceOrder(w.a.id);
			sb.setPrintDataFileState(871, 'processed');
			sb.setPrintDataFileState(878, 'processing');
			expect(brief(await t.poll())).toEqual([
				['orderStateChanged', w.a.id, 'draft', 'confirmed'],
				['printDataFileStateChanged', 871, 'processing', 'processed'],
				['printDataFileStateChanged', 878, 'newly_uploaded', 'processing'],
			]);
			expect((await t.poll()).returned).toBeNull();
			await t.restart();
			expect((await t.poll()).returned).toBeNull();
			expect(t.savedState).toMatchObject({
				version: 2,
				orders: { 14011: { state: 'confirmed', fileStates: { 871: 'processed' } } },
			});
		});

		it('a first poll that fails leaves the old state as it was; the next converts it and reports the change once', async () => {
			const w = world();
			const t = await upgradedFrom(w);
			later();
			sb.advanceOrder(w.b.id);
			sb.addFault({ kind: 'status', status: 500, path: '/orders/', times: -1 });
			expect((await t.poll()).error).toBeDefined();
			expect(t.state).toEqual(NAMED_V1(scope('named')));
			expect(t.savedState).toEqual(NAMED_V1(scope('named')));
			sb.clearFaults();
			expect(brief(await t.poll())).toEqual([
				['orderStateChanged', w.b.id, 'confirmed', 'completed'],
			]);
			expect(t.savedState).toMatchObject({ version: 2, orders: { 14012: { state: 'completed' } } });
			expect((await t.poll()).returned).toBeNull();
		});
	});

	describe('all orders of the API key (discovery)', () => {
		/**
		 * Captured: seeded a, another account's order, b as below, clock +60 s, first poll
		 * (baseline, both found), clock +60 s, b → completed, second poll (reported; saved).
		 */
		const DISCOVERED: KeptOrder[] = [
			[14011, 'draft', 'ZMRULR', { '871': 'newly_uploaded', '872': 'newly_uploaded' }],
			[14013, 'completed', '2D69HE', { '874': 'newly_uploaded', '875': 'newly_uploaded' }],
		];
		const SCAN = { start: 14011, verified: 14013, known: 14013, rotor: 6 };
		const DISCOVER_V1 = (scope: string) => ({ ...keylineState(1, scope, DISCOVERED), scan: SCAN });
		const DISCOVER_V2 = (scope: string) => ({ ...keylineState(2, scope, DISCOVERED), scan: SCAN });

		function world() {
			const a = order('draft');
			sb.seedOrder({ foreign: true });
			const b = order('confirmed');
			sb.advanceOrder(b.id);
			expect([a, b].map((o) => [o.id, o.reference])).toEqual([
				[14011, 'ZMRULR'],
				[14013, '2D69HE'],
			]);
			expect([a, b].flatMap(files).map((f) => f.id)).toEqual([871, 872, 874, 875]);
			return { a, b };
		}
		/** The trigger discovering from a, its database holding the captured layout 1. */
		const upgradedFrom = async (w: ReturnType<typeof world>) =>
			await keylineUpgraded(
				{
					events: ['newOrder', 'orderStateChanged', 'printDataFileStateChanged'],
					watch: 'discover',
					startOrderId: w.a.id,
				},
				DISCOVER_V1(scope('discover')),
			);
		/** An order placed after the old baseline (its time pinned past the copied `baselineAt`). */
		const placedAfterBaseline = () => {
			const placed = order('draft');
			sb.store.orders.get(placed.id)!.created_at = '2026-12-02T02:40:00.000Z';
			return placed;
		};

		it('a quiet first poll emits nothing, keeps the baseline and the scan where they were, and saves layout 2', async () => {
			const w = world();
			const t = await upgradedFrom(w);
			await expectQuietPoll(t);
			// The scan went on from where it was (`rotor` moved), nothing else changed.
			const { scan, ...rest } = t.savedState as Json;
			const { scan: oldScan, ...expected } = DISCOVER_V2(scope('discover'));
			expect(rest).toEqual(expected);
			expect(scan).toMatchObject({
				start: oldScan.start,
				verified: oldScan.verified,
				known: oldScan.known,
			});
		});

		it('a change and a new order placed between the last old poll and the first new one are reported exactly once', async () => {
			const w = world();
			const t = await upgradedFrom(w);
			later();
			sb.advanceOrder(w.b.id);
			const placed = placedAfterBaseline();
			expect(brief(await t.poll())).toEqual([
				['orderStateChanged', w.b.id, 'completed', 'archived'],
				['newOrder', placed.id, null, 'draft'],
			]);
			expect((await t.poll()).returned).toBeNull();
			await t.restart();
			expect((await t.poll()).returned).toBeNull();
			expect(Object.keys((t.savedState as Json).orders)).toEqual([
				String(w.a.id),
				String(placed.id),
			]);
		});
	});
});

describe('InstantCard Trigger: state saved by 0.1.0 (layout 1)', () => {
	const sb = new InstantCardSandbox();
	beforeAll(async () => await sb.start());
	afterAll(async () => await sb.stop());
	beforeEach(() => sb.reset());

	const PINNED = '2025-03-04T10:00:00.000Z';
	/** History times pinned, so the world matches the copied state whenever the test runs. */
	const pinHistoryTimes = () => {
		for (const entries of sb.store.history.values())
			for (const entry of entries) if (entry.processed_at) entry.processed_at = PINNED;
	};
	const cardsOf = (job: { list_users: Array<{ users_data: Array<{ id: number }> }> }) =>
		job.list_users[0].users_data.map((u) => u.id);
	const ORG = `/api/v2/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}`;
	const apiRequests = () =>
		sb.requests
			.filter((r) => r.path !== '/api/v2/authenticate')
			.map((r) => `${r.method} ${r.path}`);
	/** What 0.1.0 put in `scope`: the server's URL and the organization. */
	const scope = () =>
		`${sb.baseUrl.replace(/\/+$/, '')}|${INSTANTCARD_SANDBOX_LOGIN.organizationId}`;

	/**
	 * Captured with Emit Existing on: seeded j1–j4 as below (history times pinned), first poll
	 * (baseline, reporting everything as existing, and card 999999 as not found), j1's first card
	 * printed (pinned) and j4 deleted, second poll (reported the card and its history; j4 missing
	 * once; saved).
	 */
	const BASELINE_AT = '2026-12-02T02:28:38.063Z';
	/** The print history kept: card, entry, status, processing time. */
	const HISTORY = [
		['264561', '71001', '1', PINNED],
		['264562', '71002', '0', ''],
		['264564', '71004', '1', PINNED],
	];
	const history = (entry: (status: string, processedAt: string) => unknown) =>
		Object.fromEntries(
			HISTORY.map(([card, id, status, at]) => [card, { [id]: entry(status, at) }]),
		);
	/** The open jobs kept: job, status, card statuses, and for j4 (deleted) the polls it was missing from. */
	const OPEN_JOBS: Array<[string, string, Json, number?]> = [
		['81001', 'In_Progress', { '264561': 1 }],
		['81002', 'Scheduled', {}],
		['81004', 'Scheduled', {}, 1],
	];
	const jobs = (job: (status: string, cards: Json, absent?: number) => Json) => ({
		watermark: 81004,
		open: Object.fromEntries(
			OPEN_JOBS.map(([id, status, cards, absent]) => [id, job(status, cards, absent)]),
		),
		settled: [[81003, 81003]],
		floor: 0,
	});
	const WATCHED = [264561, 264562, 264564, 999999];
	const V1 = (scope: string) => ({
		version: 1,
		scope,
		baselineAt: BASELINE_AT,
		history: history((status, at) => `${status}|${at}`),
		jobs: jobs((s, c, a) => (a ? { s, c, a } : { s, c })),
		gone: { cards: [999999], watched: WATCHED.join(',') },
	});
	/** The same in layout 2, after one more complete poll without j4 (`absentPolls` 1 → 2). */
	const V2_AFTER_ONE_POLL = (scope: string) => ({
		version: 2,
		scope,
		baselineAt: BASELINE_AT,
		history: history((status, processedAt) => ({ status, processedAt })),
		jobs: jobs((status, cardStatuses, absent) =>
			absent ? { status, cardStatuses, absentPolls: absent + 1 } : { status, cardStatuses },
		),
		gone: { cards: [999999], watched: WATCHED },
	});

	function world() {
		const j1 = sb.seedPrintJob({ cardCount: 2, status: 'In_Progress' });
		const j2 = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const j3 = sb.seedPrintJob({ cardCount: 1, status: 'Finished' });
		const j4 = sb.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const [card1, card2] = cardsOf(j1);
		const [card3] = cardsOf(j3);
		sb.setCardPrintStatus(j1.id, card1, 1);
		pinHistoryTimes();
		sb.store.printJobs.delete(j4.id);
		expect([j1.id, j2.id, j3.id, j4.id, card1, card2, card3]).toEqual([
			81001, 81002, 81003, 81004, 264561, 264562, 264564,
		]);
		expect([card1, card2, card3].map((id) => sb.store.history.get(id)!.map((e) => e.id))).toEqual([
			[71001],
			[71002],
			[71004],
		]);
		return { j1, j2, j3, card1, card2, card3 };
	}
	const parameters = (w: ReturnType<typeof world>) => ({
		events: [
			'printJobCreated',
			'printJobStatusChanged',
			'printJobFinished',
			'cardPrinted',
			'cardFailed',
			'printHistoryChanged',
		],
		cardIds: `${w.card1}, ${w.card2}, ${w.card3}, 999999`,
		// On, so that a state taken for none (a new baseline) would report everything again.
		options: { emitExisting: true },
	});
	/** The trigger on `parameters(w)`, its database holding the captured layout 1. */
	const upgradedFrom = async (w: ReturnType<typeof world>) =>
		await upgraded('instantCardTrigger', instantCardCredential(sb), parameters(w), V1(scope()));

	it('a quiet first poll emits nothing (not even with Emit Existing), reads no gone card, and saves layout 2 with every count kept', async () => {
		const w = world();
		const t = await upgradedFrom(w);
		sb.clearRequests();
		await expectQuietPoll(t);
		expect(apiRequests()).toEqual([
			`GET ${ORG}/print_jobs`,
			`GET ${ORG}/cards/${w.card1}/print_history`,
			`GET ${ORG}/cards/${w.card2}/print_history`,
			`GET ${ORG}/cards/${w.card3}/print_history`,
		]);
		expect(t.savedState).toEqual(V2_AFTER_ONE_POLL(scope()));
		// The third complete poll without j4 forgets it: its count went on from 0.1.0's.
		expect((await t.poll()).returned).toBeNull();
		expect(Object.keys((t.state as Json).jobs.open)).toEqual(['81001', '81002']);
	});

	it('changes made between the last old poll and the first new one are reported exactly once', async () => {
		const w = world();
		const t = await upgradedFrom(w);
		sb.setCardPrintStatus(w.j1.id, w.card2, 1);
		sb.advancePrintJob(w.j2.id);
		const first = await t.poll();
		expect(brief(first)).toEqual([
			['cardPrinted', w.card2, 'Pending', 'Printed'],
			['printJobStatusChanged', w.j2.id, 'Scheduled', 'In_Progress'],
			['printHistoryChanged', 71002, 'Pending', 'Printed'],
		]);
		expect((jsonOf(first) as Json[])[2]).toMatchObject({ cardId: w.card2, change: 'changed' });
		expect((await t.poll()).returned).toBeNull();
		await t.restart();
		expect((await t.poll()).returned).toBeNull();
		expect(t.savedState).toMatchObject({
			version: 2,
			jobs: {
				open: { 81001: { status: 'In_Progress', cardStatuses: { [w.card1]: 1, [w.card2]: 1 } } },
			},
		});
	});

	it('a first poll that fails leaves the old state as it was; the next converts it and reports the change once', async () => {
		const w = world();
		const t = await upgradedFrom(w);
		sb.advancePrintJob(w.j1.id, 'Finished');
		sb.addFault({ kind: 'status', status: 500, path: '/print_jobs$', times: -1 });
		sb.addFault({ kind: 'status', status: 500, path: '/print_history$', times: -1 });
		expect((await t.poll()).error).toBeDefined();
		expect(t.state).toEqual(V1(scope()));
		expect(t.savedState).toEqual(V1(scope()));
		sb.clearFaults();
		const next = await t.poll();
		expect(brief(next).filter(([event]) => event !== 'printHistoryChanged')).toEqual([
			['printJobStatusChanged', w.j1.id, 'In_Progress', 'Finished'],
			['cardPrinted', w.card2, 'Pending', 'Printed'],
			['printJobFinished', w.j1.id, 'In_Progress', 'Finished'],
		]);
		// Finishing prints every card again (a new processing time): both entries changed, once.
		expect(brief(next).filter(([event]) => event === 'printHistoryChanged')).toEqual([
			['printHistoryChanged', 71001, 'Printed', 'Printed'],
			['printHistoryChanged', 71002, 'Pending', 'Printed'],
		]);
		expect((await t.poll()).returned).toBeNull();
		expect(t.savedState).toMatchObject({
			version: 2,
			jobs: {
				settled: [
					[81001, 81001],
					[81003, 81003],
				],
			},
		});
	});

	it("a state in a layout this code does not know (a newer package's) is replaced by a baseline, as before", async () => {
		const w = world();
		const watched = {
			...parameters(w),
			cardIds: `${w.card1}, ${w.card2}, ${w.card3}`,
			options: {},
		};
		const t = await upgraded('instantCardTrigger', instantCardCredential(sb), watched, {
			...V1(scope()),
			version: 3,
		});
		expect((await t.poll()).returned).toBeNull();
		expect(t.savedState).toMatchObject({ version: 2, scope: scope(), jobs: { watermark: 81003 } });
		expect((t.savedState as Json).baselineAt).not.toBe(BASELINE_AT);
	});
});

/**
 * The package in a real n8n 2.40.7 in queue mode: PostgreSQL and Redis (Debian's, started by
 * the test on free ports), one `n8n start` (main) and two `n8n worker --concurrency=5`.
 *
 * Which process did what:
 * - an execution ran on the worker whose log says `Worker started execution <id>`;
 * - a request reached a sandbox from the process holding the client end of its connection
 *   (see callers.ts), so logins, key checks and polls are counted per process.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { N8nClient } from '../e2e/client';
import {
	assertRuntimeInstalled,
	createInstance,
	CUSTOM,
	freePort,
	n8nVersion,
	SELECTED,
	startWorker,
	triggerWorkflow,
	webhookNode,
} from '../e2e/n8n';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';
import { countByCaller, recordCallers, type CalledRequest } from './callers';
import { startPostgres, startRedis, stopProcess, type Postgres, type Service } from './services';

jest.setTimeout(240_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const WORKERS = ['worker1', 'worker2'];
const CALLS = 10;
const ITEMS = 20;
const IC_CREDENTIAL = { instantCardApi: { id: 'icQueueCred00001', name: 'InstantCard sandbox' } };
const KL_CREDENTIAL = { keylineApi: { id: 'klQueueCred00001', name: 'Keyline sandbox' } };

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `check` to return a value (not undefined), polling; throws `what` after `timeoutMs`. */
async function until<T>(
	what: () => string,
	timeoutMs: number,
	check: () => Promise<T | undefined> | T | undefined,
	everyMs = 500,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`after ${timeoutMs} ms: ${what()}`);
		await sleep(everyMs);
	}
}

describe('queue mode: main and 2 workers on PostgreSQL and Redis', () => {
	const { ic, kl } = useSandboxes();
	const started = Date.now();
	let redis: Service | undefined;
	let postgres: Postgres | undefined;
	let n8n: N8nClient | undefined;
	const workers: ChildProcess[] = [];
	const folders: string[] = [];
	/** Process name → pid, for telling callers apart. */
	const pids = new Map<string, number>();
	const logs: Record<string, string[]> = { main: [], worker1: [], worker2: [] };
	let icCalls: CalledRequest[] = [];
	let klCalls: CalledRequest[] = [];
	/** Measured numbers, printed at the end. */
	const measured: Json = {};

	const logTail = () =>
		Object.entries(logs)
			.map(([name, lines]) => `--- ${name}\n${lines.join('').slice(-2500)}`)
			.join('\n');
	const api = async (method: string, apiPath: string, body?: unknown) =>
		await n8n!.api<Json>(method, apiPath, body);

	/** Executions each worker's log says it started: worker → execution ids. */
	const startedBy = () =>
		Object.fromEntries(
			Object.entries(logs).map(([name, lines]) => [
				name,
				[...lines.join('').matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]),
			]),
		);
	const ranOn = (executionId: string) =>
		Object.entries(startedBy())
			.filter(([, ids]) => ids.includes(executionId))
			.map(([name]) => name);

	beforeAll(async () => {
		assertRuntimeInstalled();
		[redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		// Every process: the same database, queue and encryption key; its own folder and ports.
		const queueEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
		if (!ic.httpServer || !kl.httpServer) throw new Error('the sandboxes are not started');
		icCalls = recordCallers(ic.httpServer, pids);
		klCalls = recordCallers(kl.httpServer, pids);

		n8n = await N8nClient.start({
			credentials: [
				{ ...instantCardCredential(ic), ...IC_CREDENTIAL.instantCardApi },
				{ ...keylineCredential(kl), ...KL_CREDENTIAL.keylineApi },
			],
			env: { ...queueEnv, QUEUE_HEALTH_CHECK_PORT: String(await freePort()) },
			log: (line) => logs.main.push(line),
			apiKey: 'queue mode',
		});
		folders.push(n8n.instance.userFolder);
		pids.set('main', n8n.server.pid!);
		measured.startSeconds = { main: Math.round((Date.now() - started) / 1000) };
		// One after the other, so that each start has the 2 shared cores to itself.
		for (const name of WORKERS) {
			const workerStart = Date.now();
			const folder = mkdtempSync(path.join(tmpdir(), `n8n-queue-${name}-`));
			folders.push(folder);
			const instance = await createInstance(folder, SELECTED, {
				...queueEnv,
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			});
			const worker = await startWorker(instance, ['--concurrency=5'], (line) =>
				logs[name].push(line),
			);
			workers.push(worker);
			pids.set(name, worker.pid!);
			measured.startSeconds[name] = Math.round((Date.now() - workerStart) / 1000);
		}
		measured.n8n = n8nVersion(SELECTED);
		measured.startSeconds.all = Math.round((Date.now() - started) / 1000);
	}, 360_000);

	afterAll(async () => {
		// n8n first (its shutdown still talks to Redis and PostgreSQL), then the services.
		await Promise.all([...workers, n8n?.server].map(async (child) => await stopProcess(child)));
		await Promise.all([redis?.stop(), postgres?.stop()]);
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
		measured.suiteSeconds = Math.round((Date.now() - started) / 1000);
		measured.allLoginsPerProcess = countByCaller(logins());
		measured.allKeyChecksPerProcess = countByCaller(keyChecks());
		// eslint-disable-next-line no-console
		console.log(`queue mode, measured: ${JSON.stringify(measured, null, 1)}`);
	}, 60_000);

	/** Every request reached the sandboxes from one of the n8n processes the test started. */
	const expectAllCallersKnown = () => {
		expect([...icCalls, ...klCalls].filter((r) => r.caller === 'unknown')).toEqual([]);
	};
	const logins = (from = 0) =>
		icCalls.slice(from).filter((r) => r.method === 'POST' && r.url.endsWith('/authenticate'));
	/**
	 * Key checks: the request for cart 0 with the key. (The sandbox's 404 for it has a body, so
	 * the check asks once more without the key: see keyCheck.ts.)
	 */
	const keyChecks = (from = 0) =>
		klCalls
			.slice(from)
			.filter((r) => r.method === 'GET' && /\/carts\/0$/.test(r.url) && r.authorized);
	const keyCheckRequests = (from = 0) =>
		klCalls.slice(from).filter((r) => r.method === 'GET' && /\/carts\/0$/.test(r.url));

	describe('a webhook workflow of 20 items through InstantCard and Keyline, called 10 times at once', () => {
		let webhookPath: string;
		let workflowId: string;
		let cardIds: number[];
		let orderIds: number[];

		beforeAll(async () => {
			cardIds = ic.seedCards(ITEMS);
			orderIds = Array.from({ length: ITEMS }, () => kl.seedOrder().id);
			webhookPath = `queue-${randomUUID()}`;
			const workflow = await api('POST', '/workflows', {
				name: 'Queue mode: 20 items',
				nodes: [
					webhookNode(webhookPath),
					{
						id: 'split',
						name: 'Split Out',
						type: 'n8n-nodes-base.splitOut',
						typeVersion: 1,
						position: [200, 0],
						parameters: { fieldToSplitOut: 'body.items', options: {} },
					},
					{
						id: 'card',
						name: 'Card',
						type: `${CUSTOM}.instantCard`,
						typeVersion: 1,
						position: [400, 0],
						parameters: {
							resource: 'card',
							operation: 'get',
							cardId: { __rl: true, mode: 'id', value: '={{ $json.cardId }}' },
						},
						credentials: IC_CREDENTIAL,
					},
					{
						id: 'order',
						name: 'Order',
						type: `${CUSTOM}.keyline`,
						typeVersion: 1,
						position: [600, 0],
						parameters: {
							resource: 'order',
							operation: 'get',
							orderId: "={{ $('Split Out').item.json.orderId }}",
						},
						credentials: KL_CREDENTIAL,
					},
				],
				connections: {
					Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
					'Split Out': { main: [[{ node: 'Card', type: 'main', index: 0 }]] },
					Card: { main: [[{ node: 'Order', type: 'main', index: 0 }]] },
				},
				settings: {
					executionOrder: 'v1',
					saveDataSuccessExecution: 'all',
					saveDataErrorExecution: 'all',
				},
			});
			workflowId = String(workflow.id);
			await api('POST', `/workflows/${workflowId}/publish`, {});
			// Registered a moment after publishing. A GET asks without running anything: once the
			// POST webhook is registered, n8n says so in its 404 (until then: "not registered").
			await until(
				() => `webhook ${webhookPath} not registered`,
				30_000,
				async () => {
					const answer = await n8n!.asOwner('GET', `/webhook/${webhookPath}`);
					return /did you mean to make a POST request/i.test(JSON.stringify(answer.data))
						? true
						: undefined;
				},
				250,
			);
		});

		const body = () => ({
			items: cardIds.map((cardId, i) => ({ cardId, orderId: orderIds[i] })),
		});

		/** Calls the webhook `CALLS` times at once; resolves with the statuses when all answered. */
		const callAtOnce = async () =>
			await Promise.all(
				Array.from({ length: CALLS }, async () => (await n8n!.webhook(webhookPath, body())).status),
			);

		/** The workflow's finished executions with their data, newest first, once there are `count`. */
		const finishedExecutions = async (count: number) =>
			await until(
				() => `fewer than ${count} finished executions\n${logTail()}`,
				60_000,
				async () => {
					const list = await api(
						'GET',
						`/executions?workflowId=${workflowId}&includeData=true&limit=100`,
					);
					const done = (list.data as Json[]).filter((e) => e.stoppedAt);
					return done.length >= count
						? done.sort((a, b) => Number(b.id) - Number(a.id))
						: undefined;
				},
			);

		/** Per execution: its status, and per node the items' ids and errors. */
		const outcome = (execution: Json) => {
			const runData = execution.data.resultData.runData as Json;
			const items = (node: string) => (runData[node]?.[0]?.data?.main?.[0] ?? []) as Json[];
			return {
				status: execution.status,
				error: execution.data.resultData.error?.message ?? null,
				cards: items('Card').map((item) => item.json.error ?? item.json.id),
				orders: items('Order').map((item) => item.json.error ?? item.json.id),
			};
		};
		const expected = () => ({
			status: 'success',
			error: null,
			cards: cardIds,
			orders: orderIds,
		});

		it('every execution succeeds with its 20 items, on both workers; one login and one key check per worker at most', async () => {
			const waveStart = Date.now();
			const statuses = await callAtOnce();
			measured.wave1Seconds = (Date.now() - waveStart) / 1000;
			expect(statuses).toEqual(Array(CALLS).fill(200));

			const executions = await finishedExecutions(CALLS);
			expect(executions).toHaveLength(CALLS);
			for (const execution of executions) expect(outcome(execution)).toEqual(expected());

			// Each execution ran on exactly one worker, never on main; both workers took some.
			const placement = executions.map((e) => ranOn(String(e.id)));
			expect(placement.filter((on) => on.length !== 1 || !WORKERS.includes(on[0]))).toEqual([]);
			const perWorker = Object.fromEntries(
				WORKERS.map((w) => [w, placement.filter((on) => on[0] === w).length]),
			);
			measured.wave1ExecutionsPerWorker = perWorker;
			for (const w of WORKERS) expect(perWorker[w]).toBeGreaterThan(0);

			// 400 requests, yet the token is obtained at most once per process that executes nodes,
			// and the key checked at most once per process (main executed nothing).
			expectAllCallersKnown();
			const loginsBy = countByCaller(logins());
			const checksBy = countByCaller(keyChecks());
			measured.wave1LoginsPerProcess = loginsBy;
			measured.wave1KeyChecksPerProcess = checksBy;
			measured.wave1KeyCheckRequests = keyCheckRequests().length;
			expect(Object.keys(loginsBy).every((p) => WORKERS.includes(p))).toBe(true);
			expect(Object.keys(checksBy).every((p) => WORKERS.includes(p))).toBe(true);
			for (const w of WORKERS) {
				expect(loginsBy[w] ?? 0).toBeLessThanOrEqual(1);
				expect(checksBy[w] ?? 0).toBeLessThanOrEqual(1);
			}
			expect(logins().length).toBeGreaterThanOrEqual(1);
			expect(ic.loginCount).toBe(logins().length);
		});

		it('after InstantCard cancels the token mid-run, 0 items fail; each worker logs in once more at most', async () => {
			const icFrom = icCalls.length;
			const klFrom = klCalls.length;
			const cardGets = () =>
				icCalls.slice(icFrom).filter((r) => /\/cards\/\d+$/.test(r.url)).length;
			let cancelled: { afterCardGets: number; tokens: number } | undefined;
			// Cancels every session once a fifth of this wave's card requests has been answered.
			const canceller = until(
				() => 'the wave ended before a fifth of its card requests',
				120_000,
				() => {
					const seen = cardGets();
					if (seen < (CALLS * ITEMS) / 5) return undefined;
					cancelled = { afterCardGets: seen, tokens: ic.cancelTokens() };
					return cancelled;
				},
				5,
			).catch((error: Error) => error); // thrown below, after the wave
			const statuses = await callAtOnce();
			const stopped = await canceller;
			if (stopped instanceof Error) throw stopped;
			expect(statuses).toEqual(Array(CALLS).fill(200));

			const executions = (await finishedExecutions(2 * CALLS)).slice(0, CALLS);
			const failedItems = executions
				.map(outcome)
				.flatMap((o) => [...o.cards, ...o.orders].filter((v) => typeof v !== 'number'));
			measured.failedItemsAfterCancel = failedItems.length;
			for (const execution of executions) expect(outcome(execution)).toEqual(expected());

			// The cancel hit requests in flight (the sandbox refused some), and the package logged in
			// again: at most once per worker, none on main. The key was not checked again.
			const refused = icCalls.slice(icFrom).filter((r) => r.status === 401);
			const loginsBy = countByCaller(logins(icFrom));
			measured.cancel = {
				...cancelled,
				refusedRequests: refused.length,
				loginsPerProcess: loginsBy,
				executionsPerWorker: Object.fromEntries(
					WORKERS.map((w) => [w, executions.filter((e) => ranOn(String(e.id))[0] === w).length]),
				),
			};
			expectAllCallersKnown();
			expect(cancelled!.tokens).toBeGreaterThanOrEqual(1);
			expect(refused.length).toBeGreaterThan(0);
			expect(logins(icFrom).length).toBeGreaterThanOrEqual(1);
			expect(Object.keys(loginsBy).every((p) => WORKERS.includes(p))).toBe(true);
			for (const w of WORKERS) expect(loginsBy[w] ?? 0).toBeLessThanOrEqual(1);
			expect(keyCheckRequests(klFrom)).toEqual([]);
		});

		it('once the token lifetime has passed, each worker logs in once more at most', async () => {
			const icFrom = icCalls.length;
			// The sandbox's clock moves on by a whole token lifetime: every token it issued expires.
			ic.clock.advance(ic.currentConfig.tokenLifetimeSeconds * 1000);
			const statuses = await callAtOnce();
			expect(statuses).toEqual(Array(CALLS).fill(200));
			const executions = (await finishedExecutions(3 * CALLS)).slice(0, CALLS);
			for (const execution of executions) expect(outcome(execution)).toEqual(expected());
			const loginsBy = countByCaller(logins(icFrom));
			measured.expiry = {
				refusedRequests: icCalls.slice(icFrom).filter((r) => r.status === 401).length,
				loginsPerProcess: loginsBy,
			};
			expectAllCallersKnown();
			expect(logins(icFrom).length).toBeGreaterThanOrEqual(1);
			expect(Object.keys(loginsBy).every((p) => WORKERS.includes(p))).toBe(true);
			for (const w of WORKERS) expect(loginsBy[w] ?? 0).toBeLessThanOrEqual(1);
		});
	});

	it('an activated trigger polls on main; the event starts one execution, on a worker', async () => {
		const job = ic.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const polls = () =>
			icCalls.filter((r) => r.method === 'GET' && /\/print_jobs(\?|$)/.test(r.url));
		const workflow = await api(
			'POST',
			'/workflows',
			triggerWorkflow('Queue mode: print jobs', 'instantCardTrigger', IC_CREDENTIAL, {
				events: ['printJobStatusChanged'],
			}),
		);
		const id = String(workflow.id);
		const executions = async () =>
			(
				(await api('GET', `/executions?workflowId=${id}&includeData=true&limit=20`)).data as Json[]
			).filter((e) => e.stoppedAt);
		try {
			// Publishing polls once (the baseline, saved), on main.
			await api('POST', `/workflows/${id}/publish`, {});
			expect(await n8n!.triggerState(id)).toBeTruthy();
			expect(polls().length).toBeGreaterThan(0);
			ic.advancePrintJob(job.id);
			const pollsBefore = polls().length;

			// n8n's schedule (every minute) polls on main; the execution runs on a worker.
			const [execution] = await until(
				() => `no execution of the trigger\n${logTail()}`,
				90_000,
				async () => {
					const done = await executions();
					return done.length ? done : undefined;
				},
				1_000,
			);
			expect(polls().length).toBeGreaterThan(pollsBefore);
			expect(execution.status).toBe('success');
			const items = (execution.data.resultData.runData.Trigger[0].data.main[0] as Json[]).map(
				({ json }) => [json.event, json.id, json.previousState, json.state],
			);
			expect(items).toEqual([['printJobStatusChanged', job.id, 'Scheduled', 'In_Progress']]);
			const on = ranOn(String(execution.id));
			expect(on).toHaveLength(1);
			expect(WORKERS).toContain(on[0]);

			// The next poll (main again) finds nothing new: still one execution.
			const pollsAfter = polls().length;
			await until(
				() => 'main did not poll again',
				90_000,
				() => (polls().length > pollsAfter ? true : undefined),
				1_000,
			);
			await sleep(3_000); // what that poll emitted, if anything, is queued and run by now
			expect(await executions()).toHaveLength(1);
			expect(Object.keys(countByCaller(polls()))).toEqual(['main']);
			measured.trigger = {
				executionOn: on[0],
				pollsByProcess: countByCaller(polls()),
				executions: (await executions()).length,
			};
			expectAllCallersKnown();
		} finally {
			await api('POST', `/workflows/${id}/unpublish`).catch(() => undefined);
		}
	}, 240_000);
});

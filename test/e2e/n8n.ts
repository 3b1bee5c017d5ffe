/**
 * Drives a real n8n (installed by scripts/install-n8n.sh into .n8n-e2e/) with this package's
 * dist/ loaded as a custom extension: CLI imports and executions, and `n8n start`. The runtime is
 * the default one (n8n 2.40.7 on Node 24, .n8n-e2e/runtime) unless N8N_E2E_RUNTIME names one of
 * the version matrix (test/e2e/runtimes/<name>, installed into .n8n-e2e/runtime-<name>).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import axios from 'axios';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
/** Custom-folder nodes are typed `CUSTOM.<name>` in workflows. */
export const CUSTOM = 'CUSTOM';

/** A workflow of one of the package's triggers, polling every minute, its executions saved. */
export const triggerWorkflow = (
	name: string,
	type: string,
	credentials: Record<string, unknown>,
	parameters: Record<string, unknown>,
) => ({
	name,
	nodes: [
		{
			id: 'trigger',
			name: 'Trigger',
			type: `${CUSTOM}.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
			credentials,
		},
	],
	connections: {},
	settings: {
		executionOrder: 'v1',
		saveDataSuccessExecution: 'all',
		saveDataErrorExecution: 'all',
	},
});

/**
 * A Webhook trigger (POST on `path`) that answers with what the workflow's last node gives: how
 * the end-to-end tests run a workflow on demand in a running n8n.
 */
export const webhookNode = (path: string, name = 'Webhook') => ({
	id: 'webhook',
	name,
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: randomUUID(),
	parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
});

/** An installed n8n and the Node it runs on. */
export interface Runtime {
	/** `default`, or the name of a folder of test/e2e/runtimes. */
	name: string;
	dir: string;
	node: string;
	n8nBin: string;
}

export const DEFAULT_RUNTIME = 'default';

/** The runtimes of the version matrix besides the default: the folders of test/e2e/runtimes. */
export function matrixRuntimeNames(): string[] {
	const dir = path.join(ROOT, 'test', 'e2e', 'runtimes');
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
}

export function runtime(name = DEFAULT_RUNTIME): Runtime {
	const dir = path.join(ROOT, '.n8n-e2e', name === DEFAULT_RUNTIME ? 'runtime' : `runtime-${name}`);
	return {
		name,
		dir,
		node: path.join(dir, 'node_modules', 'node', 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** The n8n version a runtime holds (from its installed package.json). */
export function n8nVersion(rt: Runtime): string {
	const file = path.join(rt.dir, 'node_modules', 'n8n', 'package.json');
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The major version of a runtime's n8n; 2 (the default's) when it is not installed. */
export function n8nMajor(rt: Runtime): number {
	return existsSync(rt.dir) && runtimeInstalled(rt) ? Number(n8nVersion(rt).split('.')[0]) : 2;
}

/** The runtime the tests use: N8N_E2E_RUNTIME, or the default. */
export const SELECTED = runtime(process.env.N8N_E2E_RUNTIME || DEFAULT_RUNTIME);
export const RUNTIME = SELECTED.dir;
/** The selected runtime's Node (Node 24 for the default, n8n 2.40.7). */
export const NODE24 = SELECTED.node;
export const N8N_BIN = SELECTED.n8nBin;

export function runtimeInstalled(rt: Runtime = SELECTED): boolean {
	return existsSync(rt.node) && existsSync(rt.n8nBin);
}

/** Fails with what to do when the real n8n is not installed. */
export function assertRuntimeInstalled(rt: Runtime = SELECTED): void {
	if (!runtimeInstalled(rt))
		throw new Error(
			`The real n8n (runtime '${rt.name}') is not installed: run \`bash scripts/install-n8n.sh${rt.name === DEFAULT_RUNTIME ? '' : ` ${rt.name}`}\` (npm test does).`,
		);
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface N8nInstance {
	userFolder: string;
	env: NodeJS.ProcessEnv;
	runtime: Runtime;
}

/** `extraEnv` is added to (and overrides) the environment below, e.g. queue mode's settings. */
export async function createInstance(
	userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-e2e-')),
	rt: Runtime = SELECTED,
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<N8nInstance> {
	const env: NodeJS.ProcessEnv = {
		PATH: `${path.dirname(rt.node)}:${process.env.PATH ?? ''}`,
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: DIST,
		N8N_ENCRYPTION_KEY: 'e2e-fixed-encryption-key-not-a-secret',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		// 2.x's MCP registry module is not needed; 1.x has no such module and refuses the name.
		...(n8nMajor(rt) >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		// `n8n execute --rawOutput` prints its JSON through the logger: below `info` it prints nothing.
		N8N_LOG_LEVEL: 'info',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		...extraEnv,
	};
	return { userFolder, env, runtime: rt };
}

/**
 * Runs an n8n CLI command. Asynchronous on purpose: the sandboxes live in this process, and a
 * blocking spawn would stop them from answering n8n.
 */
export async function n8nCli(instance: N8nInstance, args: string[], timeoutMs = 180_000) {
	const { node, n8nBin } = instance.runtime;
	const child = spawn(node, [n8nBin, ...args], { env: instance.env, cwd: instance.userFolder });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const status = await new Promise<number | null>((resolve) =>
		child.on('close', (code) => resolve(code)),
	);
	clearTimeout(timer);
	return { status, stdout, stderr };
}

export async function importCredentials(
	instance: N8nInstance,
	credentials: object[],
): Promise<void> {
	const file = path.join(instance.userFolder, `credentials-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(credentials));
	const out = await n8nCli(instance, ['import:credentials', `--input=${file}`]);
	if (out.status !== 0) throw new Error(`import:credentials failed: ${out.stderr}${out.stdout}`);
}

/** The Manual Trigger ("Start") a workflow imported for a run begins with. */
export const manualStart = (id: string) => ({
	id,
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

export async function importWorkflow(instance: N8nInstance, workflow: object): Promise<void> {
	const file = path.join(instance.userFolder, `workflow-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(workflow));
	const out = await n8nCli(instance, ['import:workflow', `--input=${file}`]);
	if (out.status !== 0) throw new Error(`import:workflow failed: ${out.stderr}${out.stdout}`);
}

export interface ExecutedRun {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: unknown }>
			>;
		};
	};
}

/** Runs `n8n execute --id=<id> --rawOutput` and returns the parsed run data. */
export async function executeWorkflow(instance: N8nInstance, id: string): Promise<ExecutedRun> {
	const out = await n8nCli(instance, ['execute', `--id=${id}`, '--rawOutput']);
	// Log lines may come before and after the JSON. It is printed indented, so it is the span from
	// the first line that is exactly "{" to the first line after it that is exactly "}".
	const lines = out.stdout.split('\n');
	const first = lines.indexOf('{');
	const last = first === -1 ? -1 : lines.indexOf('}', first);
	if (out.status !== 0 || first === -1 || last === -1) {
		throw new Error(
			`n8n execute failed (exit ${String(out.status)}):\n${out.stdout}\n${out.stderr}`,
		);
	}
	return JSON.parse(lines.slice(first, last + 1).join('\n')) as ExecutedRun;
}

/** Output items of one node in a run returned by `executeWorkflow`. */
export function nodeOutput(run: ExecutedRun, nodeName: string) {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/**
 * Starts `n8n start` and resolves once it is ready and its REST API answers; the caller stops it.
 * Readiness alone is not enough: n8n 1.x answers `/healthz/readiness` before its REST routes
 * exist. A 200 alone is not either: while starting, n8n 2.x answers every path with a 200 HTML
 * page "n8n is starting up. Please wait". So: readiness, and `/rest/settings` answering JSON.
 */
export async function startServer(
	instance: N8nInstance,
	log?: (line: string) => void,
	/**
	 * `detached`: n8n (and the task runners it starts) in a process group of its own, which a
	 * terminal's Ctrl+C does not reach, so its caller alone decides how to stop it (`npm start`).
	 * `spawned` gets the process at once, so a caller can stop it while it is starting.
	 */
	options: { detached?: boolean; spawned?: (child: ChildProcess) => void } = {},
): Promise<ChildProcess> {
	const { node, n8nBin } = instance.runtime;
	const child = spawn(node, [n8nBin, 'start'], {
		env: instance.env,
		cwd: instance.userFolder,
		detached: options.detached,
	});
	options.spawned?.(child);
	child.stdout?.on('data', (chunk: Buffer) => log?.(chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => log?.(chunk.toString()));
	const base = `http://127.0.0.1:${instance.env.N8N_PORT}`;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}`);
		try {
			const ready = await axios.get(`${base}/healthz/readiness`, { validateStatus: () => true });
			const settings = await axios.get(`${base}/rest/settings`, { validateStatus: () => true });
			const json = String(settings.headers['content-type'] ?? '').includes('application/json');
			if (ready.status >= 200 && ready.status < 300 && settings.status === 200 && json)
				return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error('n8n did not become ready within 120 s');
}

/**
 * Starts `n8n worker` (queue mode: the instance's env must hold the queue, database and
 * `QUEUE_HEALTH_CHECK_*` settings) and resolves once its health server reports it ready
 * (`/healthz/readiness`: database connected and migrated, Redis connected); the caller stops it.
 */
export async function startWorker(
	instance: N8nInstance,
	args: string[] = [],
	log?: (line: string) => void,
): Promise<ChildProcess> {
	const port = instance.env.QUEUE_HEALTH_CHECK_PORT;
	if (!port || instance.env.QUEUE_HEALTH_CHECK_ACTIVE !== 'true')
		throw new Error('startWorker needs QUEUE_HEALTH_CHECK_ACTIVE=true and QUEUE_HEALTH_CHECK_PORT');
	const { node, n8nBin } = instance.runtime;
	const child = spawn(node, [n8nBin, 'worker', ...args], {
		env: instance.env,
		cwd: instance.userFolder,
	});
	child.stdout?.on('data', (chunk: Buffer) => log?.(chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => log?.(chunk.toString()));
	const host = instance.env.N8N_WORKER_SERVER_ADDRESS || '127.0.0.1';
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n worker exited with ${child.exitCode}`);
		try {
			const ready = await axios.get(`http://${host}:${port}/healthz/readiness`, {
				validateStatus: () => true,
			});
			if (ready.status === 200) return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill('SIGKILL');
	throw new Error('n8n worker did not become ready within 120 s');
}

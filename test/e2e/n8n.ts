/**
 * Drives a real n8n 2.40.7 (installed by scripts/install-n8n.sh into .n8n-e2e/) with this
 * package's dist/ loaded as a custom extension: CLI imports and executions, and `n8n start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import axios from 'axios';

export const ROOT = path.resolve(__dirname, '../..');
export const RUNTIME = path.join(ROOT, '.n8n-e2e', 'runtime');
export const NODE24 = path.join(RUNTIME, 'node_modules', 'node', 'bin', 'node');
export const N8N_BIN = path.join(RUNTIME, 'node_modules', 'n8n', 'bin', 'n8n');
export const DIST = path.join(ROOT, 'dist');
/** Custom-folder nodes are typed `CUSTOM.<name>` in workflows. */
export const CUSTOM = 'CUSTOM';

export function runtimeInstalled(): boolean {
	return existsSync(NODE24) && existsSync(N8N_BIN);
}

/** Fails with what to do when the real n8n is not installed. */
export function assertRuntimeInstalled(): void {
	if (!runtimeInstalled())
		throw new Error(
			'The real n8n is not installed: run `bash scripts/install-n8n.sh` (npm test does).',
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
}

export async function createInstance(
	userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-e2e-')),
): Promise<N8nInstance> {
	const env: NodeJS.ProcessEnv = {
		PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? ''}`,
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
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		DB_TYPE: 'sqlite',
		// `n8n execute --rawOutput` prints its JSON through the logger: below `info` it prints nothing.
		N8N_LOG_LEVEL: 'info',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	};
	return { userFolder, env };
}

/**
 * Runs an n8n CLI command. Asynchronous on purpose: the sandboxes live in this process, and a
 * blocking spawn would stop them from answering n8n.
 */
export async function n8nCli(instance: N8nInstance, args: string[], timeoutMs = 180_000) {
	const child = spawn(NODE24, [N8N_BIN, ...args], { env: instance.env, cwd: instance.userFolder });
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

/** Starts `n8n start` and resolves once it is ready; the caller stops it. */
export async function startServer(
	instance: N8nInstance,
	log?: (line: string) => void,
): Promise<ChildProcess> {
	const child = spawn(NODE24, [N8N_BIN, 'start'], { env: instance.env, cwd: instance.userFolder });
	child.stdout?.on('data', (chunk: Buffer) => log?.(chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => log?.(chunk.toString()));
	const url = `http://127.0.0.1:${instance.env.N8N_PORT}/healthz/readiness`;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}`);
		try {
			const { status } = await axios.get(url, { validateStatus: () => true });
			if (status >= 200 && status < 300) return child;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error('n8n did not become ready within 120 s');
}

/**
 * `npm start` as a user runs it, on a machine where its default ports (n8n 5678, the InstantCard
 * sandbox 4010, the Keyline sandbox 4020) are taken by another process: it picks free ports,
 * prints them, the owner's login and the sandbox catalogue, and one SIGINT to the process started
 * stops everything it started. And a port chosen explicitly that is busy: one line, no stack.
 * The runtime is installed and dist/ built already (npm test does both), so this is a second
 * start; a temporary user folder keeps the developer's .n8n-e2e/user out of it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import axios from 'axios';

import { isFree } from '../../scripts/ports';
import { occupy } from '../harness/ports';
import { assertRuntimeInstalled, ROOT } from './n8n';

jest.setTimeout(300_000);

const DEFAULT_PORTS = [5678, 4010, 4020];

/** A process's parent and state from /proc (undefined once it is gone). */
function procStat(pid: number): { ppid: number; state: string } | undefined {
	try {
		// "pid (comm) state ppid …": comm may hold spaces and parentheses, so after its last ")".
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { ppid: Number(ppid), state };
	} catch {
		return undefined;
	}
}

/** Every process below `pid` now. */
function descendants(pid: number): number[] {
	const parentOf = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = procStat(Number(entry));
		if (stat) parentOf.set(Number(entry), stat.ppid);
	}
	const found: number[] = [];
	let frontier = [pid];
	while (frontier.length) {
		const next = [...parentOf].filter(([, ppid]) => frontier.includes(ppid)).map(([p]) => p);
		found.push(...next);
		frontier = next;
	}
	return found;
}

/** Running, not a zombie waiting for its parent to read its exit status. */
const running = (pid: number) => {
	const stat = procStat(pid);
	return stat !== undefined && stat.state !== 'Z';
};

/** `npm start` with `args`, in a temporary user folder and without port settings of the caller. */
function npmStart(args: string[], userFolder: string) {
	const env: NodeJS.ProcessEnv = { ...process.env, N8N_START_USER_FOLDER: userFolder };
	for (const name of ['N8N_PORT', 'PORT', 'INSTANTCARD_SANDBOX_PORT', 'KEYLINE_SANDBOX_PORT'])
		delete env[name];
	const child = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], {
		cwd: ROOT,
		env,
	});
	const output = { stdout: '', stderr: '' };
	child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
	const exit = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
	);
	return { child, output, exit };
}

/** Resolves once `pattern` is in the output, or rejects with the output when the process ends. */
async function waitFor(
	run: ReturnType<typeof npmStart>,
	pattern: RegExp,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let ended = false;
	void run.exit.then(() => (ended = true));
	while (!pattern.test(run.output.stdout)) {
		if (ended || Date.now() > deadline)
			throw new Error(
				`npm start ${ended ? 'ended' : 'timed out'}:\n${run.output.stdout}\n${run.output.stderr}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

const match = (text: string, pattern: RegExp): string => {
	const found = pattern.exec(text);
	if (!found) throw new Error(`no ${String(pattern)} in:\n${text}`);
	return found[1];
};

describe('npm start', () => {
	const blockers: Server[] = [];
	const folders: string[] = [];
	const userFolder = () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
		folders.push(folder);
		return folder;
	};

	beforeAll(async () => {
		assertRuntimeInstalled();
		for (const port of DEFAULT_PORTS) {
			const server = await occupy(port);
			if (server) blockers.push(server);
		}
	});

	afterAll(async () => {
		for (const server of blockers) await new Promise((resolve) => server.close(resolve));
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});

	test('with its default ports busy: starts on free ones, prints them and the catalogue, stops on one SIGINT', async () => {
		const run = npmStart([], userFolder());
		try {
			await waitFor(run, /Ctrl\+C stops/, 240_000);
		} catch (error) {
			run.child.kill('SIGKILL');
			throw error;
		}
		const out = run.output.stdout;

		// Free ports instead of the busy defaults, each replacement said in one line.
		const base = match(out, /is running: (http:\/\/127\.0\.0\.1:\d+)/);
		const instantCardUrl = match(out, /URL: +(http:\/\/127\.0\.0\.1:\d+\/api\/v2)\n/);
		const keylineUrl = match(out, /Base URL: (http:\/\/127\.0\.0\.1:\d+\/api\/v2\/inbox)/);
		const ports = [base, instantCardUrl, keylineUrl].map((url) => Number(new URL(url).port));
		for (const port of ports) expect(DEFAULT_PORTS).not.toContain(port);
		expect(out).toContain(`port 5678 is in use; n8n uses ${ports[0]} instead`);
		expect(out).toContain(`port 4010 is in use; the InstantCard sandbox uses ${ports[1]} instead`);
		expect(out).toContain(`port 4020 is in use; the Keyline sandbox uses ${ports[2]} instead`);

		// The URL answers, the printed owner logs in, and the credentials point at these sandboxes.
		const settings = await axios.get(`${base}/rest/settings`);
		expect(settings.headers['content-type']).toContain('application/json');
		const email = match(out, /Log in as (\S+) \//);
		const password = match(out, /Log in as \S+ \/ (\S+)/);
		const login = await axios.post(
			`${base}/rest/login`,
			{ emailOrLdapLoginId: email, password },
			{ validateStatus: () => true },
		);
		expect(login.status).toBe(200);
		const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0];
		const credential = await axios.get(`${base}/rest/credentials/icSandboxCred01`, {
			params: { includeData: true },
			headers: { cookie },
		});
		expect(credential.data.data.data.url).toBe(instantCardUrl);

		// The catalogue: its Keyline customer IDs are ones the running sandbox accepts (and it
		// refuses others), with the printed key.
		expect(out).toMatch(/Sandbox catalogue/);
		expect(out).toMatch(/Carrier IDs:\n +\d+ {2}\S/);
		expect(out).toMatch(/Product template IDs.*:\n +\d+ {2}KEY-/);
		expect(out).toMatch(/Card templates.*:\n +\d+ {2}\S/);
		// Something to try Get and Preview on: cards, a print job and an order with their IDs.
		expect(out).toMatch(/Cards:\n +\d+ {2}\S/);
		expect(out).toMatch(/Print jobs:\n +\d+ {2}Created, 2 card\(s\)/);
		expect(out).toMatch(/Orders:\n +\d+ {2}\S/);
		const customerIds = [
			...match(out, /Customer IDs:\n((?: {6}\d+ .*\n)+)/).matchAll(/^ +(\d+)/gm),
		].map((found) => Number(found[1]));
		expect(customerIds.length).toBeGreaterThan(0);
		const keyline = axios.create({
			baseURL: keylineUrl,
			headers: { authorization: `Bearer ${match(out, /API Key: +(\w+)/)}` },
			validateStatus: () => true,
		});
		const cart = await keyline.post('/carts');
		expect(cart.status).toBe(201);
		const setCustomer = (id: number) =>
			keyline.post(`/carts/${cart.data.cart.id}/customer`, { customer: { id } });
		expect((await setCustomer(customerIds[0])).status).toBe(201);
		expect((await setCustomer(Math.max(...customerIds) + 1000)).status).toBe(422);

		// One SIGINT to the process started, and everything below it is gone within 20 s.
		const tree = descendants(run.child.pid!);
		expect(tree.length).toBeGreaterThan(1); // node, n8n, its task runner
		const sent = Date.now();
		run.child.kill('SIGINT');
		let timer: NodeJS.Timeout | undefined;
		const exit = await Promise.race([
			run.exit,
			new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 20_000))),
		]);
		clearTimeout(timer);
		if (!exit) run.child.kill('SIGKILL');
		expect(exit).toBeDefined();
		expect(exit!.at - sent).toBeLessThan(20_000);
		expect(exit!.code).toBe(0);
		expect(run.output.stdout).toMatch(/Stopped\./);
		expect(tree.filter(running)).toEqual([]);
		for (const port of ports) expect(await isFree(port)).toBe(true);
	});

	test('a busy port chosen explicitly: one line naming it, a non-zero exit, no stack trace', async () => {
		const busy = DEFAULT_PORTS[0];
		expect(await isFree(busy)).toBe(false);
		const run = npmStart(['--port', String(busy)], userFolder());
		const exit = await run.exit;
		expect(exit.code).not.toBe(0);
		// npm's own lines aside, the one line.
		const lines = run.output.stderr
			.split('\n')
			.filter((line) => line.trim() && !/^npm /.test(line));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain(`port ${busy} (n8n, from --port) is in use`);
		expect(`${run.output.stdout}${run.output.stderr}`).not.toMatch(/^\s+at /m);
		expect(run.output.stdout).not.toContain('Starting n8n');
	});
});

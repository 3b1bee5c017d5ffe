/**
 * Redis and PostgreSQL for the queue-mode suite, from Debian's packages
 * (scripts/install-platforms.sh): each started as a child process of the test, listening on
 * 127.0.0.1 on a free port, with its data in its own temp folder, and stopped (SIGTERM, then
 * SIGKILL) and deleted by `stop()`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

import { freePort } from '../e2e/n8n';

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Stops a child: `signal` (SIGTERM), then SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopProcess(
	child: ChildProcess | undefined,
	graceMs = 10_000,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	// SIGKILL cannot be refused; the extra second only bounds the wait for the 'exit' event.
	let bound: NodeJS.Timeout | undefined;
	await Promise.race([
		exited,
		new Promise((resolve) => (bound = setTimeout(resolve, graceMs + 1_000))),
	]);
	clearTimeout(timer);
	clearTimeout(bound);
}

/** A child's output, kept for error messages. */
function capture(child: ChildProcess): () => string {
	let out = '';
	const keep = (chunk: Buffer) => (out = (out + chunk.toString()).slice(-4000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return () => out;
}

/** Waits until `check` resolves true, or throws after `timeoutMs` (or when the child exits). */
async function waitFor(
	what: string,
	child: ChildProcess,
	output: () => string,
	check: () => Promise<boolean>,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
		if (await check()) return;
		await sleep(200);
	}
	throw new Error(`${what} did not start within ${timeoutMs} ms:\n${output()}`);
}

/** Sends one line over TCP and resolves with what came back within a second ('' on error). */
async function tcpAsk(port: number, line: string): Promise<string> {
	return await new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let answer = '';
		const done = () => {
			socket.destroy();
			resolve(answer);
		};
		socket.setTimeout(1_000, done);
		socket.on('error', done);
		socket.on('connect', () => socket.write(line));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			done();
		});
	});
}

export interface Service {
	port: number;
	process: ChildProcess;
	stop(): Promise<void>;
}

export async function startRedis(): Promise<Service> {
	const dir = mkdtempSync(path.join(tmpdir(), 'queue-redis-'));
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ cwd: dir },
	);
	child.on('error', () => {}); // a missing binary shows as the exit below
	const output = capture(child);
	const stop = async () => {
		await stopProcess(child);
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			'redis-server',
			child,
			output,
			async () => (await tcpAsk(port, 'PING\r\n')).startsWith('+PONG'),
			30_000,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, process: child, stop };
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
}

/** The binaries of the installed PostgreSQL (the highest version when there are several). */
function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	const bin = newest ? path.join(root, newest, 'bin') : '';
	if (!bin || !existsSync(path.join(bin, 'initdb')))
		throw new Error(
			'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `bash scripts/install-platforms.sh` (npm run test:platforms does).',
		);
	return bin;
}

/**
 * PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user (through
 * `setpriv`, which execs, so the child's pid is the server's own and a signal reaches it).
 */
function asServerUser(command: string, args: string[]): [string, string[]] {
	if (userInfo().uid !== 0) return [command, args];
	return [
		'setpriv',
		['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args],
	];
}

async function run(command: string, args: string[], timeoutMs: number): Promise<void> {
	const [file, argv] = asServerUser(command, args);
	const child = spawn(file, argv);
	const output = capture(child);
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const status = await new Promise<number | null>((resolve) => {
		child.on('error', () => resolve(-1));
		child.on('close', (code) => resolve(code));
	});
	clearTimeout(timer);
	if (status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed (${status}):\n${output()}`);
}

export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	const dir = mkdtempSync(path.join(tmpdir(), 'queue-postgres-'));
	if (userInfo().uid === 0) {
		const { uid, gid } = postgresUser();
		chownSync(dir, uid, gid);
	}
	const data = path.join(dir, 'data');
	const port = await freePort();
	const user = 'n8n';
	const password = 'queue-test-password-not-a-secret';
	await run(
		path.join(bin, 'initdb'),
		['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync'],
		120_000,
	);
	const [file, argv] = asServerUser(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		dir,
		// A throwaway database: durability is not what is tested.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const child = spawn(file, argv);
	const output = capture(child);
	const stop = async () => {
		// SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for its clients.
		await stopProcess(child, 10_000, 'SIGINT');
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await waitFor(
			'postgres',
			child,
			output,
			async () => /database system is ready to accept connections/.test(output()),
			60_000,
		);
		await run(
			path.join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n'],
			30_000,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, process: child, stop, database: 'n8n', user, password };
}

function postgresUser(): { uid: number; gid: number } {
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
	return { uid, gid };
}

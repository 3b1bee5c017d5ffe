/**
 * `npm start [-- --port N --instantcard-port N --keyline-port N --user-folder DIR]`: builds the
 * package, installs the n8n runtime if it is not cached (scripts/install-n8n.sh), starts both
 * sandboxes and a real n8n 2.40.7 with this package loaded, sets up the owner account and both
 * credentials pointing at the sandboxes, and prints where to log in and the sandbox catalogue.
 *
 * This one process owns every child (build, install, n8n CLI, n8n server: each in a process group
 * of its own) and stops them all on one SIGINT or SIGTERM, whoever sends it. A failure is one line
 * on the terminal; the details go to the log file it names. State lives in the user folder
 * (.n8n-e2e/user unless --user-folder / N8N_START_USER_FOLDER: delete it to start over).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
	type WriteStream,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { createInstance, ROOT, runtime, startServer } from '../test/e2e/n8n';
import {
	describeSandboxes,
	sandboxCatalogue,
	seedTryout,
	sandboxCredentials,
	startSandboxes,
	type Sandboxes,
} from '../test/sandbox';
import { choosePorts, PortError, SANDBOX_PORTS } from './ports';

const OWNER = {
	email: 'owner@sandbox.test',
	password: 'Sandbox-Owner-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

const USAGE = `Usage: npm start [-- options]
  --port N              n8n's port (env N8N_PORT or PORT; default 5678)
  --instantcard-port N  the InstantCard sandbox's port (env INSTANTCARD_SANDBOX_PORT; default 4010)
  --keyline-port N      the Keyline sandbox's port (env KEYLINE_SANDBOX_PORT; default 4020)
  --user-folder DIR     n8n's data (env N8N_START_USER_FOLDER; default .n8n-e2e/user)
A default port that is busy is replaced by a free one; a port you choose must be free.`;

/** A failure the user can act on: printed as its message alone, no stack. */
class StartError extends Error {}

let log: WriteStream | undefined;
let logFile = '';
const writeLog = (text: string) => log?.write(text.endsWith('\n') ? text : `${text}\n`);
/** A line for the user, also in the log. */
const say = (line: string) => {
	console.log(line);
	writeLog(line);
};

const seconds = (ms: number) => {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};

// --- Children, and stopping them -------------------------------------------------------------

/** Every child still running, each the leader of its own process group. */
const children = new Set<ChildProcess>();
let stopping = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
	try {
		// The whole group: npm's and n8n's own children (npm install, task runners) too.
		process.kill(-child.pid!, signal);
	} catch {
		// already gone
	}
}

function track(child: ChildProcess): ChildProcess {
	children.add(child);
	child.once('exit', () => {
		children.delete(child);
		// Anything the child left behind in its group (e.g. a task runner) goes with it.
		killGroup(child, 'SIGKILL');
	});
	return child;
}

const exited = (child: ChildProcess) =>
	new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});

let sandboxes: Sandboxes | undefined;
let n8n: ChildProcess | undefined;

/** Stops n8n gracefully (SIGTERM, SIGKILL after 15 s), the other children at once, the sandboxes. */
async function stopAll(): Promise<void> {
	const waits = [...children].map(async (child) => {
		const deadline = setTimeout(() => killGroup(child, 'SIGKILL'), child === n8n ? 15_000 : 5_000);
		// n8n alone gets SIGTERM (it shuts its task runners down itself); the group for the rest.
		if (child === n8n) child.kill('SIGTERM');
		else killGroup(child, 'SIGTERM');
		await exited(child);
		clearTimeout(deadline);
	});
	await Promise.all(waits);
	await sandboxes?.stop();
}

function onSignal(signal: NodeJS.Signals) {
	// A terminal's Ctrl+C reaches this process and npm, which forwards it: one stop is enough.
	if (stopping) return;
	stopping = true;
	say(`\n${signal}: stopping everything npm start started...`);
	void stopAll().then(() => {
		say('Stopped.');
		log?.end(() => process.exit(0));
	});
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
// The last resort, should this process end any other way: no child outlives it.
process.on('exit', () => {
	for (const child of children) killGroup(child, 'SIGKILL');
});

/** Runs a command in its own process group, its output to the log; rejects with `what` failed. */
async function run(
	what: string,
	command: string,
	args: string[],
	options: {
		env?: NodeJS.ProcessEnv;
		cwd?: string;
		onLine?: (line: string) => void;
		/** What to do when it fails. */
		hint?: string;
	} = {},
): Promise<void> {
	writeLog(`$ ${command} ${args.join(' ')}`);
	const child = track(
		spawn(command, args, {
			cwd: options.cwd ?? ROOT,
			env: options.env ?? process.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	let pending = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		writeLog(chunk.toString());
		pending += chunk.toString();
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) options.onLine?.(line);
	});
	child.stderr!.on('data', (chunk: Buffer) => writeLog(chunk.toString()));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (status) => resolve(status));
	});
	if (stopping) await new Promise(() => {}); // the signal handler ends the process
	if (code !== 0)
		throw new StartError(
			`${what} failed (exit ${String(code)})${options.hint ? `: ${options.hint}` : ''}`,
		);
}

// --- The steps -------------------------------------------------------------------------------

/** The newest modification time of a file or of anything in a folder (its own: a deletion). */
function newest(file: string): number {
	if (!existsSync(file)) return 0;
	const stat = statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

/**
 * Whether dist/ was built after the last change to what it is built from. Rebuilding only then
 * saves a later start the build, and spares the dist/ that the n8n instances of a running
 * `npm test` load (the build begins by deleting it).
 */
function distUpToDate(): boolean {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const built = ['dist/bundle.js', ...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) =>
		path.join(ROOT, file),
	);
	if (!built.every((file) => existsSync(file))) return false;
	const sources = ['nodes', 'credentials', 'icons', 'gulpfile.js', 'tsconfig.json', 'package.json'];
	const oldestBuilt = Math.min(...built.map((file) => statSync(file).mtimeMs));
	return Math.max(...sources.map((file) => newest(path.join(ROOT, file)))) < oldestBuilt;
}

/** What the runtime's lockfile pins, e.g. "n8n 2.40.7 on Node 24.11.1". */
function runtimeLabel(): string {
	const lockFile = path.join(ROOT, 'test', 'e2e', 'runtime', 'package-lock.json');
	const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
		packages: Record<string, { version: string }>;
	};
	return `n8n ${lock.packages['node_modules/n8n'].version} on Node ${lock.packages['node_modules/node'].version}`;
}

/** Installs the runtime unless it is cached; says which, and how long it took. */
async function installRuntime(): Promise<string> {
	const label = runtimeLabel();
	const started = Date.now();
	let installing = false;
	// Progress while it installs (the first time several minutes of npm without output).
	const ticker = setInterval(() => {
		if (installing) say(`  still installing ${label} … ${seconds(Date.now() - started)}`);
	}, 15_000);
	try {
		await run(
			'Installing the n8n runtime (scripts/install-n8n.sh)',
			'bash',
			[path.join(ROOT, 'scripts', 'install-n8n.sh')],
			{
				onLine: (line) => {
					if (line.startsWith('Installing')) installing = true;
					// The script's own lines: what it installs and where, or that the cache is reused.
					if (/^(Installing|n8n runtime)/.test(line)) say(line);
				},
				hint: 'it needs the npm registry and ~3 GB of disk; then run npm start again',
			},
		);
	} finally {
		clearInterval(ticker);
	}
	const time = seconds(Date.now() - started);
	if (installing) say(`${label} installed in ${time}`);
	return installing ? `n8n installed in ${time}` : 'n8n install cached';
}

async function main() {
	const started = Date.now();
	let args;
	try {
		args = parseArgs({
			options: {
				port: { type: 'string' },
				'instantcard-port': { type: 'string' },
				'keyline-port': { type: 'string' },
				'user-folder': { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		}).values;
	} catch (error) {
		throw new StartError(`${(error as Error).message}\n${USAGE}`);
	}
	if (args.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const userFolder = path.resolve(
		args['user-folder'] ?? process.env.N8N_START_USER_FOLDER ?? path.join(ROOT, '.n8n-e2e', 'user'),
	);
	mkdirSync(userFolder, { recursive: true });
	logFile = path.join(userFolder, 'start.log');
	log = createWriteStream(logFile);
	writeLog(`npm start, ${new Date().toISOString()}, user folder ${userFolder}`);

	const [n8nPort, instantCardPort, keylinePort] = await choosePorts(
		[
			[{ name: 'n8n', flag: 'port', env: ['N8N_PORT', 'PORT'], fallback: 5678 }, args.port],
			[SANDBOX_PORTS.instantCard, args['instantcard-port']],
			[SANDBOX_PORTS.keyline, args['keyline-port']],
		],
		say,
	);

	// How long each step took, for the last line.
	const times: string[] = [];
	let stepStart = Date.now();
	const took = (step: string) => {
		times.push(`${step} ${seconds(Date.now() - stepStart)}`);
		stepStart = Date.now();
	};

	if (distUpToDate()) {
		say('The package is built already (dist/ is newer than its sources)');
		times.push('build up to date');
	} else {
		say('Building the package (npm run build)...');
		await run('Building the package (npm run build)', 'npm', ['run', 'build', '--silent'], {
			hint: 'the log has the compiler errors; did `npm install --ignore-scripts` run?',
		});
		took('build');
	}
	times.push(await installRuntime());
	stepStart = Date.now();
	const rt = runtime();

	try {
		sandboxes = await startSandboxes({ instantCard: instantCardPort, keyline: keylinePort });
		seedTryout(sandboxes);
	} catch (error) {
		writeLog(String((error as Error).stack));
		throw new StartError(
			`the sandboxes could not start on ports ${instantCardPort} and ${keylinePort}: ${(error as Error).message}`,
		);
	}

	say(`Starting n8n on port ${n8nPort}...`);
	const instance = await createInstance(userFolder, rt, {
		N8N_PORT: String(n8nPort),
		N8N_LOG_LEVEL: 'info',
	});
	// The credentials point at this start's sandbox URLs; importing with the same IDs again
	// overwrites those of an earlier start (which may have had other ports).
	const credentialsFile = path.join(userFolder, 'sandbox-credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandboxes)));
	await run(
		'Importing the sandbox credentials into n8n (n8n import:credentials)',
		rt.node,
		[rt.n8nBin, 'import:credentials', `--input=${credentialsFile}`],
		{
			env: instance.env,
			cwd: userFolder,
			hint: `delete ${userFolder} to start over if its database is damaged`,
		},
	);

	try {
		n8n = await startServer(instance, writeLog, {
			detached: true,
			spawned: (child) => {
				n8n = track(child);
			},
		});
	} catch (error) {
		if (stopping) await new Promise(() => {});
		writeLog(String((error as Error).stack));
		throw new StartError(`n8n did not start: ${(error as Error).message}`);
	}
	n8n.once('exit', (code, signal) => {
		if (stopping) return;
		say(`n8n stopped on its own (${String(code ?? signal)}): see ${logFile}`);
		void stopAll().then(() => log?.end(() => process.exit(1)));
	});

	const base = `http://127.0.0.1:${n8nPort}`;
	// Owner setup answers 400 once an owner exists (a later start): then logging in tells whether
	// the owner is still the one printed below.
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	const login =
		setup.ok ||
		(
			await fetch(`${base}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			})
		).ok;

	say(`\nn8n with n8n-nodes-instantcard-keyline is running: ${base}`);
	if (login) say(`Log in as ${OWNER.email} / ${OWNER.password}`);
	else
		say(
			`The owner of ${userFolder} is not ${OWNER.email} / ${OWNER.password} any more: delete that folder to start over`,
		);
	say('Credentials "InstantCard sandbox" and "Keyline sandbox" are already set up.\n');
	say(describeSandboxes(sandboxes));
	say(`\n${sandboxCatalogue(sandboxes)}`);
	took('n8n');
	say(`\nReady in ${seconds(Date.now() - started)} (${times.join(', ')}). Log: ${logFile}`);
	say('Ctrl+C stops n8n and the sandboxes.');
}

void main().catch((error: unknown) => {
	if (stopping) return;
	const known = error instanceof StartError || error instanceof PortError;
	writeLog(String((error as Error)?.stack ?? error));
	const message = known
		? (error as Error).message
		: `npm start failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`;
	console.error(logFile ? `${message} (details: ${logFile})` : message);
	void stopAll().then(() => (log ? log.end(() => process.exit(1)) : process.exit(1)));
});

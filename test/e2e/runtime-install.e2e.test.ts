/**
 * Two installs of one n8n runtime at once (`npm start` in one terminal and `npm test` in another,
 * on a fresh machine) must not delete each other's files: the second waits for the first, then
 * uses its install. A running install is stood in for by holding its lock, as the script does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CACHE_ROOT =
	process.env.N8N_RUNTIME_CACHE ||
	path.join(
		process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
		'n8n-nodes-instantcard-keyline',
	);
const LOCK = path.join(CACHE_ROOT, 'runtime.lock');

jest.setTimeout(60_000);

const held = () => spawnSync('flock', ['-n', LOCK, 'true']).status !== 0;

it('a second install of a runtime waits for the one running, then uses its install', async () => {
	// The default runtime is installed by now (scripts/test.sh installs it before the tests).
	const holder = spawn('flock', [LOCK, 'sleep', '3']);
	try {
		for (let i = 0; i < 50 && !held(); i++) await new Promise((r) => setTimeout(r, 100));
		expect(held()).toBe(true);
		const started = Date.now();
		const install = spawn('bash', ['scripts/install-n8n.sh'], { cwd: ROOT });
		let out = '';
		install.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		install.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => install.on('close', resolve));
		expect(code).toBe(0);
		expect(out).toContain(
			"Another install of runtime 'default' is running (another npm start or npm test?): waiting for it to finish...",
		);
		expect(out).toMatch(/n8n runtime 'default' \(.*\) already installed in /);
		// It went on only once the lock was free, and then did not install again.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
		expect(out).not.toContain('Installing runtime');
	} finally {
		holder.kill();
	}
});

/**
 * `npm run sandbox` as a newcomer runs it: beside a busy default port (`npm start` already
 * running, say) it takes a free one and says so; a busy port they chose is one line, no stack.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { occupy, portOf } from '../harness/ports';

const ROOT = path.resolve(__dirname, '../..');

jest.setTimeout(60_000);

/** Runs the CLI until `until` appears in its output (then SIGINT) or it exits. */
async function sandboxCli(args: string[], until?: string) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'test/sandbox/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, INSTANTCARD_SANDBOX_PORT: '', KEYLINE_SANDBOX_PORT: '' },
	});
	let out = '';
	let err = '';
	let answered: number | undefined;
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
		if (until && out.includes(until) && answered === undefined) {
			answered = 0;
			// While it runs, the printed InstantCard URL answers.
			const url = /URL: +(http:\/\/127\.0\.0\.1:\d+\/api\/v2)\n/.exec(out)?.[1];
			void fetch(`${url}/authenticate`, { method: 'POST' })
				.then((response) => (answered = response.status))
				.catch(() => (answered = -1))
				.finally(() => child.kill('SIGINT'));
		}
	});
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return { code, out, err, answered };
}

describe('npm run sandbox', () => {
	it('takes a free port for a busy default, says so, prints it, and stops on Ctrl+C', async () => {
		const busy = await occupy(4010); // undefined when 4010 is busy already: as good
		try {
			const run = await sandboxCli([], 'The sandboxes run until you press Ctrl+C.');
			const port = Number(/the InstantCard sandbox uses (\d+) instead/.exec(run.out)?.[1]);
			expect(port).toBeGreaterThan(0);
			expect(port).not.toBe(4010);
			expect(run.out).toContain(`http://127.0.0.1:${port}/api/v2`);
			expect(run.answered).toBeGreaterThanOrEqual(400); // the emulator's refusal of an empty login
			expect(run.code).toBe(0);
		} finally {
			busy?.close();
		}
	});

	it('a busy port the user chose is one line, no stack, and nothing starts', async () => {
		const busy = (await occupy(0))!;
		try {
			const run = await sandboxCli(['--keyline-port', String(portOf(busy))]);
			expect(run.code).toBe(1);
			expect(run.err.trim()).toBe(
				`npm run sandbox: port ${portOf(busy)} (the Keyline sandbox, from --keyline-port) is in use: free it or choose another port`,
			);
			expect(run.out).toBe('');
		} finally {
			busy.close();
		}
	});
});

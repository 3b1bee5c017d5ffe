/**
 * `npm start`: the main job on a fresh machine. Builds nothing itself (npm start runs the build
 * first), starts both sandboxes, starts a real n8n 2.40.7 with this package loaded, creates the
 * owner account and both credentials pointing at the sandboxes, and prints where to log in.
 * State lives in .n8n-e2e/user (delete it to start over).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { createInstance, importCredentials, ROOT, startServer } from '../test/e2e/n8n';
import { describeSandboxes, sandboxCredentials, startSandboxes } from '../test/sandbox';

const OWNER = {
	email: 'owner@sandbox.test',
	password: 'Sandbox-Owner-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

async function main() {
	const port = Number(process.env.PORT ?? 5678);
	const sandboxes = await startSandboxes({ instantCard: 4010, keyline: 4020 });
	const userFolder = path.join(ROOT, '.n8n-e2e', 'user');
	mkdirSync(userFolder, { recursive: true });
	const instance = await createInstance(userFolder);
	instance.env.N8N_PORT = String(port);
	instance.env.N8N_LOG_LEVEL = 'info';
	await importCredentials(instance, sandboxCredentials(sandboxes));
	const n8n = await startServer(instance);
	const base = `http://127.0.0.1:${port}`;
	// Owner setup answers 400 once an owner exists (a second start): that is fine.
	await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	console.log(`\nn8n with n8n-nodes-instantcard-keyline is running: ${base}`);
	console.log(`Log in as ${OWNER.email} / ${OWNER.password}`);
	console.log('Credentials "InstantCard sandbox" and "Keyline sandbox" are already set up.\n');
	console.log(describeSandboxes(sandboxes));
	console.log('\nCtrl+C stops n8n and the sandboxes.');
	// n8n shuts down gracefully on SIGTERM; give it 10 s, then make sure it is gone.
	const stop = () => {
		const killer = setTimeout(() => n8n.kill('SIGKILL'), 10_000);
		n8n.once('exit', () => clearTimeout(killer));
		n8n.kill('SIGTERM');
	};
	process.on('exit', () => n8n.kill('SIGKILL'));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.on('exit', (code, signal) => {
		console.log(`n8n stopped (${String(code ?? signal)})`);
		void sandboxes.stop().then(() => process.exit(code ?? 1));
	});
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

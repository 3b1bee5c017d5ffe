/**
 * `npm run sandbox [-- --instantcard-port N --keyline-port N]`: starts both emulators on
 * 127.0.0.1 and prints the credential values to enter in n8n and the sandbox catalogue (the IDs
 * they accept). Ports as `npm start` takes them (flags, INSTANTCARD_SANDBOX_PORT and
 * KEYLINE_SANDBOX_PORT, else 4010 and 4020 or free ones when those are busy). Ctrl+C stops them.
 */
import { parseArgs } from 'node:util';

import { choosePorts, PortError, SANDBOX_PORTS } from '../../scripts/ports';
import { describeSandboxes, sandboxCatalogue, seedTryout, startSandboxes } from './index';

async function main() {
	const args = parseArgs({
		options: { 'instantcard-port': { type: 'string' }, 'keyline-port': { type: 'string' } },
	}).values;
	const [instantCard, keyline] = await choosePorts(
		[
			[SANDBOX_PORTS.instantCard, args['instantcard-port']],
			[SANDBOX_PORTS.keyline, args['keyline-port']],
		],
		(line) => console.log(line),
	);
	const sandboxes = await startSandboxes({ instantCard, keyline });
	seedTryout(sandboxes);
	console.log(describeSandboxes(sandboxes));
	console.log(`\n${sandboxCatalogue(sandboxes)}`);
	console.log('\nThe sandboxes run until you press Ctrl+C.');
	const stop = () => void sandboxes.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
	// A port or an argument the user can fix: one line, no stack.
	const known =
		error instanceof PortError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
	console.error(known ? `npm run sandbox: ${(error as Error).message}` : error);
	process.exit(1);
});

/**
 * `npm run sandbox [-- --instantcard-port N --keyline-port N]`: starts both emulators on
 * 127.0.0.1 and prints the credential values to enter in n8n and the sandbox catalogue (the IDs
 * they accept). Ctrl+C stops them.
 */
import { describeSandboxes, sandboxCatalogue, seedTryout, startSandboxes } from './index';

function portArg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > -1 ? Number(process.argv[index + 1]) : fallback;
}

async function main() {
	const sandboxes = await startSandboxes({
		instantCard: portArg('instantcard-port', 4010),
		keyline: portArg('keyline-port', 4020),
	});
	seedTryout(sandboxes);
	console.log(describeSandboxes(sandboxes));
	console.log(`\n${sandboxCatalogue(sandboxes)}`);
	console.log('\nThe sandboxes run until you press Ctrl+C.');
	const stop = () => void sandboxes.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

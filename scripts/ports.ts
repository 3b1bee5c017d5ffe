/**
 * Ports for `npm start` and `npm run sandbox`. A port the user chose (a flag or an environment
 * variable) must be free: a busy one is a one-line error, said before anything starts. A default
 * that is busy is replaced by a free one (the next few first, so the URL stays recognisable) and
 * a line says so.
 */
import { createServer } from 'node:net';

import { freePort } from '../test/e2e/n8n';

/** A failure the user can act on: printed as its message alone, no stack. */
export class PortError extends Error {}

export interface PortChoice {
	/** What listens there, as a line names it: "n8n", "the Keyline sandbox". */
	name: string;
	/** The command-line flag, without its dashes. */
	flag: string;
	/** Environment variables that set it, the first one set wins. */
	env: string[];
	fallback: number;
}

export async function isFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** The flag's port, else the first environment variable's; undefined when the user chose none. */
function given(choice: PortChoice, flagValue: string | undefined) {
	if (flagValue !== undefined) return { value: flagValue, source: `--${choice.flag}` };
	const envName = choice.env.find((name) => process.env[name]);
	return envName ? { value: process.env[envName]!, source: envName } : undefined;
}

/**
 * One port for each choice, in their order: first the ports the user chose (so a busy one fails
 * before anything else is said), then the defaults, each replaced by a free port when busy or
 * already taken by another choice. `say` prints each replacement.
 */
export async function choosePorts(
	choices: Array<[PortChoice, string | undefined]>,
	say: (line: string) => void,
): Promise<number[]> {
	const ports = new Map<PortChoice, number>();
	const taken = new Set<number>();
	for (const [choice, flagValue] of choices) {
		const chosen = given(choice, flagValue);
		if (!chosen) continue;
		const port = Number(chosen.value);
		if (!Number.isInteger(port) || port < 1 || port > 65535)
			throw new PortError(
				`${chosen.source} is "${chosen.value}": give a port number from 1 to 65535`,
			);
		const other = [...ports].find(([, used]) => used === port)?.[0];
		if (other)
			throw new PortError(
				`port ${port} (${choice.name}, from ${chosen.source}) is chosen for ${other.name} too: give each its own port`,
			);
		if (!(await isFree(port)))
			throw new PortError(
				`port ${port} (${choice.name}, from ${chosen.source}) is in use: free it or choose another port`,
			);
		ports.set(choice, port);
		taken.add(port);
	}
	for (const [choice] of choices) {
		if (ports.has(choice)) continue;
		const usable = async (port: number) => !taken.has(port) && (await isFree(port));
		let port = (await usable(choice.fallback)) ? choice.fallback : 0;
		for (let next = choice.fallback + 1; next <= choice.fallback + 20 && !port; next++)
			if (await usable(next)) port = next;
		while (!port) {
			const free = await freePort();
			if (!taken.has(free)) port = free;
		}
		if (port !== choice.fallback)
			say(`port ${choice.fallback} is in use; ${choice.name} uses ${port} instead`);
		ports.set(choice, port);
		taken.add(port);
	}
	return choices.map(([choice]) => ports.get(choice)!);
}

/** The two sandboxes' ports, as `npm start` and `npm run sandbox` take them. */
export const SANDBOX_PORTS = {
	instantCard: {
		name: 'the InstantCard sandbox',
		flag: 'instantcard-port',
		env: ['INSTANTCARD_SANDBOX_PORT'],
		fallback: 4010,
	},
	keyline: {
		name: 'the Keyline sandbox',
		flag: 'keyline-port',
		env: ['KEYLINE_SANDBOX_PORT'],
		fallback: 4020,
	},
} satisfies Record<string, PortChoice>;

/**
 * The sandboxes a test runs against and the credentials that point at them, in one place: a
 * `describe` block calls `useInstantCardSandbox()` / `useKeylineSandbox()` once and gets a
 * sandbox started before its tests and stopped after them.
 */
import {
	INSTANTCARD_SANDBOX_LOGIN,
	InstantCardSandbox,
	type InstantCardSandboxOptions,
} from '../sandbox/instantcard';
import {
	KEYLINE_SANDBOX_API_KEY,
	KeylineSandbox,
	type KeylineSandboxOptions,
} from '../sandbox/keyline';
import type { StoredCredential } from './credentials-helper';

/** The InstantCard credential as n8n stores it, logging in to `sandbox` (no token yet). */
export function instantCardCredential(
	sandbox: InstantCardSandbox,
	overrides: Record<string, string> = {},
): StoredCredential {
	return {
		id: 'ic1',
		name: 'InstantCard sandbox',
		type: 'instantCardApi',
		data: {
			environment: 'custom',
			url: sandbox.baseUrl,
			email: INSTANTCARD_SANDBOX_LOGIN.email,
			password: INSTANTCARD_SANDBOX_LOGIN.password,
			organizationId: INSTANTCARD_SANDBOX_LOGIN.organizationId,
			sessionToken: '',
			...overrides,
		},
	};
}

/** The Keyline credential as n8n stores it, with the sandbox's API key. */
export function keylineCredential(
	sandbox: KeylineSandbox,
	overrides: Record<string, string> = {},
): StoredCredential {
	return {
		id: 'kl1',
		name: 'Keyline sandbox',
		type: 'keylineApi',
		data: { apiKey: KEYLINE_SANDBOX_API_KEY, baseUrl: sandbox.baseUrl, ...overrides },
	};
}

/** An InstantCard sandbox for the enclosing `describe`: started in `beforeAll`, stopped in `afterAll`. */
export function useInstantCardSandbox(options?: InstantCardSandboxOptions): InstantCardSandbox {
	const sandbox = new InstantCardSandbox(options);
	beforeAll(async () => await sandbox.start());
	afterAll(async () => await sandbox.stop());
	return sandbox;
}

/** A Keyline sandbox for the enclosing `describe`: started in `beforeAll`, stopped in `afterAll`. */
export function useKeylineSandbox(options?: KeylineSandboxOptions): KeylineSandbox {
	const sandbox = new KeylineSandbox(options);
	beforeAll(async () => await sandbox.start());
	afterAll(async () => await sandbox.stop());
	return sandbox;
}

/** Both sandboxes for the enclosing `describe`, started and stopped together. */
export function useSandboxes(
	options: { instantCard?: InstantCardSandboxOptions; keyline?: KeylineSandboxOptions } = {},
) {
	const ic = new InstantCardSandbox(options.instantCard);
	const kl = new KeylineSandbox(options.keyline);
	beforeAll(async () => await Promise.all([ic.start(), kl.start()]));
	afterAll(async () => await Promise.all([ic.stop(), kl.stop()]));
	return { ic, kl };
}

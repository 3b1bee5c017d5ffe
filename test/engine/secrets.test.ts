/**
 * A server that answers 500 with the request echoed back (debug pages and proxies do) must not
 * get the session token, the API key or the password into anything n8n keeps or shows: the
 * error's message, description, context, cause and JSON, the run data, Continue-On-Fail output
 * items, or n8n's log lines.
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import { LoggerProxy } from 'n8n-workflow';

import { INSTANTCARD_SANDBOX_LOGIN } from '../sandbox/instantcard';
import { KEYLINE_SANDBOX_API_KEY } from '../sandbox/keyline';
import { createCredentialsHelper, runNode, testCredential } from '../harness/run';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';

/** Every log line n8n writes during the test, as text. */
const logLines: string[] = [];
const capture = (level: string) => (message: string, meta?: unknown) => {
	logLines.push(
		`${level} ${message} ${JSON.stringify(meta, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v)) ?? ''}`,
	);
};
const logger = {
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
	verbose: capture('verbose'),
	scoped: () => logger,
};

/** Everything about an error that n8n stores or shows. */
function everyPlace(error: unknown): string {
	const e = (error ?? {}) as Record<string, unknown> & { toJSON?: () => unknown };
	return JSON.stringify({
		message: e.message,
		description: e.description,
		context: e.context,
		cause: e.cause,
		json: typeof e.toJSON === 'function' ? e.toJSON() : undefined,
		all: e,
	});
}

/** The spellings a leak could take. */
function spellings(secret: string): string[] {
	return [
		secret,
		encodeURIComponent(secret),
		JSON.stringify(secret).slice(1, -1),
		Buffer.from(secret).toString('base64'),
	];
}

function expectNoSecret(text: string, secrets: string[]) {
	for (const secret of secrets)
		for (const spelling of spellings(secret)) expect(text).not.toContain(spelling);
}

describe('secrets in what a server echoes', () => {
	beforeAll(() => {
		LoggerProxy.init(logger as never);
		Container.set(Logger, logger as never);
	});
	const { ic, kl } = useSandboxes();
	beforeEach(() => {
		ic.reset();
		kl.reset();
		logLines.length = 0;
	});

	it.each(['json', 'text', 'html'] as const)(
		'InstantCard: a 500 echoing an operation request (%s) leaks no token or password',
		async (format) => {
			const helper = await createCredentialsHelper();
			const credentials = [instantCardCredential(ic)];
			await runNode({
				type: 'instantCard',
				parameters: { resource: 'profile', operation: 'get' },
				credentials,
				helper,
			});
			const token = String(helper.store.get('ic1')!.data.sessionToken);
			expect(token.length).toBeGreaterThan(20);
			ic.addFault({ kind: 'echo', format, path: '/profile/me$', times: 2 });
			const failed = await runNode({
				type: 'instantCard',
				parameters: { resource: 'profile', operation: 'get' },
				credentials,
				helper,
			});
			expect(failed.error?.httpCode).toBe('500');
			const withContinue = await runNode({
				type: 'instantCard',
				parameters: { resource: 'profile', operation: 'get' },
				credentials,
				helper,
				continueOnFail: true,
			});
			expect(withContinue.items[0].json.error).toBeDefined();
			// The echo really held the token: the leak was there to be scrubbed.
			expect(ic.requestsTo('GET', '/api/v2/profile/me').at(-1)!.headers.authorization).toBe(
				`bearer ${token}`,
			);
			const secrets = [token, INSTANTCARD_SANDBOX_LOGIN.password];
			expectNoSecret(everyPlace(failed.error), secrets);
			expectNoSecret(JSON.stringify(failed.run), secrets);
			expectNoSecret(JSON.stringify(withContinue.items), secrets);
			expectNoSecret(JSON.stringify(withContinue.run), secrets);
			expectNoSecret(logLines.join('\n'), secrets);
		},
	);

	it('InstantCard: a 500 echoing the login (form body with the password) leaks nothing, in a run and in a Test', async () => {
		ic.addFault({ kind: 'echo', format: 'text', path: '/authenticate$', times: 2 });
		const failed = await runNode({
			type: 'instantCard',
			parameters: { resource: 'profile', operation: 'get' },
			credentials: [instantCardCredential(ic)],
		});
		expect(failed.error?.message).toMatch(/^InstantCard answered the login with HTTP 500/);
		const verdict = await testCredential('instantCardApi', instantCardCredential(ic).data);
		expect(verdict.status).toBe('Error');
		const secrets = [INSTANTCARD_SANDBOX_LOGIN.password];
		expectNoSecret(everyPlace(failed.error), secrets);
		expectNoSecret(JSON.stringify(failed.run), secrets);
		expectNoSecret(verdict.message, secrets);
		expectNoSecret(logLines.join('\n'), secrets);
	});

	it.each(['json', 'text', 'html'] as const)(
		'Keyline: a 500 echoing an operation request (%s) leaks no API key',
		async (format) => {
			const order = kl.seedOrder();
			const credentials = [keylineCredential(kl)];
			kl.addFault({ kind: 'echo', format, path: '/orders/', times: 2 });
			const failed = await runNode({
				type: 'keyline',
				parameters: { resource: 'order', operation: 'get', orderId: String(order.id) },
				credentials,
			});
			expect(failed.error?.httpCode).toBe('500');
			const withContinue = await runNode({
				type: 'keyline',
				parameters: { resource: 'order', operation: 'get', orderId: String(order.id) },
				credentials,
				continueOnFail: true,
			});
			const secrets = [KEYLINE_SANDBOX_API_KEY];
			expectNoSecret(everyPlace(failed.error), secrets);
			expectNoSecret(JSON.stringify(failed.run), secrets);
			expectNoSecret(JSON.stringify(withContinue.items), secrets);
			expectNoSecret(logLines.join('\n'), secrets);
		},
	);

	it('Keyline: a key check answered with an echo leaks no key', async () => {
		kl.addFault({ kind: 'echo', status: 404, format: 'text', path: '/carts/0$', times: 3 });
		const verdict = await testCredential(
			'keylineApi',
			keylineCredential(kl, { apiKey: 'b'.repeat(64) }).data,
		);
		expect(verdict.status).toBe('Error');
		expectNoSecret(verdict.message, ['b'.repeat(64)]);
		expectNoSecret(logLines.join('\n'), ['b'.repeat(64)]);
	});
});

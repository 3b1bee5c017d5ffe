/**
 * The InstantCard credential through n8n-core's engine: bearer header, one login for many
 * parallel items, one re-login when the token expires mid-run, failed logins said plainly.
 */
import { INSTANTCARD_SANDBOX_LOGIN, InstantCardSandbox } from '../sandbox/instantcard';
import { createCredentialsHelper, runNode, testCredential } from '../harness/run';
import { instantCardCredential } from '../harness/sandboxes';
import { everythingVisible } from './fixtures';

const profileGet = { resource: 'profile', operation: 'get' };
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i }));
/** Profile → Get through n8n-core, with these items, credentials and helper. */
const getProfile = (options: Omit<Parameters<typeof runNode>[0], 'type' | 'parameters'>) =>
	runNode({ type: 'instantCard', parameters: profileGet, ...options });

describe('InstantCard API credential', () => {
	// A fresh server per test, as if n8n met this InstantCard for the first time: tokens a
	// previous test obtained are unknown to it.
	let sandbox: InstantCardSandbox;
	beforeEach(async () => {
		sandbox = new InstantCardSandbox({ tokenLifetimeSeconds: 1800 });
		await sandbox.start();
	});
	afterEach(async () => await sandbox.stop());

	it('logs in once and sends "Authorization: bearer <token>"', async () => {
		const {
			items: out,
			error,
			helper,
		} = await getProfile({
			credentials: [instantCardCredential(sandbox)],
		});
		expect(error).toBeUndefined();
		expect(out[0].json.email).toBe(INSTANTCARD_SANDBOX_LOGIN.email);
		const [login] = sandbox.requestsTo('POST', '/api/v2/authenticate');
		expect(login.form).toEqual({
			email: INSTANTCARD_SANDBOX_LOGIN.email,
			password: INSTANTCARD_SANDBOX_LOGIN.password,
		});
		const [profile] = sandbox.requestsTo('GET', '/api/v2/profile/me');
		expect(profile.headers.authorization).toMatch(/^bearer [\w-]+\.[\w-]+\.[\w-]+$/);
		// The token is stored in the credential as n8n's database would, for later executions.
		expect(helper.store.get('ic1')?.data.sessionToken).toBe(profile.headers.authorization.slice(7));
		expect(everythingVisible(out)).not.toContain(INSTANTCARD_SANDBOX_LOGIN.password);
	});

	it('logs in once for 25 items processed at once', async () => {
		const { items: out, error } = await getProfile({
			items: items(25),
			credentials: [
				instantCardCredential(sandbox, { password: INSTANTCARD_SANDBOX_LOGIN.password }),
			],
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(25);
		expect(sandbox.loginCount).toBe(1);
		const tokens = new Set(
			sandbox.requestsTo('GET', '/api/v2/profile/me').map((r) => r.headers.authorization),
		);
		expect(tokens.size).toBe(1);
	});

	it('reuses the stored token in the next execution, and logs in once again after it expired', async () => {
		const helper = await createCredentialsHelper();
		const credentials = [instantCardCredential(sandbox)];
		await getProfile({ items: items(3), credentials, helper });
		await getProfile({ items: items(3), credentials, helper });
		expect(sandbox.loginCount).toBe(1);

		sandbox.clock.advance(1801 * 1000); // past the token's lifetime
		const { items: out, error } = await getProfile({ items: items(25), credentials, helper });
		expect(error).toBeUndefined();
		expect(out).toHaveLength(25);
		expect(sandbox.loginCount).toBe(2);
		const profiles = sandbox.requestsTo('GET', '/api/v2/profile/me');
		expect(profiles.filter((r) => r.status === 401)).toHaveLength(25);
		expect(profiles.filter((r) => r.status === 200)).toHaveLength(6 + 25);
	});

	it('logs in exactly once more when the token expires in the middle of a 25-item run', async () => {
		const helper = await createCredentialsHelper();
		const credentials = [instantCardCredential(sandbox)];
		await getProfile({ credentials, helper });
		expect(sandbox.loginCount).toBe(1);
		// The 11th request finds its token expired; the ones after it present the same token.
		sandbox.addFault({ kind: 'expireToken', path: '/profile/me', skip: 10 });
		const { items: out, error } = await getProfile({ items: items(25), credentials, helper });
		expect(error).toBeUndefined();
		expect(out).toHaveLength(25);
		expect(out.every((item) => item.json.email === INSTANTCARD_SANDBOX_LOGIN.email)).toBe(true);
		expect(sandbox.loginCount).toBe(2);
	});

	it.each(['401', '200'] as const)(
		'says a refused login (server answering %s) plainly, without the password',
		async (mode) => {
			sandbox.configure({ loginFailure: mode });
			const wrong = 'Wrong-Secret-Pass-123';
			const { error, items: out } = await getProfile({
				items: items(3),
				credentials: [instantCardCredential(sandbox, { password: wrong })],
			});
			expect(out).toHaveLength(0);
			expect(error?.message).toBe(
				`InstantCard refused the login for ${INSTANTCARD_SANDBOX_LOGIN.email}: "Invalid Email/Password". Check the email and password of the credential.`,
			);
			expect(everythingVisible(error)).not.toContain(wrong);
			// One failed login, not one per item: the items shared it.
			expect(sandbox.loginCount).toBe(1);
			expect(sandbox.requestsTo('GET', '/api/v2/profile/me')).toHaveLength(0);
		},
	);

	it('checks the organization ID before logging in', async () => {
		const { error } = await getProfile({
			credentials: [instantCardCredential(sandbox, { organizationId: 'acme' })],
		});
		expect(error?.message).toMatch(/organization ID must be a number/);
		expect(sandbox.loginCount).toBe(0);
	});

	it('passes the credential test by logging in and reading the organization, and fails it for a wrong password', async () => {
		const good = await testCredential('instantCardApi', instantCardCredential(sandbox).data);
		expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.loginCount).toBe(1);
		expect(sandbox.requestsTo('GET', '/api/v2/organizations/20003827')).toHaveLength(1);
		const bad = await testCredential(
			'instantCardApi',
			instantCardCredential(sandbox, { password: 'nope-123456' }).data,
		);
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/refused the login/);
		expect(bad.message).not.toContain('nope-123456');
	});

	it('says which URL could not be reached', async () => {
		const { error } = await getProfile({
			credentials: [instantCardCredential(sandbox, { url: 'http://127.0.0.1:1/api/v2' })],
		});
		expect(error?.message).toBe(
			"Could not reach InstantCard at http://127.0.0.1:1/api/v2 (connection refused). Check the credential's environment/URL and the network.",
		);
	});
});

/**
 * Both credentials' "Test" button in a real n8n: `POST /rest/credentials/test`, which runs
 * n8n's own CredentialsTester (RoutingNode, preAuthentication, redaction) against the sandboxes.
 */
import {
	INSTANTCARD_SANDBOX_LOGIN,
	KEYLINE_SANDBOX_API_KEY,
	startSandboxes,
	type Sandboxes,
} from '../sandbox';
import { N8nClient } from './client';

jest.setTimeout(240_000);

describe('credential tests in a real n8n', () => {
	let sandboxes: Sandboxes;
	let n8n: N8nClient;

	beforeAll(async () => {
		sandboxes = await startSandboxes();
		n8n = await N8nClient.start();
	});
	afterAll(async () => {
		n8n?.stop();
		await sandboxes?.stop();
	});

	let lastId = '';
	/** Saves and tests a credential, as the editor does; remembers its ID for `retest`. */
	const test = async (type: string, data: Record<string, unknown>) => {
		const { id, ...result } = await n8n.testCredential(type, data);
		lastId = id;
		return result;
	};
	/** Tests a saved credential again after changing some of its values, as the editor does. */
	const retest = async (id: string, type: string, data: Record<string, unknown>) => {
		const { status, message } = await n8n.testCredential(type, data, id);
		return { status, message };
	};

	const instantCard = (overrides: Record<string, unknown> = {}) => ({
		environment: 'custom',
		url: sandboxes.instantCard.baseUrl,
		email: INSTANTCARD_SANDBOX_LOGIN.email,
		password: INSTANTCARD_SANDBOX_LOGIN.password,
		organizationId: INSTANTCARD_SANDBOX_LOGIN.organizationId,
		...overrides,
	});
	const keyline = (overrides: Record<string, unknown> = {}) => ({
		apiKey: KEYLINE_SANDBOX_API_KEY,
		baseUrl: sandboxes.keyline.baseUrl,
		...overrides,
	});

	it('InstantCard: logs in and reads the organization; a wrong password is said plainly', async () => {
		expect(await test('instantCardApi', instantCard())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(
			sandboxes.instantCard.requestsTo('GET', '/api/v2/organizations/20003827').at(-1)?.status,
		).toBe(200);
		const bad = await test('instantCardApi', instantCard({ password: 'Not-The-Password-9' }));
		expect(bad.status).toBe('Error');
		expect(bad.message).toContain('InstantCard refused the login for cards@sandbox.test');
		expect(bad.message).not.toContain('Not-The-Password-9');
	});

	it('Keyline: accepted key, wrong format, rejected key, unreachable URL and wrong URL each read differently', async () => {
		expect(await test('keylineApi', keyline())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(
			(await test('keylineApi', keyline({ apiKey: KEYLINE_SANDBOX_API_KEY.slice(2) }))).message,
		).toContain('62 characters instead of 64');
		expect((await test('keylineApi', keyline({ apiKey: 'a'.repeat(64) }))).message).toContain(
			'Keyline rejected this API key (403',
		);
		expect(
			(await test('keylineApi', keyline({ baseUrl: 'http://127.0.0.1:1/api/v2/inbox' }))).message,
		).toContain('Could not reach Keyline at http://127.0.0.1:1/api/v2/inbox (connection refused)');
		expect(
			(await test('keylineApi', keyline({ baseUrl: `${sandboxes.keyline.url}/api/v1` }))).message,
		).toMatch(/is not a Keyline Inbox API: it answered with a web page \(HTML\)/);
	});

	it('a Test after first use checks the values in the form every time, in the real n8n', async () => {
		// InstantCard: the first Test stores a session token; a wrong password must not reuse it.
		expect((await test('instantCardApi', instantCard())).status).toBe('OK');
		const icId = lastId;
		const logins = sandboxes.instantCard.loginCount;
		const wrong = await retest(
			icId,
			'instantCardApi',
			instantCard({ password: 'Changed-Wrong-Pass-1' }),
		);
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain('InstantCard refused the login');
		expect(sandboxes.instantCard.loginCount).toBe(logins + 1);
		expect(
			(await retest(icId, 'instantCardApi', instantCard({ organizationId: '999' }))).message,
		).toMatch(/no organization with this Organization ID/);
		// Keyline: a key or URL changed after a passed Test is checked again.
		expect((await test('keylineApi', keyline())).status).toBe('OK');
		const klId = lastId;
		expect((await retest(klId, 'keylineApi', keyline({ apiKey: 'not-a-key' }))).message).toMatch(
			/characters a key never has/,
		);
		expect((await retest(klId, 'keylineApi', keyline({ apiKey: 'f'.repeat(64) }))).message).toMatch(
			/rejected this API key/,
		);
		expect(
			(await retest(klId, 'keylineApi', keyline({ baseUrl: sandboxes.instantCard.baseUrl })))
				.message,
		).toMatch(/is not a Keyline Inbox API: it does not ask for an API key/);
	});
});

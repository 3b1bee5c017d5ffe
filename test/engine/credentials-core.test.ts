/**
 * The credentials as real deployments use them: a Test after first use checks the values in the
 * form every time; a token or key check obtained with other values is never reused; a token
 * cancelled server-side loses no item across two processes sharing one credential store; a new
 * Keyline credential is checked once however many items run.
 */
import { INSTANTCARD_SANDBOX_LOGIN, InstantCardSandbox } from '../sandbox/instantcard';
import { KEYLINE_SANDBOX_API_KEY } from '../sandbox/keyline';
import { createCredentialsHelper, runNode, testCredential } from '../harness/run';
import {
	instantCardCredential,
	keylineCredential,
	useInstantCardSandbox,
	useKeylineSandbox,
} from '../harness/sandboxes';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i }));
const profileGet = { resource: 'profile', operation: 'get' };
const ORG = `/api/v2/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}`;

/** One InstantCard sandbox per group; reset before each test, so no earlier token is valid. */
function instantCardSandbox(): InstantCardSandbox {
	const sandbox = useInstantCardSandbox();
	beforeEach(() => sandbox.reset());
	return sandbox;
}

describe('InstantCard credential Test after first use', () => {
	const sandbox = instantCardSandbox();

	/** A credential that has run once: a token obtained with the right values is stored. */
	async function usedCredential() {
		const helper = await createCredentialsHelper();
		const credential = instantCardCredential(sandbox);
		const { error } = await runNode({
			type: 'instantCard',
			parameters: profileGet,
			credentials: [credential],
			helper,
		});
		expect(error).toBeUndefined();
		expect(helper.store.get('ic1')!.data.sessionToken).toMatch(/\./);
		sandbox.clearRequests();
		return { helper, stored: helper.store.get('ic1')!.data };
	}

	it('with the same values: logs in again and reads the organization', async () => {
		const { helper, stored } = await usedCredential();
		const logins = sandbox.loginCount;
		const verdict = await testCredential('instantCardApi', stored, { helper, id: 'ic1' });
		expect(verdict).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.loginCount).toBe(logins + 1);
		expect(sandbox.requestsTo('GET', ORG)).toHaveLength(1);
	});

	it('with a wrong password: fails, having sent the login with it; the stored token is not used', async () => {
		const { helper, stored } = await usedCredential();
		const verdict = await testCredential(
			'instantCardApi',
			{ password: 'Wrong-Pass-999' },
			{ helper, id: 'ic1' },
		);
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(
			/^InstantCard refused the login for .*Check the email and password/,
		);
		expect(verdict.message).not.toContain('Wrong-Pass-999');
		const [login] = sandbox.requestsTo('POST', '/api/v2/authenticate');
		expect(login.form.password).toBe('Wrong-Pass-999');
		expect(
			sandbox.requests.filter(
				(r) => r.headers.authorization === `bearer ${String(stored.sessionToken)}`,
			),
		).toHaveLength(0);
	});

	it('with another email: logs in with it', async () => {
		const { helper } = await usedCredential();
		const verdict = await testCredential(
			'instantCardApi',
			{ email: 'someone.else@example.com' },
			{ helper, id: 'ic1' },
		);
		expect(verdict.status).toBe('Error');
		expect(sandbox.requestsTo('POST', '/api/v2/authenticate')[0].form.email).toBe(
			'someone.else@example.com',
		);
	});

	it('with another organization ID: logs in, then says the organization is not found', async () => {
		const { helper } = await usedCredential();
		const verdict = await testCredential(
			'instantCardApi',
			{ organizationId: '999' },
			{ helper, id: 'ic1' },
		);
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/no organization with this Organization ID/);
		expect(sandbox.loginCount).toBeGreaterThan(0);
		expect(sandbox.requestsTo('GET', '/api/v2/organizations/999')).toHaveLength(1);
	});

	it('with another URL: logs in there', async () => {
		const { helper } = await usedCredential();
		const other = new InstantCardSandbox();
		await other.start();
		try {
			const verdict = await testCredential(
				'instantCardApi',
				{ url: other.baseUrl },
				{ helper, id: 'ic1' },
			);
			expect(verdict.status).toBe('OK');
			expect(other.loginCount).toBe(1);
			expect(other.requestsTo('GET', ORG)).toHaveLength(1);
		} finally {
			await other.stop();
		}
	});

	it('a workflow after the password was changed in the credential logs in with the new one, never sending the old token', async () => {
		const { helper, stored } = await usedCredential();
		helper.store.get('ic1')!.data.password = 'Changed-Pass-1';
		const { error } = await runNode({
			type: 'instantCard',
			parameters: profileGet,
			items: items(3),
			credentials: [instantCardCredential(sandbox)],
			helper,
		});
		expect(error?.message).toMatch(/refused the login/);
		expect(sandbox.loginCount).toBe(2);
		expect(sandbox.requestsTo('POST', '/api/v2/authenticate')[0].form.password).toBe(
			'Changed-Pass-1',
		);
		expect(
			sandbox.requests.filter(
				(r) => r.headers.authorization === `bearer ${String(stored.sessionToken)}`,
			),
		).toHaveLength(0);
	});
});

describe('InstantCard tokens across two processes sharing one credential store', () => {
	const sandbox = instantCardSandbox();

	it('a token cancelled server-side, with an older dead token cached in the other process: 0 items lost, one login', async () => {
		const store = new Map();
		const first = await createCredentialsHelper('main', store);
		const second = await createCredentialsHelper('second-process', store);
		const credentials = [instantCardCredential(sandbox)];
		// Process 1 logs in (token A, cached in process 1, stored); process 2 uses A from the store.
		await runNode({ type: 'instantCard', parameters: profileGet, credentials, helper: first });
		const a = String(store.get('ic1').data.sessionToken);
		// Process 2's token is refused (expired), it logs in: token B is stored and cached in process 2.
		sandbox.cancelToken(a);
		await runNode({ type: 'instantCard', parameters: profileGet, credentials, helper: second });
		const b = String(store.get('ic1').data.sessionToken);
		expect(b).not.toBe(a);
		// A password reset cancels every token: A (still cached in process 1) and B (stored).
		sandbox.cancelTokens();
		const logins = sandbox.loginCount;
		sandbox.clearRequests();
		const { items: out, error } = await runNode({
			type: 'instantCard',
			parameters: profileGet,
			items: items(10),
			credentials,
			helper: first,
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(10);
		expect(sandbox.loginCount).toBe(logins + 1);
		// Process 1 never handed out its cached, older token A.
		expect(sandbox.requests.filter((r) => r.headers.authorization === `bearer ${a}`)).toHaveLength(
			0,
		);
	});

	it('in single-session mode (a login cancels older tokens) the processes share the stored token: 0 lost, one login per cancellation', async () => {
		sandbox.configure({ singleSession: true });
		const store = new Map();
		const helpers = [
			await createCredentialsHelper('main', store),
			await createCredentialsHelper('second-process', store),
		];
		const credentials = [instantCardCredential(sandbox)];
		for (let round = 0; round < 6; round++) {
			if (round === 3) sandbox.cancelTokens();
			const run = await runNode({
				type: 'instantCard',
				parameters: profileGet,
				items: items(10),
				credentials,
				helper: helpers[round % 2],
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(10);
		}
		expect(sandbox.loginCount).toBe(2);
	});
});

describe('Keyline credential: checked once per key and URL, and again when they change', () => {
	const sandbox = useKeylineSandbox({ notFoundBody: 'none' });
	beforeEach(() => sandbox.reset());

	const keyChecks = () => sandbox.requestsTo('GET', /\/carts\/0$/);

	it.each([1, 100])(
		'%i items with a new credential send one key check, and n8n saves the credential once',
		async (n) => {
			// A key this process has never checked.
			const key = (n === 1 ? 'b' : 'c').repeat(64);
			sandbox.addApiKey(key);
			const order = sandbox.seedOrder({ apiKey: key });
			const helper = await createCredentialsHelper();
			const { items: out, error } = await runNode({
				type: 'keyline',
				parameters: { resource: 'order', operation: 'get', orderId: String(order.id) },
				items: items(n),
				credentials: [keylineCredential(sandbox, { apiKey: key })],
				helper,
			});
			expect(error).toBeUndefined();
			expect(out).toHaveLength(n);
			expect(keyChecks()).toHaveLength(1);
			expect(helper.saves).toBe(1);
		},
	);

	it('a 404 without a body for cart 0 (as documented) is the Inbox API: one request', async () => {
		const verdict = await testCredential('keylineApi', {
			apiKey: KEYLINE_SANDBOX_API_KEY,
			baseUrl: sandbox.baseUrl,
		});
		expect(verdict.status).toBe('OK');
		// The check, then the Test's own request.
		expect(keyChecks().map((r) => r.headers.authorization)).toEqual([
			`Bearer ${KEYLINE_SANDBOX_API_KEY}`,
			`Bearer ${KEYLINE_SANDBOX_API_KEY}`,
		]);
	});

	describe('Test after first use', () => {
		/** Order → Get of a new order with the stored credential. */
		const getOrder = async (helper: Awaited<ReturnType<typeof createCredentialsHelper>>) =>
			await runNode({
				type: 'keyline',
				parameters: {
					resource: 'order',
					operation: 'get',
					orderId: String(sandbox.seedOrder().id),
				},
				credentials: [keylineCredential(sandbox)],
				helper,
			});
		async function used() {
			const helper = await createCredentialsHelper();
			expect((await getOrder(helper)).error).toBeUndefined();
			sandbox.clearRequests();
			return helper;
		}

		it('with "not-a-key": the format check, no request', async () => {
			const helper = await used();
			const verdict = await testCredential(
				'keylineApi',
				{ apiKey: 'not-a-key' },
				{ helper, id: 'kl1' },
			);
			expect(verdict.status).toBe('Error');
			expect(verdict.message).toMatch(/characters a key never has/);
			expect(sandbox.requests).toHaveLength(0);
		});

		it('with a wrong 64-hex key: one request, rejected', async () => {
			const helper = await used();
			const verdict = await testCredential(
				'keylineApi',
				{ apiKey: 'e'.repeat(64) },
				{ helper, id: 'kl1' },
			);
			expect(verdict.status).toBe('Error');
			expect(verdict.message).toMatch(/rejected this API key \(403/);
			expect(keyChecks()).toHaveLength(1);
		});

		it('with the same key: checks it again', async () => {
			const helper = await used();
			const verdict = await testCredential('keylineApi', {}, { helper, id: 'kl1' });
			expect(verdict.status).toBe('OK');
			expect(keyChecks().length).toBeGreaterThanOrEqual(1);
		});

		it('with a base URL of another JSON API (InstantCard): told apart', async () => {
			const helper = await used();
			const other = new InstantCardSandbox();
			await other.start();
			try {
				const verdict = await testCredential(
					'keylineApi',
					{ baseUrl: other.baseUrl },
					{ helper, id: 'kl1' },
				);
				expect(verdict.status).toBe('Error');
				expect(verdict.message).toMatch(
					/is not a Keyline Inbox API: it does not ask for an API key/,
				);
			} finally {
				await other.stop();
			}
		});

		it('a workflow after the key was changed in the credential checks the new key before using it', async () => {
			const helper = await used();
			helper.store.get('kl1')!.data.apiKey = 'd'.repeat(64);
			const { error } = await getOrder(helper);
			expect(error?.message).toMatch(/rejected this API key/);
			expect(keyChecks()).toHaveLength(1);
			expect(sandbox.requestsTo('GET', /\/orders\//)).toHaveLength(0);
		});
	});

	it('a JSON 404 from the Inbox API (another reading of the docs) still passes: asked once more without the key', async () => {
		sandbox.configure({ notFoundBody: 'json' });
		const verdict = await testCredential('keylineApi', {
			apiKey: KEYLINE_SANDBOX_API_KEY,
			baseUrl: sandbox.baseUrl,
		});
		expect(verdict.status).toBe('OK');
		expect(keyChecks().map((r) => r.headers.authorization ?? 'none')).toEqual([
			`Bearer ${KEYLINE_SANDBOX_API_KEY}`,
			'none',
			`Bearer ${KEYLINE_SANDBOX_API_KEY}`,
		]);
	});

	it('a 500 of the key check is said as a server problem, not a wrong URL', async () => {
		sandbox.addFault({ kind: 'status', status: 500, path: '/carts/0$' });
		const verdict = await testCredential('keylineApi', {
			apiKey: KEYLINE_SANDBOX_API_KEY,
			baseUrl: sandbox.baseUrl,
		});
		expect(verdict.message).toMatch(
			/HTTP 500: a problem on the server's side, not with the key or the URL/,
		);
	});
});

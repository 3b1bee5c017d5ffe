import { KEYLINE_SANDBOX_API_KEY } from '../sandbox/keyline';
import { testCredential } from '../harness/run';
import { useKeylineSandbox } from '../harness/sandboxes';

describe('Keyline API credential test (as n8n runs it)', () => {
	const sandbox = useKeylineSandbox();
	let baseUrl: string;

	beforeAll(() => (baseUrl = sandbox.baseUrl));
	beforeEach(() => sandbox.reset());

	it('accepts a valid key and sends it as a Bearer header', async () => {
		const verdict = await testCredential('keylineApi', {
			apiKey: KEYLINE_SANDBOX_API_KEY,
			baseUrl,
		});
		expect(verdict).toEqual({ status: 'OK', message: 'Connection successful!' });
		// The key check (its JSON 404 makes it ask once more without the key), then the Test's request.
		const seen = sandbox.requests.map((r) => r.headers.authorization ?? 'none');
		expect(seen).toEqual([
			`Bearer ${KEYLINE_SANDBOX_API_KEY}`,
			'none',
			`Bearer ${KEYLINE_SANDBOX_API_KEY}`,
		]);
	});

	it('tolerates a pasted "Bearer " prefix and surrounding spaces', async () => {
		const verdict = await testCredential('keylineApi', {
			apiKey: `  Bearer ${KEYLINE_SANDBOX_API_KEY} `,
			baseUrl,
		});
		expect(verdict.status).toBe('OK');
	});

	it('explains a key of the wrong length before sending anything', async () => {
		const verdict = await testCredential('keylineApi', {
			apiKey: KEYLINE_SANDBOX_API_KEY.slice(1),
			baseUrl,
		});
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain('63 characters instead of 64');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('explains characters a key never has', async () => {
		const verdict = await testCredential('keylineApi', { apiKey: 'z'.repeat(64), baseUrl });
		expect(verdict.message).toContain('"z"');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('tells a rejected key (403) apart', async () => {
		const verdict = await testCredential('keylineApi', { apiKey: 'f'.repeat(64), baseUrl });
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/rejected this API key \(403/);
		expect(verdict.message).not.toContain('f'.repeat(64));
	});

	it('tells an unreachable URL apart', async () => {
		const verdict = await testCredential('keylineApi', {
			apiKey: KEYLINE_SANDBOX_API_KEY,
			baseUrl: 'http://127.0.0.1:1/api/v2/inbox',
		});
		expect(verdict.message).toBe(
			'Could not reach Keyline at http://127.0.0.1:1/api/v2/inbox (connection refused). Check the base URL and that this n8n can reach it.',
		);
	});

	it('tells a wrong URL on a reachable host apart', async () => {
		const verdict = await testCredential('keylineApi', {
			apiKey: KEYLINE_SANDBOX_API_KEY,
			baseUrl: `${sandbox.url}/api/v2`,
		});
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(
			/is not a Keyline Inbox API: it answered with a web page \(HTML\).*Check the base URL/,
		);
	});
});

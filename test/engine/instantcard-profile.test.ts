/** Profile → Get through n8n-core's engine against the sandbox, and how the faults the sandbox injects read on it. */
import { runNode } from '../harness/run';
import { instantCardCredential, useInstantCardSandbox } from '../harness/sandboxes';
import { instantCardNode } from './fixtures';

describe('InstantCard node: Profile', () => {
	describe('Get', () => {
		const sandbox = useInstantCardSandbox();
		const { run } = instantCardNode(sandbox);

		beforeEach(() => sandbox.reset());

		it('Profile → Get returns the user as one item', async () => {
			const { items } = await run({ resource: 'profile', operation: 'get' });
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual(expect.objectContaining({ email: expect.any(String) }));
		});
	});

	describe('faults the sandbox injects, on Profile → Get', () => {
		const sandbox = useInstantCardSandbox();
		const run = async () =>
			await runNode({
				type: 'instantCard',
				parameters: { resource: 'profile', operation: 'get' },
				credentials: [instantCardCredential(sandbox)],
			});

		beforeEach(() => sandbox.reset());

		it('a 5xx keeps the API text and says the problem is on its side', async () => {
			sandbox.addFault({
				kind: 'status',
				status: 503,
				body: { error: 'Service Unavailable' },
				path: '/profile/me',
			});
			const { error } = await run();
			expect(error?.message).toBe('InstantCard: Service Unavailable');
			expect(error?.description).toMatch(
				/HTTP 503 .*InstantCard had an internal problem; try again later\./,
			);
		});

		it('a 429 tells when to retry', async () => {
			sandbox.addFault({ kind: 'rateLimit', retryAfter: 30, path: '/profile/me' });
			const { error } = await run();
			expect(error?.httpCode).toBe('429');
			expect(error?.description).toMatch(/rate-limiting.*retry after 30 seconds/);
		});

		it('a dropped connection is said as such, with no retry of its own', async () => {
			sandbox.addFault({ kind: 'drop', path: '/profile/me' });
			const { error } = await run();
			expect(error?.message).toBe(
				'Could not reach InstantCard (the connection was dropped before an answer came)',
			);
			expect(sandbox.requestsTo('GET', '/api/v2/profile/me')).toHaveLength(1);
		});
	});
});

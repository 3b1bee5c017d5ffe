/**
 * Every request is bounded: a host that accepts the connection and never answers fails the
 * login, the key check, both credential Tests and every operation (money calls included) within
 * the node's Timeout, or within the package's own bound when none is set.
 */
import { INSTANTCARD_SHIPPING_PROVIDERS } from '../sandbox/instantcard';
import { runNode, testCredential } from '../harness/run';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';
import { rl } from './fixtures';

const TIMEOUT = { requestOptions: { timeout: 1000 } };

async function timed<T>(work: Promise<T>): Promise<{ result: T; ms: number }> {
	const started = Date.now();
	const result = await work;
	return { result, ms: Date.now() - started };
}

describe('requests that get no answer', () => {
	const { ic, kl } = useSandboxes({ keyline: { notFoundBody: 'none' } });
	beforeEach(() => {
		ic.reset();
		kl.reset();
	});
	/** InstantCard Profile → Get with the node Timeout of 1 s. */
	const getProfile = () =>
		runNode({
			type: 'instantCard',
			parameters: { resource: 'profile', operation: 'get', ...TIMEOUT },
			credentials: [instantCardCredential(ic)],
		});

	it('the InstantCard login gives up with the node Timeout (1 s), naming the host', async () => {
		ic.addFault({ kind: 'hang', path: '/authenticate$' });
		const { result, ms } = await timed(getProfile());
		expect(result.error?.message).toBe(
			`InstantCard at ${ic.baseUrl} did not answer the login within 1 s. Check the credential's environment/URL and that this n8n can reach it.`,
		);
		expect(ms).toBeLessThan(4000);
	});

	it('the Keyline key check gives up with the node Timeout (1 s)', async () => {
		kl.addFault({ kind: 'hang', path: '/carts/0$' });
		const order = kl.seedOrder();
		const { result, ms } = await timed(
			runNode({
				type: 'keyline',
				parameters: { resource: 'order', operation: 'get', orderId: String(order.id), ...TIMEOUT },
				credentials: [keylineCredential(kl, { apiKey: 'a'.repeat(64) })],
			}),
		);
		expect(result.error?.message).toBe(
			`Keyline at ${kl.baseUrl} did not answer the key check within 1 s. Check the base URL and that this n8n can reach it.`,
		);
		expect(ms).toBeLessThan(4000);
	});

	it('both credential Tests give up within 15 s', async () => {
		ic.addFault({ kind: 'hang', path: '/authenticate$' });
		kl.addFault({ kind: 'hang', path: '/carts/0$' });
		const { result, ms } = await timed(
			Promise.all([
				testCredential('instantCardApi', instantCardCredential(ic).data),
				testCredential('keylineApi', keylineCredential(kl).data),
			]),
		);
		expect(result[0].message).toMatch(/did not answer the login within 15 s/);
		expect(result[1].message).toMatch(/did not answer the key check within 15 s/);
		expect(ms).toBeLessThan(20_000);
	}, 30_000);

	it('an InstantCard operation gives up with the node Timeout and says which host and what to check', async () => {
		ic.addFault({ kind: 'hang', path: '/profile/me$' });
		const { result, ms } = await timed(getProfile());
		expect(result.error?.message).toBe(
			`InstantCard at ${new URL(ic.url).host} did not answer within 1 s`,
		);
		expect(result.error?.description).toMatch(
			/GET \/profile\/me got no answer within 1 s.*raise the Timeout in the node's Settings → Request Options/,
		);
		expect(ms).toBeLessThan(4000);
	});

	it('a Keyline operation gives up with the node Timeout', async () => {
		const order = kl.seedOrder();
		kl.addFault({ kind: 'hang', path: '/orders/' });
		const { result, ms } = await timed(
			runNode({
				type: 'keyline',
				parameters: { resource: 'order', operation: 'get', orderId: String(order.id), ...TIMEOUT },
				credentials: [keylineCredential(kl)],
			}),
		);
		expect(result.error?.message).toBe(
			`Keyline at ${new URL(kl.url).host} did not answer within 1 s`,
		);
		expect(ms).toBeLessThan(4000);
	});

	it('Submit After Creating is bounded by the node Timeout too', async () => {
		const cards = ic.seedCards(2);
		const addressId = [...ic.store.addresses.keys()][0];
		ic.addFault({ kind: 'hang', method: 'POST', path: '/print$' });
		const { result, ms } = await timed(
			runNode({
				type: 'instantCard',
				parameters: {
					resource: 'printJob',
					operation: 'create',
					addressMode: 'saved',
					addressId: rl(addressId),
					shippingProviderId: rl(INSTANTCARD_SHIPPING_PROVIDERS[0].id),
					cardIds: cards.join(','),
					submitAfterCreate: true,
					...TIMEOUT,
				},
				credentials: [instantCardCredential(ic)],
			}),
		);
		expect(result.error).toBeDefined();
		expect(ms).toBeLessThan(5000);
	});
});

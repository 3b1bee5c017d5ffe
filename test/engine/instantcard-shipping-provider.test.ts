/** Shipping Provider (Get Many, and the picker Print Job → Create uses) through n8n-core's engine against the sandbox. */
import { INSTANTCARD_SHIPPING_PROVIDERS } from '../sandbox/instantcard';
import { loadOptions } from '../harness/run';
import { useInstantCardSandbox } from '../harness/sandboxes';
import { INSTANTCARD_ORG as ORG, instantCardNode } from './fixtures';

const UPS = INSTANTCARD_SHIPPING_PROVIDERS.find((p) => p.name === 'UPS Ground')!.id;

describe('InstantCard node: Shipping Provider', () => {
	const sandbox = useInstantCardSandbox();
	const { run, credentials } = instantCardNode(sandbox);
	/** Requests the API handled: a 401 answered to a token from an earlier test (then re-sent after login) does not count. */
	const sent = (method: string, path: string | RegExp) =>
		sandbox.requestsTo(method, path).filter((r) => r.status !== 401);

	beforeEach(() => {
		sandbox.reset();
		sandbox.clearRequests();
	});

	it('Get Many returns every provider, or up to the limit, from one unpaged request', async () => {
		const all = await run({ resource: 'shippingProvider', operation: 'getAll', returnAll: true });
		expect(all.items.map((i) => i.json)).toEqual(
			INSTANTCARD_SHIPPING_PROVIDERS.map((p) => ({ id: p.id, name: p.name })),
		);
		const two = await run({
			resource: 'shippingProvider',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(two.items).toHaveLength(2);
		const requests = sent('GET', `${ORG}/shipping_providers`);
		expect(requests).toHaveLength(2);
		expect(requests.map((r) => r.query)).toEqual([{}, {}]);
	});

	it('searchShippingProviders lists and filters the providers', async () => {
		const { listSearch } = await loadOptions({
			type: 'instantCard',
			parameters: { resource: 'printJob', operation: 'create' },
			credentials: credentials(),
		});
		const all = await listSearch('searchShippingProviders');
		expect(all.results).toEqual(
			INSTANTCARD_SHIPPING_PROVIDERS.map((p) => ({
				name: `${p.name} (#${p.id})`,
				value: String(p.id),
			})),
		);
		expect(all.paginationToken).toBeUndefined();
		const ups = await listSearch('searchShippingProviders', 'ups');
		expect(ups.results).toEqual([{ name: `UPS Ground (#${UPS})`, value: String(UPS) }]);
	});
});

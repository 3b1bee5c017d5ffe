/**
 * Calls that spend money, after an unclear failure (a 5xx, no answer within the Timeout, a
 * dropped connection), whether it struck before the API acted or after: the state is read back
 * and the item says "done" (output as a success), "did not happen (checked)" or "unknown: check
 * X"; with n8n's Retry On Fail, a retry checks first and never pays twice. Each case asserts the
 * sandbox's request log and what was charged.
 */
import type { Sandbox } from '../sandbox/core';
import { INSTANTCARD_SHIPPING_PROVIDERS } from '../sandbox/instantcard';
import { KEYLINE_PRODUCT_TEMPLATES } from '../sandbox/keyline';
import { runNode } from '../harness/run';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';
import { instantCardAddFunds } from '../fixtures/instantcard';
import { checkedOutOutput } from '../fixtures/keyline';
import { completeKeylineCart, keylinePlaceOrder, rl } from './fixtures';

const ORG = '/api/v2/organizations/20003827';
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };
const TIMEOUT = { requestOptions: { timeout: 1000 } };
/** How the answer of the money call is lost after the API acted. */
const LOST_AFTER = [
	['a 500', { kind: 'status', status: 500, after: true }],
	['a dropped connection', { kind: 'drop', after: true }],
	['no answer within the Timeout', { kind: 'hang', after: true, ms: 5000 }],
] as const;

/**
 * The call matching `call` acts, but its answer is lost (a dropped connection); the GET of
 * `readPath` that would check it then fails with a 503 `times` times (after `skip` good ones).
 */
function answerLostThenUnreadable(
	sandbox: Sandbox,
	call: { method?: string; path: string },
	readPath: string,
	times: number,
	skip?: number,
) {
	sandbox.addFault({ kind: 'drop', after: true, ...call });
	sandbox.addFault({
		kind: 'status',
		status: 503,
		method: 'GET',
		path: readPath,
		times,
		...(skip === undefined ? {} : { skip }),
	});
}

describe('money calls after an unclear failure', () => {
	const { ic, kl } = useSandboxes();

	const instantCard = async (
		parameters: Record<string, unknown>,
		options: { items?: Array<Record<string, unknown>>; settings?: object } = {},
	) =>
		await runNode({
			type: 'instantCard',
			parameters: { ...TIMEOUT, ...parameters } as never,
			items: options.items,
			credentials: [instantCardCredential(ic)],
			settings: options.settings,
		});

	/** After a reset the cached session is gone server-side: log in again before faults are set. */
	const freshSandbox = async () => {
		ic.reset();
		await instantCard({ resource: 'profile', operation: 'get' });
		ic.clearRequests();
	};

	describe('InstantCard Print Job → Submit', () => {
		let jobId: number;
		/** A job ready to submit, with `cards` new cards. */
		const createJob = async (cards: number) => {
			const created = await instantCard({
				resource: 'printJob',
				operation: 'create',
				addressMode: 'saved',
				addressId: rl([...ic.store.addresses.keys()][0]),
				shippingProviderId: rl(INSTANTCARD_SHIPPING_PROVIDERS[0].id),
				cardIds: ic.seedCards(cards).join(','),
			});
			return Number(created.items[0].json.id);
		};
		beforeEach(async () => {
			await freshSandbox();
			jobId = await createJob(2);
			ic.clearRequests();
		});
		const submit = async (settings?: object, items?: Array<Record<string, unknown>>) =>
			await instantCard(
				{ resource: 'printJob', operation: 'submit', printJobId: rl(jobId) },
				{ settings, items },
			);
		const posts = () => ic.requestsTo('POST', `${ORG}/print_jobs/${jobId}/print`);
		const charges = () => ic.store.transactions.filter((t) => t.sub_type === 'print_job').length;

		it.each(LOST_AFTER)(
			'went through, answer lost to %s: read back, output as a success, charged once',
			async (_name, fault) => {
				const before = charges();
				ic.addFault({ ...fault, method: 'POST', path: '/print$' } as never);
				const { items, error } = await submit();
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({ id: jobId, status_name: 'Scheduled' });
				expect(posts()).toHaveLength(1);
				expect(ic.requestsTo('GET', `${ORG}/print_jobs/${jobId}`)).toHaveLength(1);
				expect(charges()).toBe(before + 1);
			},
		);

		it('a 500 before the API acted: "did not happen (checked)", safe to try again, nothing charged', async () => {
			const before = charges();
			ic.addFault({ kind: 'status', status: 500, method: 'POST', path: '/print$' });
			const { error } = await submit();
			expect(error?.message).toBe(
				`Submitting print job #${jobId} failed, and it did not happen (checked): InstantCard: Injected status 500`,
			);
			expect(error?.description).toContain(
				`print job #${jobId} in status Created: nothing was charged. It is safe to try again.`,
			);
			expect(charges()).toBe(before);
		});

		it('when the job cannot be read back either: "unknown", says what to check', async () => {
			answerLostThenUnreadable(ic, { method: 'POST', path: '/print$' }, `/print_jobs/${jobId}$`, 5);
			const { error } = await submit();
			expect(error?.message).toMatch(
				new RegExp(`^Submitting print job #${jobId}: the outcome is unknown \\(`),
			);
			expect(error?.description).toContain(
				`Before trying again, check the status of print job #${jobId} (Print Job → Get`,
			);
			expect(posts()).toHaveLength(1);
		});

		it('Retry On Fail: the retry reads back first and does not pay again', async () => {
			const before = charges();
			answerLostThenUnreadable(ic, { method: 'POST', path: '/print$' }, `/print_jobs/${jobId}$`, 1);
			const { items, error } = await submit(RETRY);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ id: jobId, status_name: 'Scheduled' });
			expect(posts()).toHaveLength(1);
			expect(charges()).toBe(before + 1);
		});

		it('Retry On Fail with two items: the one that went through is not sent again', async () => {
			const secondId = await createJob(1);
			ic.clearRequests();
			// The second job's submit is lost and cannot be read back on the first try.
			ic.addFault({
				kind: 'drop',
				after: true,
				method: 'POST',
				path: `/print_jobs/${secondId}/print$`,
			});
			ic.addFault({
				kind: 'status',
				status: 503,
				method: 'GET',
				path: `/print_jobs/${secondId}$`,
				times: 1,
			});
			const { items, error } = await instantCard(
				{ resource: 'printJob', operation: 'submit', printJobId: rl('={{ $json.job }}') },
				{ items: [{ job: jobId }, { job: secondId }], settings: RETRY },
			);
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json.status_name)).toEqual(['Scheduled', 'Scheduled']);
			expect(ic.requestsTo('POST', `${ORG}/print_jobs/${jobId}/print`)).toHaveLength(1);
			expect(ic.requestsTo('POST', `${ORG}/print_jobs/${secondId}/print`)).toHaveLength(1);
		});
	});

	describe('InstantCard Print Job → Create with Submit After Creating', () => {
		beforeEach(freshSandbox);
		const createAndSubmit = async (settings?: object) =>
			await instantCard(
				{
					resource: 'printJob',
					operation: 'create',
					addressMode: 'saved',
					addressId: rl([...ic.store.addresses.keys()][0]),
					shippingProviderId: rl(INSTANTCARD_SHIPPING_PROVIDERS[0].id),
					cardIds: ic.seedCards(2).join(','),
					submitAfterCreate: true,
				},
				{ settings },
			);

		it.each(LOST_AFTER)(
			'the submit went through, answer lost to %s: the new job is read back, output as submitted',
			async (_name, fault) => {
				ic.addFault({ ...fault, method: 'POST', path: '/print$' } as never);
				const { items, error } = await createAndSubmit();
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({ status_name: 'Scheduled' });
				expect(ic.requestsTo('POST', /\/print$/)).toHaveLength(1);
			},
		);

		it('Retry On Fail: the retry neither creates another job nor pays again', async () => {
			answerLostThenUnreadable(ic, { method: 'POST', path: '/print$' }, '/print_jobs/\\d+$', 1);
			const { items, error } = await createAndSubmit(RETRY);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ status_name: 'Scheduled' });
			expect(ic.requestsTo('POST', `${ORG}/print_jobs`)).toHaveLength(1);
			expect(ic.requestsTo('POST', /\/print$/)).toHaveLength(1);
			expect(ic.store.printJobs.size).toBe(1);
		});
	});

	describe('InstantCard Organization → Add Funds', () => {
		beforeEach(freshSandbox);
		const addFunds = async (settings?: object) =>
			await instantCard(instantCardAddFunds({ amount: 25 }), { settings });
		const credits = () => ic.store.transactions.filter((t) => t.sub_type === 'add_funds').length;
		const posts = () => ic.requestsTo('POST', `${ORG}/add_funds`);

		it.each(LOST_AFTER)(
			'charged, answer lost to %s: the new credit is read back, output as a success',
			async (_name, fault) => {
				const before = credits();
				ic.addFault({ ...fault, path: '/add_funds$' } as never);
				const { items, error } = await addFunds();
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({ result: 'Success', amount_added: '25.00' });
				expect(posts()).toHaveLength(1);
				expect(credits()).toBe(before + 1);
				expect(JSON.stringify(items)).not.toContain('4242 4242 4242 4242');
			},
		);

		it('a 500 before the charge: "did not happen (checked)"', async () => {
			const before = credits();
			ic.addFault({ kind: 'status', status: 500, path: '/add_funds$' });
			const { error } = await addFunds();
			expect(error?.message).toMatch(
				/^Adding 25.00 to the organization's balance failed, and it did not happen \(checked\)/,
			);
			expect(error?.description).toContain('no new credit of 25.00');
			expect(credits()).toBe(before);
		});

		it('transactions unreadable afterwards: "unknown", says where to look', async () => {
			answerLostThenUnreadable(ic, { path: '/add_funds$' }, '/financial_transactions$', 5, 1);
			const { error } = await addFunds();
			expect(error?.message).toMatch(
				/^Adding 25.00 to the organization's balance: the outcome is unknown/,
			);
			expect(error?.description).toContain(
				"Before trying again, check the organization's financial transactions",
			);
		});

		it('Retry On Fail: the retry reads the transactions first and does not charge again', async () => {
			const before = credits();
			answerLostThenUnreadable(ic, { path: '/add_funds$' }, '/financial_transactions$', 1, 1);
			const { items, error } = await addFunds(RETRY);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ result: 'Success' });
			expect(posts()).toHaveLength(1);
			expect(credits()).toBe(before + 1);
		});
	});

	describe('Keyline Cart → Check Out and Place Order (One Step)', () => {
		beforeEach(() => kl.reset());
		const keyline = async (parameters: Record<string, unknown>, settings?: object) =>
			await runNode({
				type: 'keyline',
				parameters: { ...TIMEOUT, ...parameters } as never,
				credentials: [keylineCredential(kl)],
				settings,
			});
		const completeCart = () => completeKeylineCart(kl);
		const checkouts = () => kl.requestsTo('POST', /\/checkout$/);
		/** Cart → Check Out of `cart`, with `settings` (Retry On Fail) if given. */
		const checkOut = async (cart: { id: number }, settings?: object) =>
			await keyline({ resource: 'cart', operation: 'checkout', cartId: String(cart.id) }, settings);
		/** The checkout goes through but its answer is lost; then reading `cartPath` fails `times` times with a 503. */
		const answerLostThenCartUnreadable = (cartPath: string, times: number) => {
			answerLostThenUnreadable(kl, { method: 'POST', path: '/checkout$' }, cartPath, times);
		};

		it.each(LOST_AFTER)(
			'checked out, answer lost to %s: the cart points to its order, output as placed',
			async (_name, fault) => {
				const cart = completeCart();
				kl.addFault({ ...fault, method: 'POST', path: '/checkout$' } as never);
				const { items, error } = await checkOut(cart);
				expect(error).toBeUndefined();
				const orderId = kl.store.carts.get(cart.id)!.order_id!;
				expect(items[0].json).toMatchObject(checkedOutOutput(kl.baseUrl, cart.id, orderId));
				expect(checkouts()).toHaveLength(1);
				expect(kl.store.orders.size).toBe(1);
			},
		);

		it('a 500 before the checkout: "did not happen (checked)"', async () => {
			const cart = completeCart();
			kl.addFault({ kind: 'status', status: 500, method: 'POST', path: '/checkout$' });
			const { error } = await checkOut(cart);
			expect(error?.message).toMatch(
				new RegExp(`^Checking out cart ${cart.id} failed, and it did not happen \\(checked\\)`),
			);
			expect(kl.store.orders.size).toBe(0);
		});

		it('the cart cannot be read back: "unknown", says what to check', async () => {
			const cart = completeCart();
			answerLostThenCartUnreadable(`/carts/${cart.id}$`, 5);
			const { error } = await checkOut(cart);
			expect(error?.message).toMatch(
				new RegExp(`^Checking out cart ${cart.id}: the outcome is unknown`),
			);
			expect(error?.description).toContain(
				`Before trying again, check cart ${cart.id} with Cart → Get`,
			);
		});

		it('Check Out with Retry On Fail: the retry reads the cart first and orders once', async () => {
			const cart = completeCart();
			answerLostThenCartUnreadable(`/carts/${cart.id}$`, 1);
			const { items, error } = await checkOut(cart, RETRY);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				id: cart.id,
				cartId: cart.id,
				cart_id: cart.id,
				placed: true,
			});
			expect(checkouts()).toHaveLength(1);
			expect(kl.store.orders.size).toBe(1);
		});

		const placeOrder = keylinePlaceOrder({
			productsInput: 'json',
			productsJson: JSON.stringify([
				{
					product_template_id: KEYLINE_PRODUCT_TEMPLATES[0].id,
					print_data_files: [{ uri: 'https://example.com/a.pdf', kind: 'original' }],
				},
			]),
			placeTheOrder: true,
		});

		it.each(LOST_AFTER)(
			'Place Order: the checkout went through, answer lost to %s: output as placed, one order',
			async (_name, fault) => {
				kl.addFault({ ...fault, method: 'POST', path: '/checkout$' } as never);
				const { items, error } = await keyline(placeOrder);
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({ placed: true, order_id: expect.any(Number) });
				expect(checkouts()).toHaveLength(1);
				expect(kl.store.orders.size).toBe(1);
			},
		);

		it('Place Order with Retry On Fail: the retry builds no second cart and orders once', async () => {
			answerLostThenCartUnreadable('/carts/\\d+$', 1);
			const { items, error } = await keyline(placeOrder, RETRY);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ placed: true });
			expect(kl.requestsTo('POST', /\/carts$/)).toHaveLength(1);
			expect(checkouts()).toHaveLength(1);
			expect(kl.store.orders.size).toBe(1);
		});
	});
});

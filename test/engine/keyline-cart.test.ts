/** Cart operations through n8n-core's engine against the Keyline sandbox, request log checked. */
import { KEYLINE_SANDBOX_API_KEY as OWNER } from '../sandbox/keyline';
import { runNode } from '../harness/run';
import { keylineCredential, useKeylineSandbox } from '../harness/sandboxes';
import { checkedOutOutput } from '../fixtures/keyline';
import { completeKeylineCart, KEYLINE_BASE as BASE, keylineResource } from './fixtures';

describe('Keyline node: cart', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests } = keylineResource(sandbox, 'cart');

	const completeCart = () => completeKeylineCart(sandbox);

	beforeEach(() => sandbox.reset());

	it('Create sends POST /carts as documented (no body), then sets due date, offer text and custom references with the documented PATCH, and outputs the cart as stored', async () => {
		const { items, error } = await run({
			operation: 'create',
			additionalFields: {
				dueAt: '2026-12-24T17:00:00+01:00',
				customOfferText: 'Christmas special',
				customReferences: {
					reference: [
						{ key: 'PO', value: '7891234' },
						{ key: 'Kostenstelle', value: '4711' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			custom_offer_text: 'Christmas special',
			custom_references: { PO: '7891234', Kostenstelle: '4711' },
			due_at: '2026-12-24T16:00:00.000Z',
		});
		expect(items[0].json.reference).toMatch(/^[0-9A-Z]{6}$/);
		const id = Number(items[0].json.id);
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${BASE}/carts`,
			`PATCH ${BASE}/carts/${id}`,
			`GET ${BASE}/carts/${id}`,
		]);
		const [post, patch] = apiRequests();
		expect(post.json ?? {}).toEqual({});
		expect(patch.json).toEqual({
			cart: {
				due_at: '2026-12-24T17:00:00+01:00',
				custom_offer_text: 'Christmas special',
				custom_references: { PO: '7891234', Kostenstelle: '4711' },
			},
		});
		// What Keyline stores is what the output says.
		expect(sandbox.store.carts.get(id)).toMatchObject({ custom_offer_text: 'Christmas special' });
	});

	it('Create without fields is one POST with no body', async () => {
		const { items, error } = await run({ operation: 'create' });
		expect(error).toBeUndefined();
		expect(items[0].json.id).toEqual(expect.any(Number));
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${BASE}/carts`]);
		expect(apiRequests()[0].json ?? {}).toEqual({});
	});

	it('Create refuses a due date or custom references without Custom Offer Text before sending (the PATCH requires it)', async () => {
		const { error } = await run({
			operation: 'create',
			additionalFields: { dueAt: '2026-12-24' },
		});
		expect(error?.message).toBe(
			'Custom Offer Text is needed to set a due date or custom references',
		);
		expect(apiRequests()).toHaveLength(0);
	});

	it('Create whose PATCH is refused says the cart exists without its fields, with its ID', async () => {
		sandbox.addFault({ kind: 'status', status: 500, path: '/carts/\\d+$', method: 'PATCH' });
		const { error } = await run({
			operation: 'create',
			additionalFields: { customOfferText: 'Christmas special' },
		});
		const [post] = apiRequests();
		expect(post.method).toBe('POST');
		const id = [...sandbox.store.carts.keys()].at(-1);
		expect(error?.message).toMatch(
			new RegExp(`^Cart ${id} was created, but its fields were not set`),
		);
		expect(String(error?.description)).toContain(`Cart → Update with Cart ID ${id}`);
	});

	it.each(['2026-02-30', 'Dec 24', '2026-13-01', '24.12.2026', '2026-12-24T25:00'])(
		'Create refuses the Due Date %s before sending',
		async (dueAt) => {
			const { error } = await run({
				operation: 'create',
				additionalFields: { dueAt, customOfferText: 'x' },
			});
			expect(error?.message).toBe(`Due Date "${dueAt}" is not a date`);
			expect(apiRequests()).toHaveLength(0);
		},
	);

	it.each([
		'2026-12-24',
		'2026-12-24T17:00:00',
		'2026-12-24T17:00:00.000+01:00',
		'2028-02-29T08:00Z',
	])('Create takes the Due Date %s', async (dueAt) => {
		const { error } = await run({
			operation: 'create',
			additionalFields: { dueAt, customOfferText: 'x' },
		});
		expect(error).toBeUndefined();
		expect(apiRequests()[1].json).toMatchObject({ cart: { due_at: dueAt } });
	});

	it('Create refuses six custom references before sending', async () => {
		const reference = Array.from({ length: 6 }, (_, i) => ({ key: `K${i}`, value: 'v' }));
		const { error } = await run({
			operation: 'create',
			additionalFields: { customReferences: { reference } },
		});
		expect(error?.message).toBe('Custom References has 6 entries: Keyline keeps at most 5');
		expect(apiRequests()).toHaveLength(0);
	});

	it('Get outputs the cart; a checked-out cart says which order it became instead of following the redirect', async () => {
		const cart = completeCart();
		let result = await run({ operation: 'get', cartId: String(cart.id) });
		expect(result.items[0].json).toMatchObject({ id: cart.id, checked_out: false });
		const order = sandbox.store.checkout(cart);
		sandbox.clearRequests();
		result = await run({ operation: 'get', cartId: ` ${cart.id} ` });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			id: cart.id,
			checked_out: true,
			order_id: order.id,
			order_url: `${sandbox.baseUrl}/orders/${order.id}`,
		});
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${BASE}/carts/${cart.id}`,
		]);
	});

	it('Get refuses an ID that is not a positive whole number, naming the field, before sending', async () => {
		for (const cartId of ['={{ "" }}', 'BWT2HD', '-3', '1.5']) {
			const { error } = await run({ operation: 'get', cartId });
			expect(error?.message).toMatch(/^Cart ID (is empty|must be a positive whole number)/);
		}
		expect(apiRequests()).toHaveLength(0);
	});

	it('Update answers 204, so the cart is read again; the offer text Keyline requires is re-sent when not changed', async () => {
		const cart = sandbox.store.createCart(OWNER);
		cart.custom_offer_text = 'Old text';
		const { items, error } = await run({
			operation: 'update',
			cartId: String(cart.id),
			updateFields: { dueAt: '2027-01-05T10:00:00Z' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: cart.id,
			custom_offer_text: 'Old text',
			due_at: '2027-01-05T10:00:00.000Z',
		});
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${BASE}/carts/${cart.id}`,
			`PATCH ${BASE}/carts/${cart.id}`,
			`GET ${BASE}/carts/${cart.id}`,
		]);
		expect(apiRequests()[1].json).toEqual({
			cart: { due_at: '2027-01-05T10:00:00Z', custom_offer_text: 'Old text' },
		});
	});

	it('Update of a cart without offer text asks for one instead of sending what Keyline refuses', async () => {
		const cart = sandbox.store.createCart(OWNER);
		const { error } = await run({
			operation: 'update',
			cartId: String(cart.id),
			updateFields: { dueAt: '2027-01-05T10:00:00Z' },
		});
		expect(error?.message).toBe('Custom Offer Text is needed to update this cart');
		expect(apiRequests().filter((r) => r.method === 'PATCH')).toHaveLength(0);
	});

	it("Update shows Keyline's 422 with the field named and its German text kept", async () => {
		const cart = sandbox.store.createCart(OWNER);
		const { error } = await run({
			operation: 'update',
			cartId: String(cart.id),
			updateFields: { customOfferText: '' },
		});
		expect(error?.message).toBe('Keyline: custom_offer_text: muss ausgefüllt werden');
		expect(error?.httpCode).toBe('422');
		expect(String(error?.description)).toContain(
			'In English: custom_offer_text: must be filled in.',
		);
	});

	it('Update can remove all custom references (sent as null), but not together with new ones', async () => {
		const cart = sandbox.store.createCart(OWNER);
		cart.custom_offer_text = 'Text';
		cart.custom_references = { PO: 1 };
		const { items, error } = await run({
			operation: 'update',
			cartId: String(cart.id),
			updateFields: { clearCustomReferences: true },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.custom_references).toBeNull();
		expect(apiRequests().find((r) => r.method === 'PATCH')?.json).toEqual({
			cart: { custom_references: null, custom_offer_text: 'Text' },
		});
		sandbox.clearRequests();
		const both = await run({
			operation: 'update',
			cartId: String(cart.id),
			updateFields: {
				clearCustomReferences: true,
				customReferences: { reference: [{ key: 'PO', value: '2' }] },
			},
		});
		expect(both.error?.message).toBe(
			'Remove All Custom References and Custom References are both given',
		);
		expect(apiRequests()).toHaveLength(0);
	});

	it('Delete outputs what was deleted, read just before', async () => {
		const cart = sandbox.store.createCart(OWNER);
		const { items } = await run({ operation: 'delete', cartId: String(cart.id) });
		expect(items[0].json).toMatchObject({ deleted: true, id: cart.id, reference: cart.reference });
		expect(sandbox.store.carts.has(cart.id)).toBe(false);
	});

	it('A missing cart reads as Keyline said it, with what to check', async () => {
		const { error } = await run({ operation: 'delete', cartId: '4242' });
		expect(error?.message).toBe("Keyline: Couldn't find Cart with 'id'=4242");
		expect(String(error?.description)).toContain('A cart that has been checked out is gone');
		expect(apiRequests().filter((r) => r.method === 'DELETE')).toHaveLength(0);
	});

	it('Validate lists what is missing as data (422 is an answer here), or says ready', async () => {
		const empty = sandbox.store.createCart(OWNER);
		let result = await run({ operation: 'validate', cartId: String(empty.id) });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ cart_id: empty.id, ready: false });
		expect(result.items[0].json.missing).toEqual([
			'products',
			'delivery_address',
			'billing_address',
			'carrier',
			'customer',
			'recipient',
		]);
		expect((result.items[0].json.errors as unknown[])[0]).toEqual({
			field: 'products',
			message: 'muss ausgefüllt werden',
			message_en: 'must be filled in',
		});
		result = await run({
			operation: 'validate',
			cartId: String(empty.id),
			itemPerMissingField: true,
		});
		expect(result.items).toHaveLength(6);
		expect(result.items[3].json).toEqual({
			cartId: empty.id,
			id: empty.id,
			cart_id: empty.id,
			ready: false,
			field: 'carrier',
			message: 'muss ausgefüllt werden',
			message_en: 'must be filled in',
		});
		const full = completeCart();
		result = await run({ operation: 'validate', cartId: String(full.id) });
		expect(result.items[0].json).toEqual({
			cartId: full.id,
			id: full.id,
			cart_id: full.id,
			ready: true,
			missing: [],
			errors: [],
		});
	});

	it('Check Out outputs the order ID and URL from the 301, without fetching the order, and is sent once', async () => {
		const cart = completeCart();
		const { items, error } = await run({ operation: 'checkout', cartId: String(cart.id) });
		expect(error).toBeUndefined();
		const orderId = sandbox.store.carts.get(cart.id)!.order_id!;
		expect(items[0].json).toEqual(checkedOutOutput(sandbox.baseUrl, cart.id, orderId));
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${BASE}/carts/${cart.id}/checkout`,
		]);
	});

	it('Check Out of an incomplete cart fails with each missing field; a 500 is not retried', async () => {
		const empty = sandbox.store.createCart(OWNER);
		let { error } = await run({ operation: 'checkout', cartId: String(empty.id) });
		expect(error?.message).toContain(
			'Keyline: products: muss ausgefüllt werden; delivery_address: muss ausgefüllt werden',
		);
		const cart = completeCart();
		sandbox.clearRequests();
		sandbox.addFault({ kind: 'status', status: 500, path: '/checkout' } as never);
		({ error } = await run({ operation: 'checkout', cartId: String(cart.id) }));
		expect(error?.httpCode).toBe('500');
		expect(apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('With Continue On Fail, a bad item fails alone and the others go on', async () => {
		const a = sandbox.store.createCart(OWNER);
		const b = sandbox.store.createCart(OWNER);
		const { items } = await run(
			{ operation: 'get', cartId: '={{ $json.id }}' },
			[{ id: a.id }, { id: 'nope' }, { id: b.id }],
			true,
		);
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe(a.id);
		expect(items[1].json.error).toContain('Cart ID must be a positive whole number');
		expect(items[2].json.id).toBe(b.id);
	});

	it('A key Keyline does not accept stops before the operation, saying it was rejected, without the key', async () => {
		const revoked = 'b'.repeat(64);
		const { error, run: runData } = await runNode({
			type: 'keyline',
			parameters: { resource: 'cart', operation: 'create' } as never,
			credentials: [keylineCredential(sandbox, { apiKey: revoked })],
		});
		expect(error?.message).toMatch(/^Keyline rejected this API key \(403 "Bad token"\)/);
		expect(sandbox.requestsTo('POST')).toHaveLength(0);
		expect(JSON.stringify(runData)).not.toContain(revoked);
	});

	it("A key revoked after it was verified reads as Keyline's 403 with what to do", async () => {
		sandbox.addFault({
			kind: 'status',
			status: 403,
			path: '/carts$',
			body: { error: 'Bad token.' },
		} as never);
		const { error } = await run({ operation: 'create' });
		expect(error?.message).toBe('Keyline: Bad token.');
		expect(String(error?.description)).toContain('Keyline rejected the API key');
		expect(sandbox.store.carts.size).toBe(0);
	});

	it('Never puts the API key in output or errors', async () => {
		const { items, error, run: runData } = await run({ operation: 'get', cartId: '4242' });
		const visible = JSON.stringify({ items, error, runData });
		expect(visible).not.toContain(OWNER);
	});
});

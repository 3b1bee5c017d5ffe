/**
 * Product operations through n8n-core's engine against the Keyline sandbox: each endpoint, the
 * request log checked (method, path, JSON body), and what is refused before sending.
 */
import { KEYLINE_PRODUCT_TEMPLATES, KEYLINE_SANDBOX_API_KEY as OWNER } from '../sandbox/keyline';
import { useKeylineSandbox } from '../harness/sandboxes';
import { keylineNode } from './fixtures';

const [STICKER, FLYER, BROCHURE] = KEYLINE_PRODUCT_TEMPLATES;

const byOrderNumber = (value: string) => ({ __rl: true, mode: 'orderNumber', value });
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

describe('Keyline node: Product', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests, calls: log, cartWith } = keylineNode(sandbox);

	beforeEach(() => sandbox.reset());

	it('Add by order number sends only the order number with the additional fields, and outputs the product with its amount', async () => {
		const cart = sandbox.store.createCart(OWNER);
		const { items, error } = await run('product', {
			operation: 'add',
			cartId: String(cart.id),
			productTemplate: byOrderNumber(' KEY-XY-123 '),
			additionalFields: {
				name: 'Sticker',
				netTotalCents: 4321,
				circulation: 400,
				customReferences: { reference: [{ key: 'PO', value: '7891234' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(log()).toEqual([`POST /carts/${cart.id}/products`]);
		expect(apiRequests()[0].json).toEqual({
			product: {
				order_number: 'KEY-XY-123',
				name: 'Sticker',
				net_total: 4321,
				circulation: 400,
				custom_references: { PO: '7891234' },
			},
		});
		expect(items).toHaveLength(1);
		const product = items[0].json;
		expect(product).toMatchObject({
			name: 'Sticker',
			circulation_sum: 400,
			net_total: { cent_amount: 4321, currency: 'EUR', amount: 43.21 },
			custom_references: { PO: '7891234' },
		});
		expect(product.reference).toMatch(/^[0-9A-Z]{6}$/);
		expect(product.components).toEqual([
			expect.objectContaining({ name: 'Aufkleber / Etikett', closed_dimensions: [140, 140] }),
		]);
		expect(product.variants).toEqual([
			expect.objectContaining({ name: 'Standard', circulation: 400 }),
		]);
		expect(sandbox.store.carts.get(cart.id)!.products.map((p) => p.id)).toEqual([product.id]);
	});

	it('Add by ID sends only the template ID; Net Total (Amount) 43.21 goes as 4321 cents', async () => {
		const cart = sandbox.store.createCart(OWNER);
		const { items, error } = await run('product', {
			operation: 'add',
			cartId: String(cart.id),
			productTemplate: byId(BROCHURE.id),
			additionalFields: { netTotal: 43.21 },
		});
		expect(error).toBeUndefined();
		expect(apiRequests()[0].json).toEqual({
			product: { product_template_id: BROCHURE.id, net_total: 4321 },
		});
		// The brochure's service costs (15.00) are added to a price set this way, as the doc says.
		expect(items[0].json).toMatchObject({
			name: BROCHURE.name,
			net_total: { cent_amount: 4321 + BROCHURE.service_cents, amount: 58.21 },
		});
		expect(items[0].json.components).toHaveLength(2);
	});

	it('Add refuses a missing or mistyped template and out-of-limit values before sending', async () => {
		const cart = sandbox.store.createCart(OWNER);
		const add = async (productTemplate: unknown, additionalFields: Record<string, unknown> = {}) =>
			(
				await run('product', {
					operation: 'add',
					cartId: String(cart.id),
					productTemplate,
					additionalFields,
				})
			).error;
		const cases: Array<[unknown, Record<string, unknown>, string]> = [
			// Left empty, n8n itself refuses the required field; a mapping can still give nothing.
			[byOrderNumber('={{ $json.orderNumber }}'), {}, 'Product Template order number is empty'],
			[byId('={{ "  " }}'), {}, 'Product Template ID is empty'],
			[
				byId('={{ "KEY-XY-123" }}'),
				{},
				'Product Template ID must be a positive whole number, not "KEY-XY-123"',
			],
			[byId('0'), {}, 'Product Template ID must be a positive whole number, not "0"'],
			[
				byOrderNumber('KEY-XY-123'),
				{ netTotal: 43.21, netTotalCents: 4321 },
				'Net Total is given twice: as an amount and in cents',
			],
			[
				byOrderNumber('KEY-XY-123'),
				{ netTotal: 43.215 },
				'Net Total (Amount) 43.215 has more than two decimal places',
			],
			[
				byOrderNumber('KEY-XY-123'),
				{ netTotal: 0 },
				'Net Total (Amount) must be a price above 0, not "0"',
			],
			[
				byOrderNumber('KEY-XY-123'),
				{ netTotalCents: 43.21 },
				'Net Total (Cents) must be a whole number of at least 1, not "43.21"',
			],
			[
				byOrderNumber('KEY-XY-123'),
				{ circulation: 0 },
				'Circulation must be a whole number of at least 1, not "0"',
			],
			[byOrderNumber('KEY-XY-123'), { name: '' }, 'Name is empty'],
			[
				byOrderNumber('KEY-XY-123'),
				{ name: 'x'.repeat(201) },
				'Name is 201 characters long: Keyline takes at most 200',
			],
			[
				byOrderNumber('KEY-XY-123'),
				{
					customReferences: {
						reference: Array.from({ length: 6 }, (_, i) => ({ key: `K${i}`, value: 'v' })),
					},
				},
				'Custom References has 6 entries: Keyline keeps at most 5',
			],
		];
		for (const [template, fields, message] of cases) {
			const error = await add(template, fields);
			expect(error?.message).toBe(message);
		}
		const mistyped = await add(byId('={{ "KEY-XY-123" }}'));
		expect(String(mistyped?.description)).toContain('set Product Template to By Order Number');
		// Typed in (not mapped), n8n itself flags the field by the ID mode's rule before running.
		await expect(add(byId('KEY-XY-123'))).rejects.toThrow(
			'An ID is digits only. For an order number, choose By Order Number.',
		);
		expect(apiRequests()).toHaveLength(0);
	});

	it('Add accepts a name of exactly 200 characters and five custom references', async () => {
		const cart = sandbox.store.createCart(OWNER);
		const reference = Array.from({ length: 5 }, (_, i) => ({ key: `K${i}`, value: `v${i}` }));
		const { error, items } = await run('product', {
			operation: 'add',
			cartId: String(cart.id),
			productTemplate: byId(FLYER.id),
			additionalFields: { name: 'x'.repeat(200), customReferences: { reference } },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.name).toHaveLength(200);
		expect(Object.keys(items[0].json.custom_references as object)).toHaveLength(5);
	});

	it("Add with a template the print shop does not have shows Keyline's 422 naming it", async () => {
		const cart = sandbox.store.createCart(OWNER);
		const { error } = await run('product', {
			operation: 'add',
			cartId: String(cart.id),
			productTemplate: byId(999),
		});
		expect(error?.message).toBe(
			'Keyline: product_template: No product template found with given id',
		);
		expect(error?.httpCode).toBe('422');
		expect(apiRequests()[0].json).toEqual({ product: { product_template_id: 999 } });
	});

	it('Add to a cart that was checked out reads as the missing cart, with what to do', async () => {
		const { cart } = cartWith();
		sandbox.store.checkout(cart);
		const { error } = await run('product', {
			operation: 'add',
			cartId: String(cart.id),
			productTemplate: byId(STICKER.id),
		});
		expect(error?.message).toBe(`Keyline: Couldn't find Cart with 'id'=${cart.id}`);
		expect(String(error?.description)).toContain('work with its order instead');
	});

	it('Get Many of a cart outputs one item per product, money with its amount', async () => {
		const { cart, product } = cartWith();
		const second = sandbox.store.createProduct(FLYER);
		cart.products.push(second);
		const { items, error } = await run('product', { operation: 'getAll', cartId: String(cart.id) });
		expect(error).toBeUndefined();
		expect(log()).toEqual([`GET /carts/${cart.id}/products`]);
		expect(items.map((i) => i.json.id)).toEqual([product.id, second.id]);
		// Sticker: 45.00 + 0.03 × 1000; flyer: 29.00 + 0.05 × 500.
		expect(items.map((i) => i.json.net_total)).toEqual([
			{ cent_amount: 7500, currency: 'EUR', amount: 75 },
			{ cent_amount: 5400, currency: 'EUR', amount: 54 },
		]);
	});

	it('Get Many and Get of an order read /orders/{id}/products', async () => {
		const order = sandbox.seedOrder({
			products: [
				{ orderNumber: 'KEY-BRO-A4', name: 'Jahresbericht' },
				{ productTemplateId: STICKER.id },
			],
		});
		const [brochure, sticker] = order.products;
		let result = await run('product', {
			operation: 'getAll',
			parent: 'order',
			orderId: String(order.id),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual(['Jahresbericht', STICKER.name]);
		result = await run('product', {
			operation: 'get',
			parent: 'order',
			orderId: String(order.id),
			productId: String(sticker.id),
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			id: sticker.id,
			reference: sticker.reference,
			circulation_sum: 1000,
		});
		expect(log()).toEqual([
			`GET /orders/${order.id}/products`,
			`GET /orders/${order.id}/products/${sticker.id}`,
		]);
		expect(brochure.id).not.toBe(sticker.id);
	});

	it('Get of a cart product outputs it unwrapped', async () => {
		const { product, ids } = cartWith(FLYER);
		const { items, error } = await run('product', { operation: 'get', ...ids });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: product.id,
			name: FLYER.name,
			variants: [{ name: 'Standard', circulation: 500 }],
		});
		expect(log()).toEqual([`GET /carts/${ids.cartId}/products/${ids.productId}`]);
	});

	it('Get refuses IDs that are not positive whole numbers, naming the field, before sending', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[
				{ cartId: '9981', productId: 'BX2WAV' },
				/^Product ID must be a positive whole number, not "BX2WAV"/,
			],
			[{ cartId: '={{ "" }}', productId: '17621' }, /^Cart ID is empty/],
			[
				{ parent: 'order', orderId: '-4', productId: '17621' },
				/^Order ID must be a positive whole number/,
			],
		];
		for (const [ids, message] of cases) {
			const { error } = await run('product', { operation: 'get', ...ids });
			expect(error?.message).toMatch(message);
		}
		expect(apiRequests()).toHaveLength(0);
	});

	it('A product that is not in the cart reads as Keyline said it (404 naming the product)', async () => {
		const { cart } = cartWith();
		const other = cartWith();
		const { error } = await run('product', {
			operation: 'get',
			cartId: String(cart.id),
			productId: other.ids.productId,
		});
		expect(error?.message).toBe(`Keyline: Couldn't find Product with 'id'=${other.product.id}`);
		expect(error?.httpCode).toBe('404');
		expect(String(error?.description)).toContain('Check the ID');
	});

	it('Update sends the changed fields, then outputs the product read again (Keyline answers 204)', async () => {
		const { ids, product } = cartWith();
		const { items, error } = await run('product', {
			operation: 'update',
			...ids,
			updateFields: {
				name: 'Sticker rund',
				circulation: 2500,
				netTotal: 99.9,
				customReferences: { reference: [{ key: 'PO', value: '42' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(log()).toEqual([
			`PATCH /carts/${ids.cartId}/products/${ids.productId}`,
			`GET /carts/${ids.cartId}/products/${ids.productId}`,
		]);
		expect(apiRequests()[0].json).toEqual({
			product: {
				name: 'Sticker rund',
				net_total: 9990,
				circulation: 2500,
				custom_references: { PO: '42' },
			},
		});
		expect(items[0].json).toMatchObject({
			id: product.id,
			name: 'Sticker rund',
			circulation_sum: 2500,
			net_total: { cent_amount: 9990, amount: 99.9 },
			custom_references: { PO: '42' },
		});
	});

	it('Update with nothing to change, or an empty name, is refused before sending', async () => {
		const { ids } = cartWith();
		let { error } = await run('product', { operation: 'update', ...ids, updateFields: {} });
		expect(error?.message).toBe('Nothing to update');
		({ error } = await run('product', {
			operation: 'update',
			...ids,
			updateFields: { name: '  ' },
		}));
		expect(error?.message).toBe('Name is empty');
		expect(apiRequests()).toHaveLength(0);
	});

	it("Update shows Keyline's 422 with the field and its German text", async () => {
		const { ids, product } = cartWith();
		product.variants.push({
			id: sandbox.store.nextId('variant'),
			name: 'Englisch',
			circulation: 500,
		});
		const { error } = await run('product', {
			operation: 'update',
			...ids,
			updateFields: { circulation: 300 },
		});
		expect(error?.message).toBe(
			'Keyline: circulation: kann nicht gesetzt werden, wenn das Produkt mehrere Varianten hat',
		);
		expect(error?.httpCode).toBe('422');
		expect(String(error?.description)).toContain(
			'In English: circulation: cannot be set when the product has several variants',
		);
		expect(log()).toEqual([`PATCH /carts/${ids.cartId}/products/${ids.productId}`]);
	});

	it('Remove reads the product, deletes it and outputs what was removed', async () => {
		const { cart, ids, product } = cartWith();
		const { items, error } = await run('product', { operation: 'remove', ...ids });
		expect(error).toBeUndefined();
		expect(log()).toEqual([
			`GET /carts/${ids.cartId}/products/${ids.productId}`,
			`DELETE /carts/${ids.cartId}/products/${ids.productId}`,
		]);
		expect(apiRequests()[1].json).toBeUndefined();
		expect(items[0].json).toMatchObject({
			deleted: true,
			id: product.id,
			reference: product.reference,
			name: STICKER.name,
		});
		expect(cart.products).toHaveLength(0);
	});

	it('Remove of a product that is not there deletes nothing and names it', async () => {
		const { ids } = cartWith();
		const { error } = await run('product', {
			operation: 'remove',
			cartId: ids.cartId,
			productId: '17999',
		});
		expect(error?.message).toBe("Keyline: Couldn't find Product with 'id'=17999");
		expect(apiRequests().filter((r) => r.method === 'DELETE')).toHaveLength(0);
	});

	it('With Continue On Fail, a bad ID and a missing product fail alone and the other items go on', async () => {
		const { cart, product } = cartWith();
		const second = sandbox.store.createProduct(FLYER);
		cart.products.push(second);
		const { items, error } = await run(
			'product',
			{ operation: 'get', cartId: String(cart.id), productId: '={{ $json.id }}' },
			[{ id: product.id }, { id: 'BX2WAV' }, { id: 17999 }, { id: second.id }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items[0].json.id).toBe(product.id);
		expect(items[1].json.error).toContain('Product ID must be a positive whole number');
		expect(items[2].json.error).toContain("Couldn't find Product with 'id'=17999");
		expect(items[3].json.id).toBe(second.id);
		// Items' requests start at once: their order in the log is not fixed.
		expect(log().sort()).toEqual(
			[product.id, 17999, second.id].map((id) => `GET /carts/${cart.id}/products/${id}`).sort(),
		);
	});
});

/**
 * Variant operations through n8n-core's engine against the Keyline sandbox: each endpoint, the
 * request log checked (method, path, JSON body), and what is refused before sending.
 */
import { useKeylineSandbox } from '../harness/sandboxes';
import { keylineNode } from './fixtures';

describe('Keyline node: Variant', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests, calls: log, cartWith } = keylineNode(sandbox);

	beforeEach(() => sandbox.reset());

	const variantsPath = (ids: { cartId: string; productId: string }) =>
		`/carts/${ids.cartId}/products/${ids.productId}/variants`;
	/** The parent IDs every variant output carries, as numbers. */
	const parentsOf = (ids: { cartId: string; productId: string }) => ({
		cartId: Number(ids.cartId),
		productId: Number(ids.productId),
	});

	it('Create sends name and circulation and outputs the variant', async () => {
		const { ids, product } = cartWith();
		const { items, error } = await run('variant', {
			operation: 'create',
			...ids,
			name: 'Englisch',
			circulation: 5000,
		});
		expect(error).toBeUndefined();
		expect(log()).toEqual([`POST ${variantsPath(ids)}`]);
		expect(apiRequests()[0].json).toEqual({ variant: { name: 'Englisch', circulation: 5000 } });
		expect(items[0].json).toEqual({
			...parentsOf(ids),
			id: product.variants[1].id,
			name: 'Englisch',
			circulation: 5000,
		});
	});

	it('Create with an empty name lets Keyline name the variant; circulation defaults to 1000', async () => {
		const { ids } = cartWith();
		const { items, error } = await run('variant', { operation: 'create', ...ids });
		expect(error).toBeUndefined();
		expect(apiRequests()[0].json).toEqual({ variant: { circulation: 1000 } });
		expect(items[0].json).toMatchObject({ name: 'Variante 2', circulation: 1000 });
	});

	it('Create refuses a name expression that gives nothing, a long name and a zero circulation before sending', async () => {
		const { ids } = cartWith();
		let { error } = await run(
			'variant',
			{ operation: 'create', ...ids, name: '={{ $json.language }}' },
			[{ other: 1 }],
		);
		expect(error?.message).toBe('Name is empty: its expression gave no value');
		({ error } = await run('variant', { operation: 'create', ...ids, name: 'x'.repeat(201) }));
		expect(error?.message).toBe('Name is 201 characters long: Keyline takes at most 200');
		({ error } = await run('variant', {
			operation: 'create',
			...ids,
			name: 'Deutsch',
			circulation: 0,
		}));
		expect(error?.message).toBe('Circulation must be a whole number of at least 1, not "0"');
		({ error } = await run('variant', {
			operation: 'create',
			cartId: ids.cartId,
			productId: '={{ $json.productId }}',
			name: 'Deutsch',
		}));
		expect(error?.message).toBe('Product ID is empty');
		expect(apiRequests()).toHaveLength(0);
	});

	it("Create with a name the product already has shows Keyline's 422 (ist bereits vergeben)", async () => {
		const { ids } = cartWith();
		const { error } = await run('variant', { operation: 'create', ...ids, name: 'Standard' });
		expect(error?.message).toBe('Keyline: name: ist bereits vergeben');
		expect(error?.httpCode).toBe('422');
	});

	it('Get Many outputs one item per variant; Get outputs one', async () => {
		const { ids, product } = cartWith();
		product.variants.push({
			id: sandbox.store.nextId('variant'),
			name: 'Englisch',
			circulation: 5000,
		});
		let result = await run('variant', { operation: 'getAll', ...ids });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ ...parentsOf(ids), id: product.variants[0].id, name: 'Standard', circulation: 1000 },
			{ ...parentsOf(ids), id: product.variants[1].id, name: 'Englisch', circulation: 5000 },
		]);
		result = await run('variant', {
			operation: 'get',
			...ids,
			variantId: String(product.variants[1].id),
		});
		expect(result.items.map((i) => i.json)).toEqual([
			{ ...parentsOf(ids), id: product.variants[1].id, name: 'Englisch', circulation: 5000 },
		]);
		expect(log()).toEqual([
			`GET ${variantsPath(ids)}`,
			`GET ${variantsPath(ids)}/${product.variants[1].id}`,
		]);
	});

	it('Update sends the changed fields and outputs the variant read again', async () => {
		const { ids, product } = cartWith();
		const variantId = String(product.variants[0].id);
		const { items, error } = await run('variant', {
			operation: 'update',
			...ids,
			variantId,
			updateFields: { name: 'Deutsch', circulation: 750 },
		});
		expect(error).toBeUndefined();
		expect(log()).toEqual([
			`PATCH ${variantsPath(ids)}/${variantId}`,
			`GET ${variantsPath(ids)}/${variantId}`,
		]);
		expect(apiRequests()[0].json).toEqual({ variant: { name: 'Deutsch', circulation: 750 } });
		expect(items[0].json).toEqual({
			...parentsOf(ids),
			id: Number(variantId),
			name: 'Deutsch',
			circulation: 750,
		});
	});

	it('Update with nothing to change or a bad variant ID is refused before sending', async () => {
		const { ids, product } = cartWith();
		let { error } = await run('variant', {
			operation: 'update',
			...ids,
			variantId: String(product.variants[0].id),
			updateFields: {},
		});
		expect(error?.message).toBe('Nothing to update');
		({ error } = await run('variant', {
			operation: 'update',
			...ids,
			variantId: 'Standard',
			updateFields: { circulation: 5 },
		}));
		expect(error?.message).toBe('Variant ID must be a positive whole number, not "Standard"');
		expect(apiRequests()).toHaveLength(0);
	});

	it('Delete reads the variant, deletes it and outputs what was deleted; a missing one is named', async () => {
		const { ids, product } = cartWith();
		const variant = product.variants[0];
		const { items, error } = await run('variant', {
			operation: 'delete',
			...ids,
			variantId: String(variant.id),
		});
		expect(error).toBeUndefined();
		expect(log()).toEqual([
			`GET ${variantsPath(ids)}/${variant.id}`,
			`DELETE ${variantsPath(ids)}/${variant.id}`,
		]);
		expect(items[0].json).toEqual({
			...parentsOf(ids),
			deleted: true,
			id: variant.id,
			name: 'Standard',
			circulation: 1000,
		});
		expect(product.variants).toHaveLength(0);
		const again = await run('variant', {
			operation: 'delete',
			...ids,
			variantId: String(variant.id),
		});
		expect(again.error?.message).toBe(`Keyline: Couldn't find Variant with 'id'=${variant.id}`);
	});
});

/**
 * Customer (Set, Get, Delete) through n8n-core's engine against the Keyline sandbox: every endpoint
 * with its request log, and the refusals a workflow builder must be able to read.
 */
import { useKeylineSandbox } from '../harness/sandboxes';
import { keylineNode } from './fixtures';

const CRISPY = { id: 206, name: 'Crispy GmbH & Co. KG', tax_identifier: null, reference: 'NEE6UC' };

describe('Keyline node: Customer', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests, calls, bodyOf, newCart } = keylineNode(sandbox);

	beforeEach(() => sandbox.reset());

	it('Set sends {"customer":{"id":206}} and outputs the customer unwrapped', async () => {
		const cart = newCart();
		const { items, error } = await run('customer', {
			operation: 'set',
			cartId: String(cart.id),
			customerId: ' 206 ',
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ cartId: cart.id, ...CRISPY }]);
		expect(calls()).toEqual([`POST /carts/${cart.id}/customer`]);
		expect(bodyOf('POST')).toEqual({ customer: { id: 206 } });
		expect(sandbox.store.carts.get(cart.id)!.customer_id).toBe(206);
	});

	it('Get outputs the customer of the cart', async () => {
		const cart = newCart();
		cart.customer_id = 207;
		const { items, error } = await run('customer', { operation: 'get', cartId: String(cart.id) });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			cartId: cart.id,
			id: 207,
			name: 'Stark Industries AG',
			tax_identifier: 'DE123456789',
			reference: 'ST4RK7',
		});
		expect(calls()).toEqual([`GET /carts/${cart.id}/customer`]);
	});

	it('Delete reads the customer, removes it, and outputs what was removed', async () => {
		const cart = newCart();
		cart.customer_id = 206;
		const { items, error } = await run('customer', {
			operation: 'delete',
			cartId: String(cart.id),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ cartId: cart.id, deleted: true, ...CRISPY }]);
		expect(calls()).toEqual([
			`GET /carts/${cart.id}/customer`,
			`DELETE /carts/${cart.id}/customer`,
		]);
		expect(sandbox.store.carts.get(cart.id)!.customer_id).toBeNull();
	});

	it("A cart without customer: Keyline's 404 words, and how to set one; Delete sends no DELETE", async () => {
		const cart = newCart();
		for (const operation of ['get', 'delete']) {
			const { error } = await run('customer', { operation, cartId: String(cart.id) });
			expect(error?.message).toBe('Keyline: No customer information stored with this cart');
			expect(error?.httpCode).toBe('404');
			expect(error?.description).toBe(
				`Keyline answered HTTP 404 to GET /carts/${cart.id}/customer. Cart ${cart.id} has no customer (none was set, or it was deleted). Set one with Customer → Set.`,
			);
		}
		expect(calls()).toEqual([`GET /carts/${cart.id}/customer`, `GET /carts/${cart.id}/customer`]);
	});

	it('A missing cart keeps the general 404 hint (check the ID)', async () => {
		const { error } = await run('customer', { operation: 'get', cartId: '4242' });
		expect(error?.message).toBe("Keyline: Couldn't find Cart with 'id'=4242");
		expect(String(error?.description)).toContain('Check the ID');
	});

	it('An ID the print shop does not know: 422 naming the field, and that IDs are agreed with the print shop', async () => {
		const cart = newCart();
		const { error } = await run('customer', {
			operation: 'set',
			cartId: String(cart.id),
			customerId: '999',
		});
		expect(error?.message).toBe('Keyline: customer: No customer found with given id');
		expect(error?.httpCode).toBe('422');
		expect(String(error?.description)).toContain('knows no customer with Customer ID 999');
		expect(String(error?.description)).toContain('agreed with the print shop');
		expect(sandbox.store.carts.get(cart.id)!.customer_id).toBeNull();
	});

	it('Refuses a Customer ID or Cart ID that is not a positive whole number, before sending', async () => {
		const cart = newCart();
		let { error } = await run('customer', {
			operation: 'set',
			cartId: String(cart.id),
			customerId: 'Crispy',
		});
		expect(error?.message).toBe('Customer ID must be a positive whole number, not "Crispy"');
		({ error } = await run('customer', {
			operation: 'set',
			cartId: String(cart.id),
			customerId: '={{ "" }}',
		}));
		expect(error?.message).toBe('Customer ID is empty');
		({ error } = await run('customer', { operation: 'get', cartId: 'N4XTC8' }));
		expect(error?.message).toBe('Cart ID must be a positive whole number, not "N4XTC8"');
		expect(apiRequests()).toHaveLength(0);
	});
});

/**
 * Carrier (Set, Get, Delete) through n8n-core's engine against the Keyline sandbox: every endpoint
 * with its request log, and the refusals a workflow builder must be able to read.
 */
import { useKeylineSandbox } from '../harness/sandboxes';
import { keylineNode } from './fixtures';

describe('Keyline node: Carrier', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests, calls, bodyOf, newCart } = keylineNode(sandbox);

	beforeEach(() => sandbox.reset());

	it('Cart: Set sends {"carrier":{"id":43}}, Get outputs it, Delete removes it and outputs it', async () => {
		const cart = newCart();
		let result = await run('carrier', {
			operation: 'set',
			parent: 'cart',
			cartId: String(cart.id),
			carrierId: '43',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ cartId: cart.id, id: 43, name: 'Paket DHL' },
		]);
		expect(bodyOf('POST')).toEqual({ carrier: { id: 43 } });
		result = await run('carrier', { operation: 'get', cartId: String(cart.id) });
		expect(result.items.map((i) => i.json)).toEqual([
			{ cartId: cart.id, id: 43, name: 'Paket DHL' },
		]);
		result = await run('carrier', { operation: 'delete', parent: 'cart', cartId: String(cart.id) });
		expect(result.items.map((i) => i.json)).toEqual([
			{ cartId: cart.id, deleted: true, id: 43, name: 'Paket DHL' },
		]);
		expect(calls()).toEqual([
			`POST /carts/${cart.id}/carrier`,
			`GET /carts/${cart.id}/carrier`,
			`GET /carts/${cart.id}/carrier`,
			`DELETE /carts/${cart.id}/carrier`,
		]);
		expect(sandbox.store.carts.get(cart.id)!.carrier_id).toBeNull();
	});

	it('Order: Get, Set and Delete go to /orders/{id}/carrier', async () => {
		const order = sandbox.seedOrder({ state: 'confirmed', carrierId: 43 });
		const id = String(order.id);
		let result = await run('carrier', { operation: 'get', parent: 'order', orderId: id });
		expect(result.items.map((i) => i.json)).toEqual([
			{ orderId: order.id, id: 43, name: 'Paket DHL' },
		]);
		result = await run('carrier', {
			operation: 'set',
			parent: 'order',
			orderId: id,
			carrierId: 44,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ orderId: order.id, id: 44, name: 'UPS Standard' },
		]);
		expect(bodyOf('POST')).toEqual({ carrier: { id: 44 } });
		result = await run('carrier', { operation: 'delete', parent: 'order', orderId: id });
		expect(result.items.map((i) => i.json)).toEqual([
			{ orderId: order.id, deleted: true, id: 44, name: 'UPS Standard' },
		]);
		expect(calls()).toEqual([
			`GET /orders/${id}/carrier`,
			`POST /orders/${id}/carrier`,
			`GET /orders/${id}/carrier`,
			`DELETE /orders/${id}/carrier`,
		]);
		expect(sandbox.store.orders.get(order.id)!.carrier_id).toBeNull();
	});

	it('A completed order: Keyline’s German refusal, translated, and why', async () => {
		const order = sandbox.seedOrder({ state: 'completed' });
		const { error } = await run('carrier', {
			operation: 'set',
			parent: 'order',
			orderId: String(order.id),
			carrierId: '44',
		});
		expect(error?.message).toBe(
			'Keyline: Der Auftrag kann nicht mehr geändert werden (the order can no longer be changed)',
		);
		expect(error?.httpCode).toBe('422');
		expect(error?.description).toBe(
			`Keyline answered HTTP 422 to POST /orders/${order.id}/carrier. Order ${order.id} is completed or archived: Keyline takes no more changes to it, so its carrier stays as it is. Ask the print shop if it must still change.`,
		);
		expect(sandbox.store.orders.get(order.id)!.carrier_id).toBe(43);
	});

	it('An archived order refuses the delete too; the carrier stays', async () => {
		const order = sandbox.seedOrder({ state: 'archived' });
		const { error, items } = await run('carrier', {
			operation: 'delete',
			parent: 'order',
			orderId: String(order.id),
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'Keyline: Der Auftrag kann nicht mehr geändert werden (the order can no longer be changed)',
		);
		expect(calls()).toEqual([
			`GET /orders/${order.id}/carrier`,
			`DELETE /orders/${order.id}/carrier`,
		]);
		expect(sandbox.store.orders.get(order.id)!.carrier_id).toBe(43);
	});

	it('An unknown carrier: the doc’s 422 with the field named, and where the IDs come from', async () => {
		const cart = newCart();
		const { error } = await run('carrier', {
			operation: 'set',
			cartId: String(cart.id),
			carrierId: '7',
		});
		expect(error?.message).toBe('Keyline: carrier: No carrier found with given id');
		expect(String(error?.description)).toContain('knows no carrier with Carrier ID 7');
	});

	it('No carrier on the order: 404 in Keyline’s words, naming the order', async () => {
		const order = sandbox.seedOrder({ carrierId: null });
		const { error } = await run('carrier', {
			operation: 'get',
			parent: 'order',
			orderId: String(order.id),
		});
		expect(error?.message).toBe('Keyline: No carrier definition stored with this order');
		expect(String(error?.description)).toContain(`Order ${order.id} has no carrier`);
	});

	it('Refuses bad Order ID and Carrier ID before sending', async () => {
		let { error } = await run('carrier', { operation: 'get', parent: 'order', orderId: '-1' });
		expect(error?.message).toBe('Order ID must be a positive whole number, not "-1"');
		({ error } = await run('carrier', {
			operation: 'set',
			parent: 'cart',
			cartId: '9981',
			carrierId: 'DHL',
		}));
		expect(error?.message).toBe('Carrier ID must be a positive whole number, not "DHL"');
		expect(apiRequests()).toHaveLength(0);
	});
});

/**
 * Recipient (Set, Get, Delete) through n8n-core's engine against the Keyline sandbox: every endpoint
 * with its request log, and the refusals a workflow builder must be able to read.
 */
import { useKeylineSandbox } from '../harness/sandboxes';
import { keylineNode } from './fixtures';

describe('Keyline node: Recipient', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests, calls, bodyOf, newCart } = keylineNode(sandbox);

	beforeEach(() => sandbox.reset());

	it('Set before the customer: says plainly to set the customer first, with Keyline’s German words', async () => {
		const cart = newCart();
		const { error } = await run('recipient', {
			operation: 'set',
			cartId: String(cart.id),
			firstName: 'Bran',
			lastName: 'Stark',
			email: 'bran.stark@crispymtn.com',
		});
		expect(error?.message).toBe(
			'Set the customer first (Customer → Set): Keyline takes the recipient only for a cart that has a customer',
		);
		expect(error?.httpCode).toBe('422');
		expect(error?.description).toBe(
			`Keyline answered HTTP 422 to POST /carts/${cart.id}/recipient. Keyline said: "customer: muss gesetzt sein, bevor ein Empfänger gesetzt werden kann". Put a Keyline node with Resource "Customer" and Operation "Set" for this cart before this one.`,
		);
		expect(calls()).toEqual([`POST /carts/${cart.id}/recipient`]);
		expect(sandbox.store.carts.get(cart.id)!.recipient).toBeNull();
	});

	it('Set after Customer → Set sends first_name, name, email and the phone in Keyline’s form', async () => {
		const cart = newCart();
		expect(
			(await run('customer', { operation: 'set', cartId: String(cart.id), customerId: '206' }))
				.error,
		).toBeUndefined();
		sandbox.clearRequests();
		const { items, error } = await run('recipient', {
			operation: 'set',
			cartId: String(cart.id),
			firstName: ' Bran ',
			lastName: 'Stark',
			email: 'bran.stark@crispymtn.com',
			additionalFields: { phone: '+49 6131 617-1000' },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{
				cartId: cart.id,
				first_name: 'Bran',
				name: 'Stark',
				email: 'bran.stark@crispymtn.com',
				phone: '+4961316171000',
			},
		]);
		expect(calls()).toEqual([`POST /carts/${cart.id}/recipient`]);
		expect(bodyOf('POST')).toEqual({
			recipient: {
				first_name: 'Bran',
				name: 'Stark',
				email: 'bran.stark@crispymtn.com',
				phone: '+4961316171000',
			},
		});
	});

	it('Set without a phone leaves it out of the body', async () => {
		const cart = newCart();
		cart.customer_id = 206;
		const { items } = await run('recipient', {
			operation: 'set',
			cartId: String(cart.id),
			firstName: 'Arya',
			lastName: 'Stark',
			email: 'arya@example.com',
		});
		expect(items[0].json).toEqual({
			cartId: cart.id,
			first_name: 'Arya',
			name: 'Stark',
			email: 'arya@example.com',
			phone: null,
		});
		expect(bodyOf('POST')).toEqual({
			recipient: { first_name: 'Arya', name: 'Stark', email: 'arya@example.com' },
		});
	});

	it('Get outputs the recipient; Delete reads it, removes it and outputs it', async () => {
		const cart = newCart();
		cart.customer_id = 206;
		const recipient = { first_name: 'Bran', name: 'Stark', email: 'bran@example.com', phone: null };
		cart.recipient = { ...recipient };
		let result = await run('recipient', { operation: 'get', cartId: String(cart.id) });
		expect(result.items.map((i) => i.json)).toEqual([{ cartId: cart.id, ...recipient }]);
		expect(calls()).toEqual([`GET /carts/${cart.id}/recipient`]);
		sandbox.clearRequests();
		result = await run('recipient', { operation: 'delete', cartId: String(cart.id) });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ cartId: cart.id, deleted: true, ...recipient },
		]);
		expect(calls()).toEqual([
			`GET /carts/${cart.id}/recipient`,
			`DELETE /carts/${cart.id}/recipient`,
		]);
		expect(sandbox.store.carts.get(cart.id)!.recipient).toBeNull();
	});

	it('No recipient yet: Keyline’s 404 words and how to set one', async () => {
		const cart = newCart();
		const { error } = await run('recipient', { operation: 'get', cartId: String(cart.id) });
		expect(error?.message).toBe('Keyline: No recipient information stored with this cart');
		expect(String(error?.description)).toContain(`Cart ${cart.id} has no recipient`);
		expect(String(error?.description)).toContain('Recipient → Set');
	});

	it('Refuses a bad email, a phone without country code, an empty name, before sending', async () => {
		const cart = newCart();
		cart.customer_id = 206;
		const base = {
			operation: 'set',
			cartId: String(cart.id),
			firstName: 'Bran',
			lastName: 'Stark',
			email: 'bran@example.com',
		};
		let { error } = await run('recipient', { ...base, email: 'bran at example.com' });
		expect(error?.message).toBe('Email is not a valid email address: "bran at example.com"');
		({ error } = await run('recipient', { ...base, additionalFields: { phone: '06131 6171000' } }));
		expect(error?.message).toBe(
			'Phone "06131 6171000" is not in the form Keyline takes, like +4961316171000',
		);
		expect(String(error?.description)).toContain('Start with + and the country code instead of 0');
		({ error } = await run('recipient', {
			...base,
			additionalFields: { phone: '+49 (0) 6131 6171000' },
		}));
		expect(error?.message).toContain('is not in the form Keyline takes');
		({ error } = await run('recipient', { ...base, lastName: '={{ "  " }}' }));
		expect(error?.message).toBe('Last Name is empty');
		({ error } = await run('recipient', { ...base, email: '={{ $json.missing }}' }));
		expect(error?.message).toBe('Email is empty');
		expect(apiRequests()).toHaveLength(0);
	});

	it('With Continue On Fail, a recipient refused for the missing customer fails alone', async () => {
		const ready = newCart();
		ready.customer_id = 206;
		const bare = newCart();
		const { items } = await run(
			'recipient',
			{
				operation: 'set',
				cartId: '={{ $json.cart }}',
				firstName: 'Bran',
				lastName: 'Stark',
				email: 'bran@example.com',
			},
			[{ cart: ready.id }, { cart: bare.id }],
			true,
		);
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ first_name: 'Bran', email: 'bran@example.com' });
		expect(String(items[1].json.error)).toContain('Set the customer first (Customer → Set)');
	});
});

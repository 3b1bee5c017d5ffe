/**
 * Address (billing and delivery, of a cart or an order) through n8n-core's engine against the Keyline
 * sandbox: every endpoint with its request log, and the refusals a workflow builder must be able to read.
 */
import { NodeHelpers, type INode, type INodeParameters, type INodeType } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../harness/load';
import { useKeylineSandbox } from '../harness/sandboxes';
import { keylineNode } from './fixtures';

const ADDRESS_FIELDS = {
	addressee: 'Keyline\nc/o Crispy Mountain GmbH',
	street: 'Große Bleiche',
	number: '15',
	addition: 'Seitenflügel',
	zipCode: '55116',
	town: 'Mainz',
	countryCode: 'de',
};

const ADDRESS_SENT = {
	addressee: 'Keyline\nc/o Crispy Mountain GmbH',
	street: 'Große Bleiche',
	number: '15',
	addition: 'Seitenflügel',
	zip_code: '55116',
	town: 'Mainz',
	country_code: 'DE',
};

describe('Keyline node: Address', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests, calls, bodyOf, newCart } = keylineNode(sandbox);

	beforeEach(() => sandbox.reset());

	it('Billing on a cart: Set sends the billing_address wrapper (lines kept, code in capitals); Get; Delete', async () => {
		const cart = newCart();
		let result = await run('address', {
			operation: 'set',
			addressType: 'billing',
			cartId: String(cart.id),
			...ADDRESS_FIELDS,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([{ cartId: cart.id, ...ADDRESS_SENT }]);
		expect(bodyOf('POST')).toEqual({ billing_address: ADDRESS_SENT });
		result = await run('address', {
			operation: 'get',
			addressType: 'billing',
			cartId: String(cart.id),
		});
		expect(result.items.map((i) => i.json)).toEqual([{ cartId: cart.id, ...ADDRESS_SENT }]);
		result = await run('address', {
			operation: 'delete',
			addressType: 'billing',
			cartId: String(cart.id),
		});
		expect(result.items.map((i) => i.json)).toEqual([
			{ cartId: cart.id, deleted: true, ...ADDRESS_SENT },
		]);
		expect(calls()).toEqual([
			`POST /carts/${cart.id}/billing_address`,
			`GET /carts/${cart.id}/billing_address`,
			`GET /carts/${cart.id}/billing_address`,
			`DELETE /carts/${cart.id}/billing_address`,
		]);
		expect(sandbox.store.carts.get(cart.id)!.billing_address).toBeNull();
	});

	it('Delivery on a cart: the contact phone and email go along; empty optional fields are left out', async () => {
		const cart = newCart();
		let result = await run('address', {
			operation: 'set',
			addressType: 'delivery',
			parent: 'cart',
			cartId: String(cart.id),
			addressee: 'Bran Stark',
			zipCode: '55116',
			town: 'Mainz',
			countryCode: 'DE',
			street: '',
			deliveryContact: { phone: '+49 6131 6171000', email: 'bran@example.com' },
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf('POST')).toEqual({
			delivery_address: {
				addressee: 'Bran Stark',
				zip_code: '55116',
				town: 'Mainz',
				country_code: 'DE',
				delivery_contact_phone: '+4961316171000',
				delivery_contact_email: 'bran@example.com',
			},
		});
		const stored = {
			addressee: 'Bran Stark',
			street: null,
			number: null,
			addition: null,
			zip_code: '55116',
			town: 'Mainz',
			country_code: 'DE',
			delivery_contact_phone: '+4961316171000',
			delivery_contact_email: 'bran@example.com',
		};
		expect(result.items.map((i) => i.json)).toEqual([{ cartId: cart.id, ...stored }]);
		result = await run('address', { operation: 'get', cartId: String(cart.id) });
		expect(result.items.map((i) => i.json)).toEqual([{ cartId: cart.id, ...stored }]);
		result = await run('address', {
			operation: 'delete',
			addressType: 'delivery',
			cartId: String(cart.id),
		});
		expect(result.items.map((i) => i.json)).toEqual([
			{ cartId: cart.id, deleted: true, ...stored },
		]);
		expect(calls()).toEqual([
			`POST /carts/${cart.id}/delivery_address`,
			`GET /carts/${cart.id}/delivery_address`,
			`GET /carts/${cart.id}/delivery_address`,
			`DELETE /carts/${cart.id}/delivery_address`,
		]);
		expect(sandbox.store.carts.get(cart.id)!.delivery_address).toBeNull();
	});

	it('Delivery on an order: Get, Set and Delete go to /orders/{id}/delivery_address', async () => {
		const order = sandbox.seedOrder({ state: 'confirmed' });
		const id = String(order.id);
		const where = { addressType: 'delivery', parent: 'order', orderId: id };
		let result = await run('address', { operation: 'get', ...where });
		expect(result.items[0].json).toMatchObject({
			addressee: 'Keyline\r\nc/o Crispy Mountain GmbH',
			town: 'Mainz',
		});
		result = await run('address', {
			operation: 'set',
			...where,
			...ADDRESS_FIELDS,
			town: 'Wiesbaden',
			zipCode: '65183',
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			town: 'Wiesbaden',
			zip_code: '65183',
			delivery_contact_phone: null,
		});
		expect(bodyOf('POST')).toEqual({
			delivery_address: { ...ADDRESS_SENT, town: 'Wiesbaden', zip_code: '65183' },
		});
		result = await run('address', { operation: 'delete', ...where });
		expect(result.items[0].json).toMatchObject({ deleted: true, town: 'Wiesbaden' });
		expect(calls()).toEqual([
			`GET /orders/${id}/delivery_address`,
			`POST /orders/${id}/delivery_address`,
			`GET /orders/${id}/delivery_address`,
			`DELETE /orders/${id}/delivery_address`,
		]);
		expect(sandbox.store.orders.get(order.id)!.delivery_address).toBeNull();
	});

	it('A billing address cannot go to an order: Belongs To does not apply to it, the cart is used', async () => {
		const cart = newCart();
		const order = sandbox.seedOrder();
		const { error } = await run('address', {
			operation: 'set',
			addressType: 'billing',
			parent: 'order',
			orderId: String(order.id),
			cartId: String(cart.id),
			...ADDRESS_FIELDS,
		});
		expect(error).toBeUndefined();
		expect(calls()).toEqual([`POST /carts/${cart.id}/billing_address`]);
		sandbox.clearRequests();
		const withoutCart = await run('address', {
			operation: 'get',
			addressType: 'billing',
			parent: 'order',
			orderId: String(order.id),
			cartId: '={{ "" }}',
		});
		expect(withoutCart.error?.message).toBe('Cart ID is empty');
		expect(apiRequests()).toHaveLength(0);
	});

	it('The editor offers Belongs To only for delivery addresses: billing cannot be put on an order', async () => {
		const { nodeTypes } = await loadPackage();
		const type = nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.keyline`, 1) as INodeType;
		const shown = (parameters: INodeParameters) =>
			Object.keys(
				NodeHelpers.getNodeParameters(
					type.description.properties,
					parameters,
					false,
					false,
					{ typeVersion: 1 } as INode,
					type.description,
				) ?? {},
			);
		for (const operation of ['get', 'set', 'delete']) {
			const billing = shown({
				resource: 'address',
				operation,
				addressType: 'billing',
				parent: 'order',
				orderId: '14011',
				cartId: '9981',
			});
			expect(billing).toContain('cartId');
			expect(billing).not.toContain('parent');
			expect(billing).not.toContain('orderId');
			const delivery = shown({
				resource: 'address',
				operation,
				addressType: 'delivery',
				parent: 'order',
				orderId: '14011',
				cartId: '9981',
			});
			expect(delivery).toEqual(expect.arrayContaining(['parent', 'orderId']));
			expect(delivery).not.toContain('cartId');
		}
		const billingSet = shown({
			resource: 'address',
			operation: 'set',
			addressType: 'billing',
			deliveryContact: { email: 'a@b.de' },
		});
		expect(billingSet).not.toContain('deliveryContact');
	});

	it('A completed order refuses a new delivery address, readably', async () => {
		const order = sandbox.seedOrder({ state: 'completed' });
		const { error } = await run('address', {
			operation: 'set',
			parent: 'order',
			orderId: String(order.id),
			...ADDRESS_FIELDS,
		});
		expect(error?.message).toBe(
			'Keyline: Der Auftrag kann nicht mehr geändert werden (the order can no longer be changed)',
		);
		expect(String(error?.description)).toContain('so its delivery address stays as it is');
	});

	it('Refuses a country that is not ISO 3166-1 alpha-2, a bad contact email, an empty town, before sending', async () => {
		const cart = newCart();
		const base = {
			operation: 'set',
			addressType: 'delivery',
			cartId: String(cart.id),
			...ADDRESS_FIELDS,
		};
		let { error } = await run('address', { ...base, countryCode: 'UK' });
		expect(error?.message).toBe('Country Code "UK" is not a two-letter ISO 3166-1 country code');
		expect(error?.description).toBe('Use GB for the United Kingdom.');
		({ error } = await run('address', { ...base, countryCode: 'Germany' }));
		expect(error?.message).toBe(
			'Country Code "Germany" is not a two-letter ISO 3166-1 country code',
		);
		({ error } = await run('address', { ...base, countryCode: 'XY' }));
		expect(error?.message).toBe('Country Code "XY" is not a two-letter ISO 3166-1 country code');
		({ error } = await run('address', { ...base, deliveryContact: { email: 'bran@' } }));
		expect(error?.message).toBe('Delivery Contact Email is not a valid email address: "bran@"');
		({ error } = await run('address', { ...base, deliveryContact: { phone: '6171000' } }));
		expect(error?.message).toBe(
			'Delivery Contact Phone "6171000" is not in the form Keyline takes, like +4961316171000',
		);
		({ error } = await run('address', { ...base, town: '={{ "" }}' }));
		expect(error?.message).toBe('Town is empty');
		({ error } = await run('address', { ...base, cartId: '12ab' }));
		expect(error?.message).toBe('Cart ID must be a positive whole number, not "12ab"');
		expect(apiRequests()).toHaveLength(0);
	});

	it("Keyline's 422 names each field with its German text", async () => {
		const cart = newCart();
		sandbox.addFault({
			kind: 'status',
			status: 422,
			path: '/billing_address',
			body: {
				errors: {
					addressee: ['ist zu kurz (weniger als 1 Zeichen)'],
					town: ['ist zu kurz (weniger als 1 Zeichen)'],
					country_code: ['ist kein gültiger Wert'],
				},
			},
		} as never);
		const { error } = await run('address', {
			operation: 'set',
			addressType: 'billing',
			cartId: String(cart.id),
			...ADDRESS_FIELDS,
		});
		expect(error?.message).toBe(
			'Keyline: addressee: ist zu kurz (weniger als 1 Zeichen); town: ist zu kurz (weniger als 1 Zeichen); country_code: ist kein gültiger Wert',
		);
		expect(error?.httpCode).toBe('422');
		expect(String(error?.description)).toContain(
			'In English: addressee: is too short (fewer than 1 characters)',
		);
	});

	it('No delivery address yet: 404 naming the cart and how to set one', async () => {
		const cart = newCart();
		const { error } = await run('address', {
			operation: 'delete',
			addressType: 'delivery',
			cartId: String(cart.id),
		});
		expect(error?.message).toBe('Keyline: No delivery address stored with this cart');
		expect(String(error?.description)).toContain(
			`Cart ${cart.id} has no delivery address (none was set, or it was deleted). Set one with Address → Set.`,
		);
		expect(calls()).toEqual([`GET /carts/${cart.id}/delivery_address`]);
	});

	it('With Continue On Fail, a bad item fails alone and the others are set', async () => {
		const carts = [newCart(), newCart(), newCart()];
		const { items } = await run(
			'address',
			{
				operation: 'set',
				addressType: 'delivery',
				cartId: '={{ $json.cart }}',
				...ADDRESS_FIELDS,
				countryCode: '={{ $json.country }}',
			},
			[
				{ cart: carts[0].id, country: 'AT' },
				{ cart: carts[1].id, country: 'Österreich' },
				{ cart: carts[2].id, country: 'ch' },
			],
			true,
		);
		expect(items).toHaveLength(3);
		expect(items[0].json.country_code).toBe('AT');
		expect(items[1].json.error).toBe(
			'Country Code "Österreich" is not a two-letter ISO 3166-1 country code',
		);
		expect(items[2].json.country_code).toBe('CH');
		expect(calls()).toEqual([
			`POST /carts/${carts[0].id}/delivery_address`,
			`POST /carts/${carts[2].id}/delivery_address`,
		]);
		expect(sandbox.store.carts.get(carts[1].id)!.delivery_address).toBeNull();
	});
});

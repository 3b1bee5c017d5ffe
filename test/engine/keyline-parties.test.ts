/**
 * Customer, Recipient, Carrier and Address through n8n-core's engine against the Keyline sandbox:
 * every endpoint with its request log, and the refusals a workflow builder must be able to read.
 */
import { NodeHelpers, type INode, type INodeParameters, type INodeType } from 'n8n-workflow';

import { KEYLINE_SANDBOX_API_KEY as OWNER } from '../sandbox/keyline';
import { loadPackage, PACKAGE_NAME } from '../harness/load';
import { runNode } from '../harness/run';
import { keylineCredential, useKeylineSandbox } from '../harness/sandboxes';

const BASE = '/api/v2/inbox';

const CRISPY = { id: 206, name: 'Crispy GmbH & Co. KG', tax_identifier: null, reference: 'NEE6UC' };

const ADDRESS_FIELDS = {
	addressee: 'Keyline\nc/o Crispy Mountain GmbH',
	street: 'Emmerich-Josef-Str.',
	number: '1a',
	addition: 'Hinterhaus',
	zipCode: '55116',
	town: 'Mainz',
	countryCode: 'de',
};

const ADDRESS_SENT = {
	addressee: 'Keyline\nc/o Crispy Mountain GmbH',
	street: 'Emmerich-Josef-Str.',
	number: '1a',
	addition: 'Hinterhaus',
	zip_code: '55116',
	town: 'Mainz',
	country_code: 'DE',
};

describe('Keyline node: customer, recipient, carrier, address', () => {
	const sandbox = useKeylineSandbox();
	const run = async (
		resource: string,
		parameters: Record<string, unknown>,
		items?: Array<Record<string, unknown>>,
		continueOnFail = false,
	) =>
		await runNode({
			type: 'keyline',
			parameters: { resource, ...parameters } as never,
			items,
			credentials: [keylineCredential(sandbox)],
			continueOnFail,
		});
	/** API requests as "METHOD path" (the credential's probe of /carts/0 left out). */
	const apiRequests = () => sandbox.requests.filter((r) => r.path !== `${BASE}/carts/0`);
	const calls = () => apiRequests().map((r) => `${r.method} ${r.path.slice(BASE.length)}`);
	const bodyOf = (method: string) => apiRequests().find((r) => r.method === method)?.json;
	const newCart = () => sandbox.store.createCart(OWNER);

	beforeEach(() => sandbox.reset());

	describe('Customer', () => {
		it('Set sends {"customer":{"id":206}} and outputs the customer unwrapped', async () => {
			const cart = newCart();
			const { items, error } = await run('customer', { operation: 'set', cartId: String(cart.id), customerId: ' 206 ' });
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json)).toEqual([CRISPY]);
			expect(calls()).toEqual([`POST /carts/${cart.id}/customer`]);
			expect(bodyOf('POST')).toEqual({ customer: { id: 206 } });
			expect(sandbox.store.carts.get(cart.id)!.customer_id).toBe(206);
		});

		it('Get outputs the customer of the cart', async () => {
			const cart = newCart();
			cart.customer_id = 207;
			const { items, error } = await run('customer', { operation: 'get', cartId: String(cart.id) });
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({ id: 207, name: 'Stark Industries AG', tax_identifier: 'DE123456789', reference: 'ST4RK7' });
			expect(calls()).toEqual([`GET /carts/${cart.id}/customer`]);
		});

		it('Delete reads the customer, removes it, and outputs what was removed', async () => {
			const cart = newCart();
			cart.customer_id = 206;
			const { items, error } = await run('customer', { operation: 'delete', cartId: String(cart.id) });
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json)).toEqual([{ deleted: true, ...CRISPY }]);
			expect(calls()).toEqual([`GET /carts/${cart.id}/customer`, `DELETE /carts/${cart.id}/customer`]);
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
			const { error } = await run('customer', { operation: 'set', cartId: String(cart.id), customerId: '999' });
			expect(error?.message).toBe('Keyline: customer: No customer found with given id');
			expect(error?.httpCode).toBe('422');
			expect(String(error?.description)).toContain('knows no customer with Customer ID 999');
			expect(String(error?.description)).toContain('agreed with the print shop');
			expect(sandbox.store.carts.get(cart.id)!.customer_id).toBeNull();
		});

		it('Refuses a Customer ID or Cart ID that is not a positive whole number, before sending', async () => {
			const cart = newCart();
			let { error } = await run('customer', { operation: 'set', cartId: String(cart.id), customerId: 'Crispy' });
			expect(error?.message).toBe('Customer ID must be a positive whole number, not "Crispy"');
			({ error } = await run('customer', { operation: 'set', cartId: String(cart.id), customerId: '={{ "" }}' }));
			expect(error?.message).toBe('Customer ID is empty');
			({ error } = await run('customer', { operation: 'get', cartId: 'N4XTC8' }));
			expect(error?.message).toBe('Cart ID must be a positive whole number, not "N4XTC8"');
			expect(apiRequests()).toHaveLength(0);
		});
	});

	describe('Recipient', () => {
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
			expect((await run('customer', { operation: 'set', cartId: String(cart.id), customerId: '206' })).error).toBeUndefined();
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
				{ first_name: 'Bran', name: 'Stark', email: 'bran.stark@crispymtn.com', phone: '+4961316171000' },
			]);
			expect(calls()).toEqual([`POST /carts/${cart.id}/recipient`]);
			expect(bodyOf('POST')).toEqual({
				recipient: { first_name: 'Bran', name: 'Stark', email: 'bran.stark@crispymtn.com', phone: '+4961316171000' },
			});
		});

		it('Set without a phone leaves it out of the body', async () => {
			const cart = newCart();
			cart.customer_id = 206;
			const { items } = await run('recipient', { operation: 'set', cartId: String(cart.id), firstName: 'Arya', lastName: 'Stark', email: 'arya@example.com' });
			expect(items[0].json).toEqual({ first_name: 'Arya', name: 'Stark', email: 'arya@example.com', phone: null });
			expect(bodyOf('POST')).toEqual({ recipient: { first_name: 'Arya', name: 'Stark', email: 'arya@example.com' } });
		});

		it('Get outputs the recipient; Delete reads it, removes it and outputs it', async () => {
			const cart = newCart();
			cart.customer_id = 206;
			const recipient = { first_name: 'Bran', name: 'Stark', email: 'bran@example.com', phone: null };
			cart.recipient = { ...recipient };
			let result = await run('recipient', { operation: 'get', cartId: String(cart.id) });
			expect(result.items.map((i) => i.json)).toEqual([recipient]);
			expect(calls()).toEqual([`GET /carts/${cart.id}/recipient`]);
			sandbox.clearRequests();
			result = await run('recipient', { operation: 'delete', cartId: String(cart.id) });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, ...recipient }]);
			expect(calls()).toEqual([`GET /carts/${cart.id}/recipient`, `DELETE /carts/${cart.id}/recipient`]);
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
			const base = { operation: 'set', cartId: String(cart.id), firstName: 'Bran', lastName: 'Stark', email: 'bran@example.com' };
			let { error } = await run('recipient', { ...base, email: 'bran at example.com' });
			expect(error?.message).toBe('Email is not a valid email address: "bran at example.com"');
			({ error } = await run('recipient', { ...base, additionalFields: { phone: '06131 6171000' } }));
			expect(error?.message).toBe('Phone "06131 6171000" is not in the form Keyline takes, like +4961316171000');
			expect(String(error?.description)).toContain('Start with + and the country code instead of 0');
			({ error } = await run('recipient', { ...base, additionalFields: { phone: '+49 (0) 6131 6171000' } }));
			expect(error?.message).toContain('is not in the form Keyline takes');
			({ error } = await run('recipient', { ...base, lastName: '={{ "  " }}' }));
			expect(error?.message).toBe('Last Name is empty');
			({ error } = await run('recipient', { ...base, email: '={{ $json.missing }}' }));
			expect(error?.message).toBe('Email is empty');
			expect(apiRequests()).toHaveLength(0);
		});
	});

	describe('Carrier', () => {
		it('Cart: Set sends {"carrier":{"id":43}}, Get outputs it, Delete removes it and outputs it', async () => {
			const cart = newCart();
			let result = await run('carrier', { operation: 'set', parent: 'cart', cartId: String(cart.id), carrierId: '43' });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([{ id: 43, name: 'Paket DHL' }]);
			expect(bodyOf('POST')).toEqual({ carrier: { id: 43 } });
			result = await run('carrier', { operation: 'get', cartId: String(cart.id) });
			expect(result.items.map((i) => i.json)).toEqual([{ id: 43, name: 'Paket DHL' }]);
			result = await run('carrier', { operation: 'delete', parent: 'cart', cartId: String(cart.id) });
			expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id: 43, name: 'Paket DHL' }]);
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
			expect(result.items.map((i) => i.json)).toEqual([{ id: 43, name: 'Paket DHL' }]);
			result = await run('carrier', { operation: 'set', parent: 'order', orderId: id, carrierId: 44 });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([{ id: 44, name: 'UPS Standard' }]);
			expect(bodyOf('POST')).toEqual({ carrier: { id: 44 } });
			result = await run('carrier', { operation: 'delete', parent: 'order', orderId: id });
			expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, id: 44, name: 'UPS Standard' }]);
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
			const { error } = await run('carrier', { operation: 'set', parent: 'order', orderId: String(order.id), carrierId: '44' });
			expect(error?.message).toBe('Keyline: Der Auftrag kann nicht mehr geändert werden (the order can no longer be changed)');
			expect(error?.httpCode).toBe('422');
			expect(error?.description).toBe(
				`Keyline answered HTTP 422 to POST /orders/${order.id}/carrier. Order ${order.id} is completed or archived: Keyline takes no more changes to it, so its carrier stays as it is. Ask the print shop if it must still change.`,
			);
			expect(sandbox.store.orders.get(order.id)!.carrier_id).toBe(43);
		});

		it('An archived order refuses the delete too; the carrier stays', async () => {
			const order = sandbox.seedOrder({ state: 'archived' });
			const { error, items } = await run('carrier', { operation: 'delete', parent: 'order', orderId: String(order.id) });
			expect(items).toHaveLength(0);
			expect(error?.message).toBe('Keyline: Der Auftrag kann nicht mehr geändert werden (the order can no longer be changed)');
			expect(calls()).toEqual([`GET /orders/${order.id}/carrier`, `DELETE /orders/${order.id}/carrier`]);
			expect(sandbox.store.orders.get(order.id)!.carrier_id).toBe(43);
		});

		it('An unknown carrier: the doc’s 422 with the field named, and where the IDs come from', async () => {
			const cart = newCart();
			const { error } = await run('carrier', { operation: 'set', cartId: String(cart.id), carrierId: '7' });
			expect(error?.message).toBe('Keyline: carrier: No carrier found with given id');
			expect(String(error?.description)).toContain('knows no carrier with Carrier ID 7');
		});

		it('No carrier on the order: 404 in Keyline’s words, naming the order', async () => {
			const order = sandbox.seedOrder({ carrierId: null });
			const { error } = await run('carrier', { operation: 'get', parent: 'order', orderId: String(order.id) });
			expect(error?.message).toBe('Keyline: No carrier definition stored with this order');
			expect(String(error?.description)).toContain(`Order ${order.id} has no carrier`);
		});

		it('Refuses bad Order ID and Carrier ID before sending', async () => {
			let { error } = await run('carrier', { operation: 'get', parent: 'order', orderId: '-1' });
			expect(error?.message).toBe('Order ID must be a positive whole number, not "-1"');
			({ error } = await run('carrier', { operation: 'set', parent: 'cart', cartId: '9981', carrierId: 'DHL' }));
			expect(error?.message).toBe('Carrier ID must be a positive whole number, not "DHL"');
			expect(apiRequests()).toHaveLength(0);
		});
	});

	describe('Address', () => {
		it('Billing on a cart: Set sends the billing_address wrapper (lines kept, code in capitals); Get; Delete', async () => {
			const cart = newCart();
			let result = await run('address', { operation: 'set', addressType: 'billing', cartId: String(cart.id), ...ADDRESS_FIELDS });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([ADDRESS_SENT]);
			expect(bodyOf('POST')).toEqual({ billing_address: ADDRESS_SENT });
			result = await run('address', { operation: 'get', addressType: 'billing', cartId: String(cart.id) });
			expect(result.items.map((i) => i.json)).toEqual([ADDRESS_SENT]);
			result = await run('address', { operation: 'delete', addressType: 'billing', cartId: String(cart.id) });
			expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, ...ADDRESS_SENT }]);
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
			expect(result.items.map((i) => i.json)).toEqual([stored]);
			result = await run('address', { operation: 'get', cartId: String(cart.id) });
			expect(result.items.map((i) => i.json)).toEqual([stored]);
			result = await run('address', { operation: 'delete', addressType: 'delivery', cartId: String(cart.id) });
			expect(result.items.map((i) => i.json)).toEqual([{ deleted: true, ...stored }]);
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
			expect(result.items[0].json).toMatchObject({ addressee: 'Keyline\r\nc/o Crispy Mountain GmbH', town: 'Mainz' });
			result = await run('address', { operation: 'set', ...where, ...ADDRESS_FIELDS, town: 'Wiesbaden', zipCode: '65183' });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ town: 'Wiesbaden', zip_code: '65183', delivery_contact_phone: null });
			expect(bodyOf('POST')).toEqual({ delivery_address: { ...ADDRESS_SENT, town: 'Wiesbaden', zip_code: '65183' } });
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
			const withoutCart = await run('address', { operation: 'get', addressType: 'billing', parent: 'order', orderId: String(order.id), cartId: '={{ "" }}' });
			expect(withoutCart.error?.message).toBe('Cart ID is empty');
			expect(apiRequests()).toHaveLength(0);
		});

		it('The editor offers Belongs To only for delivery addresses: billing cannot be put on an order', async () => {
			const { nodeTypes } = await loadPackage();
			const type = nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.keyline`, 1) as INodeType;
			const shown = (parameters: INodeParameters) =>
				Object.keys(
					NodeHelpers.getNodeParameters(type.description.properties, parameters, false, false, { typeVersion: 1 } as INode, type.description) ?? {},
				);
			for (const operation of ['get', 'set', 'delete']) {
				const billing = shown({ resource: 'address', operation, addressType: 'billing', parent: 'order', orderId: '14011', cartId: '9981' });
				expect(billing).toContain('cartId');
				expect(billing).not.toContain('parent');
				expect(billing).not.toContain('orderId');
				const delivery = shown({ resource: 'address', operation, addressType: 'delivery', parent: 'order', orderId: '14011', cartId: '9981' });
				expect(delivery).toEqual(expect.arrayContaining(['parent', 'orderId']));
				expect(delivery).not.toContain('cartId');
			}
			const billingSet = shown({ resource: 'address', operation: 'set', addressType: 'billing', deliveryContact: { email: 'a@b.de' } });
			expect(billingSet).not.toContain('deliveryContact');
		});

		it('A completed order refuses a new delivery address, readably', async () => {
			const order = sandbox.seedOrder({ state: 'completed' });
			const { error } = await run('address', { operation: 'set', parent: 'order', orderId: String(order.id), ...ADDRESS_FIELDS });
			expect(error?.message).toBe('Keyline: Der Auftrag kann nicht mehr geändert werden (the order can no longer be changed)');
			expect(String(error?.description)).toContain('so its delivery address stays as it is');
		});

		it('Refuses a country that is not ISO 3166-1 alpha-2, a bad contact email, an empty town, before sending', async () => {
			const cart = newCart();
			const base = { operation: 'set', addressType: 'delivery', cartId: String(cart.id), ...ADDRESS_FIELDS };
			let { error } = await run('address', { ...base, countryCode: 'UK' });
			expect(error?.message).toBe('Country Code "UK" is not a two-letter ISO 3166-1 country code');
			expect(error?.description).toBe('Use GB for the United Kingdom.');
			({ error } = await run('address', { ...base, countryCode: 'Germany' }));
			expect(error?.message).toBe('Country Code "Germany" is not a two-letter ISO 3166-1 country code');
			({ error } = await run('address', { ...base, countryCode: 'XY' }));
			expect(error?.message).toBe('Country Code "XY" is not a two-letter ISO 3166-1 country code');
			({ error } = await run('address', { ...base, deliveryContact: { email: 'bran@' } }));
			expect(error?.message).toBe('Delivery Contact Email is not a valid email address: "bran@"');
			({ error } = await run('address', { ...base, deliveryContact: { phone: '6171000' } }));
			expect(error?.message).toBe('Delivery Contact Phone "6171000" is not in the form Keyline takes, like +4961316171000');
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
				body: { errors: { addressee: ['ist zu kurz (weniger als 1 Zeichen)'], town: ['ist zu kurz (weniger als 1 Zeichen)'], country_code: ['ist kein gültiger Wert'] } },
			} as never);
			const { error } = await run('address', { operation: 'set', addressType: 'billing', cartId: String(cart.id), ...ADDRESS_FIELDS });
			expect(error?.message).toBe(
				'Keyline: addressee: ist zu kurz (weniger als 1 Zeichen); town: ist zu kurz (weniger als 1 Zeichen); country_code: ist kein gültiger Wert',
			);
			expect(error?.httpCode).toBe('422');
			expect(String(error?.description)).toContain('In English: addressee: is too short (fewer than 1 characters)');
		});

		it('No delivery address yet: 404 naming the cart and how to set one', async () => {
			const cart = newCart();
			const { error } = await run('address', { operation: 'delete', addressType: 'delivery', cartId: String(cart.id) });
			expect(error?.message).toBe('Keyline: No delivery address stored with this cart');
			expect(String(error?.description)).toContain(`Cart ${cart.id} has no delivery address (none was set, or it was deleted). Set one with Address → Set.`);
			expect(calls()).toEqual([`GET /carts/${cart.id}/delivery_address`]);
		});

		it('With Continue On Fail, a bad item fails alone and the others are set', async () => {
			const carts = [newCart(), newCart(), newCart()];
			const { items } = await run(
				'address',
				{ operation: 'set', addressType: 'delivery', cartId: '={{ $json.cart }}', ...ADDRESS_FIELDS, countryCode: '={{ $json.country }}' },
				[
					{ cart: carts[0].id, country: 'AT' },
					{ cart: carts[1].id, country: 'Österreich' },
					{ cart: carts[2].id, country: 'ch' },
				],
				true,
			);
			expect(items).toHaveLength(3);
			expect(items[0].json.country_code).toBe('AT');
			expect(items[1].json.error).toBe('Country Code "Österreich" is not a two-letter ISO 3166-1 country code');
			expect(items[2].json.country_code).toBe('CH');
			expect(calls()).toEqual([`POST /carts/${carts[0].id}/delivery_address`, `POST /carts/${carts[2].id}/delivery_address`]);
			expect(sandbox.store.carts.get(carts[1].id)!.delivery_address).toBeNull();
		});
	});

	it('With Continue On Fail, a recipient refused for the missing customer fails alone', async () => {
		const ready = newCart();
		ready.customer_id = 206;
		const bare = newCart();
		const { items } = await run(
			'recipient',
			{ operation: 'set', cartId: '={{ $json.cart }}', firstName: 'Bran', lastName: 'Stark', email: 'bran@example.com' },
			[{ cart: ready.id }, { cart: bare.id }],
			true,
		);
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ first_name: 'Bran', email: 'bran@example.com' });
		expect(String(items[1].json.error)).toContain('Set the customer first (Customer → Set)');
	});
});

/**
 * End to end in a real n8n 2.40.7 (Node 24) with dist/ loaded as a custom extension: a shop
 * posts an order to a Webhook, the Keyline node places it in one step, reads the order back and
 * lists the print data files of its first product. A Webhook trigger needs the server (`n8n
 * execute` only runs Manual Triggers): one `n8n start`, owner setup, a public-API key, the
 * workflow created and activated through the public API, a POST to its production URL, then the
 * execution read back with its data and the sandbox's request log checked.
 */
import { KEYLINE_SANDBOX_API_KEY, KeylineSandbox } from '../sandbox/keyline';
import { N8nClient } from './client';
import {
	cartSetupCalls,
	ORDER_PRODUCT_FILES,
	placedOrderOutput,
	WEB_SHOP_ORDER,
} from '../fixtures/keyline';
import { CUSTOM, webhookNode } from './n8n';

jest.setTimeout(240_000);

const BASE = '/api/v2/inbox';
const WEBHOOK_PATH = 'keyline-shop-order';

/** An execution as the public API lists it, with its data. */
interface Execution {
	status: string;
	finished?: boolean;
	stoppedAt?: string | null;
	data: { resultData: { runData: Record<string, any[]>; error?: unknown } };
}

describe('Keyline in a real n8n: shop webhook → Place Order (One Step) → Order Get → Print Data File Get Many', () => {
	const sandbox = new KeylineSandbox();
	let n8n: N8nClient | undefined;
	let execution: Execution;
	let webhookStatus: number;

	const api = async (method: string, path: string, body?: unknown) =>
		await n8n!.api<Record<string, any>>(method, path, body);
	const output = (node: string) =>
		(execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []) as Array<{
			json: Record<string, any>;
		}>;
	const keylineLog = () =>
		sandbox.requests
			.filter((r) => r.path !== `${BASE}/carts/0`)
			.map((r) => `${r.method} ${r.path.slice(BASE.length)}`);

	beforeAll(async () => {
		await sandbox.start();
		// Owner, then a public-API key with every scope the instance offers.
		n8n = await N8nClient.start({ apiKey: 'e2e' });

		const credential = await api('POST', '/credentials', {
			name: 'Keyline sandbox',
			type: 'keylineApi',
			data: { apiKey: KEYLINE_SANDBOX_API_KEY, baseUrl: sandbox.baseUrl },
		});
		const credentials = { keylineApi: { id: credential.id as string, name: 'Keyline sandbox' } };
		const keyline = (name: string, x: number, parameters: Record<string, unknown>) => ({
			id: name,
			name,
			type: `${CUSTOM}.keyline`,
			typeVersion: 1,
			position: [x, 0],
			parameters,
			credentials,
		});
		const body = (path: string) => `={{ $json.body.${path} }}`;
		const address = (from: string) => ({
			address: {
				addressee: body(`${from}.addressee`),
				street: body(`${from}.street`),
				number: body(`${from}.number`),
				zipCode: body(`${from}.zip`),
				town: body(`${from}.town`),
				countryCode: body(`${from}.country`),
			},
		});
		const workflow = await api('POST', '/workflows', {
			name: 'Keyline shop order e2e',
			nodes: [
				webhookNode(WEBHOOK_PATH, 'Shop Order'),
				keyline('Place Order', 200, {
					resource: 'order',
					operation: 'placeOrder',
					customerId: body('customer_id'),
					recipient: {
						person: {
							firstName: body('buyer.first_name'),
							lastName: body('buyer.last_name'),
							email: body('buyer.email'),
							additionalFields: { phone: body('buyer.phone') },
						},
					},
					carrierId: body('carrier_id'),
					billingAddress: address('billing'),
					deliveryAddress: address('shipping'),
					productsInput: 'json',
					productsJson: body('products'),
					placeTheOrder: true,
					additionalFields: {
						// Keyline's cart update sets references only together with an offer text.
						customOfferText: 'Web shop order',
						customReferences: { reference: [{ key: 'Shop Order', value: body('order_number') }] },
					},
				}),
				keyline('Order', 400, {
					resource: 'order',
					operation: 'get',
					orderId: '={{ $json.order_id }}',
				}),
				// Print Data File is another resource's work: these are the parameters it is agreed to take.
				keyline('Print Data Files', 600, ORDER_PRODUCT_FILES),
			],
			connections: {
				'Shop Order': { main: [[{ node: 'Place Order', type: 'main', index: 0 }]] },
				'Place Order': { main: [[{ node: 'Order', type: 'main', index: 0 }]] },
				Order: { main: [[{ node: 'Print Data Files', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		});
		await api('POST', `/workflows/${String(workflow.id)}/activate`);

		// Publishing registers the webhook a moment after the API answers (n8n's publication outbox):
		// until then its URL answers 404 "not registered" and nothing runs, so retrying is safe.
		let posted: { status: number; text: string } | undefined;
		for (let attempt = 0; attempt < 60; attempt++) {
			posted = await n8n.webhook(WEBHOOK_PATH, WEB_SHOP_ORDER);
			if (posted.status !== 404 || !posted.text.includes('is not registered')) break;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		webhookStatus = posted!.status;
		// "Respond when the last node finishes": the execution is over; it is saved just after.
		for (let attempt = 0; attempt < 40 && !execution; attempt++) {
			const list = await api(
				'GET',
				`/executions?workflowId=${String(workflow.id)}&includeData=true`,
			);
			const found = (list.data as Execution[])[0];
			if (found?.stoppedAt) execution = found;
			else await new Promise((resolve) => setTimeout(resolve, 250));
		}
		if (!execution) throw new Error('n8n saved no finished execution of the workflow');
	});

	afterAll(async () => {
		n8n?.stop();
		await sandbox.stop();
	});

	it('places the order once, from the webhook body, in the order Keyline requires', () => {
		const placed = output('Place Order');
		expect(placed).toHaveLength(1);
		const [cart] = [...sandbox.store.carts.values()];
		const order = sandbox.store.orders.get(cart.order_id!)!;
		expect(placed[0].json).toEqual(placedOrderOutput(sandbox.baseUrl, cart, order.id));
		const log = keylineLog();
		const product = order.products[0];
		const p = `/carts/${cart.id}/products/${product.id}`;
		expect(log.slice(0, 14)).toEqual([
			...cartSetupCalls(cart.id, { cartFields: true }),
			`PATCH ${p}/variants/${product.variants[0].id}`,
			`POST ${p}/variants`,
			`PATCH ${p}/components/${product.components[0].id}`,
			`POST ${p}/print_data_files`,
			`GET /carts/${cart.id}/checkout`,
			`POST /carts/${cart.id}/checkout`,
		]);
		expect(
			log.filter((line) => line.endsWith('/checkout') && line.startsWith('POST')),
		).toHaveLength(1);
		// POST /carts has no body (none is documented); the cart's own fields follow in its PATCH.
		expect(sandbox.requestsTo('POST', `${BASE}/carts`)[0].json ?? {}).toEqual({});
		expect(sandbox.requestsTo('PATCH', `${BASE}/carts/${cart.id}`)[0].json).toEqual({
			cart: {
				custom_offer_text: 'Web shop order',
				custom_references: { 'Shop Order': 'SHOP-10042' },
			},
		});
		expect(sandbox.requestsTo('POST', /\/delivery_address$/)[0].json).toEqual({
			delivery_address: {
				addressee: 'Crispy Mountain GmbH\nLager',
				zip_code: '55118',
				town: 'Mainz',
				country_code: 'DE',
				street: 'Rheinallee',
				number: '5',
			},
		});
		expect(order).toMatchObject({
			customer_id: 206,
			carrier_id: 43,
			recipient: { first_name: 'Bran', name: 'Stark', phone: '+4961316171000' },
		});
		expect(product.variants.map((v) => [v.name, v.circulation])).toEqual([
			['Deutsch', 400],
			['English', 100],
		]);
		expect(product.components[0].grammage).toBe(170);
	});

	it('Order → Get reads the placed order: state, products and print data files unwrapped, net total summed', () => {
		const [got] = output('Order');
		const [cart] = [...sandbox.store.carts.values()];
		expect(got.json).toMatchObject({
			id: cart.order_id,
			state: 'draft',
			carrier: { id: 43 },
			custom_references: { 'Shop Order': 'SHOP-10042' },
		});
		expect(got.json.products[0]).toMatchObject({ name: 'Flyer Sommerfest', circulation_sum: 500 });
		// Flyer A5: 2900 + 5 × 500 cents.
		expect(got.json.products[0].net_total).toEqual({
			cent_amount: 5400,
			currency: 'EUR',
			amount: 54,
		});
		expect(got.json.net_total).toEqual({ cent_amount: 5400, currency: 'EUR', amount: 54 });
		expect(got.json.print_data_files[0]).toMatchObject({
			uri: 'https://shop.example/files/flyer.pdf',
			filesize: 482113,
		});
		expect(keylineLog()).toContain(`GET /orders/${String(cart.order_id)}`);
	});

	// Needs the Print Data File resource (written in parallel on another branch): until it is
	// merged, this node has no getAll operation and this test fails here.
	it('Print Data File → Get Many lists the files of the order’s first product', () => {
		const [cart] = [...sandbox.store.carts.values()];
		const order = sandbox.store.orders.get(cart.order_id!)!;
		expect(keylineLog()).toContain(
			`GET /orders/${order.id}/products/${order.products[0].id}/print_data_files`,
		);
		const files = output('Print Data Files');
		expect(files).toHaveLength(1);
		expect(files[0].json).toMatchObject({
			uri: 'https://shop.example/files/flyer.pdf',
			kind: 'original',
			product_id: order.products[0].id,
			component_id: null,
		});
		expect(execution.status).toBe('success');
		expect(webhookStatus).toBe(200);
	});

	it('never puts the API key in the execution', () => {
		expect(JSON.stringify(execution)).not.toContain(KEYLINE_SANDBOX_API_KEY);
	});
});

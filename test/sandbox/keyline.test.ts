/** The Keyline Inbox emulator, driven over HTTP the way a node would. */
import { KEYLINE_SANDBOX_API_KEY, KeylineSandbox } from './keyline';
import { expectHtmlPage, readAnswer, readControlAnswer, type Answer, type Json } from './answer';

const sb = new KeylineSandbox();
const AUTH = { authorization: `Bearer ${KEYLINE_SANDBOX_API_KEY}` };
/** Not the sandbox's default address, so an answer that echoes it shows the address sent. */
const ADDRESS = {
	addressee: 'Druckerei Beispiel\r\nz. Hd. Einkauf',
	street: 'Rheinstraße',
	number: '44',
	addition: '3. OG',
	zip_code: '65185',
	town: 'Wiesbaden',
	country_code: 'DE',
};
const RECIPIENT = {
	recipient: {
		first_name: 'Bran',
		name: 'Stark',
		email: 'bran.stark@crispymtn.com',
		phone: '+4961316171000',
	},
};
const FILE = {
	print_data_file: { kind: 'original', uri: 'https://example.com/keyline_print_data_file' },
};

async function api(
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = AUTH,
	signal?: AbortSignal,
): Promise<Answer> {
	const res = await fetch(`${sb.baseUrl}${path}`, {
		method,
		headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
		// See the 301 of checkout instead of following it.
		redirect: 'manual',
		signal,
	});
	return await readAnswer(res);
}

async function control(action: string, body?: unknown): Promise<Answer> {
	const res = await fetch(`${sb.url}/__control/${action}`, {
		method: body === undefined ? 'GET' : 'POST',
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await readControlAnswer(res);
}

/** A cart with everything checkout needs, plus a variant and files on product and component. */
async function fullCart() {
	const cart = (await api('POST', '/carts')).json.cart;
	const c = `/carts/${cart.id}`;
	expect((await api('POST', `${c}/customer`, { customer: { id: 206 } })).status).toBe(201);
	expect((await api('POST', `${c}/recipient`, RECIPIENT)).status).toBe(201);
	expect((await api('POST', `${c}/carrier`, { carrier: { id: 43 } })).status).toBe(201);
	expect((await api('POST', `${c}/billing_address`, { billing_address: ADDRESS })).status).toBe(
		201,
	);
	expect((await api('POST', `${c}/delivery_address`, { delivery_address: ADDRESS })).status).toBe(
		201,
	);
	const product = (await api('POST', `${c}/products`, { product: { product_template_id: 501 } }))
		.json.product;
	const p = `${c}/products/${product.id}`;
	const variant = (
		await api('POST', `${p}/variants`, { variant: { name: 'Englisch', circulation: 5000 } })
	).json.variant;
	const component = product.components[0].component;
	const productFile = (await api('POST', `${p}/print_data_files`, FILE)).json.print_data_file;
	const componentFile = (
		await api('POST', `${p}/components/${component.id}/print_data_files`, FILE)
	).json.print_data_file;
	return { cart, product, variant, component, productFile, componentFile };
}

async function placedOrder() {
	const fixture = await fullCart();
	const res = await api('POST', `/carts/${fixture.cart.id}/checkout`);
	expect(res.status).toBe(301);
	return { ...fixture, orderId: Number(res.headers.get('location')!.split('/').pop()) };
}

beforeAll(async () => {
	await sb.start();
});
afterAll(async () => {
	await sb.stop();
});
beforeEach(() => sb.reset());

describe('authentication', () => {
	test('401 without header or token, 403 for a bad token', async () => {
		expect(await api('POST', '/carts', undefined, {})).toMatchObject({
			status: 401,
			json: { error: 'Header missing or No token provided' },
		});
		expect((await api('POST', '/carts', undefined, { authorization: 'Bearer' })).status).toBe(401);
		for (const bad of [
			'Bearer xyz',
			`Basic ${KEYLINE_SANDBOX_API_KEY}`,
			`Bearer ${'b'.repeat(64)}`,
			`Bearer ${KEYLINE_SANDBOX_API_KEY}0`,
		]) {
			expect(await api('POST', '/carts', undefined, { authorization: bad })).toMatchObject({
				status: 403,
				json: { error: 'Bad token.' },
			});
		}
		// Hex is case-insensitive, as the doc's pattern says.
		const upper = { authorization: `Bearer ${KEYLINE_SANDBOX_API_KEY.toUpperCase()}` };
		expect((await api('POST', '/carts', undefined, upper)).status).toBe(201);
	});

	test("another accepted key sees none of the first key's records", async () => {
		const other = 'c'.repeat(64);
		sb.addApiKey(other);
		const cart = (await api('POST', '/carts')).json.cart;
		expect(
			(await api('GET', `/carts/${cart.id}`, undefined, { authorization: `Bearer ${other}` }))
				.status,
		).toBe(404);
	});
});

describe('every documented endpoint', () => {
	const endpoints: Array<[string, string]> = [
		['POST', '/carts'],
		['GET', '/carts/{cart_id}'],
		['PATCH', '/carts/{cart_id}'],
		['DELETE', '/carts/{cart_id}'],
		['GET', '/carts/{cart_id}/checkout'],
		['POST', '/carts/{cart_id}/checkout'],
		['GET', '/carts/{cart_id}/customer'],
		['POST', '/carts/{cart_id}/customer'],
		['DELETE', '/carts/{cart_id}/customer'],
		['GET', '/carts/{cart_id}/recipient'],
		['POST', '/carts/{cart_id}/recipient'],
		['DELETE', '/carts/{cart_id}/recipient'],
		['GET', '/carts/{cart_id}/carrier'],
		['POST', '/carts/{cart_id}/carrier'],
		['DELETE', '/carts/{cart_id}/carrier'],
		['GET', '/carts/{cart_id}/products'],
		['POST', '/carts/{cart_id}/products'],
		['GET', '/carts/{cart_id}/products/{product_id}'],
		['PATCH', '/carts/{cart_id}/products/{product_id}'],
		['DELETE', '/carts/{cart_id}/products/{product_id}'],
		['GET', '/carts/{cart_id}/products/{product_id}/variants'],
		['POST', '/carts/{cart_id}/products/{product_id}/variants'],
		['GET', '/carts/{cart_id}/products/{product_id}/variants/{variant_id}'],
		['PATCH', '/carts/{cart_id}/products/{product_id}/variants/{variant_id}'],
		['DELETE', '/carts/{cart_id}/products/{product_id}/variants/{variant_id}'],
		['GET', '/carts/{cart_id}/products/{product_id}/print_data_files'],
		['POST', '/carts/{cart_id}/products/{product_id}/print_data_files'],
		['GET', '/carts/{cart_id}/products/{product_id}/print_data_files/{print_data_file_id}'],
		['PATCH', '/carts/{cart_id}/products/{product_id}/print_data_files/{print_data_file_id}'],
		['DELETE', '/carts/{cart_id}/products/{product_id}/print_data_files/{print_data_file_id}'],
		['GET', '/carts/{cart_id}/products/{product_id}/components'],
		['GET', '/carts/{cart_id}/products/{product_id}/components/{component_id}'],
		['PATCH', '/carts/{cart_id}/products/{product_id}/components/{component_id}'],
		['GET', '/carts/{cart_id}/products/{product_id}/components/{component_id}/print_data_files'],
		['POST', '/carts/{cart_id}/products/{product_id}/components/{component_id}/print_data_files'],
		[
			'GET',
			'/carts/{cart_id}/products/{product_id}/components/{component_id}/print_data_files/{print_data_file_id}',
		],
		[
			'PATCH',
			'/carts/{cart_id}/products/{product_id}/components/{component_id}/print_data_files/{print_data_file_id}',
		],
		[
			'DELETE',
			'/carts/{cart_id}/products/{product_id}/components/{component_id}/print_data_files/{print_data_file_id}',
		],
		['GET', '/carts/{cart_id}/billing_address'],
		['POST', '/carts/{cart_id}/billing_address'],
		['DELETE', '/carts/{cart_id}/billing_address'],
		['GET', '/carts/{cart_id}/delivery_address'],
		['POST', '/carts/{cart_id}/delivery_address'],
		['DELETE', '/carts/{cart_id}/delivery_address'],
		['GET', '/orders/{order_id}'],
		['DELETE', '/orders/{order_id}'],
		['GET', '/orders/{order_id}/products'],
		['GET', '/orders/{order_id}/products/{product_id}'],
		['GET', '/orders/{order_id}/products/{product_id}/print_data_files'],
		['POST', '/orders/{order_id}/products/{product_id}/print_data_files'],
		['GET', '/orders/{order_id}/products/{product_id}/print_data_files/{print_data_file_id}'],
		['PATCH', '/orders/{order_id}/products/{product_id}/print_data_files/{print_data_file_id}'],
		['DELETE', '/orders/{order_id}/products/{product_id}/print_data_files/{print_data_file_id}'],
		['GET', '/orders/{order_id}/products/{product_id}/components'],
		['GET', '/orders/{order_id}/products/{product_id}/components/{component_id}'],
		['GET', '/orders/{order_id}/products/{product_id}/components/{component_id}/print_data_files'],
		['POST', '/orders/{order_id}/products/{product_id}/components/{component_id}/print_data_files'],
		[
			'GET',
			'/orders/{order_id}/products/{product_id}/components/{component_id}/print_data_files/{print_data_file_id}',
		],
		[
			'PATCH',
			'/orders/{order_id}/products/{product_id}/components/{component_id}/print_data_files/{print_data_file_id}',
		],
		[
			'DELETE',
			'/orders/{order_id}/products/{product_id}/components/{component_id}/print_data_files/{print_data_file_id}',
		],
		['GET', '/orders/{order_id}/carrier'],
		['POST', '/orders/{order_id}/carrier'],
		['DELETE', '/orders/{order_id}/carrier'],
		['GET', '/orders/{order_id}/delivery_address'],
		['POST', '/orders/{order_id}/delivery_address'],
		['DELETE', '/orders/{order_id}/delivery_address'],
	];

	test('the list has all 66 entries', () => expect(endpoints).toHaveLength(66));

	/** A valid body for each writing endpoint, chosen by the path's last segments. */
	function bodyFor(method: string, path: string): unknown {
		if (method === 'DELETE' || method === 'GET') return undefined;
		const rules: Array<[RegExp, unknown]> = [
			[/print_data_files(\/\{print_data_file_id\})?$/, FILE],
			[/variants$/, { variant: { name: 'Französisch' } }],
			[/variants\/\{variant_id\}$/, { variant: { circulation: 10 } }],
			[
				/components\/\{component_id\}$/,
				{ component: { grain: 'long', front_colors: ['CMYK/Black', 'Pantone/83'] } },
			],
			[/products$/, { product: { order_number: 'KEY-FLY-A5' } }],
			[/products\/\{product_id\}$/, { product: { name: 'Sticker' } }],
			[/customer$/, { customer: { id: 207 } }],
			[/recipient$/, RECIPIENT],
			[/carrier$/, { carrier: { id: 44 } }],
			[/billing_address$/, { billing_address: ADDRESS }],
			[
				/delivery_address$/,
				{ delivery_address: { ...ADDRESS, delivery_contact_email: 'dock@example.com' } },
			],
			[/carts\/\{cart_id\}$/, { cart: { custom_offer_text: 'Special Offer' } }],
		];
		return rules.find(([re]) => re.test(path))?.[1];
	}

	test.each(endpoints)('%s %s', async (method, template) => {
		const f = await placedOrder();
		const live = await fullCart();
		const componentLevel = template.includes('/components/');
		const path = template
			.replace('{cart_id}', String(live.cart.id))
			.replace('{order_id}', String(f.orderId))
			.replace(
				'{product_id}',
				String(template.startsWith('/carts') ? live.product.id : f.product.id),
			)
			.replace('{variant_id}', String(live.variant.id))
			.replace(
				'{component_id}',
				String(template.startsWith('/carts') ? live.component.id : f.component.id),
			)
			.replace(
				'{print_data_file_id}',
				String(
					template.startsWith('/carts')
						? (componentLevel ? live.componentFile : live.productFile).id
						: (componentLevel ? f.componentFile : f.productFile).id,
				),
			);
		const res = await api(method, path, bodyFor(method, template));
		const expected = {
			GET: 200,
			POST: path.endsWith('/checkout') ? 301 : 201,
			PATCH: 204,
			DELETE: 204,
		}[method];
		expect({ status: res.status, body: res.json }).toEqual({ status: expected, body: res.json });
		if (expected === 204) expect(res.text).toBe('');
	});

	test('unknown routes and methods answer JSON 404 / 405', async () => {
		expect(await api('GET', '/nope')).toMatchObject({
			status: 404,
			json: { error: 'No route matches [GET] "/api/v2/inbox/nope"' },
		});
		expect((await api('PUT', '/carts/1')).status).toBe(405);
		expect((await api('DELETE', '/carts/1/checkout')).status).toBe(405);
	});
});

describe('cart → order flow', () => {
	test('checkout errors shrink to none, then checkout redirects to the order', async () => {
		const created = await api('POST', '/carts');
		expect(created.status).toBe(201);
		const cart = created.json.cart;
		expect(cart).toEqual({
			id: expect.any(Number),
			reference: expect.stringMatching(/^[0-9A-Z]{6}$/),
			updated_at: expect.any(String),
			created_at: expect.any(String),
			due_at: null,
			custom_references: null,
			custom_offer_text: null,
			carrier: null,
			recipient: null,
			billing_address: null,
			delivery_address: null,
		});
		const c = `/carts/${cart.id}`;
		const errorKeys = async () => {
			const res = await api('GET', `${c}/checkout`);
			return {
				status: res.status,
				keys: (res.json.errors as Array<Record<string, string>>).map((e) => Object.keys(e)[0]),
			};
		};
		const first = await api('GET', `${c}/checkout`);
		expect(first.status).toBe(422);
		expect(first.json.errors).toContainEqual({ products: 'muss ausgefüllt werden' });
		expect(await errorKeys()).toEqual({
			status: 422,
			keys: ['products', 'delivery_address', 'billing_address', 'carrier', 'customer', 'recipient'],
		});

		// The API wants the customer before the recipient.
		const early = await api('POST', `${c}/recipient`, RECIPIENT);
		expect(early.status).toBe(422);
		expect(early.json.errors.customer[0]).toMatch(/bevor ein Empfänger/);

		expect(await api('POST', `${c}/customer`, { customer: { id: 206 } })).toMatchObject({
			status: 201,
			json: {
				customer: {
					id: 206,
					name: 'Crispy GmbH & Co. KG',
					tax_identifier: null,
					reference: 'NEE6UC',
				},
			},
		});
		expect(await api('POST', `${c}/recipient`, RECIPIENT)).toMatchObject({
			status: 201,
			json: RECIPIENT,
		});
		expect(await api('POST', `${c}/carrier`, { carrier: { id: 43 } })).toMatchObject({
			status: 201,
			json: { carrier: { id: 43, name: 'Paket DHL' } },
		});
		expect((await errorKeys()).keys).toEqual(['products', 'delivery_address', 'billing_address']);

		expect(await api('POST', `${c}/billing_address`, { billing_address: ADDRESS })).toMatchObject({
			status: 201,
			json: { billing_address: ADDRESS },
		});
		const delivery = await api('POST', `${c}/delivery_address`, { delivery_address: ADDRESS });
		expect(delivery.json).toEqual({
			delivery_address: { ...ADDRESS, delivery_contact_phone: null, delivery_contact_email: null },
		});
		expect((await errorKeys()).keys).toEqual(['products']);

		const product = (
			await api('POST', `${c}/products`, {
				product: {
					order_number: 'KEY-XY-123',
					name: 'Sticker',
					custom_references: { PO: 7891234 },
				},
			})
		).json.product;
		expect(product).toMatchObject({
			name: 'Sticker',
			reference: expect.stringMatching(/^[0-9A-Z]{6}$/),
			circulation_sum: 1000,
			net_total: { cent_amount: 4500 + 3 * 1000, currency: 'EUR' },
			custom_references: { PO: 7891234 },
			variants: [{ variant: { id: expect.any(Number), name: 'Standard', circulation: 1000 } }],
			components: [
				{
					component: {
						name: 'Aufkleber / Etikett',
						number_of_pages: 2,
						closed_dimensions: [140, 140],
						front_colors: ['CMYK/Cyan', 'CMYK/Magenta', 'CMYK/Yellow', 'CMYK/Black'],
						back_colors: [],
						paper_name: null,
						grain: null,
						grammage: null,
					},
				},
			],
		});
		expect((await errorKeys()).keys).toEqual(['print_data_files']);

		const p = `${c}/products/${product.id}`;
		const variant = await api('POST', `${p}/variants`, {
			variant: { name: 'Englisch', circulation: 5000 },
		});
		expect(variant).toMatchObject({
			status: 201,
			json: { variant: { name: 'Englisch', circulation: 5000 } },
		});
		expect((await api('GET', p)).json.product.circulation_sum).toBe(6000);

		const componentId = product.components[0].component.id;
		const patched = await api('PATCH', `${p}/components/${componentId}`, {
			component: {
				paper_name: 'Arctic White',
				grain: 'short',
				grammage: 200,
				front_colors: ['CMYK/Black', 'Pantone/83', 'custom/superdark'],
			},
		});
		expect(patched).toMatchObject({ status: 204, text: '' });
		expect((await api('GET', `${p}/components/${componentId}`)).json.component).toMatchObject({
			paper_name: 'Arctic White',
			grain: 'short',
			grammage: 200,
			front_colors: ['CMYK/Black', 'Pantone/83', 'custom/superdark'],
		});

		const file = await api('POST', `${p}/components/${componentId}/print_data_files`, {
			print_data_file: { ...FILE.print_data_file, filesize: 12345, first_page: 3, last_page: 10 },
		});
		expect(file.status).toBe(201);
		expect(file.json.print_data_file).toEqual({
			id: expect.any(Number),
			product_id: product.id,
			component_id: componentId,
			kind: 'original',
			state: 'newly_uploaded',
			uri: 'https://example.com/keyline_print_data_file',
			filesize: 12345,
			first_page: 3,
			last_page: 10,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		// The product's list holds its component files too; the component's list only its own.
		expect((await api('GET', `${p}/print_data_files`)).json).toHaveLength(1);
		expect(await api('GET', `${c}/checkout`)).toMatchObject({ status: 200, json: { errors: [] } });

		const checkout = await api('POST', `${c}/checkout`);
		expect(checkout.status).toBe(301);
		const location = checkout.headers.get('location')!;
		expect(location).toMatch(new RegExp(`^${sb.baseUrl}/orders/\\d+$`));

		// After checkout: the cart's GET redirects, everything else about it is gone.
		const again = await api('GET', c);
		expect(again.status).toBe(301);
		expect(again.headers.get('location')).toBe(location);
		for (const [method, path] of [
			['GET', `${c}/checkout`],
			['POST', `${c}/checkout`],
			['PATCH', c],
			['DELETE', c],
			['GET', `${c}/customer`],
			['GET', `${c}/products`],
			['GET', `${p}/print_data_files`],
		]) {
			expect(
				(
					await api(
						method,
						path,
						method === 'PATCH' ? { cart: { custom_offer_text: 'x' } } : undefined,
					)
				).status,
			).toBe(404);
		}

		const order = await fetch(location, { headers: AUTH }).then(async (r) => ({
			status: r.status,
			json: (await r.json()) as Json,
		}));
		expect(order.status).toBe(200);
		expect(order.json.order).toMatchObject({
			id: Number(location.split('/').pop()),
			reference: cart.reference,
			state: 'draft',
			carrier: { id: 43, name: 'Paket DHL' },
			recipient: RECIPIENT.recipient,
			billing_address: ADDRESS,
			delivery_address: ADDRESS,
			custom_offer_text: null,
			products: [{ product: { id: product.id, circulation_sum: 6000 } }],
			print_data_files: [
				{ print_data_file: { id: file.json.print_data_file.id, component_id: componentId } },
			],
		});
		const o = new URL(location).pathname.replace('/api/v2/inbox', '');
		expect((await api('GET', `${o}/products`)).json).toHaveLength(1);
		expect((await api('GET', `${o}/products/${product.id}/components`)).json[0].component.id).toBe(
			componentId,
		);
		expect(
			(await api('GET', `${o}/products/${product.id}/components/${componentId}/print_data_files`))
				.json,
		).toHaveLength(1);
	});

	test('orders: cancel a draft (204, archived), 422 once confirmed', async () => {
		const { orderId } = await placedOrder();
		const other = await placedOrder();
		sb.advanceOrder(other.orderId);
		const refused = await api('DELETE', `/orders/${other.orderId}`);
		expect(refused).toMatchObject({
			status: 422,
			json: { errors: { base: ['The order cannot be canceled anymore.'] } },
		});

		const cancelled = await api('DELETE', `/orders/${orderId}`);
		expect(cancelled).toMatchObject({ status: 204, text: '' });
		expect((await api('GET', `/orders/${orderId}`)).json.order.state).toBe('archived');
		// Archived orders take no more changes.
		expect((await api('POST', `/orders/${orderId}/carrier`, { carrier: { id: 44 } })).status).toBe(
			422,
		);
	});

	test('order carrier and delivery address can be replaced and removed', async () => {
		const { orderId } = await placedOrder();
		const o = `/orders/${orderId}`;
		expect(await api('POST', `${o}/carrier`, { carrier: { id: 45 } })).toMatchObject({
			status: 201,
			json: { carrier: { id: 45, name: 'Selbstabholung' } },
		});
		expect((await api('DELETE', `${o}/carrier`)).status).toBe(204);
		expect((await api('GET', `${o}/carrier`)).status).toBe(404);
		expect((await api('DELETE', `${o}/carrier`)).status).toBe(404);
		expect((await api('POST', `${o}/carrier`, { carrier: { id: 999 } })).json).toEqual({
			errors: { carrier: ['No carrier found with given id'] },
		});
		expect((await api('DELETE', `${o}/delivery_address`)).status).toBe(204);
		expect((await api('GET', o)).json.order).toMatchObject({
			carrier: null,
			delivery_address: null,
		});
	});
	test('a customer without postal address blocks checkout; POST /carts/{id} is checkout too (400)', async () => {
		const { cart } = await fullCart();
		const c = `/carts/${cart.id}`;
		await api('POST', `${c}/customer`, { customer: { id: 208 } });
		expect(await api('GET', `${c}/checkout`)).toMatchObject({
			status: 422,
			json: { errors: [{ address: 'muss ausgefüllt werden' }] },
		});
		// The usage guide's checkout on the cart resource answers 400 where /checkout answers 422.
		expect(await api('POST', c)).toMatchObject({
			status: 400,
			json: { errors: [{ address: 'muss ausgefüllt werden' }] },
		});
		expect((await api('POST', `${c}/checkout`)).status).toBe(422);
		await api('POST', `${c}/customer`, { customer: { id: 207 } });
		const placed = await api('POST', c);
		expect(placed.status).toBe(301);
		expect(placed.text).toBe('');
	});
});

describe('validation', () => {
	test('400 for a missing or empty wrapper', async () => {
		const cart = (await api('POST', '/carts')).json.cart;
		for (const [path, body] of [
			[`/carts/${cart.id}/recipient`, {}],
			[`/carts/${cart.id}/recipient`, { recipient: {} }],
			[`/carts/${cart.id}/carrier`, { id: 43 }],
		] as const) {
			const res = await api('POST', path, body);
			expect(res.status).toBe(400);
			expect(res.json.error).toMatch(/^param is missing or the value is empty: /);
		}
		expect((await api('PATCH', `/carts/${cart.id}`, { custom_offer_text: 'x' })).status).toBe(400);
	});

	test('422 with German field messages', async () => {
		const { cart, product, variant, component, productFile } = await fullCart();
		const c = `/carts/${cart.id}`;
		const p = `${c}/products/${product.id}`;
		const errors = async (method: string, path: string, body: unknown) => {
			const res = await api(method, path, body);
			expect(res.status).toBe(422);
			return res.json.errors;
		};

		expect(
			await errors('POST', `${c}/recipient`, {
				recipient: { first_name: '', email: 'nope', phone: '0123' },
			}),
		).toEqual({
			first_name: ['muss ausgefüllt werden'],
			name: ['muss ausgefüllt werden'],
			email: ['ist nicht gültig'],
			phone: ['hat ein ungültiges Format (Beispiel: +4961316171000)'],
		});
		expect(
			await errors('POST', `${c}/billing_address`, {
				billing_address: { addressee: '', town: '', zip_code: '1', country_code: 'XX' },
			}),
		).toEqual({
			addressee: ['ist zu kurz (weniger als 1 Zeichen)'],
			town: ['ist zu kurz (weniger als 1 Zeichen)'],
			country_code: ['ist kein gültiger Wert'],
		});
		expect(await errors('PATCH', c, { cart: { due_at: 'soon' } })).toEqual({
			custom_offer_text: ['muss ausgefüllt werden'],
			due_at: ['ist kein gültiges Datum'],
		});
		expect(
			await errors('PATCH', c, {
				cart: {
					custom_offer_text: 'x'.repeat(201),
					custom_references: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 },
				},
			}),
		).toEqual({
			custom_offer_text: ['ist zu lang (mehr als 200 Zeichen)'],
			custom_references: ['darf höchstens 5 Einträge enthalten'],
		});
		expect(
			await errors('PATCH', `${p}/components/${component.id}`, {
				component: {
					name: '',
					grain: 'diagonal',
					grammage: 1.5,
					front_colors: ['RGB/Red'],
					back_colors: ['CMYK/Orange'],
					closed_dimensions: [1],
				},
			}),
		).toEqual({
			name: ['ist zu kurz (weniger als 1 Zeichen)'],
			grain: ['ist kein gültiger Wert'],
			grammage: ['muss ganzzahlig sein'],
			front_colors: ['ist kein gültiger Wert'],
			back_colors: ['ist kein gültiger Wert'],
			closed_dimensions: ['muss genau 2 Werte enthalten'],
		});
		expect(
			await errors('POST', `${p}/print_data_files`, { print_data_file: { kind: 'draft' } }),
		).toEqual({
			uri: ['muss ausgefüllt werden'],
			kind: ['ist kein gültiger Wert'],
		});
		expect(
			await errors('PATCH', `${p}/print_data_files/${productFile.id}`, {
				print_data_file: { uri: 'x', kind: 'imposed', first_page: 5, last_page: 2 },
			}),
		).toEqual({
			last_page: ['muss größer oder gleich 5 sein'],
		});
		expect(await errors('POST', `${p}/variants`, { variant: { name: 'Englisch' } })).toEqual({
			name: ['ist bereits vergeben'],
		});
		expect(
			await errors('PATCH', `${p}/variants/${variant.id}`, {
				variant: { name: 'Standard', circulation: 0 },
			}),
		).toEqual({
			name: ['ist bereits vergeben'],
			circulation: ['muss größer oder gleich 1 sein'],
		});
		expect(await errors('PATCH', p, { product: { name: '', net_total: 'abc' } })).toEqual({
			name: ['ist zu kurz (weniger als 1 Zeichen)'],
			net_total: ['ist keine Zahl'],
		});
		expect(await errors('POST', `${c}/products`, { product: { name: 'x' } })).toEqual({
			product_template: ['muss ausgefüllt werden'],
		});
		expect(await errors('POST', `${c}/products`, { product: { product_template_id: 9 } })).toEqual({
			product_template: ['No product template found with given id'],
		});
		expect(await errors('POST', `${c}/carrier`, { carrier: { id: 1 } })).toEqual({
			carrier: ['No carrier found with given id'],
		});
		expect(await errors('POST', `${c}/customer`, { customer: { id: 1 } })).toEqual({
			customer: ['No customer found with given id'],
		});
	});

	test('unknown and foreign ids answer JSON 404', async () => {
		const { cart, product } = await fullCart();
		expect(await api('GET', '/carts/123456')).toMatchObject({
			status: 404,
			json: { error: "Couldn't find Cart with 'id'=123456" },
		});
		expect((await api('GET', '/carts/abc')).status).toBe(404);
		expect((await api('GET', `/carts/${cart.id}/products/${cart.id}`)).status).toBe(404);
		expect((await api('GET', `/carts/${cart.id}/products/${product.id}/variants/1`)).status).toBe(
			404,
		);
		const foreign = sb.seedOrder({ foreign: true });
		expect((await api('GET', `/orders/${foreign.id}`)).status).toBe(404);
		expect((await api('GET', `/orders/${foreign.id}/products`)).status).toBe(404);
		const empty = (await api('POST', '/carts')).json.cart;
		for (const part of [
			'customer',
			'recipient',
			'carrier',
			'billing_address',
			'delivery_address',
		]) {
			expect((await api('GET', `/carts/${empty.id}/${part}`)).status).toBe(404);
			expect((await api('DELETE', `/carts/${empty.id}/${part}`)).status).toBe(404);
		}
	});
});

describe('products and prices', () => {
	test('net_total locks the price, service costs are still added; circulation sets the only variant', async () => {
		const cart = (await api('POST', '/carts')).json.cart;
		const brochure = await api('POST', `/carts/${cart.id}/products`, {
			product: {
				product_template_id: 503,
				order_number: 'KEY-BRO-A4',
				circulation: 100,
				net_total: 4321,
			},
		});
		expect(brochure.json.product).toMatchObject({
			name: 'Broschüre A4',
			circulation_sum: 100,
			net_total: { cent_amount: 4321 + 1500, currency: 'EUR' },
		});
		expect(
			brochure.json.product.components.map(
				(x: { component: { name: string } }) => x.component.name,
			),
		).toEqual(['Umschlag', 'Inhalt']);
		const p = `/carts/${cart.id}/products/${brochure.json.product.id}`;
		expect((await api('PATCH', p, { product: { circulation: 400, net_total: null } })).status).toBe(
			204,
		);
		expect((await api('GET', p)).json.product).toMatchObject({
			circulation_sum: 400,
			net_total: { cent_amount: 9900 + 120 * 400 + 1500 },
		});
		await api('POST', `${p}/variants`, { variant: { circulation: 50 } });
		const variants = (await api('GET', `${p}/variants`)).json;
		expect(variants.map((v: { variant: { name: string } }) => v.variant.name)).toEqual([
			'Standard',
			'Variante 2',
		]);
		expect(
			(await api('PATCH', p, { product: { circulation: 10 } })).json.errors.circulation,
		).toHaveLength(1);
		// Template id and order number must name the same template.
		expect(
			(
				await api('POST', `/carts/${cart.id}/products`, {
					product: { product_template_id: 501, order_number: 'KEY-BRO-A4' },
				})
			).status,
		).toBe(422);
	});

	test('POST /carts ignores a body (none is documented); cart fields round-trip through PATCH; DELETE removes the cart', async () => {
		const cart = (await api('POST', '/carts', { cart: { custom_offer_text: 'Hallo' } })).json.cart;
		expect(cart.custom_offer_text).toBeNull();
		const c = `/carts/${cart.id}`;
		const refs = { PO: 7891234, Besteller: 'Torsten Schmidt' };
		expect(
			await api('PATCH', c, {
				cart: {
					custom_offer_text: 'Special Offer',
					due_at: '2017-11-09T17:00:00.000+01:00',
					custom_references: refs,
				},
			}),
		).toMatchObject({ status: 204, text: '' });
		expect((await api('GET', c)).json.cart).toMatchObject({
			custom_offer_text: 'Special Offer',
			due_at: '2017-11-09T16:00:00.000Z',
			custom_references: refs,
		});
		expect((await api('DELETE', c)).status).toBe(204);
		expect((await api('GET', c)).status).toBe(404);
	});
});

describe('faults that garble, echo or lose answers', () => {
	const log = () => sb.requests.map((r) => [r.method, r.status, r.fault, r.handled]);

	test('echo answers with the request as JSON, text or HTML: URL with query, the key, the raw body', async () => {
		sb.addFault({ kind: 'echo', path: '/carts$' });
		const echoed = await api('POST', '/carts?debug=1', { cart: { custom_offer_text: 'secret' } });
		expect(echoed.status).toBe(500);
		expect(echoed.json).toEqual({
			error: 'Internal Server Error',
			request: {
				method: 'POST',
				url: `${sb.baseUrl}/carts?debug=1`,
				headers: expect.objectContaining({
					authorization: `Bearer ${KEYLINE_SANDBOX_API_KEY}`,
					'content-type': 'application/json',
				}),
				body: '{"cart":{"custom_offer_text":"secret"}}',
			},
		});
		expect(sb.store.carts.size).toBe(0);

		sb.addFault({ kind: 'echo', format: 'text', status: 503 });
		const text = await api('GET', '/orders/1?page=2');
		expect(text.status).toBe(503);
		expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(text.text).toContain(`GET ${sb.baseUrl}/orders/1?page=2\n`);
		expect(text.text).toContain(`authorization: Bearer ${KEYLINE_SANDBOX_API_KEY}\n`);

		sb.addFault({ kind: 'echo', format: 'html' });
		const html = await api('PATCH', '/carts/1', { cart: { due_at: null } });
		expect(html.headers.get('content-type')).toMatch(/^text\/html/);
		expect(html.text).toMatch(/^<!DOCTYPE html>/);
		expect(html.text).toContain(KEYLINE_SANDBOX_API_KEY);
		expect(html.text).toContain('{"cart":{"due_at":null}}');
		expect(log()).toEqual([
			['POST', 500, 'echo', false],
			['GET', 503, 'echo', false],
			['PATCH', 500, 'echo', false],
		]);
	});

	test('html answers a maintenance page; status with raw or wrong-shaped bodies', async () => {
		sb.addFault({ kind: 'html', path: '/carts$' });
		const page = await api('POST', '/carts');
		expectHtmlPage(page, 200);
		expect(page.text).toContain('under maintenance');
		expect(sb.store.carts.size).toBe(0);

		sb.addFault({ kind: 'status', status: 201, raw: '{"cart":', contentType: 'application/json' });
		const raw = await api('POST', '/carts');
		expect([raw.status, raw.text, raw.headers.get('content-type')]).toEqual([
			201,
			'{"cart":',
			'application/json',
		]);
		sb.addFault({ kind: 'status', status: 201, body: { carts: [] } });
		expect((await api('POST', '/carts')).json).toEqual({ carts: [] });
		expect(sb.store.carts.size).toBe(0);
		expect(log()).toEqual([
			['POST', 200, 'html', false],
			['POST', 201, 'status', false],
			['POST', 201, 'status', false],
		]);
	});

	test('truncated runs the logic and cuts its JSON; a bodyless 204 becomes 200 {"trunc', async () => {
		sb.addFault({ kind: 'truncated', path: '/carts$' });
		const created = await api('POST', '/carts');
		expect(created.status).toBe(201);
		expect(created.headers.get('content-type')).toMatch(/^application\/json/);
		expect(created.text.startsWith('{"cart":{')).toBe(true);
		expect(created.json).toBeUndefined();
		expect(sb.store.carts.size).toBe(1);
		const [cartId] = sb.store.carts.keys();
		const full = (await api('GET', `/carts/${cartId}`)).text;
		expect(created.text.length).toBeLessThan(full.length);

		sb.addFault({ kind: 'truncated' });
		const updated = await api('PATCH', `/carts/${cartId}`, { cart: { custom_offer_text: 'x' } });
		expect([updated.status, updated.text]).toEqual([200, '{"trunc']);
		expect(sb.store.carts.get(cartId)?.custom_offer_text).toBe('x');
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled, r.handledStatus])).toEqual([
			[201, 'truncated', true, 201],
			[200, undefined, true, 200],
			[200, 'truncated', true, 204],
		]);
	});

	test('hang leaves the request unanswered; with ms the socket is closed then', async () => {
		sb.addFault({ kind: 'hang', path: '/carts$' });
		await expect(
			api('POST', '/carts', undefined, AUTH, AbortSignal.timeout(200)),
		).rejects.toThrow();
		sb.addFault({ kind: 'hang', ms: 100 });
		const started = Date.now();
		await expect(api('GET', '/carts/1')).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
		expect(sb.store.carts.size).toBe(0);
		expect(log()).toEqual([
			['POST', 0, 'hang', false],
			['GET', 0, 'hang', false],
		]);
	});

	test('after: true checks the cart out, then drops, hangs or replaces the 301', async () => {
		const { cart } = await fullCart();
		sb.clearRequests();
		const checkout = `/carts/${cart.id}/checkout`;

		// Without `after` the checkout never reaches the logic.
		sb.addFault({ kind: 'drop', path: '/checkout$' });
		await expect(api('POST', checkout)).rejects.toThrow();
		expect(sb.store.orders.size).toBe(0);

		sb.addFault({ kind: 'drop', after: true, path: '/checkout$' });
		await expect(api('POST', checkout)).rejects.toThrow();
		expect(sb.snapshot().orders).toHaveLength(1);
		expect(sb.snapshot().carts[0].orderId).toBe(sb.snapshot().orders[0].id);

		// The cart is gone now: a retried checkout answers 404, which the fault hides too.
		sb.addFault({ kind: 'status', status: 504, after: true, path: '/checkout$' });
		expect((await api('POST', checkout)).status).toBe(504);
		sb.addFault({ kind: 'hang', ms: 50, after: true, path: '/checkout$' });
		await expect(api('POST', checkout)).rejects.toThrow();
		sb.addFault({ kind: 'echo', after: true, path: '/checkout$' });
		expect((await api('POST', checkout)).json.request.method).toBe('POST');
		expect(sb.store.orders.size).toBe(1);
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled, r.handledStatus])).toEqual([
			[0, 'drop', false, undefined],
			[0, 'drop', true, 301],
			[504, 'status', true, 404],
			[0, 'hang', true, 404],
			[500, 'echo', true, 404],
		]);
	});

	test('faults and after are checked, also over HTTP', async () => {
		expect(() => sb.addFault({ kind: 'html', after: true })).toThrow(/after applies/);
		expect((await control('faults', { kind: 'echo', format: 'yaml' })).status).toBe(400);
		expect((await control('faults', { kind: 'echo', after: true, path: '/carts$' })).status).toBe(
			200,
		);
		expect((await api('POST', '/carts')).status).toBe(500);
		expect(sb.store.carts.size).toBe(1);
		expect((await control('requests')).json).toEqual([
			expect.objectContaining({ fault: 'echo', status: 500, handled: true, handledStatus: 201 }),
		]);
	});
});

describe('configuration', () => {
	test("notFoundBody 'none' sends the Inbox API's 404s without a body; the HTML 404 stays", async () => {
		const order = sb.seedOrder();
		expect((await control('configure', { notFoundBody: 'empty' })).status).toBe(400);
		expect((await control('configure', { notFoundBody: 'none' })).json).toEqual({
			notFoundBody: 'none',
		});
		for (const path of ['/orders/999', '/carts/abc', '/nope', `/orders/${order.id}/carrier/x`]) {
			const missing = await api('GET', path);
			expect([missing.status, missing.text, missing.headers.get('content-type')]).toEqual([
				404,
				'',
				null,
			]);
		}
		expect((await api('GET', `/orders/${order.id}`)).status).toBe(200);
		expect((await api('GET', '/orders/1', undefined, {})).json).toEqual({
			error: 'Header missing or No token provided',
		});
		const outside = await fetch(`${sb.url}/nope`);
		expect([outside.status, outside.headers.get('content-type')]).toEqual([
			404,
			'text/html; charset=utf-8',
		]);
		expect(sb.requestsTo('GET', '/api/v2/inbox/orders/999')[0]).toMatchObject({
			status: 404,
			handled: true,
		});
		expect((await control('state')).json.config).toEqual({ notFoundBody: 'none' });

		sb.reset();
		expect(sb.currentConfig).toEqual({ notFoundBody: 'json' });
		expect((await api('GET', '/orders/999')).json).toEqual({
			error: "Couldn't find Order with 'id'=999",
		});
		const quiet = new KeylineSandbox({ notFoundBody: 'none' });
		expect(quiet.currentConfig.notFoundBody).toBe('none');
		expect(sb.configure({ notFoundBody: 'none' })).toEqual({ notFoundBody: 'none' });
		expect(() => new KeylineSandbox({ notFoundBody: 'html' as 'none' })).toThrow();
	});
});

describe('control', () => {
	test('print data file states advance; a new uri starts over', async () => {
		const { orderId, productFile } = await placedOrder();
		const path = `/orders/${orderId}/products/${productFile.product_id}/print_data_files/${productFile.id}`;
		const state = async () => (await api('GET', path)).json.print_data_file.state;
		expect(await state()).toBe('newly_uploaded');
		await fetch(`${sb.url}/__control/advancePrintDataFiles`, { method: 'POST' });
		expect(await state()).toBe('processing');
		sb.advancePrintDataFiles();
		expect(await state()).toBe('processed');
		expect(
			(
				await api('PATCH', path, {
					print_data_file: { kind: 'processed', uri: 'https://example.com/v2.pdf' },
				})
			).status,
		).toBe(204);
		expect(await state()).toBe('newly_uploaded');
		sb.setPrintDataFileState(productFile.id, 'processed');
		expect(await state()).toBe('processed');
	});

	test('seedOrder, setOrderState, advanceOrder and state over HTTP; ids ascend', async () => {
		const control = async (action: string, body?: unknown) =>
			await fetch(`${sb.url}/__control/${action}`, {
				method: body === undefined ? 'GET' : 'POST',
				body: body === undefined ? undefined : JSON.stringify(body),
			}).then(async (r) => ({ status: r.status, json: (await r.json()) as Json }));
		const first = (
			await control('seedOrder', {
				state: 'confirmed',
				products: [{ orderNumber: 'KEY-BC-85', printDataFiles: [{ componentIndex: 0 }] }],
			})
		).json;
		const second = (await control('seedOrder', {})).json;
		expect(second.id).toBeGreaterThan(first.id);
		expect(first).toMatchObject({
			state: 'confirmed',
			products: [{ product: { name: 'Visitenkarten' } }],
		});
		expect((await api('GET', `/orders/${first.id}`)).json.order).toEqual(first);
		expect((await control('advanceOrder', { orderId: first.id })).json.state).toBe('completed');
		expect(
			(await control('setOrderState', { orderId: second.id, state: 'archived' })).json.state,
		).toBe('archived');
		expect((await control('setOrderState', { orderId: second.id, state: 'lost' })).status).toBe(
			400,
		);
		const state = (await control('state')).json;
		expect(state.orders.map((o: { state: string }) => o.state)).toEqual(['completed', 'archived']);
	});

	test('answers carry a Date header by the virtual clock (what created_at follows)', async () => {
		sb.clock.advance(10 * 24 * 3600 * 1000);
		const order = sb.seedOrder();
		const res = await api('GET', `/orders/${order.id}`);
		const date = Date.parse(res.headers.get('date') ?? '');
		expect(Math.abs(date - Date.parse(res.json.order.created_at))).toBeLessThan(2_000);
	});

	test('requests are logged and base faults apply', async () => {
		await api('POST', '/carts', { cart: { custom_offer_text: 'log me' } });
		const [logged] = sb.requestsTo('POST', '/api/v2/inbox/carts');
		expect(logged).toMatchObject({ status: 201, json: { cart: { custom_offer_text: 'log me' } } });
		sb.addFault({ kind: 'rateLimit', retryAfter: 3, path: '/carts$' });
		const limited = await api('POST', '/carts');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('3');
		expect((await api('POST', '/carts')).status).toBe(201);
	});
});

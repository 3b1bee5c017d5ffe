/**
 * Place Order (One Step), step by step: each step's failure names that step, keeps the cart and
 * sends nothing after it; a product's parts are checked in the order they are given, so the
 * first mistake is the one reported; a component change of files only sends no PATCH. Pins what
 * the run and the plan, split into named steps, must keep (keyline-order.test.ts has the rest).
 */
import { KeylineSandbox } from '../sandbox/keyline';
import { runNode } from '../harness/run';
import { keylineCredential, keylinePlaceOrder } from './fixtures';

const BASE = '/api/v2/inbox';
const FILE = { uri: 'https://example.com/a.pdf', kind: 'original' };
const BAD_FILE = { uri: 'example.com/a.pdf', kind: 'original' };
const BAD_URI = 'URI "example.com/a.pdf" is not a full web or FTP address';

describe('Keyline node: Place Order (One Step), step by step', () => {
	const sandbox = new KeylineSandbox();
	const params = (products: unknown[], overrides: Record<string, unknown> = {}) =>
		keylinePlaceOrder({
			productsInput: 'json',
			productsJson: JSON.stringify(products),
			...overrides,
		});
	const run = async (parameters: Record<string, unknown>) =>
		await runNode({
			type: 'keyline',
			parameters: parameters as never,
			credentials: [keylineCredential(sandbox)],
		});
	/** API requests (the credential's probe of /carts/0 left out), as "METHOD path". */
	const log = () =>
		sandbox.requests
			.filter((r) => r.path !== `${BASE}/carts/0`)
			.map((r) => `${r.method} ${r.path.slice(BASE.length)}`);
	const onlyCart = () => {
		const carts = [...sandbox.store.carts.values()];
		expect(carts).toHaveLength(1);
		return carts[0];
	};

	beforeAll(async () => await sandbox.start());
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.reset());

	/** Every kind of step: two variants (the template's taken over, one added), a component change, files on a component and on a product. */
	const everyStep = [
		{
			product_template_id: 503,
			variants: [
				{ name: 'DE', circulation: 100 },
				{ name: 'EN', circulation: 50 },
			],
			components: [{ component: 'Inhalt', grammage: 90 }],
			print_data_files: [{ ...FILE, component: 1 }],
		},
		{ product_template_id: 501, print_data_files: [FILE] },
	];

	// [method, path, the step named in the error]
	const steps: Array<[string, string, string]> = [
		['POST', '/customer$', 'Setting the customer'],
		['POST', '/recipient$', 'Setting the recipient'],
		['POST', '/carrier$', 'Setting the carrier'],
		['POST', '/billing_address$', 'Setting the billing address'],
		['POST', '/delivery_address$', 'Setting the delivery address'],
		['POST', '/carts/\\d+/products$', 'Adding product 1'],
		['PATCH', '/variants/\\d+$', 'Setting variant 1 of product 1'],
		['POST', '/variants$', 'Adding variant 2 of product 1'],
		['PATCH', '/components/\\d+$', 'Changing component "Inhalt" of product 1'],
		[
			'POST',
			'/components/\\d+/print_data_files$',
			'Adding print data file 1 to component 1 of product 1',
		],
		['POST', '/products/\\d+/print_data_files$', 'Adding print data file 1 of product 2'],
		['GET', '/checkout$', 'Validating the cart'],
	];

	it.each(steps)(
		'a failure of %s %s names the step "%s", keeps the cart and sends nothing after it',
		async (method, path, step) => {
			sandbox.addFault({ kind: 'status', status: 500, method, path });
			const { error } = await run(params(everyStep, { placeTheOrder: true }));
			const cart = onlyCart();
			expect(error?.message).toBe(
				`${step} failed (cart ${cart.id} kept): Keyline: Injected status 500`,
			);
			expect(String(error?.description)).toContain(
				`Cart ${cart.id} (reference ${cart.reference}) holds everything up to this step and was kept`,
			);
			const sent = log();
			expect(sent[sent.length - 1]).toMatch(new RegExp(`^${method} .*${path}`));
			expect(sandbox.requestsTo('POST', /\/checkout$/)).toHaveLength(0);
		},
	);

	it('Place the Order off: a failure reading the products back names that step', async () => {
		sandbox.addFault({ kind: 'status', status: 500, method: 'GET', path: '/carts/\\d+/products$' });
		const { error } = await run(params(everyStep));
		const cart = onlyCart();
		expect(error?.message).toBe(
			`Reading the cart's products failed (cart ${cart.id} kept): Keyline: Injected status 500`,
		);
		expect(log().slice(-2)).toEqual([
			`GET /carts/${cart.id}/checkout`,
			`GET /carts/${cart.id}/products`,
		]);
	});

	it('a checkout Keyline refuses says nothing was ordered and keeps the cart', async () => {
		sandbox.addFault({
			kind: 'status',
			status: 422,
			method: 'POST',
			path: '/checkout$',
			body: { errors: { base: ['ist gesperrt'] } },
		});
		const { error } = await run(params(everyStep, { placeTheOrder: true }));
		const cart = onlyCart();
		expect(error?.message).toMatch(new RegExp(`^Checking out failed \\(cart ${cart.id}\\): `));
		expect(String(error?.description)).toContain(
			`Nothing was ordered. Cart ${cart.id} (reference ${cart.reference}) holds everything up to this step and was kept`,
		);
		expect(sandbox.requestsTo('POST', /\/checkout$/)).toHaveLength(1);
		expect(sandbox.store.orders.size).toBe(0);
	});

	it('a new cart answered without its ID stops before any other request', async () => {
		sandbox.addFault({
			kind: 'status',
			status: 201,
			method: 'POST',
			path: '/carts$',
			body: { cart: { reference: 'K-1' } },
		});
		const { error } = await run(params(everyStep, { placeTheOrder: true }));
		expect(error?.message).toBe('Keyline answered the new cart without its ID');
		expect(error?.description).toBe(
			'Nothing else was sent. Look for the new cart in Keyline, or try again.',
		);
		expect(log()).toEqual(['POST /carts']);
	});

	it("a file for a component the product lacks fails its step, listing the product's components", async () => {
		const { error } = await run(
			params([{ product_template_id: 503, print_data_files: [{ ...FILE, component: 3 }] }], {
				placeTheOrder: true,
			}),
		);
		const cart = onlyCart();
		expect(error?.message).toBe(
			`Adding print data file 1 to component 3 of product 1 failed (cart ${cart.id} kept): product 1 (Broschüre A4) has no component 3; its components are: 1 "Umschlag", 2 "Inhalt"`,
		);
		expect(log()[log().length - 1]).toBe(`POST /carts/${cart.id}/products`);
	});

	it("a component change of files only sends no PATCH; files go in order, the product's first", async () => {
		const products = [
			{
				product_template_id: 503,
				components: [
					{
						component: 'Inhalt',
						print_data_files: [{ ...FILE, uri: 'https://example.com/inside.pdf' }],
					},
				],
				print_data_files: [
					{ ...FILE, uri: 'https://example.com/cover.pdf', component: 'umschlag' },
					{ ...FILE, uri: 'https://example.com/whole.pdf' },
				],
			},
		];
		const { error } = await run(params(products));
		expect(error).toBeUndefined();
		const cart = onlyCart();
		const [brochure] = cart.products;
		const p = `/carts/${cart.id}/products/${brochure.id}`;
		expect(log().slice(6, -2)).toEqual([
			`POST /carts/${cart.id}/products`,
			`POST ${p}/components/${brochure.components[0].id}/print_data_files`,
			`POST ${p}/print_data_files`,
			`POST ${p}/components/${brochure.components[1].id}/print_data_files`,
		]);
		expect(brochure.print_data_files.map((f) => f.uri)).toEqual([
			'https://example.com/cover.pdf',
			'https://example.com/whole.pdf',
			'https://example.com/inside.pdf',
		]);
	});

	it('reports the first mistake in the order the parts are given, before any request', async () => {
		const at = 'Products (JSON), product 1';
		// [products, message]: each case has two mistakes; the first given is reported.
		const cases: Array<[unknown[], string]> = [
			// Each product is read and checked before the next is read.
			[
				[
					{ product_template_id: 501, variants: [{ name: 'DE', circulation: 0 }] },
					{ product_template_id: 501, quantity: 5 },
				],
				`${at}, variant 1: Circulation must be a whole number of at least 1, not "0"`,
			],
			// A product's keys before its values.
			[
				[{ product_template_id: 501, quantity: 5, variants: [{ name: 'DE', circulation: 0 }] }],
				`${at}: unknown key "quantity"`,
			],
			// The product's own fields, its variants, Circulation with Variants, its files, its component changes.
			[
				[
					{
						product_template_id: 501,
						name: 'x'.repeat(201),
						variants: [{ name: 'DE', circulation: 0 }],
					},
				],
				`${at}: Name is 201 characters long: Keyline takes at most 200`,
			],
			[
				[
					{
						product_template_id: 501,
						circulation: 10,
						variants: [
							{ name: 'A', circulation: 5 },
							{ name: 'A', circulation: 6 },
						],
					},
				],
				`${at}: two variants are named "A"`,
			],
			[
				[
					{
						product_template_id: 501,
						circulation: 10,
						variants: [{ name: 'A', circulation: 5 }],
						print_data_files: [BAD_FILE],
					},
				],
				`${at}: give Circulation or Variants, not both`,
			],
			[
				[
					{
						product_template_id: 501,
						print_data_files: [BAD_FILE],
						components: [{ component: 1 }],
					},
				],
				`${at}, print data file 1: ${BAD_URI}`,
			],
			// Within a component change: its component, its changes, its files, then whether it changes anything.
			[
				[{ product_template_id: 501, components: [{ component: '', grain: 'diagonal' }] }],
				`${at}, component change 1: Component is empty`,
			],
			[
				[
					{
						product_template_id: 501,
						components: [{ component: 1, grain: 'diagonal', print_data_files: [BAD_FILE] }],
					},
				],
				`${at}, component change 1: Grain must be long or short, not "diagonal"`,
			],
			[
				[
					{
						product_template_id: 501,
						components: [{ component: 1, print_data_files: [BAD_FILE] }, { component: 1 }],
					},
				],
				`${at}, component change 1, print data file 1: ${BAD_URI}`,
			],
		];
		for (const [products, message] of cases) {
			const { error } = await run(params(products, { placeTheOrder: true }));
			expect({ message: error?.message, sent: log().length }).toEqual({ message, sent: 0 });
		}
		expect(sandbox.store.carts.size).toBe(0);
	});
});

/** Order operations (Get, Cancel, Place Order in one step) through n8n-core's engine against the Keyline sandbox. */
import {
	KEYLINE_CARRIERS,
	KEYLINE_CUSTOMERS,
	KEYLINE_SANDBOX_API_KEY as OWNER,
} from '../sandbox/keyline';
import { cartSetupCalls, placedOrderOutput } from '../fixtures/keyline';
import { useKeylineSandbox } from '../harness/sandboxes';
import { KEYLINE_ORDER_ADDRESS, keylineResource } from './fixtures';

describe('Keyline node: order', () => {
	const sandbox = useKeylineSandbox();
	/** API requests (the credential's probe of /carts/0 left out), and as "METHOD path". */
	const { run, apiRequests, calls: log } = keylineResource(sandbox, 'order');

	beforeEach(() => sandbox.reset());

	describe('Get', () => {
		it('outputs state, addresses, products and print data files unwrapped, money with amounts, and the net total summed', async () => {
			const order = sandbox.seedOrder({
				state: 'confirmed',
				products: [
					{
						productTemplateId: 501,
						netTotal: 4321,
						printDataFiles: [{ uri: 'https://example.com/a.pdf' }],
					},
					{
						productTemplateId: 503,
						circulation: 100,
						printDataFiles: [{ uri: 'https://example.com/inhalt.pdf', componentIndex: 1 }],
					},
				],
			});
			const { items, error } = await run({ operation: 'get', orderId: String(order.id) });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			const json = items[0].json as Record<string, any>;
			expect(json).toMatchObject({
				id: order.id,
				state: 'confirmed',
				reference: order.reference,
				carrier: { id: 43, name: 'Paket DHL' },
			});
			expect(json.billing_address).toMatchObject({ town: 'Mainz', country_code: 'DE' });
			expect(json.delivery_address).toMatchObject({ zip_code: '55116' });
			// Products, components, variants and files without their one-key wrappers.
			expect(json.products[0]).toMatchObject({
				id: order.products[0].id,
				name: 'Aufkleber',
				net_total: { cent_amount: 4321, currency: 'EUR', amount: 43.21 },
			});
			expect(json.products[0].variants[0]).toEqual({
				id: order.products[0].variants[0].id,
				name: 'Standard',
				circulation: 1000,
			});
			expect(json.products[1].components.map((c: { name: string }) => c.name)).toEqual([
				'Umschlag',
				'Inhalt',
			]);
			// Broschüre: 9900 + 120 × 100 + 1500 service = 23400 cents.
			expect(json.products[1].net_total).toEqual({
				cent_amount: 23400,
				currency: 'EUR',
				amount: 234,
			});
			expect(json.print_data_files).toHaveLength(2);
			expect(json.print_data_files[1]).toMatchObject({
				uri: 'https://example.com/inhalt.pdf',
				component_id: order.products[1].components[1].id,
				product_id: order.products[1].id,
			});
			expect(json.net_total).toEqual({
				cent_amount: 4321 + 23400,
				currency: 'EUR',
				amount: 277.21,
			});
			expect(log()).toEqual([`GET /orders/${order.id}`]);
		});

		it('an order of another account reads as Keyline said it; a bad ID is refused before sending', async () => {
			const foreign = sandbox.seedOrder({ foreign: true });
			let { error } = await run({ operation: 'get', orderId: String(foreign.id) });
			expect(error?.message).toBe(`Keyline: Couldn't find Order with 'id'=${foreign.id}`);
			expect(error?.httpCode).toBe('404');
			sandbox.clearRequests();
			({ error } = await run({ operation: 'get', orderId: 'S28H7Q' }));
			expect(error?.message).toBe('Order ID must be a positive whole number, not "S28H7Q"');
			expect(apiRequests()).toHaveLength(0);
		});
	});

	describe('Cancel', () => {
		it('cancels a draft and outputs the order read again afterwards, not an empty 204', async () => {
			const order = sandbox.seedOrder();
			const { items, error } = await run({ operation: 'cancel', orderId: String(order.id) });
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				cancelled: true,
				id: order.id,
				state: 'archived',
				reference: order.reference,
			});
			expect((items[0].json.products as unknown[]).length).toBe(1);
			expect(log()).toEqual([`DELETE /orders/${order.id}`, `GET /orders/${order.id}`]);
			expect(sandbox.store.orders.get(order.id)!.state).toBe('archived');
		});

		it("an order already in production gives Keyline's 422 text, said as what it means", async () => {
			const order = sandbox.seedOrder({ state: 'confirmed' });
			const { error } = await run({ operation: 'cancel', orderId: String(order.id) });
			expect(error?.message).toBe('Keyline: The order cannot be canceled anymore.');
			expect(error?.httpCode).toBe('422');
			expect(String(error?.description)).toContain(
				`Keyline answered HTTP 422 to DELETE /orders/${order.id}.`,
			);
			expect(String(error?.description)).toContain(
				'The print shop is already printing this order, or it is past draft',
			);
			expect(String(error?.description)).toContain('Contact the print shop');
			expect(log()).toEqual([`DELETE /orders/${order.id}`]);
			expect(sandbox.store.orders.get(order.id)!.state).toBe('confirmed');
		});

		it('a 422 without a body (as the doc shows it) reads the same', async () => {
			const order = sandbox.seedOrder();
			sandbox.addFault({
				kind: 'status',
				status: 422,
				method: 'DELETE',
				path: '/orders/',
				body: '',
			});
			const { error } = await run({ operation: 'cancel', orderId: String(order.id) });
			expect(error?.message).toBe('Keyline: The order cannot be canceled anymore.');
		});

		it('when the order cannot be read again, the output still says it was cancelled', async () => {
			const order = sandbox.seedOrder();
			sandbox.addFault({ kind: 'status', status: 500, method: 'GET', path: '/orders/' });
			const { items, error } = await run({ operation: 'cancel', orderId: String(order.id) });
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({
				cancelled: true,
				id: order.id,
				read_error:
					'Cancelled, but the order could not be read again: Keyline: Injected status 500',
			});
			expect(sandbox.store.orders.get(order.id)!.state).toBe('archived');
		});

		it('a missing order is a 404 naming it', async () => {
			const { error } = await run({ operation: 'cancel', orderId: '4242' });
			expect(error?.message).toBe("Keyline: Couldn't find Order with 'id'=4242");
		});
	});

	describe('Place Order (One Step)', () => {
		const recipient = {
			person: {
				firstName: 'Bran',
				lastName: 'Stark',
				email: 'bran.stark@example.com',
				additionalFields: { phone: '+49 6131 6171000' },
			},
		};
		const address = KEYLINE_ORDER_ADDRESS;
		const byId = (value: string) => ({ __rl: true, mode: 'id', value });
		const byOrderNumber = (value: string) => ({ __rl: true, mode: 'orderNumber', value });
		const cmyk = (processColor: string) => ({ family: 'CMYK', processColor });
		const params = (overrides: Record<string, unknown> = {}) => ({
			operation: 'placeOrder',
			customerId: String(KEYLINE_CUSTOMERS[0].id),
			recipient,
			carrierId: String(KEYLINE_CARRIERS[0].id),
			billingAddress: { address },
			deliveryAddress: {
				address: {
					...address,
					addition: 'Hinterhaus',
					deliveryContact: { phone: '+49 6131-617 1000', email: 'dock@example.com' },
				},
			},
			productsInput: 'fields',
			products: {
				product: [
					{
						productTemplate: byId('503'),
						// Net Total (Amount) 250 is sent as 25000 cents.
						additionalFields: {
							name: 'Broschüre Sommer',
							netTotal: 250,
							customReferences: { reference: [{ key: 'PO', value: '7891234' }] },
						},
						variants: {
							variant: [
								{ name: 'Deutsch', circulation: 200 },
								{ name: 'English', circulation: 50 },
							],
						},
						components: {
							component: [
								{
									component: 'inhalt',
									changes: {
										paperName: 'Recycling',
										grammage: 90,
										backColors: { color: [{ family: 'none' }] },
									},
								},
								{
									component: '1',
									changes: {
										closedWidth: 148,
										closedHeight: 210,
										grain: 'short',
										frontColors: { color: [cmyk('Black'), { family: 'Pantone', name: '83' }] },
									},
								},
							],
						},
						printDataFiles: {
							file: [
								{
									uri: 'https://example.com/cover.pdf',
									kind: 'original',
									additionalFields: { component: 'Umschlag', fileSize: 1234 },
								},
								{
									uri: 'https://example.com/content.pdf',
									kind: 'original',
									additionalFields: { component: '2', firstPage: 1, lastPage: 16 },
								},
							],
						},
					},
					{
						productTemplate: byOrderNumber('KEY-XY-123'),
						additionalFields: { circulation: 500 },
						printDataFiles: {
							file: [{ uri: 'https://example.com/sticker.pdf', kind: 'original' }],
						},
					},
				],
			},
			additionalFields: { customOfferText: 'Sommer', dueAt: '2026-12-24T17:00:00+01:00' },
			...overrides,
		});

		it('switch off (the default): builds the cart in order, customer before recipient, validates it, and does not check out', async () => {
			const { items, error } = await run(params());
			expect(error).toBeUndefined();
			const [cart] = [...sandbox.store.carts.values()];
			const [brochure, sticker] = cart.products;
			const p = `/carts/${cart.id}/products/${brochure.id}`;
			expect(log()).toEqual([
				...cartSetupCalls(cart.id, { cartFields: true }),
				`PATCH ${p}/variants/${brochure.variants[0].id}`,
				`POST ${p}/variants`,
				`PATCH ${p}/components/${brochure.components[1].id}`,
				`PATCH ${p}/components/${brochure.components[0].id}`,
				`POST ${p}/components/${brochure.components[0].id}/print_data_files`,
				`POST ${p}/components/${brochure.components[1].id}/print_data_files`,
				`POST /carts/${cart.id}/products`,
				`POST /carts/${cart.id}/products/${sticker.id}/print_data_files`,
				`GET /carts/${cart.id}/checkout`,
				`GET /carts/${cart.id}/products`,
			]);
			// POST /carts has no body (none is documented); the cart's fields follow in the PATCH.
			const [post, patch, ...steps] = apiRequests();
			expect(post.json ?? {}).toEqual({});
			expect(patch.json).toEqual({
				cart: { custom_offer_text: 'Sommer', due_at: '2026-12-24T17:00:00+01:00' },
			});
			const body = (i: number) => steps[i - 1].json;
			expect(body(1)).toEqual({ customer: { id: 206 } });
			// Phones are sent as Keyline takes them, without the spaces and dashes people write.
			expect(body(2)).toEqual({
				recipient: {
					first_name: 'Bran',
					name: 'Stark',
					email: 'bran.stark@example.com',
					phone: '+4961316171000',
				},
			});
			expect(body(3)).toEqual({ carrier: { id: 43 } });
			expect(body(4)).toEqual({
				billing_address: {
					addressee: 'Crispy Mountain GmbH',
					zip_code: '55116',
					town: 'Mainz',
					country_code: 'DE',
					street: 'Emmerich-Josef-Str.',
					number: '1a',
				},
			});
			expect(body(5)).toMatchObject({
				delivery_address: {
					addition: 'Hinterhaus',
					delivery_contact_phone: '+4961316171000',
					delivery_contact_email: 'dock@example.com',
				},
			});
			expect(body(6)).toEqual({
				product: {
					product_template_id: 503,
					name: 'Broschüre Sommer',
					net_total: 25000,
					custom_references: { PO: '7891234' },
				},
			});
			expect(body(7)).toEqual({ variant: { name: 'Deutsch', circulation: 200 } });
			expect(body(9)).toEqual({
				component: { paper_name: 'Recycling', grammage: 90, back_colors: [] },
			});
			expect(body(10)).toEqual({
				component: {
					grain: 'short',
					closed_dimensions: [148, 210],
					front_colors: ['CMYK/Black', 'Pantone/83'],
				},
			});
			expect(body(11)).toEqual({
				print_data_file: { uri: 'https://example.com/cover.pdf', kind: 'original', filesize: 1234 },
			});
			expect(body(12)).toEqual({
				print_data_file: {
					uri: 'https://example.com/content.pdf',
					kind: 'original',
					first_page: 1,
					last_page: 16,
				},
			});
			expect(body(13)).toEqual({ product: { order_number: 'KEY-XY-123', circulation: 500 } });

			expect(items).toHaveLength(1);
			const json = items[0].json as Record<string, any>;
			expect(json).toMatchObject({
				id: cart.id,
				cart_id: cart.id,
				cart_reference: cart.reference,
				placed: false,
				ready: true,
				missing: [],
				errors: [],
			});
			expect(
				json.products.map((x: { name: string; circulation_sum: number }) => [
					x.name,
					x.circulation_sum,
				]),
			).toEqual([
				['Broschüre Sommer', 250],
				['Aufkleber', 500],
			]);
			// 25000 locked + 1500 service; sticker 4500 + 3 × 500.
			expect(json.net_total).toEqual({ cent_amount: 26500 + 6000, currency: 'EUR', amount: 325 });
			expect(brochure.variants.map((v) => [v.name, v.circulation])).toEqual([
				['Deutsch', 200],
				['English', 50],
			]);
			expect(brochure.components[0]).toMatchObject({
				closed_dimensions: [148, 210],
				grain: 'short',
				front_colors: ['CMYK/Black', 'Pantone/83'],
			});
			expect(brochure.components[1]).toMatchObject({
				paper_name: 'Recycling',
				grammage: 90,
				back_colors: [],
			});
			expect(sandbox.store.orders.size).toBe(0);
			expect(cart.order_id).toBeNull();
		});

		it('switch on: checks out exactly once and outputs the order ID and URL from the 301 without following it', async () => {
			const { items, error } = await run(params({ placeTheOrder: true }));
			expect(error).toBeUndefined();
			const [cart] = [...sandbox.store.carts.values()];
			const order = sandbox.store.orders.get(cart.order_id!)!;
			expect(items[0].json).toEqual(placedOrderOutput(sandbox.baseUrl, cart, order.id));
			const tail = log().slice(-2);
			expect(tail).toEqual([`GET /carts/${cart.id}/checkout`, `POST /carts/${cart.id}/checkout`]);
			expect(sandbox.requestsTo('POST', /\/checkout$/)).toHaveLength(1);
			expect(sandbox.requestsTo('GET', /\/orders\//)).toHaveLength(0);
			expect(order.products).toHaveLength(2);
		});

		it('takes products as JSON from an expression (a webhook body), with files on components', async () => {
			const products = [
				{
					product_template_id: 503,
					variants: [{ name: 'DE', circulation: '100' }],
					components: [
						{
							component: 'Umschlag',
							grammage: 350,
							closed_dimensions: [148, 210],
							front_colors: ['CMYK/Cyan', 'Pantone/83'],
							back_colors: [],
							print_data_files: [{ uri: 'https://shop.example/cover.pdf', kind: 'original' }],
						},
					],
					print_data_files: [
						{ uri: 'https://shop.example/inside.pdf', kind: 'original', component: 2 },
					],
				},
				{
					order_number: 'KEY-FLY-A5',
					name: 'Flyer',
					circulation: 300,
					net_total: 5000,
					custom_references: { Shop: 'A-1' },
					print_data_files: [
						{ uri: 'https://shop.example/flyer.pdf', kind: 'processed', filesize: 99 },
					],
				},
			];
			const { items, error } = await run(
				params({
					productsInput: 'json',
					productsJson: '={{ $json.body.products }}',
					placeTheOrder: true,
				}),
				[{ body: { products } }],
			);
			expect(error).toBeUndefined();
			expect(items[0].json.placed).toBe(true);
			const order = sandbox.store.orders.get(items[0].json.order_id as number)!;
			const [brochure, flyer] = order.products;
			expect(brochure.variants).toEqual([
				expect.objectContaining({ name: 'DE', circulation: 100 }),
			]);
			expect(brochure.components[0]).toMatchObject({
				grammage: 350,
				closed_dimensions: [148, 210],
				front_colors: ['CMYK/Cyan', 'Pantone/83'],
				back_colors: [],
			});
			expect(sandbox.requestsTo('PATCH', /\/components\/\d+$/)[0].json).toEqual({
				component: {
					grammage: 350,
					closed_dimensions: [148, 210],
					front_colors: ['CMYK/Cyan', 'Pantone/83'],
					back_colors: [],
				},
			});
			expect(brochure.print_data_files.map((f) => [f.uri, f.component_id])).toEqual([
				['https://shop.example/inside.pdf', brochure.components[1].id],
				['https://shop.example/cover.pdf', brochure.components[0].id],
			]);
			expect(flyer).toMatchObject({
				name: 'Flyer',
				locked_net_cents: 5000,
				custom_references: { Shop: 'A-1' },
			});
			expect(flyer.variants[0].circulation).toBe(300);
			expect(flyer.print_data_files[0]).toMatchObject({ kind: 'processed', filesize: 99 });
		});

		it('checks everything before the first request, naming the field and the product', async () => {
			const json = (products: unknown) =>
				params({ productsInput: 'json', productsJson: JSON.stringify(products) });
			const file = { uri: 'https://example.com/a.pdf', kind: 'original' };
			const product = (fields: Record<string, unknown>) =>
				params({ products: { product: [{ productTemplate: byId('501'), ...fields }] } });
			const component = (changes: Record<string, unknown>) =>
				product({ components: { component: [{ component: '1', changes }] } });
			// [parameters, message, description (where the rule gives a hint worth checking)]
			const cases: Array<[Record<string, unknown>, string, string?]> = [
				[params({ customerId: '={{ $json.nothing }}' }), 'Customer ID is empty'],
				[params({ recipient: {} }), 'Recipient is missing'],
				[
					params({ recipient: { person: { ...recipient.person, email: 'bran.stark' } } }),
					'Recipient: Email is not a valid email address: "bran.stark"',
				],
				[
					params({
						recipient: {
							person: { ...recipient.person, additionalFields: { phone: '06131 6171000' } },
						},
					}),
					'Recipient: Phone "06131 6171000" is not in the form Keyline takes, like +4961316171000',
					'Start with + and the country code instead of 0 or 00, e.g. +49 6131 6171000 for 06131 6171000 in Germany.',
				],
				[params({ carrierId: 'DHL' }), 'Carrier ID must be a positive whole number, not "DHL"'],
				[
					params({ billingAddress: { address: { ...address, town: ' ' } } }),
					'Billing Address: Town is empty',
				],
				[
					params({ billingAddress: { address: { ...address, zipCode: ' ' } } }),
					'Billing Address: Zip Code is empty',
				],
				[
					params({ deliveryAddress: { address: { ...address, countryCode: 'Germany' } } }),
					'Delivery Address: Country Code "Germany" is not a two-letter ISO 3166-1 country code',
				],
				// Two letters are not enough: the code must be on the ISO 3166-1 list, with a hint for the usual mix-ups.
				[
					params({ billingAddress: { address: { ...address, countryCode: 'UK' } } }),
					'Billing Address: Country Code "UK" is not a two-letter ISO 3166-1 country code',
					'Use GB for the United Kingdom.',
				],
				[
					params({ billingAddress: { address: { ...address, countryCode: 'XX' } } }),
					'Billing Address: Country Code "XX" is not a two-letter ISO 3166-1 country code',
				],
				[
					params({
						deliveryAddress: {
							address: { ...address, deliveryContact: { phone: '+49 6131 61710OO' } },
						},
					}),
					'Delivery Address: Delivery Contact Phone "+49 6131 61710OO" is not in the form Keyline takes, like +4961316171000',
				],
				[
					params({
						deliveryAddress: { address: { ...address, deliveryContact: { email: 'dock@' } } },
					}),
					'Delivery Address: Delivery Contact Email is not a valid email address: "dock@"',
				],
				[params({ products: { product: [] } }), 'No products'],
				[
					params({
						products: {
							product: [
								{ productTemplate: byId('501') },
								{ productTemplate: byOrderNumber(' '), additionalFields: { circulation: 10 } },
							],
						},
					}),
					'Product 2: Product Template order number is empty',
				],
				[
					product({ productTemplate: byId('={{ "KEY-XY-123" }}') }),
					'Product 1: Product Template ID must be a positive whole number, not "KEY-XY-123"',
				],
				[
					product({
						additionalFields: { circulation: 10 },
						variants: { variant: [{ circulation: 5 }] },
					}),
					'Product 1: give Circulation or Variants, not both',
				],
				[
					product({ additionalFields: { netTotal: 43.21, netTotalCents: 4321 } }),
					'Product 1: Net Total is given twice: as an amount and in cents',
				],
				[
					product({ additionalFields: { netTotal: 43.215 } }),
					'Product 1: Net Total (Amount) 43.215 has more than two decimal places',
				],
				[
					product({
						variants: {
							variant: [
								{ name: 'A', circulation: 5 },
								{ name: 'A', circulation: 6 },
							],
						},
					}),
					'Product 1: two variants are named "A"',
				],
				[
					product({ variants: { variant: [{ name: '={{ $json.nothing }}', circulation: 5 }] } }),
					'Product 1, variant 1: Name is empty: its expression gave no value',
				],
				[
					product({ variants: { variant: [{ name: 'DE', circulation: 0 }] } }),
					'Product 1, variant 1: Circulation must be a whole number of at least 1, not "0"',
				],
				// CMYK has its four process colors only.
				[
					component({ frontColors: { color: [cmyk('Purple')] } }),
					'Product 1, component change 1: Front Colors: color 1 is CMYK "Purple", which is not a process color',
					'CMYK has Cyan, Magenta, Yellow, Black. Use Pantone, HKS or Custom for other colors.',
				],
				[
					component({ backColors: { color: [{ family: 'none' }, cmyk('Black')] } }),
					'Product 1, component change 1: Back Colors: "No Colors (Unprinted)" cannot be combined with other colors',
				],
				[
					component({ frontColors: { color: [{ family: 'Pantone', name: ' ' }] } }),
					'Product 1, component change 1: Front Colors: color 1 (Pantone) has no name',
				],
				[
					component({ closedWidth: 100 }),
					'Product 1, component change 1: Closed Height (Millimeters) is missing: Keyline takes the closed dimensions as width and height together',
				],
				[
					product({ components: { component: [{ component: '', changes: { grammage: 90 } }] } }),
					'Product 1, component change 1: Component is empty',
				],
				[
					product({ components: { component: [{ component: '1', changes: {} }] } }),
					'Product 1, component change 1: nothing to change',
				],
				[
					product({ printDataFiles: { file: [{ uri: 'example.com/a.pdf', kind: 'original' }] } }),
					'Product 1, print data file 1: URI "example.com/a.pdf" is not a full web or FTP address',
				],
				// Web and FTP addresses only, not just anything with a scheme.
				[
					product({
						printDataFiles: {
							file: [
								{ uri: 'https://example.com/a.pdf', kind: 'original' },
								{ uri: 'file://server/print/a.pdf', kind: 'original' },
							],
						},
					}),
					'Product 1, print data file 2: URI "file://server/print/a.pdf" is not a full web or FTP address',
					'Keyline downloads the file from this address, so give it in full with its protocol, e.g. https://example.com/print/brochure.pdf (http, https, ftp, ftps and sftp work).',
				],
				[
					product({
						printDataFiles: {
							file: [
								{
									uri: 'https://example.com/a.pdf',
									kind: 'original',
									additionalFields: { component: '0' },
								},
							],
						},
					}),
					'Product 1, print data file 1: Component must be a position from 1 or a name, not "0"',
				],
				[
					product({
						additionalFields: { customReferences: { reference: [{ key: 'PO', value: '' }] } },
					}),
					'Product 1: Custom References: the value of "PO" is empty',
				],
				[
					params({ additionalFields: { customOfferText: 'x'.repeat(201) } }),
					'Custom Offer Text is 201 characters long: Keyline takes at most 200',
				],
				[params({ productsInput: 'json', productsJson: '' }), 'Products (JSON) is empty'],
				[params({ productsInput: 'json', productsJson: '[]' }), 'Products (JSON) has no products'],
				[
					params({ productsInput: 'json', productsJson: '[{"product_template_id": 501,}]' }),
					'Products (JSON) is not valid JSON',
				],
				[
					json([
						{ product_template_id: 501, print_data_files: [file] },
						{ product_template_id: 501, circulation: 'abc' },
					]),
					'Products (JSON), product 2: Circulation must be a whole number of at least 1, not "abc"',
				],
				[
					json([{ product_template_id: 501, quantity: 5 }]),
					'Products (JSON), product 1: unknown key "quantity"',
				],
				[
					json([{ name: 'Flyer' }]),
					'Products (JSON), product 1: "product_template_id" or "order_number" is needed',
				],
				[
					json([{ product_template_id: 501, order_number: 'KEY-XY-123' }]),
					'Products (JSON), product 1: give "product_template_id" or "order_number", not both',
				],
				[
					json([{ order_number: 'KEY-XY-123', net_total: 43.21 }]),
					'Products (JSON), product 1: Net Total (Cents) must be a whole number of at least 1, not "43.21"',
				],
				[
					json([{ order_number: 'KEY-XY-123', variants: { name: 'DE' } }]),
					'Products (JSON), product 1: "variants" must be a list, not "{\"name\":\"DE\"}"',
				],
				[
					json([{ order_number: 'KEY-XY-123', variants: [{ name: 'DE' }] }]),
					'Products (JSON), product 1, variant 1: Circulation is empty',
				],
				[
					json([{ order_number: 'KEY-XY-123', variants: ['DE'] }]),
					'Products (JSON), product 1, variant 1: the variant must be an object, not "DE"',
				],
				[
					json([{ order_number: 'KEY-XY-123', variants: [{ name: '', circulation: 5 }] }]),
					'Products (JSON), product 1, variant 1: Name is empty: its expression gave no value',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							variants: [{ name: 'DE', circulation: 5, languages: 1 }],
						},
					]),
					'Products (JSON), product 1, variant 1: unknown key "languages"',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							print_data_files: [{ uri: 'https://example.com/a.pdf', kind: 'pdf' }],
						},
					]),
					'Products (JSON), product 1, print data file 1: Kind "pdf" is not one of original, processed, imposed',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							print_data_files: [{ uri: 'https://example.com/a.pdf' }],
						},
					]),
					'Products (JSON), product 1, print data file 1: Kind is empty',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							print_data_files: [{ ...file, first_page: 5, last_page: 2 }],
						},
					]),
					'Products (JSON), product 1, print data file 1: Last Page (2) is before First Page (5)',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							print_data_files: [{ ...file, uri: 'ftp//example.com/a.pdf' }],
						},
					]),
					'Products (JSON), product 1, print data file 1: URI "ftp//example.com/a.pdf" is not a full web or FTP address',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							print_data_files: [{ ...file, uri: 'gopher://example.com/a.pdf' }],
						},
					]),
					'Products (JSON), product 1, print data file 1: URI "gopher://example.com/a.pdf" is not a full web or FTP address',
				],
				[
					json([{ order_number: 'KEY-XY-123', components: [{ component: 0, grain: 'long' }] }]),
					'Products (JSON), product 1, component change 1: Component must be a position from 1 or a name, not "0"',
				],
				[
					json([{ order_number: 'KEY-XY-123', components: [{ component: 1, grain: 'diagonal' }] }]),
					'Products (JSON), product 1, component change 1: Grain must be long or short, not "diagonal"',
				],
				[
					json([{ order_number: 'KEY-XY-123', components: [{ component: 1 }] }]),
					'Products (JSON), product 1, component change 1: nothing to change',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							components: [{ component: 1, closed_dimensions: [148] }],
						},
					]),
					'Products (JSON), product 1, component change 1: "closed_dimensions" must be [width, height] in millimeters, not "[148]"',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							components: [{ component: 1, closed_dimensions: [148, 'A5'] }],
						},
					]),
					'Products (JSON), product 1, component change 1: Closed Height (Millimeters) must be a whole number of at least 1, not "A5"',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							components: [{ component: 1, front_colors: ['CMYK/Purple'] }],
						},
					]),
					'Products (JSON), product 1, component change 1: Front Colors: color 1 is CMYK "Purple", which is not a process color',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							components: [{ component: 1, back_colors: ['CMYK/Black', 'Cyan'] }],
						},
					]),
					'Products (JSON), product 1, component change 1: "back_colors": "Cyan" is not a color like CMYK/Black or Pantone/83',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							components: [{ component: 1, front_colors: ['RAL/3020'] }],
						},
					]),
					'Products (JSON), product 1, component change 1: Front Colors: color 1 has the family "RAL", which Keyline does not know',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							components: [{ component: 1, print_data_files: [{ ...file, component: 2 }] }],
						},
					]),
					'Products (JSON), product 1, component change 1, print data file 1: unknown key "component"',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							components: [{ component: 1, print_data_files: [{ ...file, filesize: -1 }] }],
						},
					]),
					'Products (JSON), product 1, component change 1, print data file 1: File Size must be a whole number of 0 or more, not "-1"',
				],
				[
					json([
						{
							order_number: 'KEY-XY-123',
							custom_references: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 },
						},
					]),
					'Products (JSON), product 1: Custom References has 6 entries: Keyline keeps at most 5',
				],
				[
					json([{ order_number: 'KEY-XY-123', custom_references: ['PO'] }]),
					'Products (JSON), product 1: "custom_references" must be an object of keys and values, not "[\"PO\"]"',
				],
				[
					json([{ order_number: 'KEY-XY-123', custom_references: { PO: { number: 1 } } }]),
					'Products (JSON), product 1: "custom_references": the value of "PO" must be text or a number, not "{\"number\":1}"',
				],
				[
					json([{ order_number: 'KEY-XY-123', name: 'x'.repeat(201) }]),
					'Products (JSON), product 1: Name is 201 characters long: Keyline takes at most 200',
				],
				[
					json(['KEY-XY-123']),
					'Products (JSON), product 1: the product must be an object, not "KEY-XY-123"',
				],
			];
			for (const [parameters, message, description] of cases) {
				const { error } = await run({ ...parameters, placeTheOrder: true });
				expect({ message: error?.message, sent: apiRequests().length }).toEqual({
					message,
					sent: 0,
				});
				if (description !== undefined) expect(error?.description).toBe(description);
			}
			expect(apiRequests()).toHaveLength(0);
			expect(sandbox.store.carts.size).toBe(0);
		});

		it('a failure midway names the step and keeps the cart, with its ID in the error', async () => {
			sandbox.addFault({ kind: 'status', status: 500, method: 'POST', path: '/variants$' });
			const { error } = await run(params({ placeTheOrder: true }));
			const [cart] = [...sandbox.store.carts.values()];
			expect(error?.message).toBe(
				`Adding variant 2 of product 1 failed (cart ${cart.id} kept): Keyline: Injected status 500`,
			);
			expect(String(error?.description)).toContain(
				`Cart ${cart.id} (reference ${cart.reference}) holds everything up to this step and was kept`,
			);
			expect(sandbox.requestsTo('POST', /\/checkout$/)).toHaveLength(0);
			expect(sandbox.requestsTo('GET', /\/checkout$/)).toHaveLength(0);
			expect(sandbox.store.carts.get(cart.id)!.recipient?.first_name).toBe('Bran');
		});

		it("Keyline's 422 midway shows its field and German text; an unknown component lists the product's components", async () => {
			let { error } = await run(params({ carrierId: '99' }));
			let [cart] = [...sandbox.store.carts.values()];
			expect(error?.message).toBe(
				`Setting the carrier failed (cart ${cart.id} kept): Keyline: carrier: No carrier found with given id`,
			);
			sandbox.reset();
			({ error } = await run(
				params({
					products: {
						product: [
							{
								productTemplate: byId('501'),
								components: { component: [{ component: 'Inhalt', changes: { grammage: 90 } }] },
							},
						],
					},
				}),
			));
			[cart] = [...sandbox.store.carts.values()];
			expect(error?.message).toBe(
				`Changing component "Inhalt" of product 1 failed (cart ${cart.id} kept): product 1 (Aufkleber) has no component "Inhalt"; its components are: 1 "Aufkleber / Etikett"`,
			);
		});

		it('switch on but the cart is not complete: fails with what is missing and the cart ID, and does not check out', async () => {
			const noAddress = KEYLINE_CUSTOMERS.find((c) => !c.has_address)!;
			const { error } = await run(
				params({ customerId: String(noAddress.id), placeTheOrder: true }),
			);
			const [cart] = [...sandbox.store.carts.values()];
			expect(error?.message).toBe(
				`Cart ${cart.id} was built but not ordered: Keyline says address is missing`,
			);
			expect(String(error?.description)).toContain(
				"Keyline's check of the cart: address: muss ausgefüllt werden. In English: address: must be filled in. Nothing was ordered.",
			);
			expect(String(error?.description)).toContain('was kept');
			expect(sandbox.requestsTo('POST', /\/checkout$/)).toHaveLength(0);
			expect(sandbox.store.carts.has(cart.id)).toBe(true);
			// Switched off, the same cart is an answer listing what is missing.
			sandbox.reset();
			const { items } = await run(params({ customerId: String(noAddress.id) }));
			expect(items[0].json).toMatchObject({ ready: false, missing: ['address'] });
			// Keyline's words, and the English beside them.
			expect(items[0].json.errors).toEqual([
				{ field: 'address', message: 'muss ausgefüllt werden', message_en: 'must be filled in' },
			]);
		});

		it('a failed checkout is sent once and says the order may exist and how to find out', async () => {
			sandbox.addFault({ kind: 'status', status: 500, method: 'POST', path: '/checkout$' });
			const { error } = await run(params({ placeTheOrder: true }));
			const [cart] = [...sandbox.store.carts.values()];
			// Unclear (5xx): the cart is read back, still open, so the message says it was not ordered.
			expect(error?.message).toBe(
				`Checking out cart ${cart.id} failed, and it did not happen (checked): Keyline: Injected status 500`,
			);
			expect(String(error?.description)).toContain(
				`Reading the state back showed cart ${cart.id} still open (not an order): nothing was charged. It is safe to try again.`,
			);
			expect(sandbox.requestsTo('POST', /\/checkout$/)).toHaveLength(1);
		});

		it('a refused cart creation says nothing was created', async () => {
			sandbox.addFault({
				kind: 'status',
				status: 403,
				method: 'POST',
				path: '/carts$',
				body: { error: 'Bad token.' },
			});
			const { error } = await run(params());
			expect(error?.message).toBe('Creating the cart failed: Keyline: Bad token.');
			expect(String(error?.description)).toContain('Nothing was created.');
			expect(apiRequests()).toHaveLength(1);
		});

		it('With Continue On Fail, an item with a bad product fails alone; the others place their orders', async () => {
			const products = (template: unknown) => [
				{
					product_template_id: template,
					print_data_files: [{ uri: 'https://example.com/a.pdf', kind: 'original' }],
				},
			];
			const { items } = await run(
				params({
					productsInput: 'json',
					productsJson: '={{ $json.products }}',
					placeTheOrder: true,
				}),
				[
					{ products: products(501) },
					{ products: products('Aufkleber') },
					{ products: products(504) },
				],
				true,
			);
			expect(items).toHaveLength(3);
			expect(items[0].json).toMatchObject({ placed: true });
			expect(items[1].json.error).toBe(
				'Products (JSON), product 1: Product Template ID must be a positive whole number, not "Aufkleber"',
			);
			expect(items[2].json).toMatchObject({ placed: true });
			expect(sandbox.store.orders.size).toBe(2);
			expect(sandbox.requestsTo('POST', /\/checkout$/)).toHaveLength(2);
		});

		it('never puts the API key in output or errors', async () => {
			sandbox.addFault({ kind: 'status', status: 500, method: 'POST', path: '/recipient$' });
			const result = await run(params({ placeTheOrder: true }));
			expect(JSON.stringify(result.run)).not.toContain(OWNER);
		});
	});
});

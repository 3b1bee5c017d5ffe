/**
 * Bad input, as typed or as produced by an expression, is refused before any request, naming
 * the field as the editor labels it and what is expected; every valid form keeps working.
 */
import { runNode, testCredential } from '../harness/run';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';
import {
	INSTANTCARD_SAMPLE_PNG_BASE64,
	INSTANTCARD_SHIPPING_PROVIDERS,
} from '../sandbox/instantcard';
import { KEYLINE_SANDBOX_API_KEY } from '../sandbox/keyline';
import { instantCardNode, keylineNode, keylineTrigger, rl } from './fixtures';

const { ic, kl } = useSandboxes();
const instantCard = instantCardNode(ic);
const keyline = keylineNode(kl);

beforeEach(async () => {
	await instantCard.freshLogin();
	kl.reset();
	kl.clearRequests();
});

/** Requests the InstantCard sandbox handled after the fresh login. */
const icSent = () => ic.requests.map((r) => `${r.method} ${r.path}`);

describe('Limit', () => {
	const lists = [
		['InstantCard Contact → Get Many (paged)', { resource: 'contact', operation: 'getAll' }],
		[
			'InstantCard Card Template → Get Many (one answer)',
			{ resource: 'cardTemplate', operation: 'getAll' },
		],
	] as const;

	it.each(
		lists.flatMap(([name, params]) =>
			['={{ 0 }}', '={{ -1 }}', '={{ 2.5 }}', '={{ "x" }}'].map(
				(limit) => [name, limit, params] as const,
			),
		),
	)('%s: Limit %s is refused before sending', async (_name, limit, params) => {
		const { error } = await instantCard.run({ ...params, returnAll: false, limit });
		const shown = limit.replace(/^=\{\{ "?|"? \}\}$/g, '');
		expect(error?.message).toBe(`Limit must be a whole number of 1 or more, not "${shown}"`);
		expect(String(error?.description)).toContain('or turn on Return All');
		expect(icSent()).toEqual([]);
	});

	it.each(['={{ 0 }}', '={{ -1 }}'])(
		'Keyline Print Data File → Get Many: Limit %s is refused before sending',
		async (limit) => {
			const { cart, product } = keyline.cartWith();
			const { error } = await keyline.run('printDataFile', {
				operation: 'getAll',
				cartId: String(cart.id),
				productId: String(product.id),
				returnAll: false,
				limit,
			});
			expect(error?.message).toMatch(/^Limit must be a whole number of 1 or more, not "-?\d"$/);
			expect(keyline.calls()).toEqual([]);
		},
	);

	it('a Limit given as digits in a string, or as a whole number, still works', async () => {
		const { items, error } = await instantCard.run({
			resource: 'contact',
			operation: 'getAll',
			returnAll: false,
			limit: '={{ "1" }}',
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});
});

describe('examples fit their field', () => {
	it('Number of Copies is explained with a number of copies, not a card ID', async () => {
		const address = [...ic.store.addresses.keys()][0];
		const provider = INSTANTCARD_SHIPPING_PROVIDERS[0].id;
		const { error } = await instantCard.run({
			resource: 'printJob',
			operation: 'create',
			addressMode: 'saved',
			addressId: rl(address),
			shippingProviderId: rl(provider),
			numberOfCopies: '={{ "two" }}',
		});
		expect(error?.message).toBe('Number of Copies must be a positive whole number, not "two"');
		expect(String(error?.description)).toContain('e.g. 2,');
		expect(icSent()).toEqual([]);
	});

	it('Shipping Provider ID is explained with a provider ID', async () => {
		const address = [...ic.store.addresses.keys()][0];
		const { error } = await instantCard.run({
			resource: 'printJob',
			operation: 'create',
			addressMode: 'saved',
			addressId: rl(address),
			shippingProviderId: rl('={{ "ups" }}'),
		});
		expect(error?.message).toBe('Shipping Provider ID must be a positive whole number, not "ups"');
		expect(String(error?.description)).not.toContain('264561');
		expect(icSent()).toEqual([]);
	});
});

describe('Keyline Trigger options', () => {
	const trigger = keylineTrigger(kl);
	const discover = (startOrderId: unknown, options: Record<string, unknown> = {}) =>
		trigger({ events: ['newOrder'], watch: 'discover', startOrderId, options });

	it.each([
		[
			{ probesPerPoll: 0 },
			'Order IDs Tried per Poll must be a whole number from 1 to 100, not "0"',
		],
		[
			{ probesPerPoll: 150 },
			'Order IDs Tried per Poll must be a whole number from 1 to 100, not "150"',
		],
		[
			{ probesPerPoll: '={{ 2.5 }}' },
			'Order IDs Tried per Poll must be a whole number from 1 to 100, not "2.5"',
		],
		[{ lookAhead: -1 }, 'Look-Ahead (Order IDs) must be a whole number from 1 to 1000, not "-1"'],
		[
			{ lookAhead: '={{ "lots" }}' },
			'Look-Ahead (Order IDs) must be a whole number from 1 to 1000, not "lots"',
		],
	])('%j is refused before any request: %s', async (options, message) => {
		const order = kl.seedOrder();
		kl.clearRequests();
		const t = await discover(order.id, options);
		expect((await t.poll()).error?.message).toBe(message);
		expect(kl.requests).toEqual([]);
	});

	it.each(['={{ "0x10" }}', '={{ "1e3" }}', '={{ "12a" }}'])(
		'Start From Order ID %s is refused, not read as a number',
		async (start) => {
			const t = await discover(start);
			const shown = start.replace(/^=\{\{ "|" \}\}$/g, '');
			expect((await t.poll()).error?.message).toBe(
				`Start From Order ID must be an order ID, not "${shown}"`,
			);
			expect(kl.requests).toEqual([]);
		},
	);

	it('valid options, as numbers or digits from an expression, still poll', async () => {
		const order = kl.seedOrder();
		const t = await discover(`={{ "${order.id}" }}`, {
			probesPerPoll: '={{ "5" }}',
			lookAhead: 100,
		});
		const { error } = await t.poll();
		expect(error).toBeUndefined();
		expect(kl.requests.length).toBeGreaterThan(0);
	});
});

describe('credentials', () => {
	it('an InstantCard Email without @ is refused before the login, by the Test and by the node', async () => {
		const verdict = await testCredential('instantCardApi', {
			...instantCardCredential(ic).data,
			email: 'grace.example.com',
		});
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain('Email "grace.example.com" is not an email address');
		const { error } = await runNode({
			type: 'instantCard',
			parameters: { resource: 'profile', operation: 'get' },
			credentials: [instantCardCredential(ic, { email: 'grace.example.com', sessionToken: '' })],
		});
		expect(String(error?.message)).toContain('is not an email address');
		expect(icSent()).toEqual([]);
	});

	it('an InstantCard Custom URL without /api/v2 is told what the URL must look like', async () => {
		const root = ic.baseUrl.replace(/\/api\/v2$/, '');
		const verdict = await testCredential('instantCardApi', {
			...instantCardCredential(ic).data,
			url: root,
		});
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain('HTTP 404');
		expect(verdict.message).toContain(`${root}/api/v2`);
	});

	it('a Keyline API key pasted across two lines, with spaces and a Bearer prefix, works', async () => {
		const key = KEYLINE_SANDBOX_API_KEY;
		const pasted = `Bearer ${key.slice(0, 30)}\n  ${key.slice(30)} \r\n`;
		const cart = kl.store.createCart(key);
		const { items, error } = await runNode({
			type: 'keyline',
			parameters: { resource: 'cart', operation: 'get', cartId: String(cart.id) },
			credentials: [keylineCredential(kl, { apiKey: pasted })],
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(cart.id);
	});
});

describe('card data and images', () => {
	const EMPLOYEE = 1001; // first_name, last_name, employee_id, photo
	const pngBase64 = INSTANTCARD_SAMPLE_PNG_BASE64;
	const file = (text: string, mimeType: string, fileName: string) => ({
		data: Buffer.from(text).toString('base64'),
		mimeType,
		fileName,
	});
	const cardWrites = () => icSent().filter((r) => /^POST .*\/cards(\/\d+\/image)?$/.test(r));

	it('a field the chosen template does not have is refused, naming the template fields', async () => {
		const { error } = await instantCard.run({
			resource: 'card',
			operation: 'create',
			cardTemplateId: rl(EMPLOYEE),
			cardDataMode: 'json',
			cardDataJson: '{"first_name": "Ada", "favourite_colour": "blue"}',
		});
		expect(error?.message).toBe(
			`Card Data (JSON): card template ${EMPLOYEE} has no field "favourite_colour"`,
		);
		expect(String(error?.description)).toContain('first_name, last_name, employee_id, photo');
		expect(cardWrites()).toEqual([]);
	});

	it('the template fields are read once per run, however many cards', async () => {
		const { items, error } = await instantCard.run(
			{
				resource: 'card',
				operation: 'create',
				cardTemplateId: rl(EMPLOYEE),
				cardDataMode: 'json',
				cardDataJson: '={{ JSON.stringify({ first_name: $json.name }) }}',
			},
			[{ name: 'Ada' }, { name: 'Grace' }, { name: 'Katherine' }],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(icSent().filter((r) => r.includes(`/card_templates/${EMPLOYEE}/fields`))).toHaveLength(
			1,
		);
	});

	it.each([
		[
			file('hello', 'text/plain', 'notes.txt'),
			'The binary property "data" (notes.txt, text/plain) is not an image',
			'It is text.',
		],
		[
			file('%PDF-1.7\n...', 'application/pdf', 'badge.pdf'),
			'The binary property "data" (badge.pdf, application/pdf) is not an image',
			'It is a PDF.',
		],
		[
			file('%PDF-1.7\n...', 'image/png', 'lies.png'),
			'The binary property "data" (lies.png, image/png) is not an image',
			'It is a PDF.',
		],
	])(
		'a photo from a binary that is not an image is refused (%#)',
		async (binary, message, what) => {
			const { error } = await instantCard.run(
				{
					resource: 'card',
					operation: 'create',
					cardTemplateId: rl(EMPLOYEE),
					cardDataMode: 'fields',
					cardFields: {
						mappingMode: 'defineBelow',
						value: { first_name: 'Ada', 'image:photo': 'data' },
						// As the editor stores it: the template's fields, the photo labelled as shown.
						schema: [
							{
								id: 'image:photo',
								displayName: 'Photo (image: binary property name, URL or Base64)',
							},
						],
					},
				},
				[{ json: {}, binary: { data: binary } }],
			);
			expect(error?.message).toBe(`Photo: ${message}`);
			expect(String(error?.description)).toContain(what);
			expect(cardWrites()).toEqual([]);
		},
	);

	it('a photo given as Base64 of a text is refused; a real PNG in Base64 is sent', async () => {
		const bad = await instantCard.run({
			resource: 'card',
			operation: 'create',
			cardTemplateId: rl(EMPLOYEE),
			cardDataMode: 'json',
			cardDataJson: JSON.stringify({
				photo: Buffer.from('just some words, not a photo').toString('base64'),
			}),
		});
		expect(bad.error?.message).toMatch(/is not an image$/);
		expect(cardWrites()).toEqual([]);
		const good = await instantCard.run({
			resource: 'card',
			operation: 'create',
			cardTemplateId: rl(EMPLOYEE),
			cardDataMode: 'fields',
			cardFields: { mappingMode: 'defineBelow', value: { 'image:photo': pngBase64 }, schema: [] },
		});
		expect(good.error).toBeUndefined();
	});

	it('Upload Image refuses a PDF before sending', async () => {
		const [cardId] = ic.seedCards(1);
		ic.clearRequests();
		const { error } = await instantCard.run(
			{
				resource: 'card',
				operation: 'uploadImage',
				cardId: rl(cardId),
				imageField: 'photo',
				binaryPropertyName: 'data',
			},
			[{ json: {}, binary: { data: file('%PDF-1.7', 'application/pdf', 'badge.pdf') } }],
		);
		expect(error?.message).toBe(
			'Input Binary Field: The binary property "data" (badge.pdf, application/pdf) is not an image',
		);
		expect(cardWrites()).toEqual([]);
	});
});

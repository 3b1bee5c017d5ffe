/**
 * Card data from the chosen template's fields (resource mapper): the fields the editor lists,
 * and how their values reach `card[data]` (text as text, images from binary, URL or Base64).
 */
import { createServer, type Server } from 'node:http';

import { INSTANTCARD_SAMPLE_PNG_BASE64 } from '../sandbox/instantcard';
import { loadOptions, runNode } from '../harness/run';
import { instantCardCredential, useInstantCardSandbox } from '../harness/sandboxes';
import { rl } from './fixtures';

const EMPLOYEE_TEMPLATE = 1001; // first_name, last_name, employee_id, photo (image)
const PNG = Buffer.from(INSTANTCARD_SAMPLE_PNG_BASE64, 'base64');

describe('InstantCard card data from template fields', () => {
	const sandbox = useInstantCardSandbox();
	let imageServer: Server;
	let imageUrl: string;
	const credentials = () => [instantCardCredential(sandbox)];
	const sentData = () => JSON.parse(sandbox.requestsTo('POST', /\/cards$/).at(-1)!.form['card[data]'] as string) as object[];
	const create = async (cardFields: Record<string, unknown>, items?: Array<Record<string, unknown>>) =>
		await runNode({
			type: 'instantCard',
			parameters: { resource: 'card', operation: 'create', cardTemplateId: rl(EMPLOYEE_TEMPLATE), cardDataMode: 'fields', cardFields } as never,
			items,
			credentials: credentials(),
		});

	beforeAll(async () => {
		imageServer = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'image/png' });
			res.end(PNG);
		});
		await new Promise<void>((resolve) => imageServer.listen(0, '127.0.0.1', resolve));
		imageUrl = `http://127.0.0.1:${(imageServer.address() as { port: number }).port}/photo.png`;
	});
	afterAll(() => imageServer.close());
	beforeEach(() => sandbox.reset());

	it("lists the template's fields as inputs, image fields marked", async () => {
		const { resourceMapping } = await loadOptions({
			type: 'instantCard',
			parameters: { resource: 'card', operation: 'create', cardTemplateId: rl(EMPLOYEE_TEMPLATE) },
			credentials: credentials(),
		});
		const { fields } = await resourceMapping('getCardTemplateFields');
		expect(fields.map((f) => [f.id, f.displayName])).toEqual([
			['first_name', 'First Name'],
			['last_name', 'Last Name'],
			['employee_id', 'Employee ID'],
			['image:photo', 'Photo (image: binary property name, URL or Base64)'],
		]);
		expect(sandbox.requestsTo('GET', /\/card_templates\/1001\/fields$/)).toHaveLength(1);
	});

	it('Card Template → Get Fields returns one item per field, and checks the ID first', async () => {
		const run = async (id: string) =>
			await runNode({
				type: 'instantCard',
				parameters: { resource: 'cardTemplate', operation: 'getFields', cardTemplateId: rl(id) } as never,
				credentials: credentials(),
			});
		const { items } = await run(String(EMPLOYEE_TEMPLATE));
		expect(items.map((i) => [i.json.token, i.json.type])).toEqual([
			['first_name', 'text'],
			['last_name', 'text'],
			['employee_id', 'text'],
			['photo', 'image'],
		]);
		// A literal "12a" is refused by n8n itself (the field's validation); an expression reaches our check.
		const { error } = await run('={{ "12a" }}');
		expect(error?.message).toBe('Card Template ID must be a positive whole number, not "12a"');
		expect(sandbox.requestsTo('GET', /12a/)).toHaveLength(0);
	});

	it('asks for a template first when none is chosen', async () => {
		const { resourceMapping } = await loadOptions({
			type: 'instantCard',
			parameters: { resource: 'card', operation: 'create', cardTemplateId: rl('') },
			credentials: credentials(),
		});
		expect(await resourceMapping('getCardTemplateFields')).toEqual({
			fields: [],
			emptyFieldsNotice: 'Choose a card template first: its fields appear here.',
		});
	});

	it('the template picker lists and filters templates', async () => {
		const { listSearch } = await loadOptions({ type: 'instantCard', parameters: {}, credentials: credentials() });
		const all = await listSearch('searchCardTemplates');
		expect(all.results).toEqual(expect.arrayContaining([{ name: 'Employee ID (vertical) (#1001)', value: '1001' }]));
		const filtered = await listSearch('searchCardTemplates', 'vertical');
		expect(filtered.results.map((r) => r.value)).toEqual(['1001']);
	});

	it('sends text fields as text and a photo from an input binary property as Base64', async () => {
		const { items, error } = await create(
			{
				mappingMode: 'defineBelow',
				value: { first_name: '={{ $json.first }}', last_name: 'Lovelace', employee_id: 1815, 'image:photo': 'data' },
				schema: [],
			},
			[{ json: { first: 'Ada' }, binary: { data: { data: INSTANTCARD_SAMPLE_PNG_BASE64, mimeType: 'image/png', fileName: 'ada.png' } } }],
		);
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('draft');
		expect(sentData()).toEqual([
			{ first_name: 'Ada' },
			{ last_name: 'Lovelace' },
			{ employee_id: '1815' },
			{ photo: INSTANTCARD_SAMPLE_PNG_BASE64 },
		]);
	});

	it('downloads an image given as a URL, and accepts Base64 or a data URL', async () => {
		await create({ mappingMode: 'defineBelow', value: { first_name: 'Grace', 'image:photo': imageUrl }, schema: [] });
		expect(sentData()).toEqual([{ first_name: 'Grace' }, { photo: INSTANTCARD_SAMPLE_PNG_BASE64 }]);
		await create({ mappingMode: 'defineBelow', value: { 'image:photo': `data:image/png;base64,${INSTANTCARD_SAMPLE_PNG_BASE64}` }, schema: [] });
		expect(sentData()).toEqual([{ photo: INSTANTCARD_SAMPLE_PNG_BASE64 }]);
	});

	it('leaves empty fields out', async () => {
		await create({ mappingMode: 'defineBelow', value: { first_name: 'Ada', last_name: '', employee_id: null }, schema: [] });
		expect(sentData()).toEqual([{ first_name: 'Ada' }]);
	});

	it('maps input fields named like the template fields automatically', async () => {
		await create(
			{
				mappingMode: 'autoMapInputData',
				value: null,
				schema: [
					{ id: 'first_name', displayName: 'First Name' },
					{ id: 'last_name', displayName: 'Last Name' },
					{ id: 'image:photo', displayName: 'Photo (image: binary property name, URL or Base64)' },
				],
			},
			[{ first_name: 'Katherine', last_name: 'Johnson', department: 'not a field', photo: INSTANTCARD_SAMPLE_PNG_BASE64 }],
		);
		expect(sentData()).toEqual([{ first_name: 'Katherine' }, { last_name: 'Johnson' }, { photo: INSTANTCARD_SAMPLE_PNG_BASE64 }]);
	});

	it('names the image field and the binary properties the item has when the value is not an image', async () => {
		const { error } = await create(
			{
				mappingMode: 'defineBelow',
				value: { 'image:photo': 'foto' },
				schema: [{ id: 'image:photo', displayName: 'Photo (image: binary property name, URL or Base64)' }],
			},
			[{ json: {}, binary: { data: { data: INSTANTCARD_SAMPLE_PNG_BASE64, mimeType: 'image/png' } } }],
		);
		expect(error?.message).toBe('Photo: "foto" is not an image');
		expect(error?.description).toContain('(this item has: data)');
		expect(sandbox.requestsTo('POST', /\/cards$/)).toHaveLength(0);
	});
});

/**
 * Card through n8n-core's engine against the sandbox: Create and Get (card data as JSON, errors
 * of the node and of the API), card data from the template's fields (resource mapper, images),
 * and Get Many, Search, Update, Finalize, Preview, Print History, Delete, Upload Image, Create's
 * Finalize option and the Card picker.
 */
import { createServer, type Server } from 'node:http';

import type { INodeExecutionData } from 'n8n-workflow';

import { INSTANTCARD_SAMPLE_PNG_BASE64 } from '../sandbox/instantcard';
import { loadOptions, runNode } from '../harness/run';
import { useInstantCardSandbox } from '../harness/sandboxes';
import { everythingVisible, INSTANTCARD_ORG as ORG, instantCardNode, rl } from './fixtures';

const EMPLOYEE = 1001; // first_name, last_name, employee_id, photo; one-sided
const MEMBER = 1002; // member_name, member_number, expiry_date, photo, signature; two-sided
const VISITOR = 1003; // visitor_name, company
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG = Buffer.from(INSTANTCARD_SAMPLE_PNG_BASE64, 'base64');
/** The sample PNG as an item's binary data, named ada.png. */
const ADA_PNG = {
	data: INSTANTCARD_SAMPLE_PNG_BASE64,
	mimeType: 'image/png',
	fileName: 'ada.png',
};

describe('InstantCard node: Card', () => {
	describe('Create and Get, with the errors of the node and of the API', () => {
		const sandbox = useInstantCardSandbox();
		const { run } = instantCardNode(sandbox);

		let templateId: number;
		let fieldTokens: string[];

		beforeEach(async () => {
			sandbox.reset();
			const templates = await run({
				resource: 'cardTemplate',
				operation: 'getAll',
				returnAll: true,
			});
			const template = templates.items.find((t) => String(t.json.name).length > 0)!.json;
			templateId = Number(template.id);
			const fields = sandbox.snapshot() as {
				templates?: Array<{ id: number; fields: Array<{ token: string; type: string }> }>;
			};
			fieldTokens = (fields.templates?.find((t) => t.id === templateId)?.fields ?? [])
				.filter((f) => f.type === 'text')
				.map((f) => f.token);
			sandbox.clearRequests();
		});

		it('Card → Create sends form fields with card[data] as a JSON string, and returns the draft card', async () => {
			const data = Object.fromEntries(fieldTokens.map((token, i) => [token, `value ${i}`]));
			const { items, error } = await run({
				resource: 'card',
				operation: 'create',
				cardTemplateId: rl(templateId),
				cardDataMode: 'json',
				cardDataJson: JSON.stringify(data),
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `${ORG}/cards`);
			expect(request.contentType).toContain('application/x-www-form-urlencoded');
			expect(request.form['card[card_template_id]']).toBe(String(templateId));
			expect(JSON.parse(request.form['card[data]'] as string)).toEqual(
				fieldTokens.map((t, i) => ({ [t]: `value ${i}` })),
			);
			expect(items[0].json).toEqual(
				expect.objectContaining({
					id: expect.any(Number),
					card_template_id: templateId,
					status: 'draft',
				}),
			);

			const got = await run({
				resource: 'card',
				operation: 'get',
				cardId: String(items[0].json.id),
			});
			expect(got.items[0].json.id).toBe(items[0].json.id);
			expect(got.items[0].json.data).toEqual(expect.objectContaining(data));
		});

		it('Card → Create accepts card data from an expression, one card per item', async () => {
			const { items } = await run(
				{
					resource: 'card',
					operation: 'create',
					cardTemplateId: rl(`={{ ${templateId} }}`),
					cardDataMode: 'json',
					cardDataJson: `={{ { "${fieldTokens[0]}": $json.name } }}`,
				},
				[{ name: 'Ada' }, { name: 'Grace' }],
			);
			expect(items.map((i) => (i.json.data as Record<string, string>)[fieldTokens[0]])).toEqual([
				'Ada',
				'Grace',
			]);
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('refuses a non-numeric Card ID before sending anything', async () => {
			const { error } = await run({ resource: 'card', operation: 'get', cardId: 'abc' });
			expect(error?.message).toBe('Card ID must be a positive whole number, not "abc"');
			expect(sandbox.requests.filter((r) => r.path.includes('/cards'))).toHaveLength(0);
		});

		it('names the field when the card data is not valid JSON', async () => {
			const { error } = await run({
				resource: 'card',
				operation: 'create',
				cardTemplateId: rl(templateId),
				cardDataMode: 'json',
				cardDataJson: '{"first_name": "Ada",}',
			});
			expect(error?.message).toBe('Card Data (JSON) is not valid JSON');
			expect(sandbox.requestsTo('POST', `${ORG}/cards`)).toHaveLength(0);
		});

		it("shows the API's own error text", async () => {
			const { error } = await run({ resource: 'card', operation: 'get', cardId: '999999' });
			expect(error).toEqual(
				expect.objectContaining({
					name: 'NodeApiError',
					httpCode: '404',
					message: 'InstantCard: Card not found',
					description: expect.stringContaining(
						`InstantCard answered HTTP 404 to GET /organizations/20003827/cards/999999`,
					),
				}),
			);
		});

		it('shows validation errors of the API, naming what it names', async () => {
			const { error } = await run({
				resource: 'card',
				operation: 'create',
				cardTemplateId: rl(templateId),
				cardDataMode: 'json',
				// (A field the template lacks is refused before sending: see bad-input.test.ts.)
				cardDataJson: '{"first_name": {"given": "Ada"}}',
			});
			expect(error?.httpCode).toBe('400');
			expect(error?.message).toBe("InstantCard: Field 'first_name' must be text");
		});

		it('with Continue On Fail, bad items become error items next to the good ones', async () => {
			const created = await run({
				resource: 'card',
				operation: 'create',
				cardTemplateId: rl(templateId),
				cardDataMode: 'json',
				cardDataJson: '{}',
			});
			const goodId = String(created.items[0].json.id);
			const { items, error } = await run(
				{ resource: 'card', operation: 'get', cardId: '={{ $json.id }}' },
				[{ id: goodId }, { id: 'abc' }, { id: '999999' }, { id: goodId }],
				true,
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(4);
			expect(items[0].json.id).toBe(Number(goodId));
			expect(items[3].json.id).toBe(Number(goodId));
			expect(items[1].json.error).toBe('Card ID must be a positive whole number, not "abc"');
			expect(items[2].json.error).toBe('InstantCard: Card not found');
		});
	});

	describe('Create with card data from the template fields', () => {
		const sandbox = useInstantCardSandbox();
		let imageServer: Server;
		let imageUrl: string;
		const { credentials } = instantCardNode(sandbox);
		const sentData = () =>
			JSON.parse(
				sandbox.requestsTo('POST', /\/cards$/).at(-1)!.form['card[data]'] as string,
			) as object[];
		const create = async (
			cardFields: Record<string, unknown>,
			items?: Array<Record<string, unknown>>,
		) =>
			await runNode({
				type: 'instantCard',
				parameters: {
					resource: 'card',
					operation: 'create',
					cardTemplateId: rl(EMPLOYEE),
					cardDataMode: 'fields',
					cardFields,
				} as never,
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
				parameters: { resource: 'card', operation: 'create', cardTemplateId: rl(EMPLOYEE) },
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

		it('sends text fields as text and a photo from an input binary property as Base64', async () => {
			const { items, error } = await create(
				{
					mappingMode: 'defineBelow',
					value: {
						first_name: '={{ $json.first }}',
						last_name: 'Lovelace',
						employee_id: 1815,
						'image:photo': 'data',
					},
					schema: [],
				},
				[
					{
						json: { first: 'Ada' },
						binary: { data: ADA_PNG },
					},
				],
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
			await create({
				mappingMode: 'defineBelow',
				value: { first_name: 'Grace', 'image:photo': imageUrl },
				schema: [],
			});
			expect(sentData()).toEqual([
				{ first_name: 'Grace' },
				{ photo: INSTANTCARD_SAMPLE_PNG_BASE64 },
			]);
			await create({
				mappingMode: 'defineBelow',
				value: { 'image:photo': `data:image/png;base64,${INSTANTCARD_SAMPLE_PNG_BASE64}` },
				schema: [],
			});
			expect(sentData()).toEqual([{ photo: INSTANTCARD_SAMPLE_PNG_BASE64 }]);
		});

		it('leaves empty fields out', async () => {
			await create({
				mappingMode: 'defineBelow',
				value: { first_name: 'Ada', last_name: '', employee_id: null },
				schema: [],
			});
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
						{
							id: 'image:photo',
							displayName: 'Photo (image: binary property name, URL or Base64)',
						},
					],
				},
				[
					{
						first_name: 'Katherine',
						last_name: 'Johnson',
						department: 'not a field',
						photo: INSTANTCARD_SAMPLE_PNG_BASE64,
					},
				],
			);
			expect(sentData()).toEqual([
				{ first_name: 'Katherine' },
				{ last_name: 'Johnson' },
				{ photo: INSTANTCARD_SAMPLE_PNG_BASE64 },
			]);
		});

		it('names the image field and the binary properties the item has when the value is not an image', async () => {
			const { error } = await create(
				{
					mappingMode: 'defineBelow',
					value: { 'image:photo': 'foto' },
					schema: [
						{
							id: 'image:photo',
							displayName: 'Photo (image: binary property name, URL or Base64)',
						},
					],
				},
				[
					{
						json: {},
						binary: { data: { data: INSTANTCARD_SAMPLE_PNG_BASE64, mimeType: 'image/png' } },
					},
				],
			);
			expect(error?.message).toBe('Photo: "foto" is not an image');
			expect(error?.description).toContain('(this item has: data)');
			expect(sandbox.requestsTo('POST', /\/cards$/)).toHaveLength(0);
		});
	});

	describe('Get Many, Search, Update, Finalize, Preview, Print History, Delete, Upload Image and the Card picker', () => {
		const sandbox = useInstantCardSandbox();
		const { run, credentials, freshLogin } = instantCardNode(sandbox);
		const binaryBuffer = (item: INodeExecutionData, name: string) =>
			Buffer.from(item.binary![name].data, 'base64');

		beforeEach(freshLogin);

		const draft = (templateId: number, data: Record<string, string | null>) =>
			sandbox.store.createCard(templateId, data).id;
		const card = (id: number) => sandbox.store.cards.get(id);

		it('Get Many pages with page/page_size until a short page, one item per card', async () => {
			const ids = sandbox.seedCards(130);
			const all = await run({ resource: 'card', operation: 'getAll', returnAll: true });
			expect(all.items.map((i) => i.json.id)).toEqual(ids);
			expect(all.items[0].json).toEqual(
				expect.objectContaining({ card_template_id: EMPLOYEE, data: expect.any(Object) }),
			);
			expect(sandbox.requestsTo('GET', `${ORG}/cards`).map((r) => r.query)).toEqual([
				{ page: '1', page_size: '100' },
				{ page: '2', page_size: '100' },
			]);
			sandbox.clearRequests();
			const some = await run({ resource: 'card', operation: 'getAll', returnAll: false, limit: 3 });
			expect(some.items.map((i) => i.json.id)).toEqual(ids.slice(0, 3));
			expect(sandbox.requestsTo('GET', `${ORG}/cards`).map((r) => r.query)).toEqual([
				{ page: '1', page_size: '3' },
			]);
		});

		it('Search sends the term with the paging parameters and returns the matching cards', async () => {
			const ids = sandbox.seedCards(12);
			const { items } = await run({
				resource: 'card',
				operation: 'search',
				term: ' Name 11 ',
				returnAll: true,
			});
			expect(items.map((i) => i.json.id)).toEqual([ids[10]]);
			expect(sandbox.requestsTo('GET', `${ORG}/cards/search`).map((r) => r.query)).toEqual([
				{ term: 'Name 11', page: '1', page_size: '100' },
			]);
			const many = await run({
				resource: 'card',
				operation: 'search',
				term: 'first name',
				returnAll: false,
				limit: 4,
			});
			expect(many.items.map((i) => i.json.id)).toEqual(ids.slice(0, 4));
		});

		it('Search refuses an empty term before sending anything', async () => {
			const { error } = await run({
				resource: 'card',
				operation: 'search',
				term: '={{ "  " }}',
				returnAll: true,
			});
			expect(error?.message).toBe('Search Term is empty');
			expect(sandbox.requestsTo('GET', /\/cards/)).toHaveLength(0);
		});

		it('Update sends only the changed fields as card[data] (a JSON string); the rest keep their values', async () => {
			const id = draft(EMPLOYEE, { first_name: 'Ada', last_name: 'Lovelace', employee_id: 'E-1' });
			const { items, error } = await run({
				resource: 'card',
				operation: 'update',
				cardId: rl(id),
				updateCardData: '{"first_name": "Augusta Ada"}',
			});
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('PATCH', `${ORG}/cards/${id}`);
			expect(request.contentType).toContain('application/x-www-form-urlencoded');
			expect(request.form).toEqual({ 'card[data]': '[{"first_name":"Augusta Ada"}]' });
			expect(items[0].json).toEqual(
				expect.objectContaining({
					id,
					data: expect.objectContaining({
						first_name: 'Augusta Ada',
						last_name: 'Lovelace',
						employee_id: 'E-1',
					}),
				}),
			);
		});

		it('Update can move a card to another template, with or without data', async () => {
			const id = draft(EMPLOYEE, { first_name: 'Ada' });
			const moved = await run(
				{
					resource: 'card',
					operation: 'update',
					cardId: rl(id),
					newCardTemplateId: rl(VISITOR),
					updateCardData: '={{ { visitor_name: $json.name } }}',
				},
				[{ name: 'Ada Lovelace' }],
			);
			expect(sandbox.requestsTo('PATCH', `${ORG}/cards/${id}`)[0].form).toEqual({
				'card[card_template_id]': String(VISITOR),
				'card[data]': '[{"visitor_name":"Ada Lovelace"}]',
			});
			expect(moved.items[0].json).toEqual(
				expect.objectContaining({
					card_template_id: VISITOR,
					data: { visitor_name: 'Ada Lovelace' },
				}),
			);
			sandbox.clearRequests();
			await run({
				resource: 'card',
				operation: 'update',
				cardId: rl(id),
				newCardTemplateId: rl(EMPLOYEE),
				updateCardData: '{}',
			});
			expect(sandbox.requestsTo('PATCH', `${ORG}/cards/${id}`)[0].form).toEqual({
				'card[card_template_id]': String(EMPLOYEE),
			});
		});

		it('Update refuses nothing to change, bad JSON or a bad template ID before sending, and shows API errors', async () => {
			const id = draft(EMPLOYEE, { first_name: 'Ada' });
			const nothing = await run({
				resource: 'card',
				operation: 'update',
				cardId: rl(id),
				updateCardData: '{}',
			});
			expect(nothing.error?.message).toBe('Nothing to update');
			const badJson = await run({
				resource: 'card',
				operation: 'update',
				cardId: rl(id),
				updateCardData: '{"first_name": }',
			});
			expect(badJson.error?.message).toBe('Card Data (JSON) is not valid JSON');
			const badTemplate = await run({
				resource: 'card',
				operation: 'update',
				cardId: rl(id),
				newCardTemplateId: rl('={{ "x1" }}'),
				updateCardData: '{}',
			});
			expect(badTemplate.error?.message).toBe(
				'New Card Template ID must be a positive whole number, not "x1"',
			);
			const badCard = await run({
				resource: 'card',
				operation: 'update',
				cardId: rl('={{ "abc" }}'),
				updateCardData: '{"first_name":"x"}',
			});
			expect(badCard.error?.message).toBe('Card ID must be a positive whole number, not "abc"');
			expect(sandbox.requestsTo('PATCH')).toHaveLength(0);
			const unknown = await run({
				resource: 'card',
				operation: 'update',
				cardId: rl(id),
				updateCardData: '{"nickname": "Ada"}',
			});
			expect(unknown.error).toEqual(
				expect.objectContaining({
					httpCode: '400',
					message: "InstantCard: Unknown field 'nickname'",
				}),
			);
		});

		it('Finalize PATCHes /cards/{id}/finalize and outputs the finalized card; API refusals keep their words', async () => {
			const id = draft(VISITOR, { visitor_name: 'Ada' });
			const { items } = await run({ resource: 'card', operation: 'finalize', cardId: rl(id) });
			expect(sandbox.requestsTo('PATCH', `${ORG}/cards/${id}/finalize`)).toHaveLength(1);
			expect(items[0].json).toEqual(expect.objectContaining({ id, status: 'finalized' }));
			const empty = draft(VISITOR, {});
			const refused = await run({ resource: 'card', operation: 'finalize', cardId: rl(empty) });
			expect(refused.error).toEqual(
				expect.objectContaining({ httpCode: '400', message: 'InstantCard: Card has no data' }),
			);
			const missing = await run({ resource: 'card', operation: 'finalize', cardId: rl(999999) });
			expect(missing.error?.message).toBe('InstantCard: Card not found');
		});

		it("Create's Finalize option finalizes the new card right away; off by default", async () => {
			const create = (
				options: Record<string, unknown> | undefined,
				data = '{"visitor_name": "Ada"}',
			) =>
				run({
					resource: 'card',
					operation: 'create',
					cardTemplateId: rl(VISITOR),
					cardDataMode: 'json',
					cardDataJson: data,
					...(options ? { createOptions: options } : {}),
				});
			const plain = await create(undefined);
			expect(plain.items[0].json.status).toBe('draft');
			expect(sandbox.requestsTo('PATCH', /finalize$/)).toHaveLength(0);

			const finalized = await create({ finalize: true });
			const id = Number(finalized.items[0].json.id);
			expect(finalized.items[0].json).toEqual(
				expect.objectContaining({ id, status: 'finalized', data: { visitor_name: 'Ada' } }),
			);
			expect(sandbox.requestsTo('PATCH', /finalize$/).map((r) => r.path)).toEqual([
				`${ORG}/cards/${id}/finalize`,
			]);
			expect(card(id)?.status).toBe('finalized');

			const off = await create({ finalize: false });
			expect(off.items[0].json.status).toBe('draft');
			expect(sandbox.requestsTo('PATCH', /finalize$/)).toHaveLength(1);
		});

		it("Create's Finalize option says the card exists when finalizing fails", async () => {
			const { error } = await run({
				resource: 'card',
				operation: 'create',
				cardTemplateId: rl(VISITOR),
				cardDataMode: 'json',
				cardDataJson: '{}',
				createOptions: { finalize: true },
			});
			const id = [...sandbox.store.cards.keys()].at(-1)!;
			expect(error?.message).toBe(
				`Card ${id} was created but not finalized: InstantCard: Card has no data`,
			);
			expect(error?.description).toContain(`The draft card ${id} exists`);
			expect(card(id)?.status).toBe('draft');
		});

		it('Preview outputs the front and back as PNG binary data; the JSON keeps the rest without Base64', async () => {
			const id = draft(MEMBER, { member_name: 'Ada Lovelace', member_number: 'M-1' });
			const { items, error } = await run({
				resource: 'card',
				operation: 'preview',
				cardId: rl(id),
			});
			expect(error).toBeUndefined();
			expect(sandbox.requestsTo('GET', `${ORG}/cards/${id}/preview`)).toHaveLength(1);
			const [item] = items;
			expect(item.json).toEqual({
				id,
				cardId: id,
				card_id: id,
				preview_available: true,
				orientation: 'landscape',
			});
			for (const side of ['front', 'back']) {
				expect(item.binary?.[side]).toEqual(
					expect.objectContaining({
						mimeType: 'image/png',
						fileName: `card-${id}-${side}.png`,
						fileExtension: 'png',
					}),
				);
				const png = binaryBuffer(item, side);
				expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
				expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
			}
			expect(binaryBuffer(item, 'front').equals(binaryBuffer(item, 'back'))).toBe(false);
			expect(everythingVisible(item.json)).not.toContain(item.binary!.front.data.slice(0, 40));
		});

		it('Preview of a one-sided card has only a front; Include Base64 in JSON adds the Base64 too', async () => {
			const id = draft(EMPLOYEE, { first_name: 'Ada' });
			const { items } = await run({
				resource: 'card',
				operation: 'preview',
				cardId: rl(id),
				previewOptions: { includeBase64: true },
			});
			const [item] = items;
			expect(Object.keys(item.binary ?? {})).toEqual(['front']);
			expect(item.json).toEqual({
				id,
				cardId: id,
				card_id: id,
				preview_available: true,
				orientation: 'portrait',
				front: expect.any(String),
				back: null,
			});
			expect(
				Buffer.from(item.json.front as string, 'base64').equals(binaryBuffer(item, 'front')),
			).toBe(true);
		});

		it('Preview refuses a bad card ID without a request, and shows the API error for a missing card', async () => {
			const bad = await run({ resource: 'card', operation: 'preview', cardId: rl('={{ "12a" }}') });
			expect(bad.error?.message).toBe('Card ID must be a positive whole number, not "12a"');
			expect(sandbox.requestsTo('GET', /preview$/)).toHaveLength(0);
			const missing = await run({ resource: 'card', operation: 'preview', cardId: rl(999999) });
			expect(missing.error).toEqual(
				expect.objectContaining({ httpCode: '404', message: 'InstantCard: Card not found' }),
			);
		});

		it('Get Print History outputs one item per print order with card_id and the status in words', async () => {
			const [id] = sandbox.seedCards(1);
			const at = new Date().toISOString();
			sandbox.store.history.set(id, [
				{ id: 1, card_id: id, print_job_id: 81001, status: 1, processed_at: at, created_at: at },
				{ id: 2, card_id: id, print_job_id: 81002, status: 2, processed_at: at, created_at: at },
				{ id: 3, card_id: id, print_job_id: 81003, status: 0, processed_at: null, created_at: at },
			]);
			const { items } = await run({ resource: 'card', operation: 'printHistory', cardId: rl(id) });
			expect(sandbox.requestsTo('GET', `${ORG}/cards/${id}/print_history`)).toHaveLength(1);
			expect(
				items.map((i) => [i.json.card_id, i.json.print_job_id, i.json.status, i.json.status_name]),
			).toEqual([
				[id, 81001, 1, 'printed and sent'],
				[id, 81002, 2, 'failed'],
				[id, 81003, 0, 'not printed'],
			]);
			const none = await run({
				resource: 'card',
				operation: 'printHistory',
				cardId: rl(sandbox.seedCards(1)[0]),
			});
			expect(none.items).toHaveLength(0);
		});

		it('Get Print History reads the status as a number, a numeric string or a name', async () => {
			const [id] = sandbox.seedCards(1);
			sandbox.addFault({
				kind: 'status',
				status: 200,
				path: '/print_history$',
				body: [{ status: '1', processed_at: 'x' }, { status: 'Failed' }, { status: 7 }],
			});
			const { items } = await run({ resource: 'card', operation: 'printHistory', cardId: rl(id) });
			expect(items.map((i) => i.json.status_name)).toEqual([
				'printed and sent',
				'failed',
				'unknown (7)',
			]);
		});

		it('Delete outputs { deleted: true, id, ...the card } and the card is gone; a missing card shows the API error', async () => {
			const [id] = sandbox.seedCards(1);
			const { items } = await run({ resource: 'card', operation: 'delete', cardId: rl(id) });
			expect(items.map((i) => i.json)).toEqual([
				expect.objectContaining({
					deleted: true,
					id,
					card_template_id: expect.any(Number),
					data: expect.any(Object),
				}),
			]);
			// The card is read just before it is deleted, so the output can say what was deleted.
			expect(
				sandbox.requests
					.filter((r) => r.path === `${ORG}/cards/${id}` && r.status !== 401)
					.map((r) => r.method),
			).toEqual(['GET', 'DELETE']);
			expect(card(id)).toBeUndefined();
			const again = await run({ resource: 'card', operation: 'delete', cardId: rl(id) });
			expect(again.error).toEqual(
				expect.objectContaining({ httpCode: '404', message: 'InstantCard: Card not found' }),
			);
		});

		it('Delete: an answer of true is a deletion too; a result other than Success is not; Continue On Fail goes on', async () => {
			const ids = sandbox.seedCards(2);
			sandbox.addFault({
				kind: 'status',
				status: 200,
				body: true,
				method: 'DELETE',
				path: '/cards/',
			});
			expect(
				(await run({ resource: 'card', operation: 'delete', cardId: rl(ids[0]) })).items[0].json,
			).toEqual(expect.objectContaining({ deleted: true, id: ids[0] }));
			sandbox.addFault({
				kind: 'status',
				status: 200,
				body: { result: 'Failure' },
				method: 'DELETE',
				path: '/cards/',
			});
			const refused = await run({ resource: 'card', operation: 'delete', cardId: rl(ids[0]) });
			expect(refused.error?.message).toBe(`InstantCard did not delete card ${ids[0]}`);
			const { items, error } = await run(
				{ resource: 'card', operation: 'delete', cardId: rl('={{ $json.id }}') },
				[{ id: ids[1] }, { id: 999999 }, { id: 'x' }],
				true,
			);
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json)).toEqual([
				expect.objectContaining({ deleted: true, id: ids[1] }),
				expect.objectContaining({ error: 'InstantCard: Card not found' }),
				expect.objectContaining({ error: 'Card ID must be a positive whole number, not "x"' }),
			]);
			expect(card(ids[1])).toBeUndefined();
		});

		it('Upload Image sends card[token] and card[file] as multipart from the input binary property', async () => {
			const id = draft(EMPLOYEE, { first_name: 'Ada' });
			const { items, error } = await run(
				{
					resource: 'card',
					operation: 'uploadImage',
					cardId: rl(id),
					imageField: 'photo',
					binaryPropertyName: 'data',
				},
				[
					{
						json: {},
						binary: { data: ADA_PNG },
					},
				],
			);
			expect(error).toBeUndefined();
			const [request] = sandbox.requestsTo('POST', `${ORG}/cards/${id}/image`);
			expect(request.contentType).toMatch(/^multipart\/form-data; boundary=/);
			expect(request.form).toEqual({
				'card[token]': 'photo',
				'card[file]': {
					filename: 'ada.png',
					contentType: 'image/png',
					size: Buffer.from(INSTANTCARD_SAMPLE_PNG_BASE64, 'base64').length,
				},
			});
			expect(card(id)?.data.photo).toBe(INSTANTCARD_SAMPLE_PNG_BASE64);
			expect(items[0].json).toEqual(
				expect.objectContaining({
					id,
					data: expect.objectContaining({ first_name: 'Ada', photo: 'image' }),
				}),
			);
		});

		it('Upload Image takes another binary property, and is sent again after a re-login (the body is re-readable)', async () => {
			const id = draft(MEMBER, { member_name: 'Ada' });
			sandbox.addFault({ kind: 'expireToken', path: '/image$' });
			const { error } = await run(
				{
					resource: 'card',
					operation: 'uploadImage',
					cardId: rl(id),
					imageField: 'signature',
					binaryPropertyName: 'sig',
				},
				[
					{
						json: {},
						binary: {
							sig: {
								data: INSTANTCARD_SAMPLE_PNG_BASE64,
								mimeType: 'image/png',
								fileName: 'sig.png',
							},
						},
					},
				],
			);
			expect(error).toBeUndefined();
			const requests = sandbox.requestsTo('POST', `${ORG}/cards/${id}/image`);
			expect(requests.map((r) => r.status)).toEqual([401, 200]);
			expect(requests[1].form['card[token]']).toBe('signature');
			expect(card(id)?.data.signature).toBe(INSTANTCARD_SAMPLE_PNG_BASE64);
		});

		it('Upload Image refuses a missing binary property before sending, and shows API refusals', async () => {
			const id = draft(EMPLOYEE, { first_name: 'Ada' });
			const missing = await run(
				{
					resource: 'card',
					operation: 'uploadImage',
					cardId: rl(id),
					imageField: 'photo',
					binaryPropertyName: 'data',
				},
				[{ json: {}, binary: { photo: ADA_PNG } }],
			);
			expect(missing.error?.message).toBe('The input item has no binary property "data"');
			expect(missing.error?.description).toBe('Set Input Binary Field to one of: photo.');
			expect(sandbox.requestsTo('POST', /\/image$/)).toHaveLength(0);
			const textField = await run(
				{
					resource: 'card',
					operation: 'uploadImage',
					cardId: rl(id),
					imageField: 'first_name',
					binaryPropertyName: 'data',
				},
				[{ json: {}, binary: { data: ADA_PNG } }],
			);
			expect(textField.error).toEqual(
				expect.objectContaining({
					httpCode: '400',
					message: "InstantCard: Field 'first_name' is not an image field",
				}),
			);
		});

		it('Card ID pickers accept an ID from an expression, one request per item', async () => {
			const ids = sandbox.seedCards(2);
			const { items } = await run(
				{ resource: 'card', operation: 'finalize', cardId: rl('={{ $json.id }}') },
				ids.map((id) => ({ id })),
			);
			expect(items.map((i) => i.json.id)).toEqual(ids);
			expect(sandbox.requestsTo('PATCH', /finalize$/).map((r) => r.path)).toEqual(
				ids.map((id) => `${ORG}/cards/${id}/finalize`),
			);
		});

		it('searchCards names cards "#id · name", pages by 50, and searches on the server when a filter is typed', async () => {
			const ids = sandbox.seedCards(60);
			const memberId = draft(MEMBER, { member_name: 'Grace Hopper', member_number: 'M-7' });
			const visitorId = draft(VISITOR, { company: 'Acme' });
			const { listSearch } = await loadOptions({
				type: 'instantCard',
				parameters: { resource: 'card', operation: 'preview' },
				credentials: credentials(),
			});
			const first = await listSearch('searchCards');
			expect(first.results).toHaveLength(50);
			expect(first.results[0]).toEqual({
				name: `#${ids[0]} · First Name 1 Last Name 1`,
				value: String(ids[0]),
			});
			expect(first.paginationToken).toBe('2');
			const second = await listSearch('searchCards', undefined, first.paginationToken);
			expect(second.results.map((r) => r.value)).toEqual(
				[...ids.slice(50), memberId, visitorId].map(String),
			);
			expect(second.results.slice(-2).map((r) => r.name)).toEqual([
				`#${memberId} · Grace Hopper`,
				`#${visitorId} · Acme`,
			]);
			expect(second.paginationToken).toBeUndefined();
			expect(sandbox.requestsTo('GET', `${ORG}/cards`).map((r) => r.query)).toEqual([
				{ page: '1', page_size: '50' },
				{ page: '2', page_size: '50' },
			]);
			const found = await listSearch('searchCards', 'hopper');
			expect(found.results).toEqual([
				{ name: `#${memberId} · Grace Hopper`, value: String(memberId) },
			]);
			expect(sandbox.requestsTo('GET', `${ORG}/cards/search`).map((r) => r.query)).toEqual([
				{ term: 'hopper', page: '1', page_size: '50' },
			]);
		});
	});
});

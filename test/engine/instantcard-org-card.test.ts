/**
 * Organization (Get, Get Balance, Add Funds, Get Transactions) and the card operations beyond
 * Create/Get (Get Many, Search, Update, Finalize, Preview, Print History, Delete, Upload Image,
 * Create's Finalize option, the Card picker), through n8n-core's engine against the sandbox.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { INSTANTCARD_DECLINED_CARD_NUMBER, INSTANTCARD_SAMPLE_PNG_BASE64 } from '../sandbox/instantcard';
import { loadOptions, runNode } from '../harness/run';
import { instantCardCredential, useInstantCardSandbox } from '../harness/sandboxes';
import { everythingVisible, rl } from './fixtures';

const ORG = '/api/v2/organizations/20003827';
const EMPLOYEE = 1001; // first_name, last_name, employee_id, photo; one-sided
const MEMBER = 1002; // member_name, member_number, expiry_date, photo, signature; two-sided
const VISITOR = 1003; // visitor_name, company
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const GOOD_CARD = '4242424242424242';
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

describe('InstantCard organization and card operations', () => {
	const sandbox = useInstantCardSandbox();
	const credentials = () => [instantCardCredential(sandbox)];
	const run = async (
		parameters: Record<string, unknown>,
		items?: Array<Record<string, unknown>>,
		continueOnFail = false,
	) =>
		await runNode({
			type: 'instantCard',
			parameters: parameters as never,
			items,
			credentials: credentials(),
			continueOnFail,
		});
	const binaryBuffer = (item: INodeExecutionData, name: string) =>
		Buffer.from(item.binary![name].data, 'base64');

	beforeEach(async () => {
		sandbox.reset();
		// The login is shared per credential across runs: log in to the fresh sandbox first, so each
		// test's request log starts with its own requests (not a 401 for an old token and a re-send).
		await run({ resource: 'profile', operation: 'get' });
		sandbox.clearRequests();
	});

	describe('Organization', () => {
		const addFunds = (overrides: Record<string, unknown> = {}) => ({
			resource: 'organization',
			operation: 'addFunds',
			amount: 50,
			cardNumber: '4242 4242 4242 4242',
			cvc: '123',
			expMonth: 12,
			expYear: NEXT_YEAR,
			fullName: 'Ada Lovelace',
			billingAddress: {
				address1: '1200 Congress Ave',
				city: 'Austin',
				zipCode: '78701',
				country: 'US',
			},
			...overrides,
		});
		const addFundsRequests = () => sandbox.requestsTo('POST', `${ORG}/add_funds`);

		it('Get returns the organization from GET /organizations/{org}', async () => {
			const { items, error } = await run({ resource: 'organization', operation: 'get' });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual(
				expect.objectContaining({
					id: 20003827,
					name: 'InstantCard Sandbox Org',
					total_templates: 3,
				}),
			);
			expect(sandbox.requestsTo('GET', ORG)).toHaveLength(1);
		});

		it('Get Balance keeps the balance text and adds balance_amount as a number', async () => {
			const first = await run({ resource: 'organization', operation: 'getBalance' });
			expect(first.items.map((i) => i.json)).toEqual([{ balance: '250.00', balance_amount: 250 }]);
			sandbox.setBalance('1234.5');
			const second = await run({ resource: 'organization', operation: 'getBalance' });
			expect(second.items[0].json).toEqual({ balance: '1234.50', balance_amount: 1234.5 });
			// Another spelling of money still parses; something that is not an amount is left alone.
			sandbox.addFault({
				kind: 'status',
				status: 200,
				body: { balance: '$1,020.75' },
				path: '/balance$',
			});
			expect(
				(await run({ resource: 'organization', operation: 'getBalance' })).items[0].json,
			).toEqual({
				balance: '$1,020.75',
				balance_amount: 1020.75,
			});
			sandbox.addFault({
				kind: 'status',
				status: 200,
				body: { balance: 'unknown' },
				path: '/balance$',
			});
			expect(
				(await run({ resource: 'organization', operation: 'getBalance' })).items[0].json,
			).toEqual({ balance: 'unknown' });
			expect(sandbox.requestsTo('GET', `${ORG}/balance`)).toHaveLength(4);
		});

		it('Add Funds posts the payment as form fields, leaves empty fields out, and outputs the new balance', async () => {
			const { items, error } = await run(addFunds());
			expect(error).toBeUndefined();
			const [request] = addFundsRequests();
			expect(request.contentType).toContain('application/x-www-form-urlencoded');
			expect(request.form).toEqual({
				amount: '50.00',
				number: GOOD_CARD,
				exp_month: '12',
				exp_year: String(NEXT_YEAR),
				cvc: '123',
				full_name: 'Ada Lovelace',
				billing_address1: '1200 Congress Ave',
				billing_city: 'Austin',
				billing_zip_code: '78701',
				billing_country: 'US',
			});
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual(
				expect.objectContaining({ result: 'Success', balance: '300.00', balance_amount: 300 }),
			);
			expect(sandbox.snapshot().balance).toBe('300.00');
			const visible = everythingVisible(items);
			expect(visible).not.toContain(GOOD_CARD);
			expect(visible).not.toContain('4242 4242 4242 4242');
		});

		it('Add Funds masks card data the API echoes back (number to the last 4, CVC entirely)', async () => {
			sandbox.addFault({
				kind: 'status',
				status: 200,
				path: '/add_funds$',
				body: {
					result: 'Success',
					balance: '300.00',
					payment: { number: GOOD_CARD, cvc: '123', exp_month: 12, brand: 'visa' },
					message: `Charged 4242-4242-4242-4242 (cvc 123) for 50.00`,
				},
			});
			const { items } = await run(addFunds());
			expect(items[0].json).toEqual({
				result: 'Success',
				balance: '300.00',
				balance_amount: 300,
				payment: { number: '****4242', cvc: '***', exp_month: 12, brand: 'visa' },
				message: 'Charged ****4242 (cvc ***) for 50.00',
			});
			expect(everythingVisible(items)).not.toMatch(/4242.?4242.?4242.?4242/);
		});

		it('Add Funds shows a refusal in the API words, without the card number anywhere in the error', async () => {
			const { error } = await run(addFunds({ cardNumber: INSTANTCARD_DECLINED_CARD_NUMBER }));
			expect(error).toEqual(
				expect.objectContaining({
					name: 'NodeApiError',
					httpCode: '400',
					message: 'InstantCard: Your card was declined.',
					description: expect.stringContaining('POST /organizations/20003827/add_funds'),
				}),
			);
			expect(everythingVisible(error)).not.toContain(INSTANTCARD_DECLINED_CARD_NUMBER);
			expect(everythingVisible(error)).not.toContain('"cvc":"123"');
			expect(addFundsRequests()).toHaveLength(1);
			expect(sandbox.snapshot().balance).toBe('250.00');
		});

		it('Add Funds masks the card number and CVC in an error text that repeats them', async () => {
			sandbox.addFault({
				kind: 'status',
				status: 402,
				path: '/add_funds$',
				body: { error: `Card 4242 4242 4242 4242 was declined (CVC 123 does not match)` },
			});
			const { error } = await run(addFunds());
			expect(error?.message).toBe(
				'InstantCard: Card ****4242 was declined (CVC *** does not match)',
			);
			expect(everythingVisible(error)).not.toMatch(/4242.?4242.?4242.?4242/);
		});

		it('Add Funds is sent once: a 5xx or a dropped connection is not retried', async () => {
			sandbox.addFault({
				kind: 'status',
				status: 503,
				path: '/add_funds$',
				body: { error: 'Payment gateway unavailable' },
			});
			const failed = await run(addFunds());
			// Unclear (5xx): the transactions are read back; no new credit, so it did not happen.
			expect(failed.error?.message).toBe(
				"Adding 50.00 to the organization's balance failed, and it did not happen (checked): InstantCard: Payment gateway unavailable",
			);
			expect(addFundsRequests()).toHaveLength(1);
			sandbox.clearRequests();
			sandbox.addFault({ kind: 'drop', path: '/add_funds$' });
			const dropped = await run(addFunds());
			expect(dropped.error?.message).toMatch(/^Adding 50.00 to the organization's balance failed, and it did not happen \(checked\): Could not reach InstantCard/);
			expect(addFundsRequests()).toHaveLength(1);
			expect(everythingVisible([failed.error, dropped.error])).not.toContain(GOOD_CARD);
		});

		it('Add Funds refused for an expired login (401, not charged) is sent once more after logging in again', async () => {
			sandbox.addFault({ kind: 'expireToken', path: '/add_funds$' });
			const logins = sandbox.loginCount;
			const { items, error } = await run(addFunds());
			expect(error).toBeUndefined();
			expect(addFundsRequests().map((r) => r.status)).toEqual([401, 200]);
			expect(sandbox.loginCount - logins).toBe(1);
			// Charged once: the first attempt never reached the payment.
			expect(items[0].json.balance).toBe('300.00');
			expect(sandbox.snapshot().financialTransactions).toBe(4);
		});

		it.each([
			[{ amount: 0 }, 'Amount must be more than 0'],
			[{ amount: 10.005 }, 'Amount can have at most 2 decimals'],
			[{ cardNumber: '4242424242424241' }, 'Card Number is not a valid card number'],
			[{ cardNumber: '42424242' }, 'Card Number must have 12 to 19 digits'],
			[
				{ cardNumber: '4242-4242-4242-424x' },
				'Card Number may contain only digits, spaces and dashes',
			],
			[{ cvc: '12' }, 'CVC must be 3 or 4 digits'],
			[{ expMonth: '={{ 13 }}' }, 'Expiration Month must be a number from 1 to 12'],
			[{ expYear: 0 }, 'Expiration Year must be a year such as 2028'],
			[{ expYear: 2020, expMonth: 1 }, 'The payment card expired in 01/2020'],
			[{ fullName: '={{ " " }}' }, 'Name on Card is empty'],
		])('Add Funds refuses %j before sending: %s', async (overrides, message) => {
			const parameters = addFunds(overrides);
			const { error } = await run(parameters);
			expect(error?.message).toBe(message);
			expect(addFundsRequests()).toHaveLength(0);
			// `node` is the node as saved in the workflow (its parameters as typed); the rest is what is shown.
			const shown = everythingVisible({ ...error, node: undefined });
			const number = String(parameters.cardNumber);
			expect(shown).not.toContain(number);
			expect(shown).not.toContain(number.replace(/\D/g, ''));
		});

		it('Add Funds with Continue On Fail: one charge per item, a declined card is an error item, no number shown', async () => {
			const { items, error } = await run(
				addFunds({ cardNumber: '={{ $json.card }}', amount: '={{ $json.amount }}' }),
				[
					{ card: GOOD_CARD, amount: 20 },
					{ card: INSTANTCARD_DECLINED_CARD_NUMBER, amount: 30 },
					{ card: '4242424242424241', amount: 40 },
				],
				true,
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(3);
			expect(items[0].json).toEqual(
				expect.objectContaining({ balance: '270.00', balance_amount: 270 }),
			);
			expect(items[1].json.error).toBe('InstantCard: Your card was declined.');
			expect(items[2].json.error).toBe('Card Number is not a valid card number');
			expect(addFundsRequests().map((r) => r.form.amount)).toEqual(['20.00', '30.00']);
			const visible = everythingVisible(items);
			for (const number of [GOOD_CARD, INSTANTCARD_DECLINED_CARD_NUMBER, '4242424242424241'])
				expect(visible).not.toContain(number);
		});

		it('Get Transactions pages with page/page_size until a short page; Limit asks for just enough', async () => {
			for (let n = 0; n < 117; n++) {
				sandbox.store.book({
					type: 'credit',
					sub_type: 'add_funds',
					description: `Top-up ${n}`,
					creditCents: 100,
					debitCents: 0,
					receipt: null,
					items: [],
				});
			}
			const all = await run({
				resource: 'organization',
				operation: 'getTransactions',
				returnAll: true,
			});
			expect(all.items).toHaveLength(120);
			expect(all.items[0].json).toEqual(
				expect.objectContaining({
					id: expect.any(Number),
					type: 'credit',
					balance: expect.any(String),
				}),
			);
			expect(new Set(all.items.map((i) => i.json.id)).size).toBe(120);
			expect(
				sandbox.requestsTo('GET', `${ORG}/financial_transactions`).map((r) => r.query),
			).toEqual([
				{ page: '1', page_size: '100' },
				{ page: '2', page_size: '100' },
			]);
			sandbox.clearRequests();
			const some = await run({
				resource: 'organization',
				operation: 'getTransactions',
				returnAll: false,
				limit: 5,
			});
			expect(some.items).toHaveLength(5);
			expect(
				sandbox.requestsTo('GET', `${ORG}/financial_transactions`).map((r) => r.query),
			).toEqual([{ page: '1', page_size: '5' }]);
		});
	});

	describe('Card', () => {
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
			expect(item.json).toEqual({ card_id: id, preview_available: true, orientation: 'landscape' });
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
				expect.objectContaining({ deleted: true, id, card_template_id: expect.any(Number), data: expect.any(Object) }),
			]);
			// The card is read just before it is deleted, so the output can say what was deleted.
			expect(sandbox.requests.filter((r) => r.path === `${ORG}/cards/${id}` && r.status !== 401).map((r) => r.method)).toEqual(['GET', 'DELETE']);
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
						binary: {
							data: {
								data: INSTANTCARD_SAMPLE_PNG_BASE64,
								mimeType: 'image/png',
								fileName: 'ada.png',
							},
						},
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
			const png = {
				data: INSTANTCARD_SAMPLE_PNG_BASE64,
				mimeType: 'image/png',
				fileName: 'ada.png',
			};
			const missing = await run(
				{
					resource: 'card',
					operation: 'uploadImage',
					cardId: rl(id),
					imageField: 'photo',
					binaryPropertyName: 'data',
				},
				[{ json: {}, binary: { photo: png } }],
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
				[{ json: {}, binary: { data: png } }],
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

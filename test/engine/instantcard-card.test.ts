/** Profile, Card Template and Card operations through n8n-core's engine against the sandbox. */
import { runNode } from '../harness/run';
import { instantCardCredential, useInstantCardSandbox } from '../harness/sandboxes';
import { rl } from './fixtures';

describe('InstantCard node: first slice', () => {
	const sandbox = useInstantCardSandbox();
	const org = '/api/v2/organizations/20003827';
	const run = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>, continueOnFail = false) =>
		await runNode({
			type: 'instantCard',
			parameters: parameters as never,
			items,
			credentials: [instantCardCredential(sandbox)],
			continueOnFail,
		});

	let templateId: number;
	let fieldTokens: string[];

	beforeEach(async () => {
		sandbox.reset();
		const templates = await run({ resource: 'cardTemplate', operation: 'getAll', returnAll: true });
		const template = templates.items.find((t) => String(t.json.name).length > 0)!.json;
		templateId = Number(template.id);
		const fields = sandbox.snapshot() as { templates?: Array<{ id: number; fields: Array<{ token: string; type: string }> }> };
		fieldTokens = (fields.templates?.find((t) => t.id === templateId)?.fields ?? [])
			.filter((f) => f.type === 'text')
			.map((f) => f.token);
		sandbox.clearRequests();
	});

	it('Card Template → Get Many returns each template as an item, limited on request', async () => {
		const all = await run({ resource: 'cardTemplate', operation: 'getAll', returnAll: true });
		expect(all.items.length).toBeGreaterThan(1);
		expect(all.items[0].json).toEqual(expect.objectContaining({ id: expect.any(Number), name: expect.any(String) }));
		const one = await run({ resource: 'cardTemplate', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.items).toHaveLength(1);
		const requests = sandbox.requestsTo('GET', `${org}/card_templates`);
		expect(requests).toHaveLength(2);
		expect(requests[0].query).toEqual({});
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
		const [request] = sandbox.requestsTo('POST', `${org}/cards`);
		expect(request.contentType).toContain('application/x-www-form-urlencoded');
		expect(request.form['card[card_template_id]']).toBe(String(templateId));
		expect(JSON.parse(request.form['card[data]'] as string)).toEqual(fieldTokens.map((t, i) => ({ [t]: `value ${i}` })));
		expect(items[0].json).toEqual(expect.objectContaining({ id: expect.any(Number), card_template_id: templateId, status: 'draft' }));

		const got = await run({ resource: 'card', operation: 'get', cardId: String(items[0].json.id) });
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
		expect(items.map((i) => (i.json.data as Record<string, string>)[fieldTokens[0]])).toEqual(['Ada', 'Grace']);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses a non-numeric Card ID before sending anything', async () => {
		const { error } = await run({ resource: 'card', operation: 'get', cardId: 'abc' });
		expect(error?.message).toBe('Card ID must be a positive whole number, not "abc"');
		expect(sandbox.requests.filter((r) => r.path.includes('/cards'))).toHaveLength(0);
	});

	it('names the field when the card data is not valid JSON', async () => {
		const { error } = await run({ resource: 'card', operation: 'create', cardTemplateId: rl(templateId),
			cardDataMode: 'json', cardDataJson: '{"first_name": "Ada",}' });
		expect(error?.message).toBe('Card Data (JSON) is not valid JSON');
		expect(sandbox.requestsTo('POST', `${org}/cards`)).toHaveLength(0);
	});

	it("shows the API's own error text", async () => {
		const { error } = await run({ resource: 'card', operation: 'get', cardId: '999999' });
		expect(error).toEqual(
			expect.objectContaining({
				name: 'NodeApiError',
				httpCode: '404',
				message: 'InstantCard: Card not found',
				description: expect.stringContaining(`InstantCard answered HTTP 404 to GET /organizations/20003827/cards/999999`),
			}),
		);
	});

	it('shows validation errors of the API, naming what it names', async () => {
		const { error } = await run({ resource: 'card', operation: 'create', cardTemplateId: rl(templateId),
			cardDataMode: 'json', cardDataJson: '{"no_such_field": "x"}' });
		expect(error?.httpCode).toBe('400');
		expect(error?.message).toBe("InstantCard: Unknown field 'no_such_field'");
	});

	it('with Continue On Fail, bad items become error items next to the good ones', async () => {
		const created = await run({ resource: 'card', operation: 'create', cardTemplateId: rl(templateId),
			cardDataMode: 'json', cardDataJson: '{}' });
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

	it('Profile → Get returns the user as one item', async () => {
		const { items } = await run({ resource: 'profile', operation: 'get' });
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(expect.objectContaining({ email: expect.any(String) }));
	});
});

describe('InstantCard node: faults the sandbox injects', () => {
	const sandbox = useInstantCardSandbox();
	const run = async () =>
		await runNode({ type: 'instantCard', parameters: { resource: 'profile', operation: 'get' }, credentials: [instantCardCredential(sandbox)] });

	beforeEach(() => sandbox.reset());

	it('a 5xx keeps the API text and says the problem is on its side', async () => {
		sandbox.addFault({ kind: 'status', status: 503, body: { error: 'Service Unavailable' }, path: '/profile/me' });
		const { error } = await run();
		expect(error?.message).toBe('InstantCard: Service Unavailable');
		expect(error?.description).toMatch(/HTTP 503 .*InstantCard had an internal problem; try again later\./);
	});

	it('a 429 tells when to retry', async () => {
		sandbox.addFault({ kind: 'rateLimit', retryAfter: 30, path: '/profile/me' });
		const { error } = await run();
		expect(error?.httpCode).toBe('429');
		expect(error?.description).toMatch(/rate-limiting.*retry after 30 seconds/);
	});

	it('a dropped connection is said as such, with no retry of its own', async () => {
		sandbox.addFault({ kind: 'drop', path: '/profile/me' });
		const { error } = await run();
		expect(error?.message).toBe('Could not reach InstantCard (the connection was dropped before an answer came)');
		expect(sandbox.requestsTo('GET', '/api/v2/profile/me')).toHaveLength(1);
	});
});

/**
 * End to end in a real n8n 2.40.7 (Node 24) with dist/ loaded as a custom extension: credentials
 * and a workflow imported through n8n's CLI, executed with `n8n execute`, against the sandbox.
 */
import { INSTANTCARD_SANDBOX_LOGIN, sandboxCredentials, startSandboxes, type Sandboxes } from '../sandbox';
import {
	CUSTOM,
	createInstance,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	nodeOutput,
	runtimeInstalled,
	type N8nInstance,
} from './n8n';

jest.setTimeout(240_000);

const credential = { instantCardApi: { id: 'icSandboxCred01', name: 'InstantCard sandbox' } };
const node = (name: string, x: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	id: name,
	name,
	type: `${CUSTOM}.instantCard`,
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: credential,
	...extra,
});
const chain = (...names: string[]) =>
	Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

describe('InstantCard in a real n8n', () => {
	let sandboxes: Sandboxes;
	let n8n: N8nInstance;

	beforeAll(async () => {
		if (!runtimeInstalled()) throw new Error('The real n8n is not installed: run `bash scripts/install-n8n.sh` (npm test does).');
		sandboxes = await startSandboxes();
		n8n = await createInstance();
		await importCredentials(n8n, sandboxCredentials(sandboxes));
	});
	afterAll(async () => await sandboxes?.stop());

	it('runs profile → templates → create card → get (with a Continue-On-Fail error item)', async () => {
		await importWorkflow(n8n, {
			id: 'e2eInstantCard01',
			name: 'InstantCard e2e',
			active: false,
			nodes: [
				{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				node('Profile', 200, { resource: 'profile', operation: 'get' }),
				node('Template', 400, { resource: 'cardTemplate', operation: 'getAll', returnAll: false, limit: 1 }),
				node('Create', 600, {
					resource: 'card',
					operation: 'create',
					cardTemplateId: '={{ $json.id }}',
					cardDataJson: '={{ { "first_name": $("Profile").first().json.first_name ?? "Ada" } }}',
				}),
				node('All Templates', 800, { resource: 'cardTemplate', operation: 'getAll', returnAll: true }),
				node(
					'Get',
					1000,
					{
						resource: 'card',
						operation: 'get',
						cardId: "={{ $itemIndex === 0 ? $('Create').first().json.id : ($itemIndex === 1 ? 'abc' : 999999) }}",
					},
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: chain('Start', 'Profile', 'Template', 'Create', 'All Templates', 'Get'),
			settings: { executionOrder: 'v1' },
		});

		const run = await executeWorkflow(n8n, 'e2eInstantCard01');
		const ic = sandboxes.instantCard;

		expect(nodeOutput(run, 'Profile')[0].json.email).toBe(INSTANTCARD_SANDBOX_LOGIN.email);
		const created = nodeOutput(run, 'Create')[0].json;
		expect(created).toEqual(expect.objectContaining({ status: 'draft', card_template_id: nodeOutput(run, 'Template')[0].json.id }));
		const got = nodeOutput(run, 'Get');
		expect(got.length).toBeGreaterThanOrEqual(3);
		expect(got[0].json.id).toBe(created.id);
		expect(got[1].json.error).toBe('Card ID must be a positive whole number, not "abc"');
		expect(got[2].json.error).toBe('InstantCard: Card not found');

		// The request log: one login, the bearer token on every call, the form body as the API wants it.
		expect(ic.loginCount).toBe(1);
		const calls = ic.requests.filter((r) => r.path !== '/api/v2/authenticate');
		expect(calls.every((r) => /^bearer \S+$/.test(r.headers.authorization ?? ''))).toBe(true);
		const [create] = ic.requestsTo('POST', '/api/v2/organizations/20003827/cards');
		expect(create.contentType).toContain('application/x-www-form-urlencoded');
		expect(JSON.parse(create.form['card[data]'] as string)).toEqual([{ first_name: expect.any(String) }]);
		// 'abc' never reached the API; 999999 did and got the 404 shown above.
		expect(ic.requestsTo('GET', /\/cards\/abc$/)).toHaveLength(0);
		expect(ic.requestsTo('GET', /\/cards\/999999$/).map((r) => r.status)).toEqual(expect.arrayContaining([404]));
		// Nothing secret in what n8n stored as the run's output.
		expect(JSON.stringify(run)).not.toContain(INSTANTCARD_SANDBOX_LOGIN.password);
	});
});

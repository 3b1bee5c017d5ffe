/**
 * End to end in a real n8n 2.40.7 (Node 24) with dist/ loaded as a custom extension: credentials
 * and a workflow imported through n8n's CLI, executed with `n8n execute`, against the sandbox.
 */
import {
	INSTANTCARD_SANDBOX_LOGIN,
	sandboxCredentials,
	startSandboxes,
	type Sandboxes,
} from '../sandbox';
import { cardFromTemplate, rl } from '../fixtures/instantcard';
import { INSTANTCARD_SAMPLE_PNG_BASE64 } from '../sandbox/instantcard';
import {
	assertRuntimeInstalled,
	CUSTOM,
	createInstance,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	manualStart,
	nodeOutput,
	type N8nInstance,
} from './n8n';

jest.setTimeout(240_000);

const credential = { instantCardApi: { id: 'icSandboxCred01', name: 'InstantCard sandbox' } };
const node = (
	name: string,
	x: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
) => ({
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
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);

describe('InstantCard in a real n8n', () => {
	let sandboxes: Sandboxes;
	let n8n: N8nInstance;

	beforeAll(async () => {
		assertRuntimeInstalled();
		sandboxes = await startSandboxes();
		n8n = await createInstance();
		await importCredentials(n8n, sandboxCredentials(sandboxes));
	});
	afterAll(async () => await sandboxes?.stop());

	const start = manualStart('trigger');

	it('orders a card: template → card with a photo from binary → preview → finalize → print job → balance → submit → get', async () => {
		await importWorkflow(n8n, {
			id: 'e2eInstantCardOrder',
			name: 'InstantCard order e2e',
			active: false,
			nodes: [
				start,
				node('Template', 200, {
					resource: 'cardTemplate',
					operation: 'getAll',
					returnAll: false,
					limit: 1,
				}),
				{
					id: 'photo',
					name: 'Photo',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [400, 0],
					parameters: {
						mode: 'manual',
						assignments: {
							assignments: [
								{ id: 'p', name: 'photo', value: INSTANTCARD_SAMPLE_PNG_BASE64, type: 'string' },
							],
						},
						options: {},
					},
				},
				{
					id: 'file',
					name: 'To File',
					type: 'n8n-nodes-base.convertToFile',
					typeVersion: 1.1,
					position: [600, 0],
					parameters: {
						operation: 'toBinary',
						sourceProperty: 'photo',
						binaryPropertyName: 'data',
						options: { fileName: 'ada.png', mimeType: 'image/png' },
					},
				},
				node(
					'Create',
					800,
					cardFromTemplate({ first_name: 'Ada', last_name: 'Lovelace', 'image:photo': 'data' }),
				),
				node('Preview', 1000, {
					resource: 'card',
					operation: 'preview',
					cardId: rl('={{ $json.id }}'),
				}),
				node('Finalize', 1200, {
					resource: 'card',
					operation: 'finalize',
					cardId: rl("={{ $('Create').first().json.id }}"),
				}),
				node('Address', 1400, {
					resource: 'address',
					operation: 'getAll',
					returnAll: false,
					limit: 1,
				}),
				node('Shipping', 1600, {
					resource: 'shippingProvider',
					operation: 'getAll',
					returnAll: false,
					limit: 1,
				}),
				node('Print Job', 1800, {
					resource: 'printJob',
					operation: 'create',
					addressMode: 'saved',
					addressId: rl("={{ $('Address').first().json.id }}"),
					shippingProviderId: rl('={{ $json.id }}'),
					numberOfCopies: 2,
					cardIds: "={{ $('Create').first().json.id }}",
				}),
				node('Balance', 2000, {
					resource: 'printJob',
					operation: 'checkBalance',
					printJobId: rl('={{ $json.id }}'),
				}),
				node('Submit', 2200, {
					resource: 'printJob',
					operation: 'submit',
					printJobId: rl("={{ $('Print Job').first().json.id }}"),
				}),
				node('Get Job', 2400, {
					resource: 'printJob',
					operation: 'get',
					printJobId: rl('={{ $json.id }}'),
				}),
			],
			connections: chain(
				'Start',
				'Template',
				'Photo',
				'To File',
				'Create',
				'Preview',
				'Finalize',
				'Address',
				'Shipping',
				'Print Job',
				'Balance',
				'Submit',
				'Get Job',
			),
			settings: { executionOrder: 'v1' },
		});
		const ic = sandboxes.instantCard;
		const balanceBefore = (ic.snapshot() as { balance: string }).balance;
		const run = await executeWorkflow(n8n, 'e2eInstantCardOrder');

		const created = nodeOutput(run, 'Create')[0].json;
		expect(created.status).toBe('draft');
		const [create] = ic.requestsTo('POST', '/api/v2/organizations/20003827/cards');
		expect(JSON.parse(create.form['card[data]'] as string)).toEqual([
			{ first_name: 'Ada' },
			{ last_name: 'Lovelace' },
			{ photo: INSTANTCARD_SAMPLE_PNG_BASE64 },
		]);
		const preview = run.data.resultData.runData.Preview[0].data!.main[0][0] as unknown as {
			json: Record<string, unknown>;
			binary: Record<string, { mimeType: string; fileName: string }>;
		};
		expect(preview.binary.front).toEqual(
			expect.objectContaining({
				mimeType: 'image/png',
				fileName: `card-${String(created.id)}-front.png`,
			}),
		);
		expect(JSON.stringify(preview.json)).not.toMatch(/iVBOR/); // no Base64 in the JSON
		expect(nodeOutput(run, 'Finalize')[0].json.status).toBe('finalized');
		const job = nodeOutput(run, 'Print Job')[0].json;
		const [jobRequest] = ic.requestsTo('POST', '/api/v2/organizations/20003827/print_jobs');
		expect(jobRequest.form).toEqual(
			expect.objectContaining({
				'print_job[card_ids]': `[${String(created.id)}]`,
				'print_job[number_of_copies]': '2',
				'print_job[shipping_provider_id]': String(nodeOutput(run, 'Shipping')[0].json.id),
				'print_job[address_id]': String(nodeOutput(run, 'Address')[0].json.id),
			}),
		);
		expect(nodeOutput(run, 'Balance')[0].json).toEqual({
			id: job.id,
			printJobId: job.id,
			print_job_id: job.id,
			has_balance: true,
		});
		expect(ic.requestsTo('POST', /\/print_jobs\/\d+\/print$/)).toHaveLength(1);
		expect(nodeOutput(run, 'Get Job')[0].json).toEqual(
			expect.objectContaining({ id: job.id, status_name: 'Scheduled' }),
		);
		expect((ic.snapshot() as { balance: string }).balance).not.toBe(balanceBefore);
		expect(ic.loginCount).toBe(1);
		expect(
			ic.requests
				.filter((r) => r.path !== '/api/v2/authenticate')
				.every((r) => /^bearer \S+$/.test(r.headers.authorization ?? '')),
		).toBe(true);
		expect(JSON.stringify(run)).not.toContain(INSTANTCARD_SANDBOX_LOGIN.password);
	});

	it('shows the API error text and keeps other items going with Continue On Fail', async () => {
		await importWorkflow(n8n, {
			id: 'e2eInstantCardErrors',
			name: 'InstantCard errors e2e',
			active: false,
			nodes: [
				start,
				node('Profile', 200, { resource: 'profile', operation: 'get' }),
				node('Templates', 400, { resource: 'cardTemplate', operation: 'getAll', returnAll: true }),
				node(
					'Get',
					600,
					{
						resource: 'card',
						operation: 'get',
						cardId: rl("={{ $itemIndex === 0 ? 'abc' : 999999 }}"),
					},
					{ onError: 'continueRegularOutput' },
				),
			],
			connections: chain('Start', 'Profile', 'Templates', 'Get'),
			settings: { executionOrder: 'v1' },
		});
		sandboxes.instantCard.clearRequests();
		const run = await executeWorkflow(n8n, 'e2eInstantCardErrors');
		expect(nodeOutput(run, 'Profile')[0].json.email).toBe(INSTANTCARD_SANDBOX_LOGIN.email);
		const got = nodeOutput(run, 'Get');
		expect(got.length).toBeGreaterThanOrEqual(2);
		expect(got[0].json.error).toBe('Card ID must be a positive whole number, not "abc"');
		expect(got[1].json.error).toBe('InstantCard: Card not found');
		expect(sandboxes.instantCard.requestsTo('GET', /\/cards\/abc$/)).toHaveLength(0);
	});

	it("Retry On Fail in the real n8n: a submit whose answer was lost, unreadable at first, is read back on n8n's retry and paid once", async () => {
		const ic = sandboxes.instantCard;
		const job = ic.seedPrintJob({ cardCount: 1 });
		await importWorkflow(n8n, {
			id: 'e2eInstantCardSubmitRetry',
			name: 'InstantCard submit retry e2e',
			active: false,
			nodes: [
				start,
				node(
					'Submit',
					200,
					{ resource: 'printJob', operation: 'submit', printJobId: rl(String(job.id)) },
					{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
				),
			],
			connections: chain('Start', 'Submit'),
			settings: { executionOrder: 'v1' },
		});
		ic.clearRequests();
		// The submit goes through but its answer is lost; reading the job back fails once.
		ic.addFault({
			kind: 'drop',
			after: true,
			method: 'POST',
			path: `/print_jobs/${job.id}/print$`,
		});
		ic.addFault({ kind: 'status', status: 503, method: 'GET', path: `/print_jobs/${job.id}$` });
		const run = await executeWorkflow(n8n, 'e2eInstantCardSubmitRetry');
		expect(nodeOutput(run, 'Submit')[0].json).toEqual(
			expect.objectContaining({ id: job.id, status_name: 'Scheduled' }),
		);
		expect(
			ic.requestsTo('POST', `/api/v2/organizations/20003827/print_jobs/${job.id}/print`),
		).toHaveLength(1);
		expect(
			ic
				.requestsTo('GET', `/api/v2/organizations/20003827/print_jobs/${job.id}`)
				.map((r) => r.status),
		).toEqual([503, 200]);
	});
});

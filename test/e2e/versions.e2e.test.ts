/**
 * The version matrix: the package in each real n8n it is proven on (the default runtime, n8n
 * 2.40.7 on Node 24, and every runtime of test/e2e/runtimes, installed by
 * `bash scripts/install-n8n.sh all`). Per version, one `n8n start` with the sandboxes'
 * credentials imported: the package loads without an error (its 4 nodes and 2 credentials are
 * known to n8n), one workflow per resource group of each action node runs from a webhook, and
 * both triggers start executions with the changes made in the sandboxes.
 *
 * A runtime that is not installed is skipped with a message saying how to install it; `npm test`
 * and CI install them all.
 */
import { randomUUID } from 'node:crypto';

import { sandboxCredentials, startSandboxes, type Sandboxes } from '../sandbox';
import { cardFromTemplate, rl } from '../fixtures/instantcard';
import { KEYLINE_ADDRESS_FIELDS, ORDER_PRODUCT_FILES } from '../fixtures/keyline';
import { N8nClient } from './client';
import {
	CUSTOM,
	DEFAULT_RUNTIME,
	matrixRuntimeNames,
	n8nMajor,
	runtime,
	runtimeInstalled,
	triggerWorkflow,
	webhookNode,
} from './n8n';

jest.setTimeout(300_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NODE_TYPES = ['instantCard', 'instantCardTrigger', 'keyline', 'keylineTrigger'].map(
	(name) => `${CUSTOM}.${name}`,
);
const CREDENTIAL_TYPES = ['instantCardApi', 'keylineApi'];
const IC_CREDENTIAL = { instantCardApi: { id: 'icSandboxCred01', name: 'InstantCard sandbox' } };
const KL_CREDENTIAL = { keylineApi: { id: 'klSandboxCred01', name: 'Keyline sandbox' } };

const instantCard = (name: string, parameters: Json) => ({
	name,
	type: `${CUSTOM}.instantCard`,
	parameters,
	credentials: IC_CREDENTIAL,
});
const keyline = (name: string, parameters: Json) => ({
	name,
	type: `${CUSTOM}.keyline`,
	parameters,
	credentials: KL_CREDENTIAL,
});
interface ActionNode {
	name: string;
	type: string;
	parameters: Json;
	credentials: Json;
}

/** One workflow per resource group of each action node: a webhook, then these nodes in a chain. */
const ACTION_WORKFLOWS: Array<{ name: string; nodes: ActionNode[] }> = [
	{
		name: 'InstantCard cards',
		nodes: [
			instantCard('Template', {
				resource: 'cardTemplate',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			}),
			instantCard('Template Fields', {
				resource: 'cardTemplate',
				operation: 'getFields',
				cardTemplateId: rl("={{ $('Template').first().json.id }}"),
			}),
			instantCard('Create Card', cardFromTemplate({ first_name: 'Ada', last_name: 'Lovelace' })),
			instantCard('Get Card', {
				resource: 'card',
				operation: 'get',
				cardId: rl('={{ $json.id }}'),
			}),
			instantCard('Finalize Card', {
				resource: 'card',
				operation: 'finalize',
				cardId: rl("={{ $('Create Card').first().json.id }}"),
			}),
		],
	},
	{
		name: 'InstantCard print jobs',
		nodes: [
			instantCard('Address', {
				resource: 'address',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			}),
			instantCard('Shipping', {
				resource: 'shippingProvider',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			}),
			instantCard('Print Jobs', {
				resource: 'printJob',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			}),
			instantCard('Print Job', {
				resource: 'printJob',
				operation: 'get',
				printJobId: rl('={{ $json.id }}'),
			}),
		],
	},
	{
		name: 'InstantCard account',
		nodes: [
			instantCard('Organization', { resource: 'organization', operation: 'get' }),
			instantCard('Balance', { resource: 'organization', operation: 'getBalance' }),
			instantCard('Profile', { resource: 'profile', operation: 'get' }),
			instantCard('Create Contact', {
				resource: 'contact',
				operation: 'create',
				email: 'grace.hopper@example.com',
				fullName: 'Grace Hopper',
			}),
			instantCard('Get Contact', {
				resource: 'contact',
				operation: 'get',
				contactId: rl('={{ $json.id }}'),
			}),
		],
	},
	{
		name: 'Keyline order',
		nodes: [
			keyline('Place Order', {
				resource: 'order',
				operation: 'placeOrder',
				customerId: 206,
				recipient: {
					person: { firstName: 'Bran', lastName: 'Stark', email: 'bran.stark@example.com' },
				},
				carrierId: 43,
				billingAddress: {
					address: KEYLINE_ADDRESS_FIELDS,
				},
				deliveryAddress: {
					address: KEYLINE_ADDRESS_FIELDS,
				},
				productsInput: 'json',
				productsJson: JSON.stringify([
					{
						product_template_id: 502,
						name: 'Flyer',
						variants: [{ name: 'Deutsch', circulation: 400 }],
						print_data_files: [
							{ uri: 'https://shop.example/files/flyer.pdf', kind: 'original', filesize: 482113 },
						],
					},
				]),
				placeTheOrder: true,
			}),
			keyline('Order', { resource: 'order', operation: 'get', orderId: '={{ $json.order_id }}' }),
			keyline('Print Data Files', ORDER_PRODUCT_FILES),
		],
	},
	{
		name: 'Keyline cart',
		nodes: [
			keyline('Cart', { resource: 'cart', operation: 'create' }),
			keyline('Customer', {
				resource: 'customer',
				operation: 'set',
				cartId: "={{ $('Cart').first().json.id }}",
				customerId: 206,
			}),
			keyline('Carrier', {
				resource: 'carrier',
				operation: 'set',
				cartId: "={{ $('Cart').first().json.id }}",
				carrierId: 43,
			}),
			keyline('Product', {
				resource: 'product',
				operation: 'add',
				cartId: "={{ $('Cart').first().json.id }}",
				productTemplate: rl('502'),
			}),
			keyline('Variants', {
				resource: 'variant',
				operation: 'getAll',
				cartId: "={{ $('Cart').first().json.id }}",
				productId: "={{ $('Product').first().json.id }}",
			}),
			keyline('Get Cart', {
				resource: 'cart',
				operation: 'get',
				cartId: "={{ $('Cart').first().json.id }}",
			}),
		],
	},
];

const installed = [DEFAULT_RUNTIME, ...matrixRuntimeNames()].map((name) => runtime(name));

describe.each(installed.map((rt) => [rt.name, rt] as const))('n8n runtime %s', (name, rt) => {
	const available = runtimeInstalled(rt);
	if (!available) {
		it.skip(`runtime '${name}' is not installed: \`bash scripts/install-n8n.sh ${name}\``, () => {});
		// eslint-disable-next-line no-console
		console.warn(
			`versions.e2e: skipping runtime '${name}', not installed (bash scripts/install-n8n.sh ${name})`,
		);
		return;
	}

	let sandboxes: Sandboxes;
	let n8n: N8nClient;
	let major: number;
	const log: string[] = [];
	const api = async (method: string, path: string, body?: unknown) =>
		await n8n.api<Json>(method, path, body);

	beforeAll(async () => {
		major = n8nMajor(rt);
		sandboxes = await startSandboxes();
		n8n = await N8nClient.start({
			runtime: rt,
			credentials: sandboxCredentials(sandboxes),
			log: (line) => log.push(line),
			apiKey: `versions ${name}`,
		});
	});
	afterAll(async () => {
		n8n?.stop();
		await sandboxes?.stop();
	});

	/** n8n 2.x publishes and unpublishes workflows; 1.x activates and deactivates them. */
	const activate = async (id: string, on: boolean) =>
		major >= 2
			? await api('POST', `/workflows/${id}/${on ? 'publish' : 'unpublish'}`, {})
			: await api('POST', `/workflows/${id}/${on ? 'activate' : 'deactivate'}`);

	/** Executions of a workflow with their data, oldest first, once there are `count`. */
	const executions = async (workflowId: string, count: number, timeoutMs: number) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const list = await api('GET', `/executions?workflowId=${workflowId}&includeData=true`);
			const done = (list.data as Json[])
				.filter((execution) => execution.stoppedAt)
				.sort((a, b) => Number(a.id) - Number(b.id));
			if (done.length >= count) return done;
			if (Date.now() > deadline)
				throw new Error(
					`only ${done.length} of ${count} executions after ${timeoutMs} ms\n${log.join('').slice(-3000)}`,
				);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	};

	const savedState = async (workflowId: string) => await n8n.triggerState(workflowId);

	it('loads the package: its 4 nodes and 2 credentials, no error in the log', async () => {
		const nodes = await n8n.asOwner<Json[]>('GET', '/types/nodes.json');
		expect(nodes.status).toBe(200);
		const nodeNames = new Set(nodes.data.map((node) => node.name as string));
		expect(NODE_TYPES.filter((type) => !nodeNames.has(type))).toEqual([]);
		const credentials = await n8n.asOwner<Json[]>('GET', '/types/credentials.json');
		const credentialNames = new Set(
			credentials.data.map((credential) => credential.name as string),
		);
		expect(CREDENTIAL_TYPES.filter((type) => !credentialNames.has(type))).toEqual([]);
		const errors = log
			.join('')
			.split('\n')
			.filter((line) => /error|fail/i.test(line) && /instantcard|keyline|custom/i.test(line));
		expect(errors).toEqual([]);
	});

	it("both credentials' Test: passes, and says in the package's words what is wrong", async () => {
		const [ic, kl] = sandboxCredentials(sandboxes);
		const good = await n8n.testCredential('instantCardApi', ic.data);
		expect(good.status).toBe('OK');
		// Tested again with a wrong Organization ID: the login works, the organization does not.
		const wrongOrganization = await n8n.testCredential(
			'instantCardApi',
			{ ...ic.data, organizationId: '999' },
			good.id,
		);
		expect(wrongOrganization.message).toMatch(/no organization with this Organization ID/);
		expect(
			(await n8n.testCredential('instantCardApi', { ...ic.data, password: 'Wrong-Password-7' }))
				.message,
		).toContain('InstantCard refused the login');
		expect((await n8n.testCredential('keylineApi', kl.data)).status).toBe('OK');
		expect(
			(await n8n.testCredential('keylineApi', { ...kl.data, apiKey: 'a'.repeat(64) })).message,
		).toContain('Keyline rejected this API key (403');
	});

	it.each(ACTION_WORKFLOWS.map((workflow) => [workflow.name, workflow] as const))(
		'%s: every node of the workflow runs and outputs items',
		async (workflowName, { nodes }) => {
			if (workflowName === 'InstantCard print jobs')
				sandboxes.instantCard.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
			const path = `versions-${randomUUID()}`;
			const names = ['Webhook', ...nodes.map((node) => node.name)];
			const workflow = await api('POST', '/workflows', {
				name: `${workflowName} (${name})`,
				nodes: [
					webhookNode(path),
					...nodes.map((node, i) => ({
						id: randomUUID(),
						typeVersion: 1,
						position: [200 * (i + 1), 0],
						...node,
					})),
				],
				connections: Object.fromEntries(
					names
						.slice(0, -1)
						.map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
				),
				settings: {
					executionOrder: 'v1',
					saveDataSuccessExecution: 'all',
					saveDataErrorExecution: 'all',
				},
			});
			const id = String(workflow.id);
			await activate(id, true);
			// The webhook is registered a moment after the API answers: until then it answers 404.
			let posted: { status: number; text: string } | undefined;
			for (let attempt = 0; attempt < 60; attempt++) {
				posted = await n8n.webhook(path, {});
				if (posted.status !== 404) break;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			const [execution] = await executions(id, 1, 30_000);
			await activate(id, false);
			const runData = execution.data.resultData.runData as Json;
			const summary = nodes.map((node) => {
				const run = runData[node.name]?.[0] as Json | undefined;
				return {
					node: node.name,
					error: (run?.error as Json | undefined)?.message ?? null,
					items: ((run?.data?.main?.[0] ?? []) as Json[]).length > 0,
				};
			});
			expect({ status: execution.status, summary }).toEqual({
				status: 'success',
				summary: nodes.map((node) => ({ node: node.name, error: null, items: true })),
			});
			expect(posted!.status).toBe(200);
		},
	);

	it('both triggers start executions with the changes made in the sandboxes', async () => {
		const ic = sandboxes.instantCard;
		const kl = sandboxes.keyline;
		const job = ic.seedPrintJob({ cardCount: 1, status: 'Scheduled' });
		const order = kl.seedOrder({});
		kl.clock.advance(5_000);
		// Creates the trigger's workflow through the public API and gives its ID.
		const created = async (
			workflowName: string,
			type: string,
			credentials: Json,
			parameters: Json,
		) =>
			String(
				(
					await api(
						'POST',
						'/workflows',
						triggerWorkflow(`${workflowName} (${name})`, type, credentials, parameters),
					)
				).id,
			);
		const icWorkflow = await created(
			'InstantCard print jobs',
			'instantCardTrigger',
			IC_CREDENTIAL,
			{
				events: ['printJobStatusChanged'],
			},
		);
		const klWorkflow = await created('Keyline orders', 'keylineTrigger', KL_CREDENTIAL, {
			events: ['orderStateChanged'],
			watch: 'discover',
			startOrderId: order.id,
		});
		// Activation polls once: the baseline, no execution. Changed, deactivated and activated
		// again, the activation poll reports the change (or, at the latest, the minute's poll).
		await activate(icWorkflow, true);
		await activate(klWorkflow, true);
		expect(await savedState(icWorkflow)).toBeTruthy();
		expect(await savedState(klWorkflow)).toBeTruthy();
		await activate(icWorkflow, false);
		await activate(klWorkflow, false);
		ic.advancePrintJob(job.id);
		kl.advanceOrder(order.id);
		await activate(icWorkflow, true);
		await activate(klWorkflow, true);
		const events = async (workflowId: string) => {
			const [execution] = await executions(workflowId, 1, 75_000);
			expect(execution.status).toBe('success');
			const items = (execution.data.resultData.runData.Trigger?.[0]?.data?.main?.[0] ??
				[]) as Json[];
			return items.map(({ json }) => [json.event, json.id, json.previousState, json.state]);
		};
		expect(await events(icWorkflow)).toEqual([
			['printJobStatusChanged', job.id, 'Scheduled', 'In_Progress'],
		]);
		expect(await events(klWorkflow)).toEqual([
			['orderStateChanged', order.id, 'draft', 'confirmed'],
		]);
		await activate(icWorkflow, false);
		await activate(klWorkflow, false);
	});
});

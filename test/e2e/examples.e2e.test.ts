/**
 * The example workflows of examples/ (issue 14), each imported into a real n8n 2.40.7 and run
 * against the sandboxes, as a user would after "Import from File": the files are read as they
 * ship, and the test changes only what a user changes: the node type prefix (the package is a
 * custom extension here: `CUSTOM.<name>` instead of `n8n-nodes-instantcard-keyline.<name>`),
 * the credentials (chosen by type: the sandboxes' and a scripted OpenAI-compatible model), and
 * the values of each example's Config node (the notify URL, which points at a local server that
 * records what arrives, and the IDs the user fills in).
 *
 * All run in one `n8n start`: webhook and trigger examples published through the public API, the
 * scheduled one (02) run from its "Run Now" Manual Trigger as the editor runs it (a schedule
 * cannot be waited for). Each asserts its effect in the sandboxes and the notifications.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { WEB_SHOP_ORDER } from '../fixtures/keyline';
import { sandboxCredentials, startSandboxes, type Sandboxes } from '../sandbox';
import { INSTANTCARD_SAMPLE_PNG_BASE64 } from '../sandbox/instantcard';
import { offeredTool, ScriptedChatModel, toolResults } from '../harness/chat-model';
import { Inbox } from '../harness/inbox';
import { N8nClient } from './client';
import { CUSTOM, ROOT } from './n8n';

jest.setTimeout(180_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLES = path.join(ROOT, 'examples');
const PACKAGE = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Json)
	.name as string;
const IC_CREDENTIAL = { id: 'icSandboxCred01', name: 'InstantCard sandbox' };
const KL_CREDENTIAL = { id: 'klSandboxCred01', name: 'Keyline sandbox' };
const OPENAI_CREDENTIAL = { id: 'openAiScripted01', name: 'Scripted model' };
/** The credential names the examples refer to, by type (the user picks theirs). */
const EXAMPLE_CREDENTIALS: Json = {
	instantCardApi: 'InstantCard account',
	keylineApi: 'Keyline account',
	openAiApi: 'OpenAI account',
};
const ORGANIZATION = '/api/v2/organizations/20003827';

const exampleFiles = () =>
	readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort();
const readExample = (file: string) =>
	JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as Json;

/**
 * The example as the test imports it: the package's node types as a custom extension's, the
 * sandbox credentials chosen, `config` written into the Config node (each name must exist there),
 * the trigger parameters in `parameters` (node name → parameters to set), executions saved.
 */
function prepare(
	file: string,
	config: Json = {},
	parameters: Record<string, Json> = {},
): Json & { nodes: Json[] } {
	const workflow = readExample(file);
	const nodes = (workflow.nodes as Json[]).map((node) => {
		const copy = structuredClone(node);
		if (String(copy.type).startsWith(`${PACKAGE}.`))
			copy.type = `${CUSTOM}.${String(copy.type).slice(PACKAGE.length + 1)}`;
		if (copy.credentials) {
			for (const type of Object.keys(copy.credentials as Json)) {
				copy.credentials[type] = {
					instantCardApi: IC_CREDENTIAL,
					keylineApi: KL_CREDENTIAL,
					openAiApi: OPENAI_CREDENTIAL,
				}[type];
			}
		}
		if (parameters[copy.name]) Object.assign(copy.parameters, parameters[copy.name]);
		return copy;
	});
	const configNode = nodes.find((node) => node.name === 'Config');
	for (const [name, value] of Object.entries(config)) {
		const assignment = (configNode?.parameters.assignments.assignments as Json[] | undefined)?.find(
			(a) => a.name === name,
		);
		if (!assignment) throw new Error(`${file}: the Config node has no field ${name}`);
		assignment.value = value;
	}
	for (const name of Object.keys(parameters))
		if (!nodes.some((node) => node.name === name)) throw new Error(`${file}: no node ${name}`);
	return {
		name: workflow.name,
		nodes,
		connections: workflow.connections,
		settings: {
			...workflow.settings,
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	};
}

/** What each example's test case is called: every file of examples/ must have one. */
const CASES: Record<string, string> = {
	'01-new-employee-id-card.json':
		'01 new employee → ID card with photo → preview sent for approval → finalized → into the open print job (created on the first run, reused on the second)',
	'02-daily-submit-before-cutoff.json':
		'02 daily submit: with enough balance the open job is submitted and reported; without, it is not, and the notification asks for funds',
	'03-print-job-finished-notify.json':
		'03 Print Job Finished → the team is notified once, with the job and its cards',
	'04-shop-order-keyline.json':
		'04 shop order webhook → Keyline Place Order (One Step): the order is placed and its ID answered',
	'05-keyline-order-change-notify.json':
		"05 Keyline order and print file changes → the customer's email for each, to the order's recipient",
	'06-ai-agent-orders-cards.json':
		'06 AI Agent: the model calls the Create Card tool, the card is created finalized, the agent answers with it',
};

describe('example workflows (examples/) in a real n8n', () => {
	let sandboxes: Sandboxes;
	let n8n: N8nClient;
	const inbox = new Inbox();
	const model = new ScriptedChatModel();
	const log: string[] = [];
	const started = Date.now();

	beforeAll(async () => {
		sandboxes = await startSandboxes();
		await inbox.start();
		await model.start();
		n8n = await N8nClient.start({
			apiKey: 'examples e2e',
			log: (line) => log.push(line),
			credentials: [
				...sandboxCredentials(sandboxes),
				{
					...OPENAI_CREDENTIAL,
					type: 'openAiApi',
					data: { apiKey: 'sk-scripted-not-a-secret', url: model.baseUrl },
				},
			],
		});
	});
	afterAll(async () => {
		n8n?.stop();
		await model.stop();
		await inbox.stop();
		await sandboxes?.stop();
		// eslint-disable-next-line no-console
		console.log(`examples.e2e: ${((Date.now() - started) / 1000).toFixed(1)} s wall time`);
	});

	const api = async (method: string, apiPath: string, body?: unknown) =>
		await n8n.api<Json>(method, apiPath, body);
	const logTail = () => log.join('').slice(-3000);

	async function create(workflow: Json): Promise<string> {
		return String((await api('POST', '/workflows', workflow)).id);
	}
	const publish = async (id: string) => await api('POST', `/workflows/${id}/publish`, {});
	const unpublish = async (id: string) => await api('POST', `/workflows/${id}/unpublish`, {});

	/** POSTs to a published workflow's webhook (retrying while it is not registered yet). */
	async function callWebhook(webhookPath: string, body: unknown) {
		for (let attempt = 0; ; attempt++) {
			const answer = await n8n.webhook(webhookPath, body);
			if (answer.status !== 404 || attempt >= 60) return answer;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** The workflow's finished executions, oldest first, once there are `count` (at most 30 s). */
	async function executions(id: string, count: number): Promise<Json[]> {
		const deadline = Date.now() + 30_000;
		for (;;) {
			const list = await api('GET', `/executions?workflowId=${id}&includeData=true&limit=50`);
			const done = (list.data as Json[])
				.filter((execution) => execution.stoppedAt)
				.sort((a, b) => Number(a.id) - Number(b.id));
			if (done.length >= count) return done;
			if (Date.now() > deadline)
				throw new Error(`${done.length} of ${count} executions of ${id}\n${logTail()}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
	/** Each node's error message (if any) in an execution: a failed node names itself. */
	const nodeErrors = (execution: Json) =>
		Object.entries(execution.data.resultData.runData as Json)
			.map(([name, runs]) => [name, (runs as Json[])[0]?.error?.message])
			.filter(([, message]) => message);
	const output = (execution: Json, name: string) =>
		((execution.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? []) as Json[]).map(
			(item) => item.json as Json,
		);

	/** Waits (at most 15 s) until n8n saved the trigger node's state after the activation poll. */
	async function savedTriggerState(id: string, node: string): Promise<Json> {
		const deadline = Date.now() + 15_000;
		for (;;) {
			const workflow = await api('GET', `/workflows/${id}`);
			const state = (workflow.staticData?.[`node:${node}`] as Json | undefined)?.state as
				| Json
				| undefined;
			if (state) return state;
			if (Date.now() > deadline) throw new Error(`no saved state of ${node}\n${logTail()}`);
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
	}

	it('every file in examples/ is an importable workflow, has a test case here and is listed in the README', () => {
		const files = exampleFiles();
		expect(files.length).toBeGreaterThanOrEqual(6);
		expect(files.filter((file) => !/^\d{2}-[a-z0-9-]+\.json$/.test(file))).toEqual([]);
		expect(files.filter((file) => !CASES[file])).toEqual([]);
		expect(Object.keys(CASES).filter((file) => !files.includes(file))).toEqual([]);
		const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const section = /\n## Example workflows\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
		expect(files.filter((file) => !section.includes(`examples/${file}`))).toEqual([]);
		for (const file of files) {
			const workflow = readExample(file);
			const nodes = workflow.nodes as Json[];
			const names = nodes.map((node) => node.name as string);
			const problems: string[] = [];
			if (Object.keys(workflow).sort().join() !== 'connections,name,nodes,settings')
				problems.push(`keys ${Object.keys(workflow).join()}`);
			if (new Set(names).size !== names.length) problems.push('node names repeat');
			if (!nodes.some((node) => node.type === 'n8n-nodes-base.stickyNote'))
				problems.push('no sticky note');
			for (const node of nodes) {
				if (String(node.type).startsWith(`${CUSTOM}.`)) problems.push(`${node.name}: CUSTOM type`);
				for (const [type, reference] of Object.entries((node.credentials ?? {}) as Json)) {
					if (JSON.stringify(reference) !== JSON.stringify({ name: EXAMPLE_CREDENTIALS[type] }))
						problems.push(`${node.name}: credential ${JSON.stringify(reference)}`);
				}
			}
			for (const [from, outputs] of Object.entries(workflow.connections as Json)) {
				if (!names.includes(from)) problems.push(`connection from unknown ${from}`);
				for (const list of Object.values(outputs as Json) as Json[][][])
					for (const target of list.flat())
						if (!names.includes(target.node)) problems.push(`connection to unknown ${target.node}`);
			}
			expect({ file, problems }).toEqual({ file, problems: [] });
		}
	});

	it("every example's package nodes are ones n8n knows, with parameters of their description", async () => {
		const types = await n8n.asOwner<Json[]>('GET', '/types/nodes.json');
		const known = new Map<string, Json>();
		for (const description of types.data) known.set(description.name as string, description);
		const problems: string[] = [];
		for (const file of exampleFiles()) {
			for (const node of prepare(file).nodes) {
				const description = known.get(node.type);
				if (!description) {
					problems.push(`${file}: ${node.name}: type ${node.type} unknown`);
					continue;
				}
				if (!String(node.type).startsWith(`${CUSTOM}.`)) continue;
				const properties = new Set(
					(description.properties as Json[]).map((property) => property.name as string),
				);
				for (const parameter of Object.keys(node.parameters as Json))
					if (!properties.has(parameter)) problems.push(`${file}: ${node.name}: ${parameter}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it(CASES['01-new-employee-id-card.json'], async () => {
		const ic = sandboxes.instantCard;
		const photoUrl = inbox.serve(
			'ada.png',
			'image/png',
			Buffer.from(INSTANTCARD_SAMPLE_PNG_BASE64, 'base64'),
		);
		const address = [...ic.store.addresses.keys()][0];
		const id = await create(
			prepare('01-new-employee-id-card.json', {
				notifyUrl: `${inbox.url}/approval`,
				cardTemplateId: 1001,
				addressId: address,
				shippingProviderId: 2,
			}),
		);
		expect(ic.snapshot().printJobs.filter((job) => job.status === 'Created')).toEqual([]);
		await publish(id);
		const employees = [
			{ first_name: 'Ada', last_name: 'Lovelace', employee_id: 'E-1001', photo_url: photoUrl },
			{ first_name: 'Grace', last_name: 'Hopper', employee_id: 'E-1002', photo_url: photoUrl },
		];
		const answers = [];
		for (const employee of employees) answers.push(await callWebhook('new-employee', employee));
		const runs = await executions(id, 2);
		await unpublish(id);
		expect(runs.map((run) => [run.status, nodeErrors(run)])).toEqual([
			['success', []],
			['success', []],
		]);
		expect(answers.map((answer) => answer.status)).toEqual([200, 200]);

		// Two finalized cards with the employees' data and the photo as sent.
		const cardIds = runs.map((run) => output(run, 'Create ID Card')[0].id as number);
		for (const [i, cardId] of cardIds.entries()) {
			const card = ic.store.cards.get(cardId)!;
			expect({ status: card.status, template: card.card_template_id, data: card.data }).toEqual({
				status: 'finalized',
				template: 1001,
				data: expect.objectContaining({
					first_name: employees[i].first_name,
					last_name: employees[i].last_name,
					employee_id: employees[i].employee_id,
				}),
			});
		}
		const creates = ic.requestsTo('POST', `${ORGANIZATION}/cards`);
		expect(
			creates.map((request) =>
				(JSON.parse(request.form['card[data]'] as string) as Json[]).find((e) => e.photo),
			),
		).toEqual([{ photo: INSTANTCARD_SAMPLE_PNG_BASE64 }, { photo: INSTANTCARD_SAMPLE_PNG_BASE64 }]);

		// The preview went out for approval: the front image and the text naming the employee.
		const approvals = inbox.to('/approval');
		expect(approvals).toHaveLength(2);
		for (const [i, approval] of approvals.entries()) {
			const parts = Object.fromEntries((approval.parts ?? []).map((p) => [p.name, p]));
			expect(parts.text?.data.toString()).toBe(
				`New ID card for ${employees[i].first_name} ${employees[i].last_name} (${employees[i].employee_id}), card ${cardIds[i]}: please check the preview.`,
			);
			expect(parts.front?.contentType).toBe('image/png');
			expect(parts.front?.data.subarray(1, 4).toString()).toBe('PNG');
		}
		// Preview before finalize: the approval was sent while the card was still a draft.
		const finalizes = ic.requestsTo('PATCH', /\/cards\/\d+\/finalize$/);
		expect(finalizes).toHaveLength(2);

		// The first run created today's print job with the card, the second added its card to it.
		expect(output(runs[0], 'Create Print Job')).toHaveLength(1);
		expect(runs[0].data.resultData.runData['Add Card to Print Job']).toBeUndefined();
		expect(output(runs[1], 'Add Card to Print Job')).toHaveLength(1);
		expect(runs[1].data.resultData.runData['Create Print Job']).toBeUndefined();
		const open = ic.snapshot().printJobs.filter((job) => job.status === 'Created');
		expect(open).toEqual([
			expect.objectContaining({
				cards: cardIds.map((cardId) => ({ id: cardId, status: 0 })),
				addressId: address,
				shippingProviderId: 2,
			}),
		]);
		expect(JSON.parse(answers[1].text)).toMatchObject({ id: open[0].id });
	});

	describe('02, run from its Run Now trigger as the editor runs it', () => {
		const file = '02-daily-submit-before-cutoff.json';
		let workflowId: string;

		/**
		 * What the editor does when the user clicks Run Now's "Execute workflow": a manual run
		 * starting at that trigger (`POST /rest/workflows/:id/run`); then the saved execution.
		 */
		const run = async (): Promise<Json> => {
			const started = await n8n.rest<{ data: { executionId: string } }>(
				'POST',
				`/workflows/${workflowId}/run`,
				{ triggerToStartFrom: { name: 'Run Now' } },
			);
			const executionId = started.data?.data?.executionId;
			if (!executionId)
				throw new Error(
					`the manual run answered ${started.status}: ${JSON.stringify(started.data)}`,
				);
			const deadline = Date.now() + 30_000;
			for (;;) {
				const execution = await api('GET', `/executions/${executionId}?includeData=true`);
				if (execution.stoppedAt) return execution;
				if (Date.now() > deadline)
					throw new Error(`execution ${executionId} did not end\n${logTail()}`);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		};

		beforeAll(async () => {
			workflowId = await create(prepare(file, { notifyUrl: `${inbox.url}/daily` }));
		});

		it(CASES[file], async () => {
			const ic = sandboxes.instantCard;
			// Jobs left open by an earlier case are not this case's: submit-ready ones only.
			for (const job of ic.snapshot().printJobs.filter((j) => j.status === 'Created'))
				ic.advancePrintJob(job.id, 'Scheduled');
			const job = ic.seedPrintJob({ cardCount: 2 });
			ic.setBalance('100.00');
			const first = await run();
			expect([first.status, nodeErrors(first)]).toEqual(['success', []]);
			expect(first.data.resultData.runData['Every Weekday 3:30 PM New York']).toBeUndefined();
			expect(output(first, 'Run Now')).toHaveLength(1);
			expect(output(first, 'Submit Print Job').map((item) => item.id)).toEqual([job.id]);
			expect(ic.snapshot().printJobs.find((j) => j.id === job.id)?.status).toBe('Scheduled');
			expect(ic.requestsTo('POST', /\/print_jobs\/\d+\/print$/)).toHaveLength(1);
			const [sent] = await inbox.waitFor('/daily', 1, 5_000);
			expect(sent.json).toEqual({
				text: `Print job ${job.id} sent to print (Scheduled)`,
				printJobId: job.id,
				status: 'Scheduled',
			});

			const poor = ic.seedPrintJob({ cardCount: 1 });
			ic.setBalance('0.00');
			const second = await run();
			expect([second.status, nodeErrors(second)]).toEqual(['success', []]);
			expect(output(second, 'Check Balance')).toEqual([
				expect.objectContaining({ id: poor.id, has_balance: false }),
			]);
			expect(second.data.resultData.runData['Submit Print Job']).toBeUndefined();
			expect(ic.requestsTo('POST', /\/print_jobs\/\d+\/print$/)).toHaveLength(1);
			expect(ic.snapshot().printJobs.find((j) => j.id === poor.id)?.status).toBe('Created');
			const notes = await inbox.waitFor('/daily', 2, 5_000);
			expect(notes[1].json).toEqual({
				text: `Print job ${poor.id} was NOT submitted: the balance is too low. Add funds before 4 PM Eastern.`,
				printJobId: poor.id,
				balance: '0.00',
			});
		});
	});

	it(CASES['03-print-job-finished-notify.json'], async () => {
		const ic = sandboxes.instantCard;
		const job = ic.seedPrintJob({ cardCount: 2, status: 'Scheduled' });
		const workflow = prepare('03-print-job-finished-notify.json', {
			notifyUrl: `${inbox.url}/finished`,
		});
		expect(workflow.nodes.find((node) => node.name === 'Print Job Finished')?.parameters).toEqual(
			expect.objectContaining({
				pollTimes: { item: [{ mode: 'everyX', value: 5, unit: 'minutes' }] },
			}),
		);
		const id = await create(workflow);
		// Published: the first poll notes the jobs as they are (the baseline), no execution.
		await publish(id);
		await savedTriggerState(id, 'Print Job Finished');
		await unpublish(id);
		ic.advancePrintJob(job.id, 'Finished');
		// Published again: the activation poll reports the job that finished meanwhile.
		await publish(id);
		const [execution] = await executions(id, 1);
		await unpublish(id);
		expect([execution.status, nodeErrors(execution)]).toEqual(['success', []]);
		const [note] = await inbox.waitFor('/finished', 1, 5_000);
		const names = job.list_users[0].users_data
			.map((card: Json) => `${String(card.data.first_name)} ${String(card.data.last_name)}`)
			.join(', ');
		expect(note.json).toEqual({
			text: `Print job ${job.id} is finished: 2 card(s) printed and shipped (${names})`,
			printJobId: job.id,
			cards: 2,
			finishedAt: output(execution, 'Print Job Finished')[0].seenAt,
		});
		expect(inbox.to('/finished')).toHaveLength(1);
	});

	it(CASES['04-shop-order-keyline.json'], async () => {
		const kl = sandboxes.keyline;
		const id = await create(
			prepare('04-shop-order-keyline.json', { customerId: 207, carrierId: 44 }),
		);
		await publish(id);
		const answer = await callWebhook('shop-order', WEB_SHOP_ORDER);
		const [execution] = await executions(id, 1);
		await unpublish(id);
		expect([execution.status, nodeErrors(execution), answer.status]).toEqual(['success', [], 200]);
		const reply = JSON.parse(answer.text) as Json;
		const order = kl.store.orders.get(reply.keylineOrderId as number)!;
		expect(reply).toEqual({
			shopOrder: 'SHOP-10042',
			keylineOrderId: order.id,
			keylineOrderUrl: `${kl.baseUrl}/orders/${order.id}`,
		});
		expect({ customer: order.customer_id, carrier: order.carrier_id }).toEqual({
			customer: 207,
			carrier: 44,
		});
		const rendered = kl.renderOrder(order) as Json;
		expect(rendered).toMatchObject({
			custom_offer_text: 'Web shop order SHOP-10042',
			custom_references: { 'Shop Order': 'SHOP-10042' },
			recipient: { first_name: 'Bran', name: 'Stark', email: 'bran.stark@example.com' },
			delivery_address: { street: 'Rheinallee', number: '5', zip_code: '55118' },
			billing_address: { street: 'Emmerich-Josef-Str.', number: '1a' },
		});
		expect(rendered.products).toHaveLength(1);
		expect(rendered.products[0].product).toMatchObject({
			name: 'Flyer Sommerfest',
			variants: [
				{ variant: { name: 'Deutsch', circulation: 400 } },
				{ variant: { name: 'English', circulation: 100 } },
			],
		});
		expect((rendered.print_data_files as Json[]).map((f) => f.print_data_file.uri)).toEqual([
			'https://shop.example/files/flyer.pdf',
		]);
		expect(kl.requestsTo('POST', /\/carts\/\d+\/checkout$/)).toHaveLength(1);
	});

	it(CASES['05-keyline-order-change-notify.json'], async () => {
		const kl = sandboxes.keyline;
		const order = kl.seedOrder({
			products: [{ printDataFiles: [{ uri: 'https://example.com/print/flyer.pdf' }] }],
		});
		const file = order.products[0].print_data_files[0];
		kl.clock.advance(5_000);
		const id = await create(
			prepare(
				'05-keyline-order-change-notify.json',
				{ notifyUrl: `${inbox.url}/customer` },
				{ 'Order or File Changed': { startOrderId: order.id } },
			),
		);
		await publish(id);
		await savedTriggerState(id, 'Order or File Changed');
		await unpublish(id);
		kl.advanceOrder(order.id);
		kl.setPrintDataFileState(file.id, 'processing');
		await publish(id);
		const [execution] = await executions(id, 1);
		await unpublish(id);
		expect([execution.status, nodeErrors(execution)]).toEqual(['success', []]);
		const notes = await inbox.waitFor('/customer', 2, 5_000);
		expect(notes.map((note) => note.json)).toEqual([
			{
				to: 'bran.stark@crispymtn.com',
				subject: `Your print order ${order.reference}: confirmed`,
				text: `Hello Bran, your order ${order.reference} is now confirmed.`,
				orderId: order.id,
				event: 'orderStateChanged',
				state: 'confirmed',
			},
			{
				to: 'bran.stark@crispymtn.com',
				subject: `Your print order ${order.reference}: print file processing`,
				text: 'Hello Bran, your print file flyer.pdf is now processing.',
				orderId: order.id,
				event: 'printDataFileStateChanged',
				state: 'processing',
			},
		]);
	});

	it(CASES['06-ai-agent-orders-cards.json'], async () => {
		const ic = sandboxes.instantCard;
		const cardsBefore = new Set(ic.store.cards.keys());
		model.clear();
		const offered: string[][] = [];
		model.script(
			(body) => {
				offered.push(((body.tools ?? []) as Json[]).map((tool) => tool.function?.name as string));
				offeredTool(body, 'Create_Card');
				return {
					toolCalls: [
						{
							name: 'Create_Card',
							arguments: {
								template_id: 1003,
								card_data: { visitor_name: 'Grace Hopper', company: 'US Navy' },
							},
						},
					],
				};
			},
			(body) => {
				const [result] = toolResults(body);
				const [card] = JSON.parse(result.content) as Json[];
				return {
					text: `Created card ${String(card.id)} (${String(card.status)}) for Grace Hopper.`,
				};
			},
		);
		const id = await create(prepare('06-ai-agent-orders-cards.json'));
		await publish(id);
		const answer = await callWebhook('card-request', {
			message: 'Make a visitor badge for Grace Hopper from the US Navy',
		});
		const [execution] = await executions(id, 1);
		await unpublish(id);
		expect({
			status: execution.status,
			errors: nodeErrors(execution),
			model: model.requests.map((r) => r.error).filter(Boolean),
			webhook: answer.status,
		}).toEqual({ status: 'success', errors: [], model: [], webhook: 200 });
		expect(offered[0].sort()).toEqual(
			[
				'Create_Card',
				'Get_Balance',
				'Get_Keyline_Order',
				'Get_Template_Fields',
				'List_Card_Templates',
			].sort(),
		);
		const created = [...ic.store.cards.values()].filter((card) => !cardsBefore.has(card.id));
		expect(created.map((card) => [card.card_template_id, card.status, card.data])).toEqual([
			[1003, 'finalized', { visitor_name: 'Grace Hopper', company: 'US Navy' }],
		]);
		expect(JSON.parse(answer.text)).toEqual({
			output: `Created card ${created[0].id} (finalized) for Grace Hopper.`,
		});
		expect(model.completions[0].body.messages[1]).toEqual({
			role: 'user',
			content: 'Make a visitor badge for Grace Hopper from the US Navy',
		});
	});
});

/**
 * The package's nodes as tools of an AI Agent in a real n8n 2.40.7: a Webhook starts an AI Agent
 * (`@n8n/n8n-nodes-langchain.agent`) whose language model is n8n's OpenAI Chat Model node, its
 * credential's Base URL pointing at a scripted model in this test (chat-model.ts), and whose tool
 * is InstantCard (Card → Get) or Keyline (Order → Get), the ID filled by the model through
 * `$fromAI()` as the editor's "let the model define this parameter" button writes it.
 *
 * The model's first answer calls the tool, with the arguments it read the tool's schema for;
 * its second answer quotes what the tool result it was sent says. The test asserts what n8n
 * offered the model (tool name, description, JSON schema of the `$fromAI` parameters), that the
 * sandbox received exactly the tool's request with the model's argument, that the tool result
 * sent back to the model holds the record, and that the agent's answer (the webhook's response)
 * holds the value from it. Also: with a streaming webhook (the model is then asked to stream, and
 * answers in server-sent events; Card → Search), and a card that does not exist (the model gets
 * the API's refusal as the tool's result; the execution goes on).
 */
import { randomUUID } from 'node:crypto';

import { N8nClient } from '../e2e/client';
import { assertRuntimeInstalled, CUSTOM, n8nVersion, SELECTED } from '../e2e/n8n';
import { INSTANTCARD_SANDBOX_LOGIN } from '../sandbox/instantcard';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';
import { MODEL_ID, offeredTool, ScriptedChatModel, toolResults } from '../harness/chat-model';

jest.setTimeout(240_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const IC_CREDENTIAL = { instantCardApi: { id: 'icAgentCred00001', name: 'InstantCard sandbox' } };
const KL_CREDENTIAL = { keylineApi: { id: 'klAgentCred00001', name: 'Keyline sandbox' } };
const OPENAI_CREDENTIAL = { openAiApi: { id: 'openAiScripted01', name: 'Scripted model' } };

/**
 * What the package sends on a credential's first use in an n8n process, before the tool's own
 * request: InstantCard's login; Keyline's key check (cart 0 with the key: 404, the key is good;
 * then without it: 401, so the URL is an Inbox API that asks for a key).
 */
const CREDENTIAL_FIRST_USE = [
	['POST /api/v2/authenticate 200'],
	['GET /api/v2/inbox/carts/0 404', 'GET /api/v2/inbox/carts/0 401'],
];

/** What the editor writes when the user lets the model define a parameter. */
const fromAI = (key: string, description: string, type: 'string' | 'number') =>
	`={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${description}\`, '${type}') }}`;

const CARD_ID_DESCRIPTION =
	'The ID of the InstantCard card to read, a whole number such as 264561 (the card number the user gives)';

/** InstantCard Card → Get as a tool, its card ID filled by the model. */
const GET_CARD_TOOL = {
	name: 'Get Card',
	type: `${CUSTOM}.instantCardTool`,
	parameters: {
		descriptionType: 'auto',
		resource: 'card',
		operation: 'get',
		cardId: { __rl: true, mode: 'id', value: fromAI('cardId', CARD_ID_DESCRIPTION, 'number') },
	},
	credentials: IC_CREDENTIAL,
};
const SEARCH_TERM_DESCRIPTION =
	"Text to look for in the cards' text fields, e.g. a last name or an employee number";
const ORDER_ID_DESCRIPTION =
	'The ID of the Keyline order to read, digits only such as 14011 (Cart → Check Out returned it)';

/**
 * Webhook → AI Agent, with the OpenAI Chat Model and one tool node attached to the agent. The
 * webhook answers with the agent's output when it is done, or (`streaming`) streams it: the
 * agent's Enable Streaming option is on by default, and takes effect with a streaming trigger.
 */
function agentWorkflow(name: string, path: string, tool: Json, streaming: boolean) {
	return {
		name,
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: streaming ? 'streaming' : 'lastNode',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [220, 0],
				parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} },
			},
			{
				id: randomUUID(),
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [160, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: MODEL_ID },
					// A server that speaks chat completions only (as most OpenAI-compatible ones).
					responsesApiEnabled: false,
					options: {},
				},
				credentials: OPENAI_CREDENTIAL,
			},
			{ id: randomUUID(), typeVersion: 1, position: [320, 220], ...tool },
		],
		connections: {
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[tool.name as string]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	};
}

describe(`an AI Agent using the package's nodes as tools (n8n ${n8nVersion(SELECTED)})`, () => {
	const { ic, kl } = useSandboxes();

	/**
	 * A new card whose `field` holds a value no other card has (`prefix-` and 8 random
	 * characters): an answer holds it only if it came from this card.
	 */
	const cardWithOwn = (field: string, prefix: string) => {
		const [cardId] = ic.seedCards(1);
		const value = `${prefix}-${randomUUID().slice(0, 8)}`;
		ic.store.cards.get(cardId)!.data[field] = value;
		return { cardId, value };
	};
	const model = new ScriptedChatModel();
	let n8n: N8nClient | undefined;
	const log: string[] = [];
	const started = Date.now();

	beforeAll(async () => {
		assertRuntimeInstalled();
		await model.start();
		n8n = await N8nClient.start({
			apiKey: 'agent e2e',
			log: (line) => log.push(line),
			credentials: [
				{ ...instantCardCredential(ic), id: IC_CREDENTIAL.instantCardApi.id },
				{ ...keylineCredential(kl), id: KL_CREDENTIAL.keylineApi.id },
				{
					id: OPENAI_CREDENTIAL.openAiApi.id,
					name: OPENAI_CREDENTIAL.openAiApi.name,
					type: 'openAiApi',
					data: { apiKey: 'sk-scripted-not-a-secret', url: model.baseUrl },
				},
			],
		});
	});
	afterAll(async () => {
		n8n?.stop();
		await model.stop();
		// eslint-disable-next-line no-console
		console.log(`agent.e2e: ${((Date.now() - started) / 1000).toFixed(1)} s wall time`);
	});

	const api = async (method: string, path: string, body?: unknown) =>
		await n8n!.api<Json>(method, path, body);
	const logTail = () => log.join('').slice(-4000);

	/** Creates and publishes the workflow, POSTs the prompt to its webhook; the answer and run. */
	async function runAgent(name: string, tool: Json, prompt: string, streaming: boolean) {
		const path = `agent-${randomUUID()}`;
		const workflow = await api('POST', '/workflows', agentWorkflow(name, path, tool, streaming));
		const id = String(workflow.id);
		await api('POST', `/workflows/${id}/publish`, {});
		let answer: { status: number; text: string } | undefined;
		// The webhook is registered a moment after the API answers: until then it answers 404.
		for (let attempt = 0; attempt < 60; attempt++) {
			answer = await n8n!.webhook(path, { prompt });
			if (answer.status !== 404) break;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		let execution: Json | undefined;
		for (let attempt = 0; attempt < 40 && !execution?.stoppedAt; attempt++) {
			const list = await api('GET', `/executions?workflowId=${id}&includeData=true`);
			execution = (list.data as Json[])[0];
			if (!execution?.stoppedAt) await new Promise((resolve) => setTimeout(resolve, 250));
		}
		await api('POST', `/workflows/${id}/unpublish`, {});
		if (!answer || !execution?.stoppedAt)
			throw new Error(`no finished execution (webhook: ${answer?.status})\n${logTail()}`);
		return { answer: answer!, execution: execution! };
	}

	/**
	 * The sandbox received exactly these requests (`METHOD path?query status`) and, before them,
	 * on the credential's first use in this n8n, its login or key check: nothing else.
	 */
	function expectToolRequests(sandbox: Scenario['sandbox'], expected: string[]) {
		const received = sandbox.requests.map((r) => {
			const query = new URLSearchParams(r.query as Record<string, string>).toString();
			return `${r.method} ${r.path}${query ? `?${query}` : ''} ${r.status}`;
		});
		const firstUse = received.filter((r) => CREDENTIAL_FIRST_USE.some((f) => f.includes(r)));
		expect(received.slice(firstUse.length)).toEqual(expected);
		expect([[], ...CREDENTIAL_FIRST_USE]).toContainEqual(firstUse);
	}

	interface Scenario {
		/** The tool node (name, type, parameters, credentials). */
		tool: Json;
		/** The name n8n gives the tool: the node's name, spaces as underscores. */
		toolName: string;
		/** The description n8n gives the tool: the operation's action, "in" the node. */
		toolDescription: string;
		/** The `$fromAI` argument: key, description, type, and the value the model sends. */
		argument: { key: string; description: string; type: 'string' | 'number'; value: unknown };
		prompt: string;
		/** The webhook streams the agent's answer (and so the model is asked to stream). */
		streaming?: boolean;
		/** The tool's requests the sandbox must have received, as `METHOD path?query status`. */
		sandboxRequests: () => string[];
		sandbox: {
			requests: Array<{ method: string; path: string; query: object; status: number }>;
		};
		/** The model's final answer, written from the record the tool returned. */
		answerFrom: (record: Json) => string;
	}

	/**
	 * Runs the agent with the model scripted to call the tool with `argument`, then answer from
	 * the tool's result; asserts what n8n offered the model, what the sandbox received, what the
	 * model got back and what the agent answered. Returns the record the tool gave the model.
	 */
	async function useTool(scenario: Scenario): Promise<Json> {
		const { toolName, argument } = scenario;
		model.clear();
		scenario.sandbox.requests.length = 0;
		model.script(
			(body) => {
				offeredTool(body, toolName);
				return { toolCalls: [{ name: toolName, arguments: { [argument.key]: argument.value } }] };
			},
			(body) => {
				const [result] = toolResults(body);
				return { text: scenario.answerFrom((JSON.parse(result.content) as Json[])[0] ?? {}) };
			},
		);
		const { answer, execution } = await runAgent(
			`Agent with ${toolName}`,
			scenario.tool,
			scenario.prompt,
			scenario.streaming === true,
		);
		const completions = model.completions;
		expect({
			status: answer.status,
			completions: completions.length,
			stream: completions.map((c) => c.body.stream),
			errors: model.requests.map((r) => r.error).filter(Boolean),
			execution: execution?.status,
		}).toEqual({
			status: 200,
			completions: 2,
			stream: [scenario.streaming === true, scenario.streaming === true],
			errors: [],
			execution: 'success',
		});

		// What n8n offered the model: the tool named after its node, described by the operation's
		// action, its arguments' JSON schema made of the `$fromAI` parameter (description, type).
		expect(completions[0].body.messages).toEqual([{ role: 'user', content: scenario.prompt }]);
		const offered = completions.map((c) => c.body.tools as Json[]);
		expect(offered[0]).toEqual([
			{
				type: 'function',
				function: {
					name: toolName,
					description: scenario.toolDescription,
					parameters: {
						type: 'object',
						properties: {
							[argument.key]: { type: argument.type, description: argument.description },
						},
						required: [argument.key],
						additionalProperties: false,
						$schema: 'http://json-schema.org/draft-07/schema#',
					},
					strict: false,
				},
			},
		]);
		expect(offered[1]).toEqual(offered[0]);

		// The sandbox received exactly the tool's request, with the model's argument in it.
		expectToolRequests(scenario.sandbox, scenario.sandboxRequests());

		// The tool ran as a node of the execution, once.
		const runData = execution.data.resultData.runData as Json;
		expect((runData[scenario.tool.name as string] as Json[] | undefined)?.length).toBe(1);

		// The second request held the tool's result for the model's call: the record.
		const second = completions[1].body.messages as Json[];
		expect(second.slice(0, 2)).toEqual([
			{ role: 'user', content: scenario.prompt },
			expect.objectContaining({
				role: 'assistant',
				tool_calls: [
					expect.objectContaining({
						id: completions[0].toolCallIds![0],
						function: expect.objectContaining({ name: toolName }),
					}),
				],
			}),
		]);
		const results = toolResults(completions[1].body);
		expect(results.map((r) => r.toolCallId)).toEqual(completions[0].toolCallIds);
		const records = JSON.parse(results[0].content) as Json[];
		expect(records).toHaveLength(1);

		// The agent's answer (the webhook's response) is the model's, written from that record.
		if (scenario.streaming) {
			// n8n's stream: one JSON object a line; the `item` chunks carry the text as it comes.
			const chunks = answer.text
				.split('\n')
				.filter((line) => line.trim())
				.map((line) => JSON.parse(line) as Json);
			const text = chunks
				.filter((c) => c.type === 'item' && c.metadata?.nodeName === 'AI Agent')
				.map((c) => String(c.content))
				.join('');
			expect(text).toBe(scenario.answerFrom(records[0]));
			expect(chunks.map((c) => c.type)).toEqual(expect.arrayContaining(['begin', 'item', 'end']));
		} else {
			expect(JSON.parse(answer.text)).toEqual({ output: scenario.answerFrom(records[0]) });
		}
		return records[0];
	}

	it('n8n makes a tool of each action node (not of the triggers), with a description to set', async () => {
		const nodes = await n8n!.editorFile<Json[]>('/types/nodes.json');
		const tools = nodes
			.filter((node) => /^CUSTOM\..*Tool$/.test(String(node.name)))
			.map((node) => ({
				name: node.name,
				displayName: node.displayName,
				outputs: node.outputs,
				descriptionType: (node.properties as Json[]).find((p) => p.name === 'descriptionType')
					?.default,
			}));
		expect(tools.sort((x, y) => String(x.name).localeCompare(String(y.name)))).toEqual([
			{
				name: `${CUSTOM}.instantCardTool`,
				displayName: 'InstantCard Tool',
				outputs: ['ai_tool'],
				descriptionType: 'auto',
			},
			{
				name: `${CUSTOM}.keylineTool`,
				displayName: 'Keyline Tool',
				outputs: ['ai_tool'],
				descriptionType: 'auto',
			},
		]);
	});

	it('InstantCard Card → Get: the model calls the tool with a card ID, the agent answers with the card', async () => {
		const { cardId, value: lastName } = cardWithOwn('last_name', 'Hopper');
		const record = await useTool({
			tool: GET_CARD_TOOL,
			toolName: 'Get_Card',
			toolDescription: 'Get a card in InstantCard',
			argument: { key: 'cardId', description: CARD_ID_DESCRIPTION, type: 'number', value: cardId },
			prompt: `Whose card is number ${cardId}?`,
			sandbox: ic,
			sandboxRequests: () => [
				`GET /api/v2/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}/cards/${cardId} 200`,
			],
			answerFrom: (card) =>
				`Card ${String(card.id)} belongs to ${String(card.data?.first_name)} ${String(card.data?.last_name)}.`,
		});
		expect(record).toMatchObject({
			id: cardId,
			card_template_id: ic.store.cards.get(cardId)!.card_template_id,
			status: 'finalized',
			data: { first_name: 'First Name 1', last_name: lastName },
		});
	});

	it('Keyline Order → Get: the model calls the tool with an order ID, the agent answers with the order', async () => {
		const offerText = `Offer ${randomUUID().slice(0, 8)}`;
		const order = kl.seedOrder({ state: 'confirmed', customOfferText: offerText });
		const record = await useTool({
			tool: {
				name: 'Get Order',
				type: `${CUSTOM}.keylineTool`,
				parameters: {
					descriptionType: 'auto',
					resource: 'order',
					operation: 'get',
					orderId: fromAI('Order_ID', ORDER_ID_DESCRIPTION, 'string'),
				},
				credentials: KL_CREDENTIAL,
			},
			toolName: 'Get_Order',
			toolDescription: 'Get an order in Keyline',
			argument: {
				key: 'Order_ID',
				description: ORDER_ID_DESCRIPTION,
				type: 'string',
				value: String(order.id),
			},
			prompt: `What state is order ${order.id} in, and what does its offer say?`,
			sandbox: kl,
			sandboxRequests: () => [`GET /api/v2/inbox/orders/${order.id} 200`],
			answerFrom: (found) =>
				`Order ${String(found.id)} (${String(found.reference)}) is ${String(found.state)}: ${String(found.custom_offer_text)}`,
		});
		expect(record).toMatchObject({
			id: order.id,
			reference: order.reference,
			state: 'confirmed',
			custom_offer_text: offerText,
		});
	});

	it('streaming: InstantCard Card → Search, the model streams its call and answer, the webhook streams the answer', async () => {
		const { cardId, value: employeeId } = cardWithOwn('employee_id', 'E');
		const record = await useTool({
			streaming: true,
			tool: {
				name: 'Search Cards',
				type: `${CUSTOM}.instantCardTool`,
				parameters: {
					descriptionType: 'auto',
					resource: 'card',
					operation: 'search',
					term: fromAI('Search_Term', SEARCH_TERM_DESCRIPTION, 'string'),
				},
				credentials: IC_CREDENTIAL,
			},
			toolName: 'Search_Cards',
			toolDescription: 'Search cards in InstantCard',
			argument: {
				key: 'Search_Term',
				description: SEARCH_TERM_DESCRIPTION,
				type: 'string',
				value: employeeId,
			},
			prompt: `Who has employee number ${employeeId}?`,
			sandbox: ic,
			// One page: the tool's Limit is the node's default, 50.
			sandboxRequests: () => [
				`GET /api/v2/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}/cards/search?term=${employeeId}&page=1&page_size=50 200`,
			],
			answerFrom: (found) =>
				`${String(found.data?.first_name)} ${String(found.data?.last_name)} (card ${String(found.id)}) has employee number ${String(found.data?.employee_id)}.`,
		});
		expect(record).toMatchObject({ id: cardId, data: { employee_id: employeeId } });
	});

	it("a card that does not exist: the model gets the API's refusal as the tool result and can tell the user", async () => {
		const missingId = ic.seedCards(1)[0] + 1000;
		model.clear();
		ic.requests.length = 0;
		let toolContent = '';
		model.script(
			() => ({ toolCalls: [{ name: 'Get_Card', arguments: { cardId: missingId } }] }),
			(body) => {
				toolContent = toolResults(body)[0]?.content ?? '';
				return { text: `I could not read card ${missingId}: ${toolContent}` };
			},
		);
		const { answer, execution } = await runAgent(
			'Agent with a missing card',
			GET_CARD_TOOL,
			`Whose card is number ${missingId}?`,
			false,
		);
		// The tool's failure went back to the model as its result, in the API's words, and the
		// agent went on to answer with it: the execution did not fail.
		expect({
			status: answer.status,
			execution: execution.status,
			completions: model.completions.length,
			errors: model.requests.map((r) => r.error).filter(Boolean),
		}).toEqual({ status: 200, execution: 'success', completions: 2, errors: [] });
		expectToolRequests(ic, [
			`GET /api/v2/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}/cards/${missingId} 404`,
		]);
		expect(JSON.parse(toolContent)).toEqual([{ error: 'InstantCard: Card not found' }]);
		expect(JSON.parse(answer.text)).toEqual({
			output: `I could not read card ${missingId}: ${toolContent}`,
		});
	});
});

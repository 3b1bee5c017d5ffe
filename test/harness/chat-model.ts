/**
 * A scripted language model behind the OpenAI chat-completions protocol (node:http on
 * 127.0.0.1), for an n8n OpenAI Chat Model node whose credential's Base URL points here.
 *
 * Each `POST /v1/chat/completions` is answered by the next step of the script given to `start`:
 * a step gets the request body and returns either tool calls or a final text. Every request is
 * recorded (path, headers, body) for the test to inspect. Both answers of the protocol are
 * supported: a JSON completion (`stream` absent or false) and server-sent events (`stream: true`).
 * `GET /v1/models` lists one model, in case a client asks. Anything else is a 404, recorded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { LocalServer } from './local-server';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ToolCall {
	/** The function name, as the request's `tools` offered it. */
	name: string;
	arguments: Json;
}

/** What a step answers: tool calls for the client to run, or the final text. */
export type ModelAnswer = { toolCalls: ToolCall[] } | { text: string };

/** One step of the script: sees the request body, returns the answer (or throws: a 500). */
export type ModelStep = (body: Json) => ModelAnswer;

export interface ModelRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Json;
	/** What the server answered: the step's answer, or an error text. */
	answer?: ModelAnswer;
	/** The IDs it gave the tool calls of its answer. */
	toolCallIds?: string[];
	error?: string;
}

export const MODEL_ID = 'scripted-model-1';

export class ScriptedChatModel extends LocalServer {
	readonly requests: ModelRequest[] = [];
	private steps: ModelStep[] = [];
	/** `http://127.0.0.1:<port>/v1`: the Base URL to put in the OpenAI credential. */
	get baseUrl(): string {
		return `${this.url}/v1`;
	}

	/** The steps the next completions are answered with, in order; replaces what was left. */
	script(...steps: ModelStep[]): void {
		this.steps = [...steps];
	}

	/** The recorded `POST /v1/chat/completions` requests. */
	get completions(): ModelRequest[] {
		return this.requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');
	}

	clear(): void {
		this.requests.length = 0;
		this.steps = [];
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		let body: Json = {};
		try {
			body = raw ? (JSON.parse(raw) as Json) : {};
		} catch {
			body = { unparsed: raw };
		}
		const path = (req.url ?? '').split('?')[0];
		const record: ModelRequest = { method: req.method ?? '', path, headers: req.headers, body };
		this.requests.push(record);
		const send = (status: number, json: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(json));
		};
		if (req.method === 'GET' && path === '/v1/models') {
			send(200, { object: 'list', data: [{ id: MODEL_ID, object: 'model', owned_by: 'test' }] });
			return;
		}
		if (req.method !== 'POST' || path !== '/v1/chat/completions') {
			record.error = 'not found';
			send(404, { error: { message: `No route ${req.method} ${path}`, type: 'invalid_request' } });
			return;
		}
		const step = this.steps.shift();
		let answer: ModelAnswer;
		try {
			if (!step) throw new Error('the script has no step left for this request');
			answer = step(body);
		} catch (error) {
			record.error = (error as Error).message;
			// 400, not 500: the OpenAI client retries a 5xx, which would hide the failed step.
			send(400, { error: { message: record.error, type: 'invalid_request_error' } });
			return;
		}
		record.answer = answer;
		const id = `chatcmpl-${this.requests.length}`;
		const created = Math.floor(Date.now() / 1000);
		const model = String(body.model ?? MODEL_ID);
		const toolCalls =
			'toolCalls' in answer
				? answer.toolCalls.map((call, index) => ({
						id: `call_${this.requests.length}_${index}`,
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.arguments) },
					}))
				: undefined;
		record.toolCallIds = toolCalls?.map((call) => call.id);
		const content = 'text' in answer ? answer.text : null;
		const finishReason = toolCalls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		if (body.stream === true) {
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			const event = (delta: Json, finish: string | null, extra: Json = {}) =>
				res.write(
					`data: ${JSON.stringify({
						id,
						object: 'chat.completion.chunk',
						created,
						model,
						choices: [{ index: 0, delta, finish_reason: finish }],
						...extra,
					})}\n\n`,
				);
			event({ role: 'assistant', content: toolCalls ? null : '' }, null);
			if (toolCalls)
				event({ tool_calls: toolCalls.map((call, index) => ({ index, ...call })) }, null);
			else event({ content }, null);
			event({}, finishReason, { usage });
			res.end('data: [DONE]\n\n');
			return;
		}
		send(200, {
			id,
			object: 'chat.completion',
			created,
			model,
			choices: [
				{
					index: 0,
					message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
					finish_reason: finishReason,
				},
			],
			usage,
		});
	}
}

/** The function tool of that name in a request's `tools`, or an error listing those offered. */
export function offeredTool(body: Json, name: string): Json {
	const tools = (body.tools ?? []) as Json[];
	const tool = tools.find((t) => t.type === 'function' && t.function?.name === name);
	if (!tool)
		throw new Error(
			`no tool '${name}' offered; tools: ${JSON.stringify(tools.map((t) => t.function?.name))}`,
		);
	return tool.function as Json;
}

/** The `tool` messages of a request (results of earlier tool calls), their content as text. */
export function toolResults(body: Json): Array<{ toolCallId: string; content: string }> {
	return ((body.messages ?? []) as Json[])
		.filter((m) => m.role === 'tool')
		.map((m) => ({
			toolCallId: String(m.tool_call_id),
			content:
				typeof m.content === 'string'
					? m.content
					: ((m.content ?? []) as Json[]).map((part) => String(part.text ?? '')).join(''),
		}));
}

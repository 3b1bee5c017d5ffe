/**
 * Shared base of the local API emulators ("sandboxes").
 *
 * Each emulator is a plain `node:http` server bound to 127.0.0.1 that
 * - records every API request (method, path, query, headers, raw and parsed body, answer status),
 * - applies injected faults before the API logic (latency, any status, 429 + Retry-After,
 *   dropped or hung connections, echoed requests, HTML pages, and emulator-specific ones such as
 *   an expired token), or after it (`after: true`, truncated bodies) to lose a processed answer,
 * - runs on a virtual clock that tests can move forward,
 * - exposes the same controls over HTTP under `/__control/*`, so a real n8n process and the
 *   `npm run sandbox` user can drive it too.
 *
 * Control paths are never recorded and never faulted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Query = Record<string, string | string[]>;

export interface UploadedFile {
	filename: string;
	contentType: string;
	data: Buffer;
}

/** A request as the API logic sees it. */
export interface ApiRequest {
	method: string;
	/** Path without query string, e.g. `/api/v2/profile/me`. */
	path: string;
	query: Query;
	headers: Record<string, string>;
	contentType: string;
	rawBody: Buffer;
	/**
	 * Body parsed by content type: JSON as is; urlencoded and multipart as a flat map of field
	 * name to value (repeated names become arrays; files become `UploadedFile`).
	 */
	form: Record<string, string | string[] | UploadedFile>;
	json: unknown;
	/** Rails-style nested params from query + form + JSON (`a[b][c]` → `{a:{b:{c}}}`, `a[]` → array). */
	params: Record<string, unknown>;
}

export interface ApiResponse {
	status: number;
	headers?: Record<string, string>;
	/** JSON-serialised unless `raw` is given. `undefined` = empty body. */
	body?: unknown;
	raw?: string | Buffer;
}

export interface RecordedRequest {
	seq: number;
	/** Virtual clock time (ms since epoch) when the request arrived. */
	at: number;
	method: string;
	path: string;
	query: Query;
	headers: Record<string, string>;
	contentType: string;
	/** Raw body as UTF-8 text (binary parts show as replacement characters). */
	body: string;
	form: Record<string, string | string[] | { filename: string; contentType: string; size: number }>;
	json: unknown;
	params: Record<string, unknown>;
	/** Status the client got; 0 when the connection was dropped or left hanging. */
	status: number;
	/** Name of the fault applied, if any. */
	fault?: string;
	/**
	 * Whether the API logic ran (its side effects happened). With an `after` fault this is what
	 * tells "the call went through but the answer was lost" from "it never arrived".
	 */
	handled: boolean;
	/** Status the API logic answered, when it ran (may differ from `status` under a fault). */
	handledStatus?: number;
}

export type FaultKind =
	| { kind: 'latency'; ms: number }
	/**
	 * Any status. The body is `body` as JSON (default `{"error":"Injected status N"}`), or `raw` sent
	 * as is (e.g. `[1,2`); `contentType` sets the content-type of either.
	 */
	| {
			kind: 'status';
			status: number;
			body?: unknown;
			raw?: string;
			contentType?: string;
			headers?: Record<string, string>;
	  }
	| { kind: 'rateLimit'; retryAfter: number }
	/** The connection is destroyed without an answer (the client sees a socket error). */
	| { kind: 'drop' }
	/**
	 * No answer: the socket stays open until `ms` passes (then it is destroyed) or the sandbox
	 * stops, as behind a stuck proxy. Logged with status 0.
	 */
	| { kind: 'hang'; ms?: number }
	/**
	 * A debug page or careless proxy echoing the request: method, full URL with query string, every
	 * header (authorization too) and the raw body, verbatim (not escaped), so secrets show byte for
	 * byte. `json`: `{error, request: {method, url, headers, body}}`; `text` / `html`: the same as
	 * plain text / inside an HTML page.
	 */
	| { kind: 'echo'; status?: number; format?: 'json' | 'text' | 'html' }
	/** A proxy's "under maintenance" HTML page (`text/html`), by default with status 200. */
	| { kind: 'html'; status?: number }
	/**
	 * The API logic runs, then its body is sent cut in half (real status, JSON content-type);
	 * a bodyless answer becomes 200 `{"trunc` (a 204 cannot carry the broken body).
	 */
	| { kind: 'truncated' }
	/** Emulator-specific (e.g. InstantCard `expireToken`): handled by `applyCustomFault`. */
	| { kind: string; [key: string]: unknown };

/** The fault kinds this base applies itself. */
export const BASE_FAULT_KINDS = [
	'latency',
	'status',
	'rateLimit',
	'drop',
	'hang',
	'echo',
	'html',
	'truncated',
];

/** Kinds that take `after: true`. */
const AFTER_FAULT_KINDS = ['drop', 'hang', 'status', 'echo'];

export type Fault = FaultKind & {
	/**
	 * `drop`, `hang`, `status` and `echo` only: run the API logic first (a job is submitted and
	 * charged, a cart checked out), then replace its answer. Without it the fault comes before the
	 * logic and nothing happens.
	 */
	after?: boolean;
	/** Upper-case HTTP method to match; any when absent. */
	method?: string;
	/** Regular expression (source) the path must match; any when absent. */
	path?: string;
	/** How many matching requests it applies to (default 1; `-1` = until cleared). */
	times?: number;
	/** Let this many matching requests pass untouched before the fault applies (default 0). */
	skip?: number;
};

/** Virtual clock: real time plus an offset that tests move forward. */
/**
 * Increasing ids per kind of record, each kind from its own first id (separate ranges, so an id of
 * the wrong kind names no record). `nextId('card')` gives the first card id, then the next, …
 */
export function idCounter<K extends string>(firstIds: Record<K, number>): (kind: K) => number {
	const next = { ...firstIds };
	return (kind) => next[kind]++;
}

export class Clock {
	private offset = 0;

	now(): number {
		return Date.now() + this.offset;
	}

	advance(ms: number): void {
		this.offset += ms;
	}

	reset(): void {
		this.offset = 0;
	}

	iso(ms = this.now()): string {
		return new Date(ms).toISOString();
	}
}

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		readonly headers?: Record<string, string>,
	) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
	}
}

// Unref'd: an injected delay must not keep a test process alive after the sandbox stops.
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms).unref());

const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Down for maintenance</title>
<style>body { font-family: sans-serif; text-align: center; padding: 80px; color: #333; }</style>
</head>
<body>
<h1>We&rsquo;ll be back soon!</h1>
<p>The service is under maintenance. Please try again in a few minutes.</p>
<hr>
<address>nginx</address>
</body>
</html>
`;

/** Checks a fault's options where the base knows them, so a typo fails at `addFault`, not later. */
function checkFault(fault: Fault): void {
	const bad = (message: string) => new HttpError(400, { error: message });
	const isStatus = (value: unknown) =>
		Number.isInteger(Number(value)) && Number(value) >= 100 && Number(value) <= 599;
	if (fault.after !== undefined && typeof fault.after !== 'boolean')
		throw bad('after must be true or false');
	// `truncated` always comes after the logic, so `after` is merely redundant there.
	if (fault.after && !AFTER_FAULT_KINDS.includes(fault.kind) && fault.kind !== 'truncated')
		throw bad(`after applies to ${AFTER_FAULT_KINDS.join(', ')} only, not '${fault.kind}'`);
	if (fault.kind === 'status' && !isStatus(fault.status))
		throw bad('status must be an HTTP status from 100 to 599');
	if ((fault.kind === 'echo' || fault.kind === 'html') && fault.status !== undefined) {
		if (!isStatus(fault.status)) throw bad('status must be an HTTP status from 100 to 599');
	}
	if (fault.kind === 'status' && fault.raw !== undefined && typeof fault.raw !== 'string')
		throw bad('raw must be a string');
	if (fault.kind === 'echo' && fault.format !== undefined) {
		if (!['json', 'text', 'html'].includes(String(fault.format)))
			throw bad("format must be 'json', 'text' or 'html'");
	}
	if (fault.kind === 'hang' && fault.ms !== undefined) {
		if (!(Number(fault.ms) >= 0)) throw bad('ms must be a number of milliseconds');
	}
}

/** Sets `target[a][b][]` style keys into a nested object, the way Rails reads params. */
export function setNested(target: Record<string, unknown>, key: string, value: unknown): void {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
	if (!match) {
		target[key] = value;
		return;
	}
	const parts = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
	let node: Record<string, unknown> = target;
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		const last = i === parts.length - 1;
		const nextIsArray = !last && parts[i + 1] === '';
		if (part === '') {
			// `a[]` — append to the array that the parent created.
			continue;
		}
		if (last) {
			if (Array.isArray(node[part])) (node[part] as unknown[]).push(value);
			else node[part] = value;
		} else if (nextIsArray) {
			if (!Array.isArray(node[part])) node[part] = [];
			(node[part] as unknown[]).push(value);
			break;
		} else {
			if (typeof node[part] !== 'object' || node[part] === null || Array.isArray(node[part])) {
				node[part] = {};
			}
			node = node[part] as Record<string, unknown>;
		}
	}
}

function parseMultipart(raw: Buffer, boundary: string): Array<[string, string | UploadedFile]> {
	const out: Array<[string, string | UploadedFile]> = [];
	const delimiter = Buffer.from(`--${boundary}`);
	let start = raw.indexOf(delimiter);
	while (start !== -1) {
		start += delimiter.length;
		if (raw.subarray(start, start + 2).toString() === '--') break;
		start += 2; // CRLF after the boundary
		const end = raw.indexOf(delimiter, start);
		if (end === -1) break;
		const part = raw.subarray(start, end - 2); // strip CRLF before the next boundary
		const headerEnd = part.indexOf('\r\n\r\n');
		const headerText = part.subarray(0, headerEnd).toString('utf8');
		const data = part.subarray(headerEnd + 4);
		const name = /name="([^"]*)"/i.exec(headerText)?.[1] ?? '';
		const filename = /filename="([^"]*)"/i.exec(headerText)?.[1];
		const type = /content-type:\s*([^\r\n]+)/i.exec(headerText)?.[1] ?? 'application/octet-stream';
		out.push([
			name,
			filename !== undefined ? { filename, contentType: type, data } : data.toString('utf8'),
		]);
		start = end;
	}
	return out;
}

function addFlat(
	form: Record<string, string | string[] | UploadedFile>,
	key: string,
	value: string | UploadedFile,
) {
	const existing = form[key];
	if (existing === undefined) form[key] = value;
	else if (Array.isArray(existing)) existing.push(value as string);
	else form[key] = [existing as string, value as string];
}

/** `response` with its body cut in half (at least one character short), for `truncated`. */
function truncatedResponse(response: ApiResponse): ApiResponse {
	const full =
		response.raw !== undefined
			? Buffer.from(response.raw)
			: response.body !== undefined
				? Buffer.from(JSON.stringify(response.body))
				: Buffer.alloc(0);
	const cut = full.subarray(0, Math.floor(full.length / 2));
	// A 204/304 cannot carry a body, so a bodyless answer turns into a 200 with a broken one.
	const bodyless = cut.length === 0;
	return {
		status: bodyless && [204, 304].includes(response.status) ? 200 : response.status,
		headers: { ...(response.headers ?? {}), 'content-type': 'application/json; charset=utf-8' },
		raw: bodyless ? '{"trunc' : cut,
	};
}

export function parseRequest(
	method: string,
	url: string,
	headers: Record<string, string>,
	rawBody: Buffer,
): ApiRequest {
	const parsedUrl = new URL(url, 'http://127.0.0.1');
	const query: Query = {};
	const params: Record<string, unknown> = {};
	for (const [key, value] of parsedUrl.searchParams) {
		const existing = query[key];
		query[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
		setNested(params, key, value);
	}
	const contentType = headers['content-type'] ?? '';
	const form: ApiRequest['form'] = {};
	let json: unknown;
	if (rawBody.length > 0) {
		if (contentType.includes('application/json')) {
			try {
				json = JSON.parse(rawBody.toString('utf8'));
			} catch {
				throw new HttpError(400, { error: 'Invalid JSON body' });
			}
			if (json && typeof json === 'object' && !Array.isArray(json)) Object.assign(params, json);
		} else if (contentType.includes('application/x-www-form-urlencoded')) {
			for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
				addFlat(form, key, value);
				setNested(params, key, value);
			}
		} else if (contentType.includes('multipart/form-data')) {
			const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
			if (boundary) {
				for (const [key, value] of parseMultipart(rawBody, boundary[1] ?? boundary[2])) {
					addFlat(form, key, value);
					setNested(params, key, value);
				}
			}
		}
	}
	return {
		method,
		path: parsedUrl.pathname.replace(/\/+$/, '') || '/',
		query,
		headers,
		contentType,
		rawBody,
		form,
		json,
		params,
	};
}

/** What a fault may need of the request beyond its parsed form. */
interface FaultContext {
	req: IncomingMessage;
	/** As sent: path and query string. */
	url: string;
	headers: Record<string, string>;
	rawBody: Buffer;
	record: RecordedRequest;
}

export interface SandboxOptions {
	/** Port to listen on; 0 picks a free one. */
	port?: number;
}

/**
 * Base class of both emulators. Subclasses implement `handle` (the API), `resetState`,
 * and optionally `control` (emulator-specific control actions) and `applyCustomFault`.
 */
export abstract class Sandbox {
	readonly clock = new Clock();
	requests: RecordedRequest[] = [];
	faults: Fault[] = [];
	private server?: Server;
	private sockets = new Set<Socket>();
	private seq = 0;
	url = '';

	/** The API's base path, e.g. `/api/v2`, appended to `url` in `baseUrl`. */
	protected abstract readonly basePath: string;

	get baseUrl(): string {
		return `${this.url}${this.basePath}`;
	}

	/** The HTTP server while started, e.g. for a test that tells apart the processes calling it. */
	get httpServer(): Server | undefined {
		return this.server;
	}

	/** Answers one API request. Throw `HttpError` for error answers. */
	protected abstract handle(req: ApiRequest): Promise<ApiResponse> | ApiResponse;

	/** Puts the emulator's data back to its seeded start. */
	protected abstract resetState(): void;

	/** Emulator-specific control actions under `/__control/<action>`. */
	protected control(action: string, _body: Record<string, unknown>): unknown {
		throw new HttpError(404, { error: `Unknown control action '${action}'` });
	}

	/**
	 * Applies a fault kind the base does not know. Return a response to answer with it, or
	 * `undefined` to go on to the API logic (after a side effect such as expiring a token).
	 */
	protected applyCustomFault(_fault: Fault, _req: ApiRequest): ApiResponse | undefined {
		throw new Error(`Unknown fault kind '${_fault.kind}'`);
	}

	/** A JSON summary of the emulator's state, served at `GET /__control/state`. */
	abstract snapshot(): unknown;

	async start(options: SandboxOptions = {}): Promise<string> {
		this.server = createServer((req, res) => {
			void this.onRequest(req, res);
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(options.port ?? 0, '127.0.0.1', () => resolve());
		});
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	/** Clears data, log, faults and clock. */
	reset(): void {
		this.requests = [];
		this.faults = [];
		this.clock.reset();
		this.seq = 0;
		this.resetState();
	}

	/** Throws `HttpError` 400 for options the base kinds do not take (e.g. `after` on `latency`). */
	addFault(fault: Fault): void {
		checkFault(fault);
		this.faults.push({ times: 1, skip: 0, ...fault });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Recorded API requests, optionally filtered by method and path regex. */
	requestsTo(method?: string, path?: RegExp | string): RecordedRequest[] {
		return this.requests.filter(
			(r) =>
				(!method || r.method === method.toUpperCase()) &&
				(!path || (typeof path === 'string' ? r.path === path : path.test(r.path))),
		);
	}

	clearRequests(): void {
		this.requests = [];
	}

	private takeFault(req: ApiRequest): Fault | undefined {
		for (const fault of this.faults) {
			if (fault.method && fault.method.toUpperCase() !== req.method) continue;
			if (fault.path && !new RegExp(fault.path).test(req.path)) continue;
			if ((fault.skip ?? 0) > 0) {
				fault.skip = (fault.skip ?? 0) - 1;
				continue;
			}
			if (fault.times !== -1) {
				fault.times = (fault.times ?? 1) - 1;
				if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
			}
			return fault;
		}
		return undefined;
	}

	private async readBody(req: IncomingMessage): Promise<Buffer> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}

	private send(res: ServerResponse, response: ApiResponse): void {
		// The Date header follows the virtual clock, as a real server's agrees with its timestamps.
		const headers: Record<string, string> = {
			date: new Date(this.clock.now()).toUTCString(),
			...(response.headers ?? {}),
		};
		let payload: string | Buffer | undefined = response.raw;
		if (payload === undefined && response.body !== undefined) {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		}
		res.writeHead(response.status, headers);
		res.end(payload);
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await this.readBody(req);
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(req.headers)) {
			if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
		}
		const method = (req.method ?? 'GET').toUpperCase();
		const url = req.url ?? '/';

		if (url.startsWith('/__control')) {
			await this.onControl(method, url, rawBody, res);
			return;
		}

		let parsed: ApiRequest;
		const record: RecordedRequest = {
			seq: ++this.seq,
			at: this.clock.now(),
			method,
			path: new URL(url, 'http://127.0.0.1').pathname,
			query: {},
			headers,
			contentType: headers['content-type'] ?? '',
			body: rawBody.toString('utf8'),
			form: {},
			json: undefined,
			params: {},
			status: 0,
			handled: false,
		};
		this.requests.push(record);
		try {
			parsed = parseRequest(method, url, headers, rawBody);
			Object.assign(record, {
				path: parsed.path,
				query: parsed.query,
				json: parsed.json,
				params: parsed.params,
				form: Object.fromEntries(
					Object.entries(parsed.form).map(([k, v]) => [
						k,
						typeof v === 'object' && !Array.isArray(v)
							? { filename: v.filename, contentType: v.contentType, size: v.data.length }
							: v,
					]),
				),
			});
		} catch (error) {
			const e = error as HttpError;
			record.status = e.status ?? 400;
			this.send(res, { status: record.status, body: e.body });
			return;
		}

		const fault = this.takeFault(parsed);
		if (fault) record.fault = fault.kind;
		// `after` faults and `truncated` replace the answer of the logic instead of preventing it.
		const afterLogic = fault !== undefined && (fault.after === true || fault.kind === 'truncated');
		const context: FaultContext = { req, url, headers, rawBody, record };

		let response: ApiResponse | undefined;
		if (fault && !afterLogic) {
			const answer = await this.applyFault(fault, parsed, context);
			if (answer === 'closed') return;
			response = answer;
		}
		if (!response) {
			response = await this.runLogic(parsed);
			record.handled = true;
			record.handledStatus = response.status;
		}
		if (fault && afterLogic) {
			const replaced =
				fault.kind === 'truncated'
					? truncatedResponse(response)
					: await this.applyFault(fault, parsed, context);
			if (replaced === 'closed') return;
			response = replaced ?? response;
		}
		record.status = response.status;
		this.send(res, response);
	}

	/** The API logic's answer, errors included. */
	private async runLogic(parsed: ApiRequest): Promise<ApiResponse> {
		try {
			return await this.handle(parsed);
		} catch (error) {
			if (error instanceof HttpError) {
				return { status: error.status, body: error.body, headers: error.headers };
			}
			return { status: 500, body: { error: (error as Error).message } };
		}
	}

	/**
	 * A fault's answer; `undefined` to go on with the logic's, `'closed'` when the connection was
	 * dropped or is left hanging (nothing more to send).
	 */
	private async applyFault(
		fault: Fault,
		parsed: ApiRequest,
		context: FaultContext,
	): Promise<ApiResponse | 'closed' | undefined> {
		const { req, record } = context;
		switch (fault.kind) {
			case 'latency':
				await sleep(Number(fault.ms));
				return undefined;
			case 'drop':
				record.status = 0;
				req.socket.destroy();
				return 'closed';
			case 'hang': {
				record.status = 0;
				// Nothing is written; `stop()` destroys the socket, or the timer does after `ms`.
				const socket = req.socket;
				if (fault.ms !== undefined) {
					const timer = setTimeout(() => socket.destroy(), Number(fault.ms)).unref();
					socket.once('close', () => clearTimeout(timer));
				}
				return 'closed';
			}
			case 'rateLimit':
				return {
					status: 429,
					headers: { 'retry-after': String(fault.retryAfter) },
					body: { error: 'Too many requests' },
				};
			case 'status': {
				const headers = { ...((fault.headers as Record<string, string> | undefined) ?? {}) };
				if (fault.contentType !== undefined) headers['content-type'] = String(fault.contentType);
				if (fault.raw !== undefined) {
					return { status: Number(fault.status), headers, raw: String(fault.raw) };
				}
				return {
					status: Number(fault.status),
					headers,
					body: fault.body ?? { error: `Injected status ${String(fault.status)}` },
				};
			}
			case 'echo':
				return this.echoResponse(fault, context);
			case 'html':
				return {
					status: fault.status === undefined ? 200 : Number(fault.status),
					headers: { 'content-type': 'text/html; charset=utf-8' },
					raw: MAINTENANCE_PAGE,
				};
			default:
				return this.applyCustomFault(fault, parsed);
		}
	}

	/** The request as a debug page shows it: everything verbatim, nothing masked or escaped. */
	private echoResponse(fault: Fault, context: FaultContext): ApiResponse {
		const { headers, rawBody, record } = context;
		const options = fault as { status?: number; format?: string };
		const status = options.status === undefined ? 500 : Number(options.status);
		const url = `http://${headers.host ?? new URL(this.url).host}${context.url}`;
		const error = 'Internal Server Error';
		const format = options.format ?? 'json';
		if (format === 'json') {
			return {
				status,
				body: {
					error,
					request: { method: record.method, url, headers, body: rawBody.toString('utf8') },
				},
			};
		}
		// Text and HTML carry the body's raw bytes, exactly as received.
		const head = [
			`${record.method} ${url}`,
			...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
			'',
			'',
		].join('\n');
		const text = Buffer.concat([Buffer.from(head), rawBody]);
		if (format === 'text') {
			return {
				status,
				headers: { 'content-type': 'text/plain; charset=utf-8' },
				raw: Buffer.concat([Buffer.from(`${error}\n\nRequest:\n`), text, Buffer.from('\n')]),
			};
		}
		const page = (before: string, after: string) =>
			Buffer.concat([Buffer.from(before), text, Buffer.from(after)]);
		return {
			status,
			headers: { 'content-type': 'text/html; charset=utf-8' },
			raw: page(
				`<!DOCTYPE html>\n<html>\n<head><title>${status} ${error}</title></head>\n<body>\n<h1>${error}</h1>\n<h2>Request</h2>\n<pre>`,
				'</pre>\n</body>\n</html>\n',
			),
		};
	}

	private async onControl(method: string, url: string, rawBody: Buffer, res: ServerResponse) {
		const action = new URL(url, 'http://127.0.0.1').pathname.replace(/^\/__control\/?/, '');
		let body: Record<string, unknown> = {};
		try {
			if (rawBody.length) body = JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>;
		} catch {
			this.send(res, { status: 400, body: { error: 'control bodies are JSON' } });
			return;
		}
		try {
			let result: unknown = { ok: true };
			if (action === 'requests' && method === 'GET') result = this.requests;
			else if (action === 'requests' && method === 'DELETE') this.clearRequests();
			else if (action === 'faults' && method === 'POST') this.addFault(body as Fault);
			else if (action === 'faults' && method === 'DELETE') this.clearFaults();
			else if (action === 'faults' && method === 'GET') result = this.faults;
			else if (action === 'clock' && method === 'POST') {
				this.clock.advance(Number(body.advanceMs ?? 0));
				result = { now: this.clock.iso() };
			} else if (action === 'reset' && method === 'POST') this.reset();
			else if (action === 'state' && method === 'GET') result = this.snapshot();
			else result = this.control(action, body);
			this.send(res, { status: 200, body: result ?? { ok: true } });
		} catch (error) {
			const e = error as HttpError;
			this.send(res, { status: e.status ?? 500, body: e.body ?? { error: String(error) } });
		}
	}
}

/** Matches `path` against a route pattern like `/carts/:cart_id/products/:product_id`. */
export function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
	const names: string[] = [];
	const regex = new RegExp(
		'^' +
			pattern.replace(/:([a-z_]+)/g, (_m, name: string) => {
				names.push(name);
				return '([^/]+)';
			}) +
			'$',
	);
	const m = regex.exec(path);
	if (!m) return undefined;
	return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
}

export interface Route {
	method: string;
	pattern: string;
	handler: (req: ApiRequest, params: Record<string, string>) => Promise<ApiResponse> | ApiResponse;
}

/** Finds the route for a request: 404 for an unknown path, 405 for a known path with another method. */
export function dispatch(routes: Route[], req: ApiRequest, relativePath: string) {
	let pathKnown = false;
	for (const route of routes) {
		const params = matchRoute(route.pattern, relativePath);
		if (!params) continue;
		pathKnown = true;
		if (route.method === req.method) return route.handler(req, params);
	}
	if (pathKnown) throw new HttpError(405, { error: 'Method not allowed' });
	return undefined;
}

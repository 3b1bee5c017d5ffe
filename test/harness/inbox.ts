/**
 * A local stand-in for the services outside the sandboxes a workflow talks to (a Slack or Teams
 * incoming webhook, an email service, a file host): node:http on 127.0.0.1 that records every
 * request (method, path, content type, raw body; JSON and multipart bodies parsed) and answers
 * `{"ok": true}`. `GET /files/<name>` serves the files given to `serve`, e.g. a photo.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { LocalServer } from './local-server';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export interface InboxRequest {
	method: string;
	path: string;
	contentType: string;
	raw: Buffer;
	/** The body parsed as JSON, when it was JSON. */
	json?: Json;
	/** The parts of a multipart/form-data body. */
	parts?: MultipartPart[];
}

/** The parts of a multipart/form-data body (enough for what n8n's HTTP Request node sends). */
export function parseMultipart(raw: Buffer, contentType: string): MultipartPart[] {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundary) return [];
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: MultipartPart[] = [];
	let start = raw.indexOf(delimiter);
	while (start !== -1) {
		const next = raw.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		// Each part: CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
		const part = raw.subarray(start + delimiter.length + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		if (split !== -1) {
			const headers = part.subarray(0, split).toString('utf8');
			const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
			parts.push({
				name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '',
				filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
				contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
				data: part.subarray(split + 4),
			});
		}
		start = next;
	}
	return parts;
}

export class Inbox extends LocalServer {
	readonly requests: InboxRequest[] = [];
	private readonly files = new Map<string, { type: string; data: Buffer }>();
	/** Serves `data` at `GET /files/<name>`; returns its URL. */
	serve(name: string, type: string, data: Buffer): string {
		this.files.set(name, { type, data });
		return `${this.url}/files/${name}`;
	}

	/** The requests received on `path` (besides file downloads). */
	to(path: string): InboxRequest[] {
		return this.requests.filter((r) => r.path === path);
	}

	/** Waits (at most `timeoutMs`) until `path` has received `count` requests; returns them. */
	async waitFor(path: string, count: number, timeoutMs: number): Promise<InboxRequest[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.to(path).length < count) {
			if (Date.now() > deadline)
				throw new Error(
					`${path} received ${this.to(path).length} of ${count} requests within ${timeoutMs} ms`,
				);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		return this.to(path);
	}

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const path = (req.url ?? '').split('?')[0];
		const file = req.method === 'GET' ? this.files.get(path.replace(/^\/files\//, '')) : undefined;
		if (file && path.startsWith('/files/')) {
			res.writeHead(200, { 'content-type': file.type });
			res.end(file.data);
			return;
		}
		const contentType = String(req.headers['content-type'] ?? '');
		const record: InboxRequest = { method: req.method ?? '', path, contentType, raw };
		if (contentType.includes('json')) {
			try {
				record.json = JSON.parse(raw.toString('utf8')) as Json;
			} catch {
				// recorded raw
			}
		}
		if (contentType.startsWith('multipart/form-data'))
			record.parts = parseMultipart(raw, contentType);
		this.requests.push(record);
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{"ok":true}');
	}
}

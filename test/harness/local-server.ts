/**
 * A small HTTP server of a test on 127.0.0.1 (a free port), standing in for a service outside the
 * sandboxes: a chat model, a mail or chat inbox. Subclasses answer in `handle`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export abstract class LocalServer {
	private server?: Server;
	/** `http://127.0.0.1:<port>` once started. */
	url = '';

	protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			void this.handle(req, res);
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}

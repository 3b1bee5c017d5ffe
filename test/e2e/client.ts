/**
 * A real n8n (see n8n.ts) started with its owner account set up, and the HTTP calls the
 * end-to-end tests make to it, on axios: the editor's internal API (`/rest`, logged in as the
 * owner), the public API (`/api/v1`, with an API key) and production webhooks.
 */
import type { ChildProcess } from 'node:child_process';

import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

import {
	assertRuntimeInstalled,
	createInstance,
	importCredentials,
	startServer,
	type N8nInstance,
	type Runtime,
} from './n8n';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The owner every test instance is set up with (as `npm start` does). */
export const OWNER = {
	email: 'owner@sandbox.test',
	password: 'Sandbox-Owner-1',
	firstName: 'E2e',
	lastName: 'Owner',
};

export interface StartOptions {
	/** Credentials imported with the CLI before the server starts (`import:credentials` format). */
	credentials?: object[];
	/** Receives the server's output. */
	log?: (line: string) => void;
	/** Also create a public-API key with every scope the instance offers, labelled so. */
	apiKey?: string;
	/** The n8n to start (see n8n.ts): by default the one N8N_E2E_RUNTIME selects. */
	runtime?: Runtime;
	/** Added to the instance's environment (see `createInstance`), e.g. queue mode's settings. */
	env?: NodeJS.ProcessEnv;
}

export class N8nClient {
	private apiKey?: string;

	private constructor(
		readonly instance: N8nInstance,
		readonly server: ChildProcess,
		/** `http://127.0.0.1:<port>` */
		readonly baseUrl: string,
		private readonly http: AxiosInstance,
		/** The owner's session cookie, as the editor sends it. */
		private readonly cookie: string,
	) {}

	/**
	 * A new n8n instance (its own user folder and port) with `dist/` loaded, started, its owner
	 * set up and logged in; with `apiKey`, a public-API key too.
	 */
	static async start(options: StartOptions = {}): Promise<N8nClient> {
		assertRuntimeInstalled(options.runtime);
		const instance = await createInstance(undefined, options.runtime, options.env);
		if (options.credentials) await importCredentials(instance, options.credentials);
		const server = await startServer(instance, options.log);
		const baseUrl = `http://127.0.0.1:${instance.env.N8N_PORT}`;
		// Statuses are the tests' to check: no status throws. Every call is JSON, even without a
		// body (axios would call a bodiless POST a form, which the public API refuses with a 415).
		const http = axios.create({
			baseURL: baseUrl,
			validateStatus: () => true,
			headers: { 'content-type': 'application/json' },
		});
		try {
			const setup = await http.post('/rest/owner/setup', OWNER, {
				headers: { 'browser-id': 'e2e-browser' },
			});
			if (setup.status !== 200)
				throw new Error(`owner setup answered ${setup.status}: ${JSON.stringify(setup.data)}`);
			const cookie = (setup.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '';
			const client = new N8nClient(instance, server, baseUrl, http, cookie);
			if (options.apiKey) await client.createApiKey(options.apiKey);
			return client;
		} catch (error) {
			server.kill('SIGKILL');
			throw error;
		}
	}

	/** A call to the editor's API as the logged-in owner; the response whatever its status. */
	async rest<T = Json>(method: string, path: string, body?: unknown): Promise<AxiosResponse<T>> {
		return await this.asOwner<T>(method, `/rest${path}`, body);
	}

	/**
	 * A call to any path of the server (e.g. `/types/nodes.json`, which n8n 2.x only serves to a
	 * logged-in user) as the logged-in owner; the response whatever its status.
	 */
	async asOwner<T = Json>(method: string, path: string, body?: unknown): Promise<AxiosResponse<T>> {
		return await this.http.request<T>({
			method,
			url: path,
			data: body,
			headers: { 'browser-id': 'e2e-browser', cookie: this.cookie },
		});
	}

	/** A file the editor loads from the server, e.g. `/types/nodes.json` (the node descriptions). */
	async editorFile<T = Json>(path: string): Promise<T> {
		const response = await this.http.get<T>(path, { headers: { cookie: this.cookie } });
		if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
		return response.data;
	}

	/** Creates a public-API key with every scope the instance offers; `api` uses it. */
	async createApiKey(label: string): Promise<void> {
		const scopes = (await this.rest<{ data: string[] }>('GET', '/api-keys/scopes')).data.data;
		const created = await this.rest<{ data: { rawApiKey: string } }>('POST', '/api-keys', {
			label,
			scopes,
			expiresAt: null,
		});
		if (created.status !== 200)
			throw new Error(
				`creating an API key answered ${created.status}: ${JSON.stringify(created.data)}`,
			);
		this.apiKey = created.data.data.rawApiKey;
	}

	/** A call to the public API; its JSON (undefined for an empty answer), or an error naming the call. */
	async api<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
		if (!this.apiKey) throw new Error('no API key: start with `apiKey`, or call createApiKey()');
		const response = await this.http.request({
			method,
			url: `/api/v1${path}`,
			data: body,
			headers: { 'x-n8n-api-key': this.apiKey },
			// The text as sent, so an error can quote it.
			responseType: 'text',
			transformResponse: (data: unknown) => data,
		});
		const text = String(response.data ?? '');
		if (response.status < 200 || response.status >= 300) {
			throw new Error(`${method} /api/v1${path} answered ${response.status}: ${text}`);
		}
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/**
	 * A trigger's saved state (`node:Trigger`) as n8n's database holds it, waited for up to 15 s:
	 * n8n saves it shortly after the poll that took it. Undefined if none by then.
	 */
	async triggerState(workflowId: string): Promise<Json | undefined> {
		const deadline = Date.now() + 15_000;
		for (;;) {
			const workflow = await this.api<{ staticData?: Json | null }>(
				'GET',
				`/workflows/${workflowId}`,
			);
			const state = (workflow.staticData?.['node:Trigger'] as Json | undefined)?.state as
				| Json
				| undefined;
			if (state || Date.now() > deadline) return state;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	/**
	 * The credential's Test as the editor runs it: saves the credential (n8n cannot pre-authenticate
	 * an unsaved one: it has no ID to store the token under), or with `id` updates a saved one with
	 * new values, then tests it. The result n8n shows, and the credential's ID.
	 */
	async testCredential(
		type: string,
		data: Record<string, unknown>,
		id?: string,
	): Promise<{ status: string; message: string; id: string }> {
		const name = `${type} tested ${++this.credentialsTested}`;
		const saved = id
			? await this.rest('PATCH', `/credentials/${id}`, { name, type, data })
			: await this.rest<{ data: { id: string } }>('POST', '/credentials', { name, type, data });
		if (saved.status !== 200)
			throw new Error(
				`saving the credential answered ${saved.status}: ${JSON.stringify(saved.data)}`,
			);
		const savedId = id ?? (saved.data as { data: { id: string } }).data.id;
		const response = await this.rest<{ data: { status: string; message: string } }>(
			'POST',
			'/credentials/test',
			{ credentials: { id: savedId, name, type, data } },
		);
		if (response.status !== 200)
			throw new Error(`the Test answered ${response.status}: ${JSON.stringify(response.data)}`);
		return { ...response.data.data, id: savedId };
	}

	private credentialsTested = 0;

	/** POSTs JSON to a production webhook; its status and the text it answered. */
	async webhook(path: string, body: unknown): Promise<{ status: number; text: string }> {
		const response = await this.http.post(`/webhook/${path}`, body, {
			responseType: 'text',
			transformResponse: (data: unknown) => data,
		});
		return { status: response.status, text: String(response.data ?? '') };
	}

	/** Stops the server. */
	stop(): void {
		this.server.kill('SIGKILL');
	}
}

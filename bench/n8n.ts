/**
 * The package's nodes side by side with what a user would build instead, n8n's HTTP Request node,
 * in the real n8n the end-to-end tests install (`n8n execute`), against the same sandboxes:
 * N items (1, 100, 1,000) get one record each by an ID from the item. Runs alternate between the
 * two workflows; the figure is each node's own execution time from n8n's run data, per item
 * (median of the runs), and the ratio package ÷ HTTP Request. The package's InstantCard node logs
 * in itself (n8n execute is a new process each run), so the HTTP Request side counts its Login
 * node too: what a user builds instead is both nodes.
 */
import { INSTANTCARD_SANDBOX_LOGIN, sandboxCredentials, startSandboxes } from '../test/sandbox';
import { KEYLINE_SANDBOX_API_KEY } from '../test/sandbox/keyline';
import {
	CUSTOM,
	createInstance,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	runtimeInstalled,
} from '../test/e2e/n8n';
import { manualStart } from '../test/e2e/n8n';

export interface SideBySide {
	scenario: string;
	items: number;
	packageMsPerItem: number;
	/** The HTTP Request workflow's nodes together: for InstantCard its Login and its GET. */
	httpMsPerItem: number;
	/** Of `httpMsPerItem`, the InstantCard Login node's (0 for Keyline). */
	loginMsPerItem: number;
	/** Requests the sandboxes answered per item in one run (logins and key checks included). */
	packageRequestsPerItem: number;
	httpRequestsPerItem: number;
}

const SIZES = [1, 100, 1000];
const RUNS = 3;

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const start = manualStart('start');

/** Start → (`before`, e.g. a login) → one item per ID (Set + Split Out) → `nodes`. */
function workflow(
	id: string,
	ids: number[],
	nodes: Array<Record<string, unknown>>,
	before: Array<Record<string, unknown>> = [],
) {
	const all: Array<Record<string, unknown>> = [
		start,
		...before.map((node) => ({ typeVersion: 1, position: [100, 200], ...node })),
		{
			id: 'ids',
			name: 'IDs',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: JSON.stringify({ id: ids }),
				options: {},
			},
		},
		{
			id: 'split',
			name: 'Items',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'id', options: { destinationFieldName: 'id' } },
		},
		...nodes.map((node, i) => ({ typeVersion: 1, position: [600 + 200 * i, 0], ...node })),
	];
	const names = all.map((node) => node.name as string);
	const connections = Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		id,
		name: id,
		active: false,
		nodes: all,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

/** The Header Auth credentials the HTTP Request side uses, by ID: their names. */
const HEADER_AUTH: Record<string, string> = {
	klHeaderAuth0001: 'Keyline header',
	icHeaderAuth0001: 'InstantCard token header',
};

/** n8n's HTTP Request node (4.2) named `name`, with these parameters. */
const httpRequest = (
	name: string,
	parameters: Record<string, unknown>,
	credentials?: Record<string, unknown>,
) => ({
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: { ...parameters, options: {} },
	...(credentials ? { credentials } : {}),
});

/** The HTTP Request node getting `url` with the Header Auth credential `credentialId`. */
const headerAuthGet = (url: string, credentialId: string) =>
	httpRequest(
		'HTTP Request',
		{ url, authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' },
		{ httpHeaderAuth: { id: credentialId, name: HEADER_AUTH[credentialId] } },
	);

export async function benchAgainstHttpRequest(): Promise<SideBySide[] | string> {
	if (!runtimeInstalled()) return 'the real n8n is not installed (bash scripts/install-n8n.sh)';
	const sandboxes = await startSandboxes();
	try {
		const n8n = await createInstance();
		const ic = sandboxes.instantCard;
		const kl = sandboxes.keyline;
		await importCredentials(n8n, [
			...sandboxCredentials(sandboxes),
			{
				id: 'klHeaderAuth0001',
				name: HEADER_AUTH.klHeaderAuth0001,
				type: 'httpHeaderAuth',
				data: { name: 'Authorization', value: `Bearer ${KEYLINE_SANDBOX_API_KEY}` },
			},
			// Not what a user can keep (the token expires): it isolates the cost of reading a
			// credential on every request, which the package's node pays and the Login workflow not.
			{
				id: 'icHeaderAuth0001',
				name: HEADER_AUTH.icHeaderAuth0001,
				type: 'httpHeaderAuth',
				data: { name: 'Authorization', value: `bearer ${ic.issueToken()}` },
			},
		]);
		const cards = ic.seedCards(Math.max(...SIZES));
		const carts = Array.from(
			{ length: Math.max(...SIZES) },
			() => kl.store.createCart(KEYLINE_SANDBOX_API_KEY).id,
		);
		const org = `${ic.baseUrl}/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}`;
		const figures: SideBySide[] = [];
		for (const size of SIZES) {
			const icPackage = workflow(`benchIcPkg${size}`, cards.slice(0, size), [
				{
					id: 'ic',
					name: 'InstantCard',
					type: `${CUSTOM}.instantCard`,
					parameters: {
						resource: 'card',
						operation: 'get',
						cardId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					},
					credentials: {
						instantCardApi: { id: 'icSandboxCred01', name: 'InstantCard sandbox' },
					},
				},
			]);
			const pairs = [
				{
					scenario: 'Keyline Cart → Get',
					node: 'Keyline',
					http: ['HTTP Request'],
					package: workflow(`benchKlPkg${size}`, carts.slice(0, size), [
						{
							id: 'kl',
							name: 'Keyline',
							type: `${CUSTOM}.keyline`,
							parameters: { resource: 'cart', operation: 'get', cartId: '={{ $json.id }}' },
							credentials: { keylineApi: { id: 'klSandboxCred01', name: 'Keyline sandbox' } },
						},
					]),
					baseline: workflow(`benchKlHttp${size}`, carts.slice(0, size), [
						headerAuthGet(`=${kl.baseUrl}/carts/{{ $json.id }}`, 'klHeaderAuth0001'),
					]),
				},
				{
					scenario: 'InstantCard Card → Get',
					node: 'InstantCard',
					http: ['Login', 'HTTP Request'],
					package: icPackage,
					// What a user builds without the package: a login request, then the GET with its token.
					baseline: workflow(
						`benchIcHttp${size}`,
						cards.slice(0, size),
						[
							httpRequest('HTTP Request', {
								url: `=${org}/cards/{{ $json.id }}`,
								sendHeaders: true,
								headerParameters: {
									parameters: [
										{
											name: 'Authorization',
											value: "=bearer {{ $('Login').first().json.auth_token }}",
										},
									],
								},
							}),
						],
						[
							httpRequest('Login', {
								method: 'POST',
								url: `${ic.baseUrl}/authenticate`,
								sendBody: true,
								contentType: 'form-urlencoded',
								bodyParameters: {
									parameters: [
										{ name: 'email', value: INSTANTCARD_SANDBOX_LOGIN.email },
										{ name: 'password', value: INSTANTCARD_SANDBOX_LOGIN.password },
									],
								},
							}),
						],
					),
				},
				{
					scenario: 'InstantCard Card → Get, token in Header Auth',
					node: 'InstantCard',
					http: ['HTTP Request'],
					package: { ...icPackage, id: `benchIcPkgH${size}`, name: `benchIcPkgH${size}` },
					baseline: workflow(`benchIcHdr${size}`, cards.slice(0, size), [
						headerAuthGet(`=${org}/cards/{{ $json.id }}`, 'icHeaderAuth0001'),
					]),
				},
			];
			for (const pair of pairs) {
				await importWorkflow(n8n, pair.package);
				await importWorkflow(n8n, pair.baseline);
				const ms = { package: [] as number[], http: [] as number[], login: [] as number[] };
				const requests = { package: [] as number[], http: [] as number[] };
				for (let run = 0; run < RUNS; run++) {
					for (const [which, wf, nodes] of [
						['package', pair.package, [pair.node]],
						['http', pair.baseline, pair.http],
					] as const) {
						ic.clearRequests();
						kl.clearRequests();
						const result = (await executeWorkflow(n8n, wf.id)) as unknown as {
							data: {
								resultData: {
									runData: Record<
										string,
										Array<{ executionTime: number; data?: { main: unknown[][] } }>
									>;
								};
							};
						};
						const tasks = nodes.map((node) => result.data.resultData.runData[node]?.[0]);
						const last = nodes[nodes.length - 1];
						const out = tasks[tasks.length - 1]?.data?.main?.[0]?.length ?? 0;
						if (out !== size) throw new Error(`${wf.id}: ${last} gave ${out} items, not ${size}`);
						ms[which].push(tasks.reduce((sum, task) => sum + (task?.executionTime ?? 0), 0));
						if (which === 'http') {
							ms.login.push(result.data.resultData.runData.Login?.[0]?.executionTime ?? 0);
						}
						requests[which].push(ic.requests.length + kl.requests.length);
					}
				}
				figures.push({
					scenario: pair.scenario,
					items: size,
					packageMsPerItem: median(ms.package) / size,
					httpMsPerItem: median(ms.http) / size,
					loginMsPerItem: median(ms.login) / size,
					packageRequestsPerItem: median(requests.package) / size,
					httpRequestsPerItem: median(requests.http) / size,
				});
			}
		}
		return figures;
	} finally {
		await sandboxes.stop();
	}
}

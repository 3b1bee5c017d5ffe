/**
 * Runs workflows through n8n-core's real execution engine (`WorkflowExecute`) with the built
 * package, against the sandboxes. Nothing of the engine is mocked: routing, expressions,
 * credentials, pagination, Continue On Fail and pairing all run as in n8n.
 */
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, createRunExecutionData, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper, type StoredCredential } from './credentials-helper';
import { ITEMS_NODE_TYPE, loadPackage, PACKAGE_NAME } from './load';

export { PACKAGE_NAME };

export interface RunOptions {
	/** Parameters of the node under test. */
	parameters: INodeParameters;
	/** Node type without the package prefix: `instantCard`, `keyline`. */
	type: string;
	/** Items fed into the node (json, or `{json, binary}`). */
	items?: Array<Record<string, unknown>>;
	/** Credentials the node uses, as stored in n8n. */
	credentials: StoredCredential[];
	/** The helper to use across runs (keeps stored tokens, like n8n's database). */
	helper?: TestCredentialsHelper;
	continueOnFail?: boolean;
	/** Node settings as the editor stores them, e.g. `{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 }`. */
	settings?: Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>>;
}

export interface RunResult {
	run: IRun;
	/** Items the node under test output (main output 0), empty when it failed. */
	items: INodeExecutionData[];
	/** The node's error, as stored in run data (a plain object after serialisation). */
	error?: Record<string, unknown>;
	helper: TestCredentialsHelper;
}

/**
 * n8n's credentials side for one process. `instance` loads a separate copy of the package (a
 * second n8n process); `store` shares one database between such processes.
 */
export async function createCredentialsHelper(
	instance?: string,
	store?: TestCredentialsHelper['store'],
): Promise<TestCredentialsHelper> {
	const { credentialTypes } = await loadPackage(instance);
	const helper = new TestCredentialsHelper(credentialTypes, store);
	helper.instance = instance;
	return helper;
}

let executions = 0;

/** What n8n hands every node context beside the workflow: credentials helper, hooks, URLs. */
export function additionalData(
	helper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: helper,
		hooks,
		// Every execution has its own ID in n8n (manual runs too).
		executionId: String(++executions),
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
		workflowId: 'test-workflow',
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs a whole workflow (nodes typed `<package>.<name>` or `harness.items`) and returns n8n's IRun. */
export async function runWorkflow(
	workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'> & { staticData?: object },
	helper: TestCredentialsHelper,
): Promise<IRun> {
	const { nodeTypes } = await loadPackage(helper.instance);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		nodeTypes,
		active: false,
		staticData: workflowData.staticData as never,
		settings: { executionOrder: 'v1' },
	});
	// The first node nothing connects into is where the run starts, as a manual run would.
	const targets = new Set(
		Object.values(workflowData.connections).flatMap((byType) =>
			Object.values(byType).flatMap((outputs) =>
				(outputs ?? []).flatMap((list) => (list ?? []).map((c) => c.node)),
			),
		),
	);
	const start = workflowData.nodes.find((n) => !targets.has(n.name));
	if (!start) throw new Error('the workflow has no start node');
	const hooks = new ExecutionLifecycleHooks(
		'manual',
		`exec-${Date.now()}`,
		workflowData as IWorkflowBase,
	);
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalData(helper, hooks), 'manual', runData);
	return await execute.processRunExecutionData(workflow);
}

/** `helper` (a new one if none) holding these credentials. */
export async function helperWith(
	credentials: StoredCredential[],
	helper?: TestCredentialsHelper,
): Promise<TestCredentialsHelper> {
	const holder = helper ?? (await createCredentialsHelper());
	for (const credential of credentials)
		if (!holder.store.has(credential.id)) holder.add(credential);
	return holder;
}

/** A node of this package as a workflow holds it: `<package>.<type>`, version 1, credentials by type. */
export function packageNode(node: {
	id: string;
	name: string;
	type: string;
	position: [number, number];
	parameters: INodeParameters;
	credentials: StoredCredential[];
}): INode {
	return {
		id: node.id,
		name: node.name,
		type: `${PACKAGE_NAME}.${node.type}`,
		typeVersion: 1,
		position: node.position,
		parameters: node.parameters,
		credentials: Object.fromEntries(
			node.credentials.map((c) => [c.type, { id: c.id, name: c.name }]),
		),
	};
}

/** What a node's context gets outside a workflow run: the helper, and the parameters it stands on. */
function contextData(
	helper: TestCredentialsHelper,
	purpose: string,
	node: INode,
	parameters: INodeParameters,
): IWorkflowExecuteAdditionalData {
	const hooks = new ExecutionLifecycleHooks('internal', purpose, { nodes: [node] } as never);
	return {
		...additionalData(helper, hooks),
		currentNodeParameters: parameters,
	} as IWorkflowExecuteAdditionalData;
}

/** Feeds `items` into one node of this package and returns what it output. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const helper = await helperWith(options.credentials, options.helper);
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: ITEMS_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			...packageNode({ ...options, id: 'under-test', name: 'Node', position: [200, 0] }),
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.settings ?? {}),
		},
	];
	const connections: IConnections = {
		Items: { main: [[{ node: 'Node', type: 'main' as never, index: 0 }]] },
	};
	const run = await runWorkflow({ nodes, connections }, helper);
	const nodeRun = run.data.resultData.runData.Node?.[0];
	return {
		run,
		items: nodeRun?.data?.main?.[0] ?? [],
		error: (nodeRun?.error ?? run.data.resultData.error) as Record<string, unknown> | undefined,
		helper,
	};
}

export type { StoredCredential, ICredentialDataDecryptedObject };

/**
 * Runs a credential's Test the way n8n 2.40's `CredentialsTester.runRequestTest` does for a
 * declarative `test`: a `Temp-Node` (type `noOp`, parameters `{}`) whose one `temp`
 * property routes the test request, run by n8n-core's `RoutingNode` with the values under test
 * handed in directly; then the same verdict rules (responseCode rules, the HTTP status text,
 * the error code, the error message).
 *
 * `formData` is what the editor's form holds. With `options.helper` the credential is stored
 * already (as after first use): the values under test are the stored ones with the form's
 * values over them, as n8n merges a tested form into the saved credential.
 */
export async function testCredential(
	type: string,
	formData: ICredentialDataDecryptedObject,
	options: { helper?: TestCredentialsHelper; id?: string } = {},
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const { credentialTypes } = await loadPackage(options.helper?.instance);
	const credentialType = credentialTypes.get(type);
	if (!credentialType?.test) throw new Error(`${type} has no test`);
	const test = credentialType.test;
	const helper = options.helper ?? new TestCredentialsHelper(credentialTypes);
	const id = options.id ?? 'tested';
	if (!helper.store.has(id)) helper.add({ id, name: 'tested', type, data: {} });
	const stored = helper.store.get(id)!;
	const defaults = Object.fromEntries(
		credentialType.properties
			.filter((p) => p.default !== undefined)
			.map((p) => [p.name, p.default]),
	);
	const credentialsDecrypted = {
		id,
		name: stored.name,
		type,
		data: { ...defaults, ...stored.data, ...formData } as ICredentialDataDecryptedObject,
	};
	const tempType = {
		description: {
			displayName: 'No Operation, do nothing',
			// The loaded noOp's description keeps its short name, so the Temp-Node is typed
			// `noOp` and n8n's "is this a credential test" check (`n8n-nodes-base.noOp`) is false.
			name: 'noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type]: { id, name: stored.name } },
	};
	const nodeTypes = {
		getByName: () => tempType,
		getByNameAndVersion: () => tempType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypes as never,
	});
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		contextData(helper, 'credential-test', node, node.parameters),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(
		executeFunctions,
		tempType as never,
		credentialsDecrypted as never,
	);
	try {
		await routingNode.runNode();
	} catch (caught) {
		const error = caught as {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
			message: string;
		};
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * What the editor does to fill a picker or a resource mapper: calls the node's `methods` with a
 * LoadOptionsContext holding the node's current parameters (n8n-core's own class).
 */
export async function loadOptions(options: {
	type: string;
	parameters: INodeParameters;
	credentials: StoredCredential[];
	helper?: TestCredentialsHelper;
}) {
	const { nodeTypes } = await loadPackage();
	const helper = await helperWith(options.credentials, options.helper);
	const node = packageNode({ ...options, id: 'under-test', name: 'Node', position: [0, 0] });
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(
		workflow,
		node,
		contextData(helper, 'load-options', node, options.parameters),
		'parameters',
	);
	const nodeType = nodeTypes.getByName(node.type) as unknown as {
		methods: {
			listSearch: Record<
				string,
				(this: unknown, filter?: string, token?: string) => Promise<unknown>
			>;
			resourceMapping: Record<string, (this: unknown) => Promise<unknown>>;
		};
	};
	return {
		listSearch: async (method: string, filter?: string, token?: string) =>
			(await nodeType.methods.listSearch[method].call(context, filter, token)) as {
				results: Array<{ name: string; value: string | number }>;
				paginationToken?: string;
			},
		resourceMapping: async (method: string) =>
			(await nodeType.methods.resourceMapping[method].call(context)) as {
				fields: Array<Record<string, unknown>>;
				emptyFieldsNotice?: string;
			},
		helper,
	};
}

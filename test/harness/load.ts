/**
 * Loads the BUILT package (dist/) with n8n-core's PackageDirectoryLoader, the class n8n's server
 * uses for community packages: it validates the package.json `n8n` block, resolves icons and
 * injects what the server injects (request options, poll times).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialType,
	IExecuteFunctions,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

export const PACKAGE_DIR = path.resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-instantcard-keyline';

/**
 * A start node for test workflows: emits the items given in its `items` parameter (what a
 * Manual Trigger followed by a Code node would give in the editor). Binary data may be given as
 * `{ binary: { photo: { data: <base64>, mimeType, fileName } } }`.
 */
class ItemsNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		// No inputs: n8n starts a workflow at a node without inputs.
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions) {
		const raw = this.getNodeParameter('items', 0) as string | object[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{
			json?: object;
			binary?: Record<string, { data: string; mimeType: string; fileName?: string }>;
		}>;
		const out = [];
		for (const [index, item] of items.entries()) {
			const binary: Record<string, unknown> = {};
			for (const [key, value] of Object.entries(item.binary ?? {})) {
				binary[key] = await this.helpers.prepareBinaryData(
					Buffer.from(value.data, 'base64'),
					value.fileName,
					value.mimeType,
				);
			}
			out.push({
				json: (item.json ?? item) as never,
				...(item.binary ? { binary: binary as never } : {}),
				pairedItem: { item: index },
			});
		}
		return [out];
	}
}

export const ITEMS_NODE_TYPE = 'harness.items';

export interface LoadedPackage {
	nodeTypes: INodeTypes;
	credentialTypes: Map<string, ICredentialType>;
	/** Node type names as workflows use them, e.g. `n8n-nodes-instantcard-keyline.instantCard`. */
	types: string[];
}

const loaded = new Map<string, Promise<LoadedPackage>>();

/**
 * The package as n8n loads it. `instance` names a separate copy (its own folder, so its own
 * module instances and process-wide state: login and key-check caches), as a second n8n
 * process (a queue-mode worker) has; `main` is the repo's dist/.
 */
export async function loadPackage(instance = 'main'): Promise<LoadedPackage> {
	let pending = loaded.get(instance);
	if (!pending) {
		pending = load(instance);
		loaded.set(instance, pending);
	}
	return await pending;
}

async function load(instance: string): Promise<LoadedPackage> {
	if (!existsSync(path.join(PACKAGE_DIR, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` before the tests (npm test does).');
	}
	let dir = PACKAGE_DIR;
	if (instance !== 'main') {
		// Inside the repo, so the copy resolves n8n-workflow from its node_modules as dist/ does.
		mkdirSync(path.join(PACKAGE_DIR, '.test-instances'), { recursive: true });
		dir = mkdtempSync(path.join(PACKAGE_DIR, '.test-instances', `${instance}-`));
		cpSync(path.join(PACKAGE_DIR, 'package.json'), path.join(dir, 'package.json'));
		cpSync(path.join(PACKAGE_DIR, 'dist'), path.join(dir, 'dist'), { recursive: true });
	}
	const loader = new PackageDirectoryLoader(dir);
	await loader.loadAll();
	const byName = new Map<string, INodeType | IVersionedNodeType>();
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
		byName.set(`${PACKAGE_NAME}.${name}`, type);
	}
	byName.set(ITEMS_NODE_TYPE, new ItemsNode() as unknown as INodeType);
	const credentialTypes = new Map<string, ICredentialType>();
	for (const [name, { type }] of Object.entries(loader.credentialTypes))
		credentialTypes.set(name, type);
	const nodeTypes: INodeTypes = {
		getByName: (name) => {
			const type = byName.get(name);
			if (!type) throw new Error(`Unknown node type ${name}`);
			return type;
		},
		getByNameAndVersion: (name, version) =>
			NodeHelpers.getVersionedNodeType(nodeTypes.getByName(name), version),
		getKnownTypes: () => ({}),
	};
	return { nodeTypes, credentialTypes, types: [...byName.keys()] };
}

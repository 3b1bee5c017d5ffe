/**
 * Every Keyline endpoint of the repo's catalog (test/endpoints.json) is reachable from an operation of
 * the built Keyline node: read from the node's own description (each operation's URL step
 * carries its path template), not from a list kept beside it. Each operation is executed
 * against the sandbox in the resource's own test file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../harness/load';

const ENDPOINTS = (
	JSON.parse(readFileSync(path.resolve(__dirname, '../endpoints.json'), 'utf8')) as Array<{
		api: string;
		method: string;
		path: string;
	}>
).filter((e) => e.api === 'keyline');

/** `/api/v2/inbox/carts/{cart_id}` → `/carts/{cartId}`, the node's spelling. */
const normalise = (p: string) =>
	p
		.replace('/api/v2/inbox', '')
		.replace(
			/\{(\w+)\}/g,
			(_m, name: string) => `{${name.replace(/_(\w)/g, (_x, c: string) => c.toUpperCase())}}`,
		);

/** `{parent}` is a cart or an order; `{attachment}` a component of the product, or nothing. */
const TOKENS: Record<string, string[]> = {
	'{parent}': ['/carts/{cartId}', '/orders/{orderId}'],
	'{attachment}': ['', '/components/{componentId}'],
};
const expand = (template: string): string[] => {
	const token = Object.keys(TOKENS).find((t) => template.includes(t));
	return token
		? TOKENS[token].flatMap((value) => expand(template.replace(token, value)))
		: [template];
};

async function operationsOfNode() {
	const { nodeTypes } = await loadPackage();
	const node = nodeTypes.getByName(`${PACKAGE_NAME}.keyline`) as INodeType;
	const reached = new Map<string, string[]>();
	for (const property of node.description.properties.filter((p) => p.name === 'operation')) {
		const resource = (property.displayOptions?.show?.resource ?? [])[0];
		for (const option of (property as INodeProperties & { options: Array<Record<string, any>> })
			.options) {
			const method = option.routing?.request?.method as string | undefined;
			const templates = (
				(option.routing?.send?.preSend ?? []) as Array<{ templates?: string[] }>
			).flatMap((step) => step.templates ?? []);
			for (const template of templates)
				for (const p of expand(template)) {
					const key = `${method} ${p}`;
					reached.set(key, [
						...(reached.get(key) ?? []),
						`${String(resource)}/${String(option.value)}`,
					]);
				}
		}
	}
	return reached;
}

describe('Keyline node covers the Inbox API', () => {
	it('reaches each of the 66 endpoints from an operation', async () => {
		expect(ENDPOINTS).toHaveLength(66);
		const reached = await operationsOfNode();
		const missing = ENDPOINTS.map((e) => `${e.method} ${normalise(e.path)}`).filter(
			(key) => !reached.has(key),
		);
		expect(missing).toEqual([]);
	});

	it('has no operation whose endpoint the API does not have', async () => {
		const known = new Set(ENDPOINTS.map((e) => `${e.method} ${normalise(e.path)}`));
		const reached = await operationsOfNode();
		expect([...reached.keys()].filter((key) => !known.has(key))).toEqual([]);
	});
});

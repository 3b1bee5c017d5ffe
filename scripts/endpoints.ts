/**
 * The README's "where each endpoint lives" table, generated from the built nodes' descriptions:
 * each operation states its method and path template on its option (the route builder's URL
 * step carries the templates), so the table cannot drift from the code.
 *
 * `npm run endpoints` rewrites the table in README.md; test/engine/readme-endpoints.test.ts fails
 * when the README's copy is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '..');
const NODES = [
	{ folder: 'InstantCard', className: 'InstantCard', label: 'InstantCard' },
	{ folder: 'Keyline', className: 'Keyline', label: 'Keyline' },
];
export const START = '<!-- endpoints:start -->';
export const END = '<!-- endpoints:end -->';

interface OperationOption {
	name: string;
	value: string;
	routing?: {
		request?: { method?: string };
		send?: { preSend?: Array<{ templates?: string[] }> };
	};
}

/** The markdown table: one row per operation, with every path template it can reach. */
export function endpointTable(dist = path.join(ROOT, 'dist')): string {
	const rows: string[] = [];
	for (const { folder, className, label } of NODES) {
		const file = path.join(dist, 'nodes', folder, `${folder}.node.js`);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const NodeClass = (require(file) as Record<string, new () => INodeType>)[className];
		const { properties } = new NodeClass().description;
		const resourceNames = new Map(
			(properties.find((p) => p.name === 'resource')?.options ?? []).map((o) => [
				(o as { value: string }).value,
				(o as { name: string }).name,
			]),
		);
		for (const property of properties.filter((p: INodeProperties) => p.name === 'operation')) {
			const resource = String(property.displayOptions?.show?.resource?.[0]);
			for (const option of (property.options ?? []) as OperationOption[]) {
				const method = option.routing?.request?.method ?? 'GET';
				const templates = (option.routing?.send?.preSend ?? []).flatMap((s) => s.templates ?? []);
				const dir = `nodes/${folder}/resources/${resource}`;
				const own = `${dir}/${option.value}.ts`;
				const where = [`${dir}/index.ts`, ...(existsSync(path.join(ROOT, own)) ? [own] : [])];
				rows.push(
					`| ${label} → ${resourceNames.get(resource) ?? resource} → ${option.name} | ${method} ${templates.map((t) => `\`${t}\``).join(', ') || '(several requests)'} | ${where.map((w) => `\`${w}\``).join(', ')} |`,
				);
			}
		}
	}
	return ['| Operation | Method and path | Stated in |', '| --- | --- | --- |', ...rows].join('\n');
}

/** README.md with the table between the markers replaced by `table`. */
export function withTable(readme: string, table: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
	return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (require.main === module) {
	const readmePath = path.join(ROOT, 'README.md');
	writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), endpointTable()));
	console.log('README.md: endpoint table updated');
}

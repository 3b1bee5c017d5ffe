/**
 * Each Keyline ID is one property (n8n resolves a parameter once per item for every property of
 * its name), and for every operation and every choice of where the record lives, the editor
 * shows exactly the ID fields the operation's path needs: no ID asked for that is not sent, and
 * none sent that was not asked for. And so the user's expression for an ID is evaluated as few
 * times as RoutingNode allows.
 */
import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
} from 'n8n-workflow';

import { countEvaluations } from '../harness/expressions';
import { loadPackage, PACKAGE_NAME } from '../harness/load';
import { runNode } from '../harness/run';
import { keylineCredential, useKeylineSandbox } from '../harness/sandboxes';

const ID_FIELDS = ['cartId', 'orderId', 'productId', 'componentId', 'variantId', 'printDataFileId'];

/** The choices a user can make about where a record lives, each with its options. */
const CHOICES: Record<string, string[]> = {
	addressType: ['billing', 'delivery'],
	parent: ['cart', 'order'],
	attachedTo: ['product', 'component'],
};

let properties: INodeProperties[];
let description: INodeType['description'];

beforeAll(async () => {
	const { nodeTypes } = await loadPackage();
	description = (nodeTypes.getByName(`${PACKAGE_NAME}.keyline`) as INodeType).description;
	properties = description.properties;
});

/** What n8n shows (and sends) for these stored parameters: the engine's and the editor's view. */
function shown(stored: INodeParameters) {
	const node = { typeVersion: 1, parameters: stored } as unknown as INode;
	const values = NodeHelpers.getNodeParameters(properties, stored, true, false, node, description)!;
	const visible = properties.filter(
		(p) => p.type !== 'hidden' && NodeHelpers.displayParameter(values, p, node, description),
	);
	return { values, names: new Set(visible.map((p) => p.name)) };
}

/** Every operation with every combination of the choices it shows, as the editor stores them. */
function cases() {
	const result: Array<{ label: string; stored: INodeParameters; templates: string[] }> = [];
	for (const selector of properties.filter((p) => p.name === 'operation')) {
		const resource = String(selector.displayOptions?.show?.resource?.[0]);
		for (const option of selector.options as Array<{
			value: string;
			routing?: { send?: { preSend?: Array<{ templates?: string[] }> } };
		}>) {
			const templates = (option.routing?.send?.preSend ?? []).flatMap((s) => s.templates ?? []);
			let combos: INodeParameters[] = [{ resource, operation: option.value }];
			for (const [choice, values] of Object.entries(CHOICES)) {
				combos = combos.flatMap((combo) =>
					shown(combo).names.has(choice) ? values.map((v) => ({ ...combo, [choice]: v })) : [combo],
				);
			}
			for (const stored of combos) {
				const label = Object.values(stored).join(' ');
				result.push({ label, stored, templates });
			}
		}
	}
	return result;
}

/** The IDs a path template asks for once `{parent}` and `{attachment}` are chosen. */
function idsInPath(templates: string[], values: INodeParameters): string[] {
	const wanted =
		templates.length > 1 && typeof values.addressType === 'string'
			? templates.filter((t) =>
					t.includes(values.addressType === 'billing' ? 'billing' : 'delivery'),
				)
			: templates;
	const ids = new Set<string>();
	for (const template of wanted) {
		const path = template
			.replace('{parent}', values.parent === 'order' ? '/orders/{orderId}' : '/carts/{cartId}')
			.replace(
				'{attachment}',
				values.attachedTo === 'component' ? '/components/{componentId}' : '',
			);
		for (const match of path.matchAll(/\{(\w+)\}/g)) ids.add(match[1]);
	}
	return [...ids].sort();
}

describe('Keyline ID fields', () => {
	it('each ID is one property; only choices the user never types an expression into repeat', () => {
		const count = new Map<string, number>();
		for (const p of properties) count.set(p.name, (count.get(p.name) ?? 0) + 1);
		for (const id of ID_FIELDS) expect([id, count.get(id)]).toEqual([id, 1]);
		const repeated = [...count].filter(([, n]) => n > 1).map(([name]) => name);
		expect(repeated.sort()).toEqual(['attachedTo', 'operation', 'parent']);
		for (const p of properties.filter((q) => repeated.includes(q.name)))
			expect([p.name, p.type === 'hidden' || p.noDataExpression === true]).toEqual([p.name, true]);
	});

	it('covers every operation with each choice it offers', () => {
		const all = cases();
		expect(all.length).toBeGreaterThanOrEqual(40);
		expect(all.some((c) => c.stored.parent === 'order' && c.stored.resource === 'product')).toBe(
			true,
		);
		expect(all.some((c) => c.stored.attachedTo === 'component')).toBe(true);
	});

	it('shows exactly the IDs each path needs, for every operation and choice', () => {
		const mismatches: string[] = [];
		for (const { label, stored, templates } of cases()) {
			if (templates.length === 0) continue; // Place Order: its own requests, its own fields
			const { values, names } = shown(stored);
			const asked = ID_FIELDS.filter((id) => names.has(id)).sort();
			const needed = idsInPath(templates, values);
			if (asked.join() !== needed.join())
				mismatches.push(`${label}: shows ${asked.join(', ')}; path needs ${needed.join(', ')}`);
		}
		expect(mismatches).toEqual([]);
	});
});

describe("Keyline: the user's expression for an ID is evaluated three times per item", () => {
	const sandbox = useKeylineSandbox();

	it('Cart → Get: three times for the Cart ID, and no other expression', async () => {
		const USER = '={{ $json.id }}';
		const carts = Array.from({ length: 5 }, () =>
			sandbox.store.createCart(keylineCredential(sandbox).data.apiKey as string),
		);
		const run = async () =>
			await runNode({
				type: 'keyline',
				parameters: { resource: 'cart', operation: 'get', cartId: USER },
				items: carts.map((cart) => ({ id: cart.id })),
				credentials: [keylineCredential(sandbox)],
			});
		await run(); // checks the key: its expressions are not the operation's
		const { result, all, matching } = await countEvaluations(run, USER);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(carts.map((cart) => cart.id));
		// Twice by RoutingNode (the request, then the base-URL check), once by the route builder.
		// The credential, not an expression, gives the base URL.
		expect({ all: all / carts.length, user: matching / carts.length }).toEqual({ all: 3, user: 3 });
	});
});

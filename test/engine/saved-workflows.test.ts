/**
 * Workflows saved before the descriptions were rewritten (one property per concept) load and run
 * unchanged. test/fixtures/saved-0.1.0-parameters.workflow.json holds one node per resource,
 * operation and location choice (cart or order, billing or delivery, product or component), its
 * parameters as n8n's editor stored them with the 0.1.0 descriptions (commit 74d7211): only
 * what is shown and differs from the default, every ID mapped from `{{ $json.id }}`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeHelpers, type INode, type INodeParameters, type INodeType } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../harness/load';
import { runNode } from '../harness/run';
import { InstantCardSandbox } from '../sandbox/instantcard';
import { KeylineSandbox } from '../sandbox/keyline';
import { instantCardCredential, keylineCredential } from './fixtures';

interface SavedNode {
	name: string;
	/** "Fields still to fill in when saved: [...]": the editor's issues with the 0.1.0 description. */
	notes: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
}

const saved = JSON.parse(
	readFileSync(path.resolve(__dirname, '../fixtures/saved-0.1.0-parameters.workflow.json'), 'utf8'),
) as { nodes: SavedNode[] };

const typeOf = (node: SavedNode) => node.type.replace(/^CUSTOM\./, '');

async function descriptionOf(type: string) {
	const { nodeTypes } = await loadPackage();
	return (nodeTypes.getByName(`${PACKAGE_NAME}.${type}`) as INodeType).description;
}

describe('workflows saved with 0.1.0', () => {
	it('holds a node for every operation of both action nodes', () => {
		expect(saved.nodes.filter((n) => typeOf(n) === 'keyline').length).toBeGreaterThanOrEqual(40);
		expect(saved.nodes.filter((n) => typeOf(n) === 'instantCard').length).toBeGreaterThanOrEqual(
			37,
		);
	});

	it.each(saved.nodes.map((node) => [node.name, node] as const))(
		'%s: loads with every stored value kept and no new field asked for',
		async (_name, node) => {
			const description = await descriptionOf(typeOf(node));
			const asNode = { typeVersion: node.typeVersion, parameters: node.parameters } as INode;
			// What n8n works with when it runs the node: each stored value is still there, unchanged.
			const loaded = NodeHelpers.getNodeParameters(
				description.properties,
				node.parameters,
				true,
				false,
				asNode,
				description,
			)!;
			for (const [key, value] of Object.entries(node.parameters))
				expect(loaded[key]).toEqual(value);
			// What the editor would store now is what it stored then: nothing dropped, and no field
			// (an ID, a choice) shown that was not there before.
			const stored = NodeHelpers.getNodeParameters(
				description.properties,
				node.parameters,
				false,
				false,
				asNode,
				description,
			);
			expect(stored).toEqual(node.parameters);
			// And the editor asks for no field it did not ask for then.
			const issues = NodeHelpers.getNodeParametersIssues(
				description.properties,
				{ ...asNode, parameters: loaded } as INode,
				description,
			);
			// (Fewer is fine: Card IDs is no longer marked required where one property now serves
			// Create, where it is optional, and Add Cards, which refuses it empty before sending.)
			const before = JSON.parse(node.notes.replace(/^[^[]*/, '')) as string[];
			const now = Object.keys(issues?.parameters ?? {});
			expect(now.filter((name) => !before.includes(name))).toEqual([]);
		},
	);

	describe('run against the sandboxes', () => {
		const keyline = new KeylineSandbox();
		const instantCard = new InstantCardSandbox();
		beforeAll(async () => await Promise.all([keyline.start(), instantCard.start()]));
		afterAll(async () => await Promise.all([keyline.stop(), instantCard.stop()]));

		const node = (name: string) => {
			const found = saved.nodes.find((n) => n.name === name);
			if (!found) throw new Error(`no saved node "${name}"`);
			return found;
		};

		it.each([
			['Keyline cart get', 'cart'],
			['Keyline cart validate', 'cart'],
			['Keyline product getAll {"parent":"cart"}', 'cart'],
			['Keyline product getAll {"parent":"order"}', 'order'],
			['Keyline order get', 'order'],
			['Keyline carrier get {"parent":"order"}', 'order'],
			['Keyline address get {"addressType":"delivery","parent":"order"}', 'order'],
		])('%s runs', async (name, owner) => {
			const key = keylineCredential(keyline).data.apiKey as string;
			const order = keyline.seedOrder();
			const cart = keyline.store.createCart(key);
			const { parameters } = node(name);
			const id = owner === 'order' ? order.id : cart.id;
			const result = await runNode({
				type: 'keyline',
				parameters,
				items: [{ id }],
				credentials: [keylineCredential(keyline)],
			});
			expect(result.error).toBeUndefined();
			expect(keyline.requests.some((r) => r.path.includes(`/${id}`))).toBe(true);
		});

		it.each(['InstantCard card get', 'InstantCard card preview'])('%s runs', async (name) => {
			const [id] = instantCard.seedCards(1);
			const result = await runNode({
				type: 'instantCard',
				parameters: node(name).parameters,
				items: [{ id }],
				credentials: [instantCardCredential(instantCard)],
			});
			expect(result.error).toBeUndefined();
			expect(result.items.length).toBeGreaterThan(0);
		});
	});
});

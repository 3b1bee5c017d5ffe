/**
 * What the editor of a real n8n receives for the package's forms (`/types/nodes.json`, the node
 * descriptions its node panel and forms are built from): the money notices are there, and are
 * shown, by n8n's own display rules, on every operation and switch that spends money.
 */
import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { N8nClient } from './client';

jest.setTimeout(240_000);

describe('the editor of a real n8n', () => {
	let n8n: N8nClient;
	let types: INodeTypeDescription[];

	beforeAll(async () => {
		n8n = await N8nClient.start();
		types = await n8n.editorFile<INodeTypeDescription[]>('/types/nodes.json');
	});
	afterAll(() => n8n?.stop());

	const ours = (name: string) => {
		const found = types.find((t) => t.name.endsWith(`.${name}`) && t.name.startsWith('CUSTOM.'));
		if (!found) throw new Error(`the editor does not receive ${name}`);
		return found;
	};

	/** The notices the editor shows on a form with these values (n8n's own display rules). */
	const noticesOn = (name: string, parameters: INodeParameters) => {
		const description = ours(name);
		const node = { typeVersion: 1, parameters } as unknown as INode;
		const values = NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			node,
			description,
		)!;
		return description.properties
			.filter((p) => p.type === 'notice')
			.filter((p) => NodeHelpers.displayParameter(values, p, node, description))
			.map((p) => p.displayName);
	};

	it('receives all four nodes with their icons', () => {
		for (const name of ['instantCard', 'keyline', 'instantCardTrigger', 'keylineTrigger']) {
			expect(ours(name).icon ?? ours(name).iconUrl).toBeDefined();
		}
	});

	it('the node panel finds them by the words people search with', () => {
		const aliases = (name: string) =>
			(ours(name) as INodeTypeDescription & { codex?: { alias?: string[] } }).codex?.alias ?? [];
		for (const name of ['instantCard', 'instantCardTrigger'])
			expect(aliases(name)).toEqual(
				expect.arrayContaining(['print', 'ID card', 'badge', 'membership card']),
			);
		for (const name of ['keyline', 'keylineTrigger'])
			expect(aliases(name)).toEqual(
				expect.arrayContaining(['print', 'print shop', 'web to print', 'order']),
			);
	});

	it.each([
		['instantCard', { resource: 'printJob', operation: 'submit' }],
		['instantCard', { resource: 'printJob', operation: 'create', submitAfterCreate: true }],
		['instantCard', { resource: 'organization', operation: 'addFunds' }],
		['keyline', { resource: 'cart', operation: 'checkout' }],
		['keyline', { resource: 'order', operation: 'placeOrder', placeTheOrder: true }],
	])('%s %j: the form shows "This spends money."', (name, parameters) => {
		const money = noticesOn(name, parameters).filter((n) => n.startsWith('This spends money.'));
		expect(money).toHaveLength(1);
	});

	it('a form that spends nothing shows no money notice', () => {
		for (const [name, parameters] of [
			['instantCard', { resource: 'printJob', operation: 'create', submitAfterCreate: false }],
			['keyline', { resource: 'order', operation: 'placeOrder', placeTheOrder: false }],
		] as const) {
			expect(noticesOn(name, parameters).filter((n) => n.startsWith('This spends money.'))).toEqual(
				[],
			);
		}
	});
});

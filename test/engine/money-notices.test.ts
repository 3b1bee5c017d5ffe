/**
 * Every operation and switch that spends money shows the same visible notice on its form, where
 * the decision is made: not only in the operation list (which a user who adds "Submit a print
 * job" from the node panel never sees) and not only in a tooltip.
 */
import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../harness/load';

const SPENDS_MONEY = 'This spends money.';

async function description(type: string): Promise<INodeTypeDescription> {
	const { nodeTypes } = await loadPackage();
	return (nodeTypes.getByName(`${PACKAGE_NAME}.${type}`) as INodeType).description;
}

/** The notices the editor shows for these parameters, as the editor would store them. */
async function noticesShown(type: string, parameters: INodeParameters): Promise<string[]> {
	const node = { typeVersion: 1, parameters } as unknown as INode;
	const desc = await description(type);
	const values = NodeHelpers.getNodeParameters(
		desc.properties,
		parameters,
		true,
		false,
		node,
		desc,
	)!;
	return desc.properties
		.filter((p) => p.type === 'notice')
		.filter((p) => NodeHelpers.displayParameter(values, p, node, desc))
		.map((p) => p.displayName);
}

describe('money notices', () => {
	it.each([
		['instantCard', { resource: 'printJob', operation: 'submit' }, 'charges the organization'],
		[
			'instantCard',
			{ resource: 'printJob', operation: 'create', submitAfterCreate: true },
			'charges the organization',
		],
		[
			'instantCard',
			{ resource: 'organization', operation: 'addFunds' },
			'Charges the payment card',
		],
		['keyline', { resource: 'cart', operation: 'checkout' }, 'binding order'],
		[
			'keyline',
			{ resource: 'order', operation: 'placeOrder', placeTheOrder: true },
			'binding order',
		],
	])('%s %j shows the notice', async (type, parameters, words) => {
		const money = (await noticesShown(type, parameters)).filter((n) => n.startsWith(SPENDS_MONEY));
		expect(money).toHaveLength(1);
		expect(money[0]).toContain(words);
		expect(money[0]).toContain('sent once');
	});

	it.each([
		['instantCard', { resource: 'printJob', operation: 'create', submitAfterCreate: false }],
		['keyline', { resource: 'order', operation: 'placeOrder', placeTheOrder: false }],
		['instantCard', { resource: 'printJob', operation: 'get' }],
		['keyline', { resource: 'cart', operation: 'validate' }],
	])('%s %j spends nothing and says nothing of money', async (type, parameters) => {
		const money = (await noticesShown(type, parameters)).filter((n) => n.startsWith(SPENDS_MONEY));
		expect(money).toEqual([]);
	});

	it("Place the Order's notice stands right below the switch", async () => {
		const { properties } = await description('keyline');
		const at = (name: string) => properties.findIndex((p) => p.name === name);
		expect(at('placeTheOrderNotice')).toBe(at('placeTheOrder') + 1);
	});
});

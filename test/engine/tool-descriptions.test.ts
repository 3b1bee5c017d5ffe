/**
 * What an AI Agent's user and model get to read when InstantCard or Keyline is a tool.
 *
 * n8n offers the model a tool named after the node, described (with the default "Set
 * Automatically") as `<the operation's action> in <node>`, and taking the arguments the user let
 * the model define with `$fromAI(key, description, type)`: the description the model reads is
 * the one the user writes there, from the parameter's own description in the editor (see
 * test/platforms/agent.e2e.test.ts for what a real n8n sends). So:
 *
 * 1. every operation has an action, which n8n turns into the tool's description;
 * 2. every parameter that can take an expression (so can be filled by the model) — not hidden,
 *    not a notice, not `noDataExpression`; the fields inside collections included — has a
 *    description of a few words in sentence case that says more than its label, unless it is a
 *    choice whose every option is described;
 * 3. every ID parameter (a picker, or a name ending in `Id`/`Ids`) says where the ID comes from:
 *    an operation that returns it (`Card → Create`) or who gives it out (the print shop). "Map it
 *    from a previous node" is no help to a model or to the user writing its `$fromAI` description.
 */
import {
	NodeHelpers,
	type INode,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../harness/load';

const ACTION_NODES = ['instantCard', 'keyline'] as const;

async function description(type: string): Promise<INodeTypeDescription> {
	const { nodeTypes } = await loadPackage();
	return (nodeTypes.getByName(`${PACKAGE_NAME}.${type}`) as INodeType).description;
}

interface Fillable {
	/** e.g. `updateFields.city`, `products.product.variants.variant.circulation` */
	path: string;
	property: INodeProperties;
}

const NOT_FILLED = new Set(['hidden', 'notice', 'callout', 'button']);

/** The parameters a model can be given, with the fields inside collections, by path. */
function fillable(properties: INodeProperties[], prefix = ''): Fillable[] {
	const out: Fillable[] = [];
	for (const property of properties) {
		const path = `${prefix}${property.name}`;
		if (NOT_FILLED.has(property.type)) continue;
		if (property.type === 'collection' || property.type === 'fixedCollection') {
			for (const option of property.options ?? []) {
				if ('values' in option)
					out.push(
						...fillable((option as INodePropertyCollection).values, `${path}.${option.name}.`),
					);
				else if ('type' in option) out.push(...fillable([option as INodeProperties], `${path}.`));
			}
			continue;
		}
		if (property.noDataExpression) continue;
		out.push({ path, property });
	}
	return out;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const bare = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Why a parameter's description does not do, or undefined when it does. */
function descriptionProblem({ property }: Fillable): string | undefined {
	const text = (property.description ?? '').trim();
	const options = (property.options ?? []) as INodePropertyOptions[];
	const choice = property.type === 'options' || property.type === 'multiOptions';
	if (!text && choice && options.length > 0 && options.every((o) => o.description?.trim()))
		return undefined;
	if (!text) return 'no description';
	if (words(text) < 3) return `too short: "${text}"`;
	if (!/^[A-Z0-9]/.test(text)) return `not in sentence case: "${text}"`;
	if (bare(text) === bare(property.displayName)) return `only repeats the label: "${text}"`;
	return undefined;
}

const isId = ({ property }: Fillable) =>
	property.type === 'resourceLocator' || /Ids?$/.test(property.name);

/** Says where the ID comes from: an operation that gives it, or the print shop. */
const saysWhereFrom = (text: string) => /→|print shop/i.test(text);

describe.each(ACTION_NODES)('%s as an AI Agent tool', (type) => {
	it('every operation has an action, which n8n makes the tool description', async () => {
		const desc = await description(type);
		const resources = desc.properties.find((p) => p.name === 'resource')!
			.options as INodePropertyOptions[];
		const descriptions: string[] = [];
		const missing: string[] = [];
		for (const operationProperty of desc.properties.filter((p) => p.name === 'operation')) {
			for (const resource of operationProperty.displayOptions?.show?.resource ?? []) {
				for (const operation of operationProperty.options as INodePropertyOptions[]) {
					if (!operation.action?.trim()) missing.push(`${String(resource)} → ${operation.name}`);
					// As n8n computes it for the model, for a tool node with these parameters.
					const node = {
						name: 'Tool',
						type: `${PACKAGE_NAME}.${type}Tool`,
						typeVersion: 1,
						position: [0, 0],
						parameters: { descriptionType: 'auto', resource, operation: operation.value },
					} as unknown as INode;
					descriptions.push(
						NodeHelpers.getToolDescriptionForNode(node, { description: desc } as INodeType),
					);
				}
			}
		}
		expect(missing).toEqual([]);
		expect(resources.length).toBeGreaterThan(3);
		// e.g. "Get a card in InstantCard": the action, then the node's default name.
		const suffix = ` in ${desc.defaults.name}`;
		expect(descriptions.filter((d) => !d.endsWith(suffix) || words(d) < 4)).toEqual([]);
		expect(new Set(descriptions).size).toBe(descriptions.length);
	});

	it('every parameter a model can fill has a description that says what is expected', async () => {
		const desc = await description(type);
		const params = fillable(desc.properties);
		expect(params.length).toBeGreaterThan(30);
		const problems = params
			.map((param) => [param.path, descriptionProblem(param)])
			.filter(([, problem]) => problem);
		expect(problems).toEqual([]);
	});

	it('every ID parameter says where the ID comes from', async () => {
		const desc = await description(type);
		const ids = fillable(desc.properties).filter(isId);
		expect(ids.length).toBeGreaterThan(4);
		const vague = ids
			.filter(({ property }) => !saysWhereFrom(property.description ?? ''))
			.map(({ path, property }) => `${path}: ${property.description ?? ''}`);
		expect(vague).toEqual([]);
	});
});

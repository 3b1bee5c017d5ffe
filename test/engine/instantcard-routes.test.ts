/**
 * The InstantCard node states each operation's route on its option, has one property per
 * parameter name (n8n-core's RoutingNode resolves a parameter once for every top-level property
 * of that name, on every item, and again for the base URL), and so evaluates the user's
 * expression for an ID at most three times per item. Read from the BUILT node's description and
 * run through n8n-core's engine against the sandbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
	INode,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { countEvaluations } from '../harness/expressions';
import { loadPackage, PACKAGE_NAME } from '../harness/load';
import { runNode } from '../harness/run';
import { InstantCardSandbox } from '../sandbox/instantcard';
import { instantCardCredential, rl } from './fixtures';

type Step = { templates?: string[]; organization?: boolean };
type Option = INodePropertyOptions & { routing?: Record<string, any> };

async function description(): Promise<INodeTypeDescription> {
	const { nodeTypes } = await loadPackage();
	return (nodeTypes.getByName(`${PACKAGE_NAME}.instantCard`) as INodeType).description;
}

/** Every operation of the node: its resource, its option. */
async function operations(): Promise<Array<{ resource: string; option: Option }>> {
	const { properties } = await description();
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((property) =>
			(property.options as Option[]).map((option) => ({
				resource: String(property.displayOptions?.show?.resource?.[0]),
				option,
			})),
		);
}

describe('InstantCard: one property per parameter name', () => {
	it('has at most one top-level property per name, but for the documented ones', async () => {
		const counts = new Map<string, number>();
		for (const property of (await description()).properties)
			counts.set(property.name, (counts.get(property.name) ?? 0) + 1);
		const repeated = Object.fromEntries(
			[...counts].filter(([, n]) => n > 1).sort(([a], [b]) => a.localeCompare(b)),
		);
		expect(repeated).toEqual({
			// One operation selector per resource (n8n's pattern; never an expression).
			operation: 8,
			// The record's own ID, and the saved address a print job's Create and Update each ship to.
			addressId: 3,
			// The record's own ID, and the contact Address → Create and Update each link.
			contactId: 3,
			// A contact's Full Name; the Name on Card of Add Funds.
			fullName: 2,
			// The one-off address of Print Job → Create and of Print Job → Update.
			oneOffAddress1: 2,
			oneOffAddress2: 2,
			oneOffCity: 2,
			oneOffCountry: 2,
			oneOffFullName: 2,
			oneOffOrganizationName: 2,
			oneOffState: 2,
			oneOffZipCode: 2,
		});
	});

	/** The (resource, operation) pairs whose saved parameters n8n keeps `name` in. */
	async function keptOn(
		name: string,
		value: unknown,
		extra: Record<string, unknown> = {},
	): Promise<string[]> {
		const node = await description();
		const kept: string[] = [];
		for (const { resource, option } of await operations()) {
			const parameters = { resource, operation: option.value, ...extra, [name]: value };
			const result = NodeHelpers.getNodeParameters(
				node.properties,
				parameters as never,
				true,
				false,
				{ typeVersion: 1 } as INode,
				node,
			);
			if (result && name in result) kept.push(`${resource}:${String(option.value)}`);
		}
		return kept.sort();
	}

	/** The operations that list: Return All and Limit belong to these. */
	const LISTS = [
		'address:getAll',
		'card:getAll',
		'card:search',
		'cardTemplate:getAll',
		'contact:getAll',
		'organization:getTransactions',
		'printJob:getAll',
		'shippingProvider:getAll',
	];

	it.each([
		[
			'cardId',
			rl(264561),
			[
				'card:delete',
				'card:finalize',
				'card:get',
				'card:preview',
				'card:printHistory',
				'card:update',
				'card:uploadImage',
			],
		],
		[
			'printJobId',
			rl(81001),
			[
				'printJob:addCards',
				'printJob:chargeDetails',
				'printJob:checkBalance',
				'printJob:get',
				'printJob:removeCard',
				'printJob:submit',
				'printJob:update',
			],
		],
		['returnAll', true, LISTS],
		['limit', 7, LISTS],
		['cardTemplateId', rl(1001), ['card:create', 'cardTemplate:getFields']],
		['cardIds', '264561', ['printJob:addCards', 'printJob:create']],
		['shippingProviderId', rl(2), ['printJob:create', 'printJob:update']],
		['additionalFields', { label: 'x' }, ['address:create', 'contact:create']],
		[
			'updateFields',
			{ numberOfCopies: 2 },
			['address:update', 'contact:update', 'printJob:update'],
		],
	])(
		'%s is one property, kept exactly where its operations use it',
		async (name, value, expected) => {
			expect(await keptOn(name, value)).toEqual(expected);
		},
	);

	it.each([
		['updateFields', 'address', 'update', { city: 'Austin', primary: true }],
		['updateFields', 'contact', 'update', { email: 'ada@example.com', altPhoneNumber: '1' }],
		['updateFields', 'printJob', 'update', { cardIds: '1', numberOfCopies: 2 }],
		[
			'additionalFields',
			'address',
			'create',
			{ label: 'HQ', organizationName: 'Acme', primary: false },
		],
		['additionalFields', 'contact', 'create', { altEmail: 'a@b.co' }],
	])("the one %s keeps %s's own options as saved", async (name, resource, operation, value) => {
		const node = await description();
		const result = NodeHelpers.getNodeParameters(
			node.properties,
			{ resource, operation, [name]: value } as never,
			false,
			false,
			{ typeVersion: 1 } as INode,
			node,
		);
		expect(result?.[name]).toEqual(value);
	});

	it('the one-off fields and the linked pickers still show only for their own choice', async () => {
		expect(
			await keptOn('oneOffCity', 'Austin', { addressMode: 'oneOff', addressUpdate: 'oneOff' }),
		).toEqual(['printJob:create', 'printJob:update']);
		expect(await keptOn('oneOffCity', 'Austin')).toEqual([]);
		expect(
			await keptOn('addressId', rl(3001), { addressMode: 'saved', addressUpdate: 'saved' }),
		).toEqual(
			[
				'address:delete',
				'address:get',
				'address:update',
				'printJob:create',
				'printJob:update',
			].sort(),
		);
		expect(
			await keptOn('contactId', rl(5001), { contactMode: 'existing', contactUpdate: 'existing' }),
		).toEqual(
			[
				'address:create',
				'address:update',
				'contact:delete',
				'contact:get',
				'contact:update',
			].sort(),
		);
		expect(await keptOn('contactId', rl(5001))).toEqual([
			'contact:delete',
			'contact:get',
			'contact:update',
		]);
	});

	it('only the operations route: no field carries routing of its own', async () => {
		const routed: string[] = [];
		const visit = (property: INodeProperties, where: string) => {
			if (property.routing) routed.push(where);
			for (const option of (property.options ?? []) as Array<
				INodeProperties | { values?: INodeProperties[] }
			>) {
				if ('type' in option) visit(option, `${where}.${option.name}`);
				for (const value of ('values' in option ? option.values : undefined) ?? [])
					visit(value, `${where}.${value.name}`);
			}
		};
		for (const property of (await description()).properties)
			if (property.name !== 'operation') visit(property, property.name);
		// The one hidden property that sends every request through the node's request hook.
		expect(routed).toEqual(['requestRouting']);
	});
});

describe("InstantCard: the user's expression for an ID is evaluated at most three times per item", () => {
	const sandbox = new InstantCardSandbox();
	beforeAll(async () => await sandbox.start());
	afterAll(async () => await sandbox.stop());

	const USER = '={{ $json.id }}';
	const ITEMS = 5;

	/** Evaluations per item of all expressions, and of the user's `{{ $json.id }}`. */
	async function countExpressions(parameters: Record<string, unknown>, ids: number[]) {
		const run = async () =>
			await runNode({
				type: 'instantCard',
				parameters: parameters as never,
				items: ids.map((id) => ({ id })),
				credentials: [instantCardCredential(sandbox)],
			});
		await run(); // logs in: its expressions are not the operation's
		const { result, all, matching } = await countEvaluations(run, USER);
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThanOrEqual(ids.length);
		return { perItem: all / ids.length, userPerItem: matching / ids.length };
	}

	it('Card → Get: three times for the ID, and no other expression', async () => {
		const cards = sandbox.seedCards(ITEMS);
		const figures = await countExpressions(
			{ resource: 'card', operation: 'get', cardId: { __rl: true, mode: 'id', value: USER } },
			cards,
		);
		// RoutingNode resolves each top-level property once for the request and once for the base
		// URL; the route reads the ID once. The credential, not an expression, gives the base URL.
		expect(figures).toEqual({ perItem: 3, userPerItem: 3 });
	});

	// Twice per property of the name, and once by the route. Contact and Address IDs have three
	// properties each (the record's own, and the pickers Create and Update each link with).
	it.each([
		['printJob', 'get', 'printJobId', 3, (s: InstantCardSandbox) => s.seedPrintJob().id],
		['cardTemplate', 'getFields', 'cardTemplateId', 3, () => 1001],
		['card', 'preview', 'cardId', 3, (s: InstantCardSandbox) => s.seedCards(1)[0]],
		['contact', 'get', 'contactId', 7, (s: InstantCardSandbox) => [...s.store.contacts.keys()][0]],
		['address', 'get', 'addressId', 7, (s: InstantCardSandbox) => [...s.store.addresses.keys()][0]],
	])('%s → %s: %s at most %i times', async (resource, operation, name, most, id) => {
		const value = id(sandbox);
		const figures = await countExpressions(
			{ resource, operation, [name]: { __rl: true, mode: 'id', value: USER } },
			Array.from({ length: 2 }, () => value),
		);
		expect(figures.userPerItem).toBeLessThanOrEqual(most);
	});
});

describe('InstantCard: each operation states its route, and they cover the API', () => {
	const ENDPOINTS = (
		JSON.parse(readFileSync(path.resolve(__dirname, '../endpoints.json'), 'utf8')) as Array<{
			api: string;
			method: string;
			path: string;
		}>
	)
		.filter((e) => e.api === 'instantcard')
		// The login is the credential's, not an operation's.
		.filter((e) => e.path !== '/api/v2/authenticate');

	/** The node's spelling of an ID in a path: named after the record it is the ID of. */
	const ID_NAMES: Record<string, string> = {
		cards: 'cardId',
		print_jobs: 'printJobId',
		addresses: 'addressId',
		contacts: 'contactId',
		card_templates: 'cardTemplateId',
		// A card of a print job has its own field (Remove Card).
		remove_cards: 'printJobCardId',
	};
	/** `/api/v2/organizations/{organization_id}/cards/{id}` → `/organizations/{organizationId}/cards/{cardId}`. */
	const normalise = (p: string) =>
		p
			.replace(/^\/api\/v2/, '')
			.replace('{organization_id}', '{organizationId}')
			.replace(
				/\/(\w+)\/\{(id|card_id)\}/g,
				(_m, segment: string) => `/${segment}/{${ID_NAMES[segment]}}`,
			);

	/** Each operation's method and full path below the API root, from its option alone. */
	async function reached() {
		const found = new Map<string, string[]>();
		for (const { resource, option } of await operations()) {
			const steps = (option.routing?.send?.preSend ?? []) as Step[];
			const templates = steps[0]?.templates ?? [];
			const organization = steps.find((step) => step.organization !== undefined)?.organization;
			const prefix = organization ? '/organizations/{organizationId}' : '';
			for (const template of templates) {
				const key = `${String(option.routing?.request?.method)} ${prefix}${template}`;
				found.set(key, [...(found.get(key) ?? []), `${resource}:${String(option.value)}`]);
			}
		}
		return found;
	}

	it('every operation option carries its method and path template first', async () => {
		const all = await operations();
		expect(all).toHaveLength(37);
		const unstated = all.filter(({ option }) => {
			const steps = (option.routing?.send?.preSend ?? []) as Step[];
			return (
				!option.routing?.request?.method ||
				!steps[0]?.templates?.length ||
				steps.every((s) => s.organization === undefined)
			);
		});
		expect(unstated.map(({ resource, option }) => `${resource}:${String(option.value)}`)).toEqual(
			[],
		);
	});

	it('reaches each of the 37 InstantCard endpoints from exactly one operation', async () => {
		expect(ENDPOINTS).toHaveLength(37);
		const found = await reached();
		const missing = ENDPOINTS.map((e) => `${e.method} ${normalise(e.path)}`).filter(
			(key) => !found.has(key),
		);
		expect(missing).toEqual([]);
		expect([...found].filter(([, ops]) => ops.length > 1)).toEqual([]);
	});

	it('has no operation whose endpoint the API does not have', async () => {
		const known = new Set(ENDPOINTS.map((e) => `${e.method} ${normalise(e.path)}`));
		expect([...(await reached()).keys()].filter((key) => !known.has(key))).toEqual([]);
	});
});

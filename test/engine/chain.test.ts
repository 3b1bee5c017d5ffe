/**
 * Every operation of both nodes as a node of an n8n workflow, each chained into the next one a
 * workflow would use: the IDs each node works on are expressions on the previous node's output
 * only (`{{ $json.id }}`, `{{ $json.cartId }}`, …), never a node reached back to and never a
 * literal. Each chain is one run of n8n-core's WorkflowExecute against a sandbox. Per node: it
 * succeeded, the request that names its record went to the right record, and its output keeps the
 * rule that a chain never has to reach back: every item about one record has that record's `id`,
 * and every Keyline item under a cart or order has `cartId` or `orderId` (and `productId`,
 * `componentId` when under them).
 *
 * Catalogue values agreed with the vendor (Keyline's customer, carrier and product template,
 * InstantCard's shipping provider) are not records of a chain: they are given as literals, as a
 * workflow would.
 */
import type {
	IConnections,
	INode,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import { ITEMS_NODE_TYPE, loadPackage, PACKAGE_NAME } from '../harness/load';
import { helperWith, packageNode, runWorkflow, type StoredCredential } from '../harness/run';
import {
	instantCardCredential,
	keylineCredential,
	useInstantCardSandbox,
	useKeylineSandbox,
} from '../harness/sandboxes';
import type { RecordedRequest } from '../sandbox/core';
import { INSTANTCARD_SHIPPING_PROVIDERS } from '../sandbox/instantcard';
import type { KeylineSandbox } from '../sandbox/keyline';
import { instantCardAddFunds } from '../fixtures/instantcard';
import { KEYLINE_ADDRESS_FIELDS } from '../fixtures/keyline';
import { INSTANTCARD_ORG, KEYLINE_BASE, keylinePlaceOrder, rl } from './fixtures';

/** The records a chain works on, by what they are: `cart`, `product`, `card`, `job`, … */
type Records = Record<string, number>;

/** What a node of the chain output, by its name. */
type Output = (name: string) => INodeExecutionData[];

/** The parents a Keyline output names, by record: `cart` → `cartId`. */
const PARENT_KEY: Record<string, string> = {
	cart: 'cartId',
	order: 'orderId',
	product: 'productId',
	component: 'componentId',
	template: 'cardTemplateId',
	card: 'cardId',
};

interface Step {
	/** The node's name, as the editor shows it: "Resource → Operation". */
	name: string;
	parameters: Record<string, unknown>;
	/** The request naming the node's record, `{cart}` etc. standing for the chain's records. */
	sends: string;
	/**
	 * The record each output item is about (its `id`): a record of the chain, a catalogue ID,
	 * `any` for a list of records the chain did not make, `null` for an output that is not about
	 * one record with an ID (a field of a template, a recipient, an address of a cart, a balance).
	 */
	id: string | number | null;
	/** The records each item lives under, named by its keys (`cart` → `cartId`). */
	under?: string[];
	/** Node settings, e.g. `{ executeOnce: true }` after a list. */
	settings?: Partial<INode>;
}

/**
 * The ID parameters of records. Those of a node after the first must be expressions on the
 * previous node's output. Catalogue IDs (customerId, carrierId, productTemplate,
 * shippingProviderId) are not among them.
 */
const ID_PARAMETERS = [
	'cartId',
	'orderId',
	'productId',
	'variantId',
	'componentId',
	'printDataFileId',
	'cardId',
	'cardIds',
	'cardTemplateId',
	'printJobId',
	'printJobCardId',
	'addressId',
	'contactId',
];

/** The value an ID parameter holds: a resource locator's value, or the parameter itself. */
const idValue = (value: unknown) =>
	typeof value === 'object' && value !== null ? (value as { value: unknown }).value : value;

/** An expression on the previous node's output: `{{ $json.id }}`, `{{ $json.list[0].id }}`. */
const ON_PREVIOUS_OUTPUT = /^=\{\{ \$json[.[][^$]*\}\}$/;

/**
 * Runs `steps` as one workflow (a start node, then each step connected to the one before) and
 * states what each node must have done; `records` names the chain's records once it has run
 * (from the sandbox's store or the node that made them).
 */
function chain(options: {
	type: 'keyline' | 'instantCard';
	credential: () => StoredCredential;
	requests: () => RecordedRequest[];
	/** Request paths are compared below this base. */
	base: string;
	steps: Step[];
	records: (output: Output) => Records;
}) {
	const { steps } = options;
	let outputs: Record<string, INodeExecutionData[]> = {};
	let errors: Record<string, unknown> = {};
	let records: Records = {};
	let calls: string[] = [];

	beforeAll(async () => {
		const credential = options.credential();
		const start: INode = {
			id: 'start',
			name: 'Start',
			type: ITEMS_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: '[{}]' },
		};
		const nodes: INode[] = [
			start,
			...steps.map((step, index) => ({
				...packageNode({
					id: `n${index}`,
					name: step.name,
					type: options.type,
					position: [200 * (index + 1), 0],
					parameters: step.parameters as never,
					credentials: [credential],
				}),
				...step.settings,
			})),
		];
		const connections: IConnections = {};
		for (let index = 1; index < nodes.length; index++) {
			connections[nodes[index - 1].name] = {
				main: [[{ node: nodes[index].name, type: 'main' as never, index: 0 }]],
			};
		}
		const run = await runWorkflow({ nodes, connections }, await helperWith([credential]));
		const runData = run.data.resultData.runData;
		outputs = Object.fromEntries(
			steps.map((step) => [step.name, runData[step.name]?.[0]?.data?.main?.[0] ?? []]),
		);
		errors = Object.fromEntries(steps.map((step) => [step.name, runData[step.name]?.[0]?.error]));
		if (run.data.resultData.error) errors.workflow = run.data.resultData.error;
		records = options.records((name) => outputs[name]);
		calls = options
			.requests()
			.map(
				(r) =>
					`${r.method} ${r.path.startsWith(options.base) ? r.path.slice(options.base.length) || '/' : r.path}`,
			);
	});

	it('runs every node to the end', () => {
		expect(errors).toEqual(Object.fromEntries(steps.map((step) => [step.name, undefined])));
		for (const step of steps)
			expect([step.name, outputs[step.name].length > 0]).toEqual([step.name, true]);
	});

	it("gives the ID parameters of every node after the first as expressions on the previous node's output", () => {
		for (const step of steps.slice(1)) {
			for (const name of ID_PARAMETERS) {
				if (!(name in step.parameters)) continue;
				expect([step.name, name, idValue(step.parameters[name])]).toEqual([
					step.name,
					name,
					expect.stringMatching(ON_PREVIOUS_OUTPUT),
				]);
			}
		}
	});

	/** `{cart}` and the like in a step's request, from the records. */
	const expand = (text: string) =>
		text.replace(/\{(\w+)\}/g, (_match, record: string) => {
			if (records[record] === undefined) throw new Error(`no record "${record}" in ${text}`);
			return String(records[record]);
		});

	it("sends each node's request to its record, in the order of the chain", () => {
		let from = 0;
		for (const step of steps) {
			const wanted = expand(step.sends);
			const at = calls.indexOf(wanted, from);
			expect([step.name, at >= 0 ? wanted : calls.slice(from)]).toEqual([step.name, wanted]);
			from = at + 1;
		}
	});

	it.each(steps.map((step) => [step.name, step] as const))(
		'%s: each item has the id of its record and the IDs of its parents',
		(_name, step) => {
			const items = outputs[step.name].map((item) => item.json);
			expect(items.length).toBeGreaterThan(0);
			const expected: Record<string, unknown> = {};
			if (step.id === 'any') expected.id = expect.any(Number);
			else if (typeof step.id === 'number') expected.id = step.id;
			else if (step.id !== null) expected.id = records[step.id];
			for (const parent of step.under ?? []) expected[PARENT_KEY[parent]] = records[parent];
			for (const json of items) expect(json).toEqual(expect.objectContaining(expected));
		},
	);

	for (const step of steps)
		covered[options.type].add(
			`${String(step.parameters.resource)}/${String(step.parameters.operation)}`,
		);
}

/** The operations the chains of this file run, by node: `cart/create`. */
const covered = { keyline: new Set<string>(), instantCard: new Set<string>() };

/** Every operation of a node, as its description lists them: `cart/create`. */
async function operationsOf(type: 'keyline' | 'instantCard'): Promise<string[]> {
	const { nodeTypes } = await loadPackage();
	const { properties } = (nodeTypes.getByName(`${PACKAGE_NAME}.${type}`) as INodeType).description;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map(
				(option) =>
					`${String(property.displayOptions?.show?.resource?.[0])}/${String(option.value)}`,
			),
		);
}

describe.each(['keyline', 'instantCard'] as const)('the chains of the %s node', (type) => {
	it('run every operation of the node', async () => {
		const operations = await operationsOf(type);
		expect(operations.length).toBeGreaterThan(30);
		expect([...covered[type]].sort()).toEqual([...operations].sort());
	});
});

/** An expression on the previous node's output: `$json('cartId')` is `={{ $json.cartId }}`. */
const $json = (path: string) => `={{ $json.${path} }}`;

// ----- Keyline -----

const CUSTOMER = 206;
const CARRIER = 43;
const OTHER_CARRIER = 44;
const STICKER = 501;
const FILE = { uri: 'https://example.com/print/sticker.pdf', kind: 'original' };
const ADDRESS = KEYLINE_ADDRESS_FIELDS;

/** Parameters of one resource and operation, with the rest. */
const op = (resource: string, operation: string, rest: Record<string, unknown> = {}) => ({
	resource,
	operation,
	...rest,
});

/** How the editor names operations, and the method each sends. */
const OPERATIONS: Record<string, [title: string, method: string]> = {
	add: ['Add', 'POST'],
	create: ['Create', 'POST'],
	set: ['Set', 'POST'],
	get: ['Get', 'GET'],
	getAll: ['Get Many', 'GET'],
	update: ['Update', 'PATCH'],
	delete: ['Delete', 'DELETE'],
	remove: ['Remove', 'DELETE'],
	cancel: ['Cancel', 'DELETE'],
	validate: ['Validate', 'GET'],
	checkout: ['Check Out', 'POST'],
};

/**
 * Keyline's records in a cart or order: the path below the cart or order, the record an item is
 * about (`null`: no ID of its own) and the records it lives under besides the cart or order.
 * Products, variants, components and print data files (on a component) end with their own ID
 * when the operation is about one of them.
 */
const KEYLINE_RECORDS: Record<
	string,
	{ title: string; path: string; record: string | number | null; under: string[]; one?: true }
> = {
	customer: { title: 'Customer', path: '/customer', record: CUSTOMER, under: [] },
	recipient: { title: 'Recipient', path: '/recipient', record: null, under: [] },
	carrier: { title: 'Carrier', path: '/carrier', record: CARRIER, under: [] },
	billing: { title: 'Address', path: '/billing_address', record: null, under: [] },
	delivery: { title: 'Address', path: '/delivery_address', record: null, under: [] },
	product: { title: 'Product', path: '/products', record: 'product', under: [], one: true },
	variant: {
		title: 'Variant',
		path: '/products/{product}/variants',
		record: 'variant',
		under: ['product'],
		one: true,
	},
	component: {
		title: 'Component',
		path: '/products/{product}/components',
		record: 'component',
		under: ['product'],
		one: true,
	},
	printDataFile: {
		title: 'Print Data File',
		path: '/products/{product}/components/{component}/print_data_files',
		record: 'file',
		under: ['product', 'component'],
		one: true,
	},
};

/**
 * A Keyline node on a record in a cart or order. `ids`: each ID parameter and the key of the
 * previous node's output it is mapped from (`{ cartId: 'cartId', productId: 'id' }`); the order's
 * ID among them makes it an order's. Addresses are `billing` or `delivery`; print data files are
 * a component's.
 */
function keylineStep(
	kind: string,
	operation: string,
	ids: Record<string, string>,
	{ rest = {}, id }: { rest?: Record<string, unknown>; id?: Step['id'] } = {},
): Step {
	const record = KEYLINE_RECORDS[kind];
	const parent = 'orderId' in ids ? 'order' : 'cart';
	const [title, method] = OPERATIONS[operation];
	const resource = kind === 'billing' || kind === 'delivery' ? 'address' : kind;
	const onOne = record.one && ['get', 'update', 'delete', 'remove'].includes(operation);
	const qualifiers = [
		...(resource === 'address' ? [kind === 'billing' ? 'Billing' : 'Delivery'] : []),
		...(parent === 'order' ? ['Order'] : []),
	];
	return {
		name: `${record.title} → ${title}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`,
		parameters: op(resource, operation, {
			parent,
			...(resource === 'address' ? { addressType: kind } : {}),
			...(resource === 'printDataFile' ? { attachedTo: 'component' } : {}),
			...Object.fromEntries(Object.entries(ids).map(([name, key]) => [name, $json(key)])),
			...rest,
		}),
		sends: `${method} /${parent}s/{${parent}}${record.path}${onOne ? `/{${String(record.record)}}` : ''}`,
		id: id === undefined ? record.record : id,
		under: [parent, ...record.under],
	};
}

/** A Keyline node on a cart or order itself, its ID mapped from the previous node's `from`. */
const own = (resource: 'cart' | 'order', operation: string, from: string, rest = {}): Step => {
	const [title, method] = OPERATIONS[operation];
	return {
		name: `${resource === 'cart' ? 'Cart' : 'Order'} → ${title}`,
		parameters: op(resource, operation, { [`${resource}Id`]: $json(from), ...rest }),
		sends: `${method} /${resource}s/{${resource}}${['validate', 'checkout'].includes(operation) ? '/checkout' : ''}`,
		id: resource,
	};
};

const CREATE_CART: Step = {
	name: 'Cart → Create',
	parameters: op('cart', 'create', { additionalFields: { customOfferText: 'Angebot 2027' } }),
	sends: 'POST /carts',
	id: 'cart',
};
const RECIPIENT = { firstName: 'Bran', lastName: 'Stark', email: 'bran.stark@example.com' };
const IN_CART = { cartId: 'cartId' };
const IN_ORDER = { orderId: 'orderId' };
const ON_PRODUCT = { cartId: 'cartId', productId: 'productId' };
const ON_COMPONENT = { ...ON_PRODUCT, componentId: 'componentId' };

/** A chain against a Keyline sandbox of this describe. */
function keylineChain(
	steps: Step[],
	records: (sandbox: KeylineSandbox, output: Output) => Records,
) {
	const sandbox = useKeylineSandbox();
	chain({
		type: 'keyline',
		credential: () => keylineCredential(sandbox),
		requests: () => sandbox.requests,
		base: KEYLINE_BASE,
		records: (output) => records(sandbox, output),
		steps,
	});
}

/** The ID its node made, in its first output item. */
const madeBy = (output: Output, name: string) => Number(output(name)[0].json.id);

describe('Keyline chain: a cart built, checked, checked out; the order read, changed and cancelled', () => {
	keylineChain(
		[
			CREATE_CART,
			keylineStep('customer', 'set', { cartId: 'id' }, { rest: { customerId: String(CUSTOMER) } }),
			keylineStep('recipient', 'set', IN_CART, { rest: RECIPIENT }),
			keylineStep('carrier', 'set', IN_CART, { rest: { carrierId: String(CARRIER) } }),
			keylineStep('billing', 'set', IN_CART, { rest: ADDRESS }),
			keylineStep('delivery', 'set', IN_CART, { rest: ADDRESS }),
			keylineStep('product', 'add', IN_CART, { rest: { productTemplate: rl(STICKER) } }),
			keylineStep(
				'variant',
				'create',
				{ cartId: 'cartId', productId: 'id' },
				{ rest: { name: 'Englisch', circulation: 500 } },
			),
			keylineStep(
				'variant',
				'update',
				{ ...ON_PRODUCT, variantId: 'id' },
				{ rest: { updateFields: { circulation: 750 } } },
			),
			keylineStep('variant', 'get', { ...ON_PRODUCT, variantId: 'id' }),
			keylineStep('variant', 'delete', { ...ON_PRODUCT, variantId: 'id' }),
			// The product's own variant, left after the new one was deleted.
			keylineStep('variant', 'getAll', ON_PRODUCT, { id: 'any' }),
			keylineStep('component', 'getAll', ON_PRODUCT),
			keylineStep('component', 'get', { ...ON_PRODUCT, componentId: 'id' }),
			keylineStep(
				'component',
				'update',
				{ ...ON_PRODUCT, componentId: 'id' },
				{ rest: { updateFields: { grammage: 200 } } },
			),
			keylineStep('printDataFile', 'create', { ...ON_PRODUCT, componentId: 'id' }, { rest: FILE }),
			keylineStep('printDataFile', 'get', { ...ON_COMPONENT, printDataFileId: 'id' }),
			keylineStep(
				'printDataFile',
				'update',
				{ ...ON_COMPONENT, printDataFileId: 'id' },
				{ rest: { updateFields: { fileSize: 482113 } } },
			),
			keylineStep('printDataFile', 'getAll', ON_COMPONENT, { rest: { returnAll: true } }),
			own('cart', 'validate', 'cartId'),
			own('cart', 'checkout', 'id'),
			// Check Out names the order it placed as `order_id`.
			own('order', 'get', 'order_id'),
			keylineStep('carrier', 'get', { orderId: 'id' }),
			keylineStep('carrier', 'set', IN_ORDER, {
				rest: { carrierId: String(OTHER_CARRIER) },
				id: OTHER_CARRIER,
			}),
			keylineStep('delivery', 'get', IN_ORDER),
			keylineStep('product', 'getAll', IN_ORDER),
			keylineStep('product', 'get', { ...IN_ORDER, productId: 'id' }),
			keylineStep('component', 'getAll', { ...IN_ORDER, productId: 'id' }),
			keylineStep(
				'printDataFile',
				'getAll',
				{ ...IN_ORDER, productId: 'productId', componentId: 'id' },
				{ rest: { returnAll: true } },
			),
			keylineStep('printDataFile', 'delete', {
				...IN_ORDER,
				productId: 'productId',
				componentId: 'componentId',
				printDataFileId: 'id',
			}),
			own('order', 'cancel', 'orderId'),
		],
		(sandbox, output) => {
			const [cart] = sandbox.store.carts.values();
			const [product] = cart.products;
			return {
				cart: cart.id,
				order: cart.order_id!,
				product: product.id,
				component: product.components[0].id,
				variant: madeBy(output, 'Variant → Create'),
				file: madeBy(output, 'Print Data File → Create'),
			};
		},
	);
});

describe("Keyline chain: another cart's parts set, read and removed, its product too, and the cart deleted", () => {
	/** Set, Get and Delete of a part of the cart the previous node names. */
	const setGetDelete = (kind: string, set: Record<string, unknown>, first = IN_CART) => [
		keylineStep(kind, 'set', first, { rest: set }),
		keylineStep(kind, 'get', IN_CART),
		keylineStep(kind, 'delete', IN_CART),
	];
	const [setCustomer, getCustomer, deleteCustomer] = setGetDelete(
		'customer',
		{ customerId: String(CUSTOMER) },
		{ cartId: 'id' },
	);
	keylineChain(
		[
			CREATE_CART,
			own('cart', 'update', 'id', { updateFields: { dueAt: '2027-01-05T10:00:00Z' } }),
			own('cart', 'get', 'id'),
			setCustomer,
			getCustomer,
			...setGetDelete('recipient', RECIPIENT),
			deleteCustomer,
			...setGetDelete('carrier', { carrierId: String(CARRIER) }),
			...setGetDelete('billing', ADDRESS),
			keylineStep('product', 'add', IN_CART, { rest: { productTemplate: rl(STICKER) } }),
			keylineStep('product', 'get', { cartId: 'cartId', productId: 'id' }),
			keylineStep(
				'product',
				'update',
				{ cartId: 'cartId', productId: 'id' },
				{ rest: { updateFields: { name: 'Sticker' } } },
			),
			keylineStep('product', 'getAll', IN_CART),
			keylineStep('product', 'remove', { cartId: 'cartId', productId: 'id' }),
			own('cart', 'delete', 'cartId'),
		],
		(_sandbox, output) => ({
			cart: madeBy(output, 'Cart → Create'),
			product: madeBy(output, 'Product → Add'),
		}),
	);
});

describe('Keyline chain: an order placed in one step, then read', () => {
	keylineChain(
		[
			{
				name: 'Order → Place Order (One Step)',
				parameters: keylinePlaceOrder({
					productsInput: 'json',
					productsJson: JSON.stringify([
						{ product_template_id: STICKER, print_data_files: [FILE] },
					]),
					placeTheOrder: true,
				}),
				sends: 'POST /carts/{cart}/checkout',
				id: 'cart',
			},
			// Place Order names the order it placed as `order_id`.
			own('order', 'get', 'order_id'),
		],
		(sandbox) => {
			const [cart] = sandbox.store.carts.values();
			return { cart: cart.id, order: cart.order_id! };
		},
	);
});

// ----- InstantCard -----

const UPS = INSTANTCARD_SHIPPING_PROVIDERS.find((p) => p.name === 'UPS Ground')!.id;

/** How the editor names InstantCard's resources and the operations Keyline does not have. */
const TITLES: Record<string, string> = {
	address: 'Address',
	card: 'Card',
	cardTemplate: 'Card Template',
	contact: 'Contact',
	organization: 'Organization',
	printJob: 'Print Job',
	profile: 'Profile',
	shippingProvider: 'Shipping Provider',
	addCards: 'Add Cards',
	addFunds: 'Add Funds',
	chargeDetails: 'Charge Details',
	checkBalance: 'Check Balance',
	finalize: 'Finalize',
	getBalance: 'Get Balance',
	getFields: 'Get Fields',
	getTransactions: 'Get Transactions',
	preview: 'Preview',
	printHistory: 'Get Print History',
	removeCard: 'Remove Card',
	search: 'Search',
	submit: 'Submit',
	uploadImage: 'Upload Image',
};

/** An InstantCard node: its parameters, the request naming its record, what its items are about. */
function icStep(
	[resource, operation]: [string, string],
	parameters: Record<string, unknown>,
	sends: string,
	id: Step['id'],
	more: Partial<Step> = {},
): Step {
	const title = TITLES[operation] ?? OPERATIONS[operation][0];
	return {
		name: `${TITLES[resource]} → ${title}`,
		parameters: op(resource, operation, parameters),
		sends,
		id,
		...more,
	};
}

/** A record's picker, mapped from the previous node's output. */
const mapped = (path: string) => rl($json(path));
/** The first of a list (Return All off, Limit 1): no ID to map. */
const FIRST = { returnAll: false, limit: 1 };
/** The first card of a print job, in its output. */
const FIRST_CARD_OF_JOB = 'list_users[0].users_data[0].id';

/** A chain against an InstantCard sandbox of this describe. */
function instantCardChain(steps: Step[], records: (output: Output) => Records = () => ({})) {
	const sandbox = useInstantCardSandbox();
	chain({
		type: 'instantCard',
		credential: () => instantCardCredential(sandbox),
		requests: () => sandbox.requests,
		base: INSTANTCARD_ORG,
		records,
		steps,
	});
}

describe('InstantCard chain: a card made from a template, printed in a job, its history read, deleted', () => {
	const card = (operation: string, sends: string, rest: Record<string, unknown> = {}) =>
		icStep(['card', operation], { cardId: mapped('id'), ...rest }, sends, 'card');
	const job = (operation: string, sends: string, rest: Record<string, unknown> = {}) =>
		icStep(['printJob', operation], { printJobId: mapped('id'), ...rest }, sends, 'job');
	instantCardChain(
		[
			icStep(['cardTemplate', 'getAll'], FIRST, 'GET /card_templates', 'template'),
			// One item per field of the template: fields have tokens, not IDs.
			icStep(
				['cardTemplate', 'getFields'],
				{ cardTemplateId: mapped('id') },
				'GET /card_templates/{template}/fields',
				null,
				{ under: ['template'] },
			),
			icStep(
				['card', 'create'],
				{
					cardTemplateId: mapped('cardTemplateId'),
					cardDataMode: 'json',
					cardDataJson: '{"first_name": "Ada", "last_name": "Lovelace", "employee_id": "E-1"}',
				},
				'POST /cards',
				'card',
				// One card for the template, not one per field.
				{ settings: { executeOnce: true } },
			),
			card('update', 'PATCH /cards/{card}', { updateCardData: '{"first_name": "Augusta Ada"}' }),
			card('preview', 'GET /cards/{card}/preview'),
			// The front the preview gave, as the card's photo.
			card('uploadImage', 'POST /cards/{card}/image', {
				imageField: 'photo',
				binaryPropertyName: 'front',
			}),
			card('finalize', 'PATCH /cards/{card}/finalize'),
			card('get', 'GET /cards/{card}'),
			icStep(['card', 'search'], { term: 'Augusta', ...FIRST }, 'GET /cards/search', 'card'),
			icStep(['card', 'getAll'], FIRST, 'GET /cards', 'card'),
			icStep(
				['printJob', 'create'],
				{
					addressMode: 'oneOff',
					oneOffFullName: 'Ada Lovelace',
					oneOffAddress1: '12 St James Sq',
					oneOffCity: 'London',
					oneOffZipCode: 'SW1Y 4JH',
					oneOffCountry: 'GB',
					shippingProviderId: rl(UPS),
					cardIds: $json('id'),
				},
				'POST /print_jobs',
				'job',
			),
			job('removeCard', 'DELETE /print_jobs/{job}/remove_cards/{card}', {
				printJobCardId: mapped(FIRST_CARD_OF_JOB),
			}),
			// The card just removed, put back.
			job('addCards', 'POST /print_jobs/{job}/add_cards', { cardIds: $json('card_id') }),
			job('checkBalance', 'GET /print_jobs/{job}/check_balance'),
			job('chargeDetails', 'GET /print_jobs/{job}/charge_details'),
			job('update', 'PATCH /print_jobs/{job}', { updateFields: { numberOfCopies: 2 } }),
			job('submit', 'POST /print_jobs/{job}/print'),
			job('get', 'GET /print_jobs/{job}'),
			icStep(['printJob', 'getAll'], FIRST, 'GET /print_jobs', 'job'),
			// Each print of the card: a history entry with its own ID.
			icStep(
				['card', 'printHistory'],
				{ cardId: mapped(FIRST_CARD_OF_JOB) },
				'GET /cards/{card}/print_history',
				'any',
				{ under: ['card'] },
			),
			icStep(['card', 'delete'], { cardId: mapped('cardId') }, 'DELETE /cards/{card}', 'card'),
		],
		(output) => ({
			template: madeBy(output, 'Card Template → Get Many'),
			card: madeBy(output, 'Card → Create'),
			job: madeBy(output, 'Print Job → Create'),
		}),
	);
});

describe('InstantCard chain: a contact and its address created, read, changed and deleted; the lists', () => {
	const contact = (operation: string, sends: string, rest: Record<string, unknown> = {}) =>
		icStep(['contact', operation], { contactId: mapped('id'), ...rest }, sends, 'contact');
	const address = (operation: string, sends: string, rest: Record<string, unknown> = {}) =>
		icStep(['address', operation], { addressId: mapped('id'), ...rest }, sends, 'address');
	instantCardChain(
		[
			icStep(
				['contact', 'create'],
				{ fullName: 'Ada Lovelace', email: 'ada@example.com' },
				'POST /contacts',
				'contact',
			),
			contact('get', 'GET /contacts/{contact}'),
			contact('update', 'PATCH /contacts/{contact}', {
				updateFields: { phoneNumber: '+1 512 555 0100' },
			}),
			icStep(
				['address', 'create'],
				{
					address1: '12 St James Sq',
					city: 'London',
					zipCode: 'SW1Y 4JH',
					country: 'GB',
					contactMode: 'existing',
					contactId: mapped('id'),
				},
				'POST /addresses',
				'address',
			),
			address('get', 'GET /addresses/{address}'),
			address('update', 'PATCH /addresses/{address}', {
				updateFields: { label: 'Analytical Engines' },
			}),
			address('delete', 'DELETE /addresses/{address}'),
			// The deleted address names its contact.
			contact('delete', 'DELETE /contacts/{contact}', { contactId: mapped('contact_id') }),
			icStep(['contact', 'getAll'], FIRST, 'GET /contacts', 'any'),
			icStep(['address', 'getAll'], FIRST, 'GET /addresses', 'any'),
		],
		(output) => ({
			contact: madeBy(output, 'Contact → Create'),
			address: madeBy(output, 'Address → Create'),
		}),
	);
});

describe('InstantCard chain: who is logged in, the organization, its balance and money, the carriers', () => {
	const ORGANIZATION_ID = Number(INSTANTCARD_ORG.split('/').pop());
	instantCardChain([
		icStep(['profile', 'get'], {}, 'GET /api/v2/profile/me', 'any'),
		// The organization's own path, below which the others are compared.
		icStep(['organization', 'get'], {}, 'GET /', ORGANIZATION_ID),
		// An amount of money, not a record.
		icStep(['organization', 'getBalance'], {}, 'GET /balance', null),
		// A payment's result and the new balance: no record with an ID.
		icStep(['organization', 'addFunds'], instantCardAddFunds(), 'POST /add_funds', null),
		icStep(['organization', 'getTransactions'], FIRST, 'GET /financial_transactions', 'any'),
		icStep(['shippingProvider', 'getAll'], FIRST, 'GET /shipping_providers', 'any'),
	]);
});

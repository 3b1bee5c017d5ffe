/**
 * What several engine test files build: resource-locator values, records seeded straight into a
 * sandbox, carts ready to check out, the Keyline node with its request log, and the visible form
 * of a run.
 */
import { TriggerHarness } from '../harness/poll';
import { loadOptions, runNode } from '../harness/run';
import {
	instantCardCredential,
	keylineCredential,
	useInstantCardSandbox,
} from '../harness/sandboxes';
import type { InstantCardSandbox } from '../sandbox/instantcard';
import {
	KEYLINE_CARRIERS,
	KEYLINE_CUSTOMERS,
	KEYLINE_PRODUCT_TEMPLATES,
	KEYLINE_SANDBOX_API_KEY,
	type KeylineSandbox,
} from '../sandbox/keyline';
import { rl } from '../fixtures/instantcard';

/** A resource-locator value in By-ID mode, as the editor stores it. */
export { rl };

/**
 * The sandbox credentials live in test/harness/sandboxes.ts; re-exported for engine tests written
 * before they moved (main's instantcard-routes and saved-workflows tests import them from here).
 */
export { instantCardCredential, keylineCredential } from '../harness/sandboxes';

/** Serialised form of whatever a run produced: nothing secret may appear in it. */
export function everythingVisible(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
	);
}

/** A Keyline cart the sandbox can check out: everything set directly in its store. */
export function completeKeylineCart(sandbox: KeylineSandbox) {
	const cart = sandbox.store.createCart(KEYLINE_SANDBOX_API_KEY);
	const product = sandbox.store.createProduct(KEYLINE_PRODUCT_TEMPLATES[0]);
	sandbox.store.createPrintDataFile(product, null, {
		kind: 'original',
		uri: 'https://example.com/a.pdf',
	});
	cart.products.push(product);
	cart.customer_id = KEYLINE_CUSTOMERS[0].id;
	cart.recipient = { first_name: 'Bran', name: 'Stark', email: 'bran@example.com', phone: null };
	cart.carrier_id = KEYLINE_CARRIERS[0].id;
	const address = {
		addressee: 'Crispy',
		street: 'Str.',
		number: '1',
		addition: null,
		zip_code: '55116',
		town: 'Mainz',
		country_code: 'DE',
	};
	cart.billing_address = { ...address };
	cart.delivery_address = { ...address };
	return cart;
}

/** InstantCard contacts saved straight into the sandbox's store: enough rows for several pages without N calls. */
export function seedInstantCardContacts(sandbox: InstantCardSandbox, count: number): number[] {
	const ids: number[] = [];
	for (let n = 1; n <= count; n++) {
		const id = sandbox.store.nextId('contact');
		const now = sandbox.store.now();
		sandbox.store.contacts.set(id, {
			id,
			full_name: `Person ${n}`,
			email: `person${n}@example.com`,
			alt_email: null,
			phone_number: null,
			alt_phone_number: null,
			created_at: now,
			updated_at: now,
		});
		ids.push(id);
	}
	return ids;
}

/** InstantCard addresses saved straight into the sandbox's store. */
export function seedInstantCardAddresses(sandbox: InstantCardSandbox, count: number): number[] {
	const ids: number[] = [];
	for (let n = 1; n <= count; n++) {
		const id = sandbox.store.nextId('address');
		const now = sandbox.store.now();
		sandbox.store.addresses.set(id, {
			id,
			organization_name: null,
			label: `Branch ${n}`,
			primary: false,
			address1: `${n} Main St`,
			address2: null,
			city: 'Springfield',
			state: null,
			zip_code: '12345',
			country: 'US',
			contact_id: null,
			created_at: now,
			updated_at: now,
		});
		ids.push(id);
	}
	return ids;
}

/** A billing or delivery address as Place Order (One Step) takes it (the node's field names). */
export const KEYLINE_ORDER_ADDRESS = {
	addressee: 'Crispy Mountain GmbH',
	street: 'Emmerich-Josef-Str.',
	number: '1a',
	zipCode: '55116',
	town: 'Mainz',
	countryCode: 'de',
};

/**
 * Order → Place Order (One Step) for the sandbox's first customer and carrier, Bran Stark as the
 * recipient and KEYLINE_ORDER_ADDRESS for billing and delivery; the products and the rest from
 * `rest`.
 */
export const keylinePlaceOrder = (rest: Record<string, unknown>) => ({
	resource: 'order',
	operation: 'placeOrder',
	customerId: String(KEYLINE_CUSTOMERS[0].id),
	recipient: {
		person: { firstName: 'Bran', lastName: 'Stark', email: 'bran.stark@example.com' },
	},
	carrierId: String(KEYLINE_CARRIERS[0].id),
	billingAddress: { address: KEYLINE_ORDER_ADDRESS },
	deliveryAddress: { address: KEYLINE_ORDER_ADDRESS },
	...rest,
});

/** The run output one item, with (at least) these fields. */
export function expectOneItem(items: Array<{ json: unknown }>, fields: Record<string, unknown>) {
	expect(items).toHaveLength(1);
	expect(items[0].json).toEqual(expect.objectContaining(fields));
}

/** Where the Keyline sandbox serves the Inbox API. */
export const KEYLINE_BASE = '/api/v2/inbox';

/**
 * The Keyline node run against `sandbox` (`run('cart', { operation: 'get', … })`), and what the
 * sandbox saw of it: the API requests without the credential's key check of /carts/0.
 */
export function keylineNode(sandbox: KeylineSandbox) {
	const run = async (
		resource: string,
		parameters: Record<string, unknown>,
		items?: Array<Record<string, unknown>>,
		continueOnFail = false,
	) =>
		await runNode({
			type: 'keyline',
			parameters: { resource, ...parameters } as never,
			items,
			credentials: [keylineCredential(sandbox)],
			continueOnFail,
		});
	const apiRequests = () => sandbox.requests.filter((r) => r.path !== `${KEYLINE_BASE}/carts/0`);
	/** The API requests as "METHOD path", the path below the Inbox API's base. */
	const calls = () => apiRequests().map((r) => `${r.method} ${r.path.slice(KEYLINE_BASE.length)}`);
	/** The JSON body of the first API request with this method. */
	const bodyOf = (method: string) => apiRequests().find((r) => r.method === method)?.json;
	/** A cart of the sandbox's API key, set directly in its store. */
	const newCart = () => sandbox.store.createCart(KEYLINE_SANDBOX_API_KEY);
	/** A cart holding one product of the template, set directly in the sandbox's store. */
	const cartWith = (template = KEYLINE_PRODUCT_TEMPLATES[0]) => {
		const cart = newCart();
		const product = sandbox.store.createProduct(template);
		cart.products.push(product);
		return { cart, product, ids: { cartId: String(cart.id), productId: String(product.id) } };
	};
	return { run, apiRequests, calls, bodyOf, newCart, cartWith };
}

/** `keylineNode` with `run(parameters, items?, continueOnFail?)` always on one resource. */
export function keylineResource(sandbox: KeylineSandbox, resource: string) {
	const node = keylineNode(sandbox);
	const run = async (
		parameters: Record<string, unknown>,
		items?: Array<Record<string, unknown>>,
		continueOnFail = false,
	) => await node.run(resource, parameters, items, continueOnFail);
	return { ...node, run };
}

/** Where the InstantCard sandbox serves the seeded organization's API. */
export const INSTANTCARD_ORG = '/api/v2/organizations/20003827';

/**
 * The InstantCard node run against `sandbox` (`run({ resource: 'card', operation: 'get', … })`),
 * the credential list it runs with (for `loadOptions` too), and `freshLogin` for a `beforeEach`.
 */
export function instantCardNode(sandbox: InstantCardSandbox) {
	const credentials = () => [instantCardCredential(sandbox)];
	const run = async (
		parameters: Record<string, unknown>,
		items?: Array<Record<string, unknown>>,
		continueOnFail = false,
	) =>
		await runNode({
			type: 'instantCard',
			parameters: parameters as never,
			items,
			credentials: credentials(),
			continueOnFail,
		});
	/**
	 * Resets the sandbox, logs in to it (Profile → Get) and clears its request log. The login is
	 * shared per credential across runs, and reset() forgets tokens: logging in first keeps a 401
	 * for an old token and its re-send out of the test's own request log.
	 */
	const freshLogin = async () => {
		sandbox.reset();
		await run({ resource: 'profile', operation: 'get' });
		sandbox.clearRequests();
	};
	return { run, credentials, freshLogin };
}

/** `trigger(parameters)`: the InstantCard Trigger with these parameters, polling `sandbox`. */
export const instantCardTrigger =
	(sandbox: InstantCardSandbox) => async (parameters: Record<string, unknown>) =>
		await TriggerHarness.create({
			type: 'instantCardTrigger',
			parameters: parameters as never,
			credentials: [instantCardCredential(sandbox)],
		});

/** `trigger(parameters)`: the Keyline Trigger with these parameters, polling `sandbox`. */
export const keylineTrigger =
	(sandbox: KeylineSandbox) => async (parameters: Record<string, unknown>) =>
		await TriggerHarness.create({
			type: 'keylineTrigger',
			parameters: parameters as never,
			credentials: [keylineCredential(sandbox)],
		});

/** What the InstantCard sandbox seeds: Grace Hopper, linked to the "Head office" address. */
export const INSTANTCARD_SEEDED_CONTACT = 5001;
export const INSTANTCARD_SEEDED_ADDRESS = 3001;

/**
 * `instantCardNode` for the Address and Contact tests: contacts and addresses seeded straight into
 * the store, and the requests to the address and contact endpoints (logins and others left out).
 */
export function instantCardAddressBook(sandbox: InstantCardSandbox) {
	return {
		...instantCardNode(sandbox),
		seedContacts: (count: number) => seedInstantCardContacts(sandbox, count),
		seedAddresses: (count: number) => seedInstantCardAddresses(sandbox, count),
		apiRequests: () => sandbox.requests.filter((r) => /\/(addresses|contacts)/.test(r.path)),
	};
}

/**
 * The Address and Contact tests' set-up: a sandbox, a fresh login before each test, the address
 * book helpers, `searcher()` for the node's list searches, and the seeded IDs with the org path.
 */
export function useInstantCardAddressBook() {
	const sandbox = useInstantCardSandbox();
	const book = instantCardAddressBook(sandbox);
	beforeEach(book.freshLogin);
	const searcher = async () =>
		(await loadOptions({ type: 'instantCard', parameters: {}, credentials: book.credentials() }))
			.listSearch;
	/** Address or Contact → `operation` on the record with this ID, with the other parameters. */
	const onAddress = async (operation: string, id: number | string, rest: object = {}) =>
		await book.run({ resource: 'address', operation, addressId: rl(id), ...rest });
	const onContact = async (operation: string, id: number | string, rest: object = {}) =>
		await book.run({ resource: 'contact', operation, contactId: rl(id), ...rest });
	return {
		sandbox,
		...book,
		searcher,
		onAddress,
		onContact,
		ORG: INSTANTCARD_ORG,
		SEEDED_ADDRESS: INSTANTCARD_SEEDED_ADDRESS,
		SEEDED_CONTACT: INSTANTCARD_SEEDED_CONTACT,
	};
}

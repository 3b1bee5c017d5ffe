/**
 * What several engine test files build: resource-locator values, records seeded straight into a
 * sandbox, carts ready to check out, the Keyline node with its request log, and the visible form
 * of a run.
 */
import { runNode } from '../harness/run';
import { keylineCredential } from '../harness/sandboxes';
import type { InstantCardSandbox } from '../sandbox/instantcard';
import {
	KEYLINE_CARRIERS,
	KEYLINE_CUSTOMERS,
	KEYLINE_PRODUCT_TEMPLATES,
	KEYLINE_SANDBOX_API_KEY,
	type KeylineSandbox,
} from '../sandbox/keyline';

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

/** A resource-locator value in By-ID mode, as the editor stores it. */
export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

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
	return { run, apiRequests, calls, bodyOf, newCart };
}

import { INSTANTCARD_SANDBOX_LOGIN, type InstantCardSandbox } from '../sandbox/instantcard';
import {
	KEYLINE_CARRIERS,
	KEYLINE_CUSTOMERS,
	KEYLINE_PRODUCT_TEMPLATES,
	KEYLINE_SANDBOX_API_KEY,
	type KeylineSandbox,
} from '../sandbox/keyline';
import type { StoredCredential } from '../harness/credentials-helper';

export function instantCardCredential(sandbox: InstantCardSandbox, overrides: Record<string, string> = {}): StoredCredential {
	return {
		id: 'ic1',
		name: 'InstantCard sandbox',
		type: 'instantCardApi',
		data: {
			environment: 'custom',
			url: sandbox.baseUrl,
			email: INSTANTCARD_SANDBOX_LOGIN.email,
			password: INSTANTCARD_SANDBOX_LOGIN.password,
			organizationId: INSTANTCARD_SANDBOX_LOGIN.organizationId,
			sessionToken: '',
			...overrides,
		},
	};
}

export function keylineCredential(sandbox: KeylineSandbox, overrides: Record<string, string> = {}): StoredCredential {
	return {
		id: 'kl1',
		name: 'Keyline sandbox',
		type: 'keylineApi',
		data: { apiKey: KEYLINE_SANDBOX_API_KEY, baseUrl: sandbox.baseUrl, ...overrides },
	};
}

/** Serialised form of whatever a run produced: nothing secret may appear in it. */
export function everythingVisible(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v));
}

/** A resource-locator value in By-ID mode, as the editor stores it. */
export const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** A Keyline cart the sandbox can check out: everything set directly in its store. */
export function completeKeylineCart(sandbox: KeylineSandbox) {
	const cart = sandbox.store.createCart(KEYLINE_SANDBOX_API_KEY);
	const product = sandbox.store.createProduct(KEYLINE_PRODUCT_TEMPLATES[0]);
	sandbox.store.createPrintDataFile(product, null, { kind: 'original', uri: 'https://example.com/a.pdf' });
	cart.products.push(product);
	cart.customer_id = KEYLINE_CUSTOMERS[0].id;
	cart.recipient = { first_name: 'Bran', name: 'Stark', email: 'bran@example.com', phone: null };
	cart.carrier_id = KEYLINE_CARRIERS[0].id;
	const address = { addressee: 'Crispy', street: 'Str.', number: '1', addition: null, zip_code: '55116', town: 'Mainz', country_code: 'DE' };
	cart.billing_address = { ...address };
	cart.delivery_address = { ...address };
	return cart;
}

/**
 * A fault a soak injects: a 5xx, a 429, a dropped connection, HTML with status 200, JSON cut off,
 * JSON of a wrong shape (one of `wrongShapes`), or one of `extraKinds`. `pick` is the soak's
 * seeded chooser, so a run is the same every time.
 */
export function soakFault(
	pick: <T>(list: readonly T[]) => T,
	wrongShapes: unknown[],
	extraKinds: string[] = [],
): { kind: string; [key: string]: unknown } {
	const kind = pick(['status', 'status', 'rateLimit', 'drop', ...extraKinds, 'html', 'truncated', 'shape']);
	if (kind === 'status') return { kind, status: pick([500, 502, 503]) };
	if (kind === 'rateLimit') return { kind, retryAfter: 1 };
	if (kind === 'shape') return { kind: 'status', status: 200, body: pick(wrongShapes) };
	return { kind };
}

/** What several engine test files build: resource-locator values, carts ready to check out, and the visible form of a run. */
import {
	KEYLINE_CARRIERS,
	KEYLINE_CUSTOMERS,
	KEYLINE_PRODUCT_TEMPLATES,
	KEYLINE_SANDBOX_API_KEY,
	type KeylineSandbox,
} from '../sandbox/keyline';

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

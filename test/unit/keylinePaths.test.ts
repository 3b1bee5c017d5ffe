/**
 * The path of a Keyline request, its IDs checked: the route builder (nodes/shared/route.ts) with
 * Keyline's IDs and placeholders (nodes/Keyline/shared/route.ts).
 */
import { resolveRoute, routeOf, templatesOf, type PathTemplate } from '../../nodes/shared/route';
import { ADDRESS_PATH } from '../../nodes/Keyline/resources/address/fields';
import { KEYLINE_IDS } from '../../nodes/Keyline/shared/ids';
import { keyline } from '../../nodes/Keyline/shared/route';
import { fakeContext, thrown } from './context';

const path = (template: PathTemplate, parameters: Record<string, unknown>) =>
	resolveRoute(fakeContext(parameters) as never, keyline, 'GET', template).path;

describe('resolveRoute', () => {
	it('puts each checked ID in its place', () => {
		expect(path('/carts/{cartId}/products/{productId}', { cartId: '9981', productId: 17621 })).toBe(
			'/carts/9981/products/17621',
		);
		expect(path('/carts/{cartId}', { cartId: ' 42 ' })).toBe('/carts/42');
	});

	it('expands {parent} to the cart or the order, by the Belongs To field (cart by default)', () => {
		const template = '{parent}/carrier';
		expect(path(template, { cartId: '1', orderId: '2' })).toBe('/carts/1/carrier');
		expect(path(template, { parent: 'cart', cartId: '1' })).toBe('/carts/1/carrier');
		expect(path(template, { parent: 'order', orderId: '14011' })).toBe('/orders/14011/carrier');
	});

	it('expands {attachment} to the component only when the file is attached to one', () => {
		const template = '{parent}/products/{productId}{attachment}/print_data_files';
		expect(path(template, { cartId: '1', productId: '2' })).toBe(
			'/carts/1/products/2/print_data_files',
		);
		expect(
			path(template, {
				parent: 'order',
				orderId: '3',
				productId: '2',
				attachedTo: 'component',
				componentId: '24171',
			}),
		).toBe('/orders/3/products/2/components/24171/print_data_files');
	});

	it('chooses the template by a field: billing addresses live on carts only', () => {
		expect(
			path(ADDRESS_PATH, { addressType: 'billing', parent: 'order', cartId: '5', orderId: '6' }),
		).toBe('/carts/5/billing_address');
		expect(path(ADDRESS_PATH, { addressType: 'delivery', parent: 'order', orderId: '6' })).toBe(
			'/orders/6/delivery_address',
		);
	});

	it('refuses an ID that is not a positive whole number, with the label and example of its field', () => {
		const error = thrown(() => path('/orders/{orderId}', { orderId: 'KEY-123' }));
		expect(error.message).toBe('Order ID must be a positive whole number, not "KEY-123"');
		expect(error.description).toBe(
			'Enter the Order ID as digits only, e.g. 14011, or map it from a previous node.',
		);
		expect(
			thrown(() => path('/carts/{cartId}/products/{productId}', { cartId: '1' })).message,
		).toBe('Product ID is empty');
	});

	it('keeps the path and the checked IDs for the item, for its later steps', () => {
		const context = fakeContext({ parent: 'order', orderId: ' 14011 ', productId: '17621' });
		resolveRoute(context as never, keyline, 'PATCH', '{parent}/products/{productId}');
		expect(routeOf(context)).toEqual({
			method: 'PATCH',
			path: '/orders/14011/products/17621',
			ids: { orderId: 14011, productId: 17621 },
		});
		expect(() => routeOf(fakeContext({}))).toThrow('routeOf: the item has no resolved route');
	});

	it('fails loudly on a template it cannot fill (a bug, not user input)', () => {
		expect(thrown(() => path('/carts/{basketId}', {})).message).toBe(
			'Unknown ID placeholder {basketId} in /carts/{basketId}',
		);
		expect(thrown(() => path(ADDRESS_PATH, { addressType: 'shipping' })).message).toMatch(
			/^No path for addressType in /,
		);
	});
});

describe('templatesOf and KEYLINE_IDS', () => {
	it('lists every template a path can take', () => {
		expect(templatesOf('/carts/{cartId}')).toEqual(['/carts/{cartId}']);
		expect(templatesOf(ADDRESS_PATH)).toEqual([
			'/carts/{cartId}/billing_address',
			'{parent}/delivery_address',
		]);
	});

	it('gives each ID field an example that passes its own check', () => {
		for (const [name, id] of Object.entries(KEYLINE_IDS)) {
			expect(path(`/x/{${name}}`, { [name]: id.example })).toBe(`/x/${id.example}`);
		}
	});
});

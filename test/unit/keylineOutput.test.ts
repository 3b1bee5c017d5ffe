/** Keyline answers shaped for the next node (nodes/Keyline/shared/output.ts). */
import { toItems, unwrap } from '../../nodes/Keyline/shared/output';

describe('unwrap', () => {
	it("drops Keyline's one-key wrapper around a record and around the records nested in it", () => {
		expect(
			unwrap({
				order: {
					id: 14011,
					state: 'draft',
					products: [
						{ product: { id: 1, components: [{ component: { id: 7 } }] } },
						{ product: { id: 2 } },
					],
				},
			}),
		).toEqual({
			id: 14011,
			state: 'draft',
			products: [{ id: 1, components: [{ id: 7 }] }, { id: 2 }],
		});
	});

	it('keeps a record of several keys, and a one-key record whose value is not a record', () => {
		expect(unwrap({ id: 1, cart: { id: 2 } })).toEqual({ id: 1, cart: { id: 2 } });
		expect(unwrap({ reference: 'NEE6UC' })).toEqual({ reference: 'NEE6UC' });
		expect(unwrap({ ids: [1, 2] })).toEqual({ ids: [1, 2] });
	});

	it('adds the amount in currency units beside the cents, at any depth', () => {
		expect(
			unwrap({
				cart: {
					net_total: { cent_amount: 19562, currency: 'EUR' },
					products: [{ product: { id: 1, price: { cent_amount: 5, currency: 'EUR' } } }],
				},
			}),
		).toEqual({
			net_total: { cent_amount: 19562, currency: 'EUR', amount: 195.62 },
			products: [{ id: 1, price: { cent_amount: 5, currency: 'EUR', amount: 0.05 } }],
		});
		// Cents given as text are not money Keyline sends: no amount is made up.
		expect(unwrap({ id: 1, total: { cent_amount: '100', currency: 'EUR' } })).toEqual({
			id: 1,
			total: { cent_amount: '100', currency: 'EUR' },
		});
	});

	it('leaves values that are not records as they are', () => {
		expect(unwrap('text')).toBe('text');
		expect(unwrap(null)).toBeNull();
		expect(unwrap([1, 'a'])).toEqual([1, 'a']);
	});
});

describe('toItems', () => {
	it('gives one item per entry of a list, each unwrapped', () => {
		expect(toItems([{ product: { id: 1 } }, { product: { id: 2 } }])).toEqual([
			{ json: { id: 1 } },
			{ json: { id: 2 } },
		]);
		expect(toItems({ products: [{ product: { id: 1 } }] })).toEqual([
			{ json: { products: [{ id: 1 }] } },
		]);
	});

	it('gives one item for a record, and wraps what is not a record as { value }', () => {
		expect(toItems({ cart: { id: 9981 } })).toEqual([{ json: { id: 9981 } }]);
		expect(toItems([3, 'x'])).toEqual([{ json: { value: 3 } }, { json: { value: 'x' } }]);
		expect(toItems(true)).toEqual([{ json: { value: true } }]);
		expect(toItems([])).toEqual([]);
	});
});

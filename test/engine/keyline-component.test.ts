/**
 * Component operations through n8n-core's engine against the Keyline sandbox: each endpoint, the
 * request log checked (method, path, JSON body), and what is refused before sending.
 */
import { KEYLINE_PRODUCT_TEMPLATES } from '../sandbox/keyline';
import { isValidColor } from '../sandbox/keyline/validation';
import { useKeylineSandbox } from '../harness/sandboxes';
import { keylineNode } from './fixtures';

const [, FLYER, BROCHURE] = KEYLINE_PRODUCT_TEMPLATES;
const CMYK = ['CMYK/Cyan', 'CMYK/Magenta', 'CMYK/Yellow', 'CMYK/Black'];

describe('Keyline node: Component', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests, calls: log, cartWith } = keylineNode(sandbox);

	beforeEach(() => sandbox.reset());

	const componentsPath = (ids: { cartId: string; productId: string }) =>
		`/carts/${ids.cartId}/products/${ids.productId}/components`;

	it('Get Many and Get of a cart product output the components unwrapped', async () => {
		const { ids, product } = cartWith(BROCHURE);
		const [cover, content] = product.components;
		let result = await run('component', { operation: 'getAll', ...ids });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual(['Umschlag', 'Inhalt']);
		expect(result.items[0].json).toMatchObject({
			id: cover.id,
			closed_dimensions: [210, 297],
			front_colors: CMYK,
			back_colors: ['Pantone/83'],
		});
		result = await run('component', { operation: 'get', ...ids, componentId: String(content.id) });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			id: content.id,
			number_of_pages: 16,
			grammage: 115,
			grain: 'long',
		});
		expect(log()).toEqual([
			`GET ${componentsPath(ids)}`,
			`GET ${componentsPath(ids)}/${content.id}`,
		]);
	});

	it('Get Many and Get of an order product read /orders/{id}/products/{id}/components', async () => {
		const order = sandbox.seedOrder({ products: [{ productTemplateId: BROCHURE.id }] });
		const [product] = order.products;
		const path = `/orders/${order.id}/products/${product.id}/components`;
		const parent = { parent: 'order', orderId: String(order.id), productId: String(product.id) };
		let result = await run('component', { operation: 'getAll', ...parent });
		expect(result.items.map((i) => i.json.id)).toEqual(product.components.map((c) => c.id));
		result = await run('component', {
			operation: 'get',
			...parent,
			componentId: String(product.components[1].id),
		});
		expect(result.items[0].json).toMatchObject({ name: 'Inhalt' });
		expect(log()).toEqual([`GET ${path}`, `GET ${path}/${product.components[1].id}`]);
	});

	it('A component of another product is a 404 naming the component', async () => {
		const { ids } = cartWith();
		const other = cartWith();
		const { error } = await run('component', {
			operation: 'get',
			...ids,
			componentId: String(other.product.components[0].id),
		});
		expect(error?.message).toBe(
			`Keyline: Couldn't find Component with 'id'=${other.product.components[0].id}`,
		);
	});

	it('Update sends every field as Keyline takes it (closed size as [width, height], colors as Family/Name) and outputs the component read again', async () => {
		const { ids, product } = cartWith();
		const componentId = String(product.components[0].id);
		const { items, error } = await run('component', {
			operation: 'update',
			...ids,
			componentId,
			updateFields: {
				name: 'Etikett',
				paperName: 'Arctic White',
				closedWidth: 100,
				closedHeight: 70,
				grain: 'short',
				grammage: 200,
				frontColors: {
					color: [
						{ family: 'CMYK', processColor: 'all' },
						{ family: 'Pantone', name: ' 83 ' },
						{ family: 'CMYK', processColor: 'Black' },
					],
				},
				backColors: {
					color: [
						{ family: 'CMYK', processColor: 'Black' },
						{ family: 'custom', name: 'superdark' },
						{ family: 'HKS', name: '43' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(log()).toEqual([
			`PATCH ${componentsPath(ids)}/${componentId}`,
			`GET ${componentsPath(ids)}/${componentId}`,
		]);
		const sent = apiRequests()[0].json as {
			component: { front_colors: string[]; back_colors: string[] };
		};
		const component = {
			name: 'Etikett',
			paper_name: 'Arctic White',
			closed_dimensions: [100, 70],
			grain: 'short',
			grammage: 200,
			front_colors: [...CMYK, 'Pantone/83'],
			back_colors: ['CMYK/Black', 'custom/superdark', 'HKS/43'],
		};
		expect(sent).toEqual({ component });
		expect(
			[...sent.component.front_colors, ...sent.component.back_colors].every(isValidColor),
		).toBe(true);
		expect(items[0].json).toMatchObject({ id: Number(componentId), ...component });
	});

	it('Update clears a side only when "No Colors (Unprinted)" is chosen, and leaves the other side alone', async () => {
		const { ids, product } = cartWith(FLYER);
		const componentId = String(product.components[0].id);
		const { items, error } = await run('component', {
			operation: 'update',
			...ids,
			componentId,
			updateFields: { backColors: { color: [{ family: 'none' }] } },
		});
		expect(error).toBeUndefined();
		expect(apiRequests()[0].json).toEqual({ component: { back_colors: [] } });
		expect(items[0].json).toMatchObject({ front_colors: CMYK, back_colors: [] });
	});

	it('Update refuses colors, sizes and values Keyline would reject, and an empty color list, before sending', async () => {
		const { ids, product } = cartWith();
		const componentId = String(product.components[0].id);
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ frontColors: {} }, 'Front Colors has no color'],
			[{ backColors: { color: [] } }, 'Back Colors has no color'],
			[
				{ backColors: { color: [{ family: 'none' }, { family: 'CMYK', processColor: 'Black' }] } },
				'Back Colors: "No Colors (Unprinted)" cannot be combined with other colors',
			],
			[
				{
					frontColors: {
						color: [
							{ family: 'CMYK', processColor: 'all' },
							{ family: 'Pantone', name: ' ' },
						],
					},
				},
				'Front Colors: color 2 (Pantone) has no name',
			],
			[
				{ frontColors: { color: [{ family: 'CMYK', processColor: '={{ "Orange" }}' }] } },
				'Front Colors: color 1 is CMYK "Orange", which is not a process color',
			],
			[
				{ frontColors: { color: [{ family: '={{ "RAL" }}', name: '3020' }] } },
				'Front Colors: color 1 has the family "RAL", which Keyline does not know',
			],
			[
				{ closedWidth: 100 },
				'Closed Height (Millimeters) is missing: Keyline takes the closed dimensions as width and height together',
			],
			[
				{ closedHeight: 70 },
				'Closed Width (Millimeters) is missing: Keyline takes the closed dimensions as width and height together',
			],
			[
				{ closedWidth: 100.5, closedHeight: 70 },
				'Closed Width (Millimeters) must be a whole number of at least 1, not "100.5"',
			],
			[
				{ closedWidth: 100, closedHeight: 0 },
				'Closed Height (Millimeters) must be a whole number of at least 1, not "0"',
			],
			[{ grammage: 0 }, 'Grammage (GSM) must be a whole number of at least 1, not "0"'],
			[{ grain: '={{ "diagonal" }}' }, 'Grain must be long or short, not "diagonal"'],
			[
				{ paperName: 'p'.repeat(201) },
				'Paper Name is 201 characters long: Keyline takes at most 200',
			],
			[{ name: '' }, 'Name is empty'],
			[{}, 'Nothing to update'],
		];
		for (const [updateFields, message] of cases) {
			const { error } = await run('component', {
				operation: 'update',
				...ids,
				componentId,
				updateFields,
			});
			expect(error?.message).toBe(message);
		}
		const empty = await run('component', {
			operation: 'update',
			...ids,
			componentId,
			updateFields: { frontColors: {} },
		});
		expect(String(empty.error?.description)).toContain('No Colors (Unprinted)');
		expect(apiRequests()).toHaveLength(0);
		expect(product.components[0].front_colors).toEqual(CMYK);
	});

	it("Update of a checked-out cart's component reads as the missing cart", async () => {
		const { cart, ids, product } = cartWith();
		sandbox.store.checkout(cart);
		const { error } = await run('component', {
			operation: 'update',
			...ids,
			componentId: String(product.components[0].id),
			updateFields: { grammage: 90 },
		});
		expect(error?.message).toBe(`Keyline: Couldn't find Cart with 'id'=${cart.id}`);
		expect(apiRequests()[0].json).toEqual({ component: { grammage: 90 } });
	});
});

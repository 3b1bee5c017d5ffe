/** Card Template (Get Many, Get Fields, the template picker) through n8n-core's engine against the sandbox. */
import { loadOptions, runNode } from '../harness/run';
import { useInstantCardSandbox } from '../harness/sandboxes';
import { INSTANTCARD_ORG as ORG, instantCardNode, rl } from './fixtures';

const EMPLOYEE_TEMPLATE = 1001; // first_name, last_name, employee_id, photo (image)

describe('InstantCard node: Card Template', () => {
	describe('Get Many', () => {
		const sandbox = useInstantCardSandbox();
		const { run, freshLogin } = instantCardNode(sandbox);

		beforeEach(freshLogin);

		it('Card Template → Get Many returns each template as an item, limited on request', async () => {
			const all = await run({ resource: 'cardTemplate', operation: 'getAll', returnAll: true });
			expect(all.items.length).toBeGreaterThan(1);
			expect(all.items[0].json).toEqual(
				expect.objectContaining({ id: expect.any(Number), name: expect.any(String) }),
			);
			const one = await run({
				resource: 'cardTemplate',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
			});
			expect(one.items).toHaveLength(1);
			const requests = sandbox.requestsTo('GET', `${ORG}/card_templates`);
			expect(requests).toHaveLength(2);
			expect(requests[0].query).toEqual({});
		});
	});

	describe('Get Fields and the template picker', () => {
		const sandbox = useInstantCardSandbox();
		const { credentials } = instantCardNode(sandbox);

		beforeEach(() => sandbox.reset());

		it('Card Template → Get Fields returns one item per field, and checks the ID first', async () => {
			const run = async (id: string) =>
				await runNode({
					type: 'instantCard',
					parameters: {
						resource: 'cardTemplate',
						operation: 'getFields',
						cardTemplateId: rl(id),
					} as never,
					credentials: credentials(),
				});
			const { items } = await run(String(EMPLOYEE_TEMPLATE));
			expect(items.map((i) => [i.json.token, i.json.type])).toEqual([
				['first_name', 'text'],
				['last_name', 'text'],
				['employee_id', 'text'],
				['photo', 'image'],
			]);
			// A literal "12a" is refused by n8n itself (the field's validation); an expression reaches our check.
			const { error } = await run('={{ "12a" }}');
			expect(error?.message).toBe('Card Template ID must be a positive whole number, not "12a"');
			expect(sandbox.requestsTo('GET', /12a/)).toHaveLength(0);
		});

		it('the template picker lists and filters templates', async () => {
			const { listSearch } = await loadOptions({
				type: 'instantCard',
				parameters: {},
				credentials: credentials(),
			});
			const all = await listSearch('searchCardTemplates');
			expect(all.results).toEqual(
				expect.arrayContaining([{ name: 'Employee ID (vertical) (#1001)', value: '1001' }]),
			);
			const filtered = await listSearch('searchCardTemplates', 'vertical');
			expect(filtered.results.map((r) => r.value)).toEqual(['1001']);
		});
	});
});

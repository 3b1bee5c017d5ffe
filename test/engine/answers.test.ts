/**
 * An answer that is not what the API documents (an HTML page with status 200, JSON cut off, a
 * body of the wrong shape) is an error naming the endpoint, what was expected and the start of
 * what came, scrubbed; never data, and never a short last page.
 */
import { createCredentialsHelper, loadOptions, runNode } from '../harness/run';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';

const ORG = '/organizations/20003827';

describe('answers that are not the documented shape', () => {
	const { ic, kl } = useSandboxes();
	beforeEach(() => {
		ic.reset();
		kl.reset();
	});
	const instantCard = async (parameters: Record<string, unknown>, continueOnFail = false) =>
		await runNode({
			type: 'instantCard',
			parameters: parameters as never,
			credentials: [instantCardCredential(ic)],
			continueOnFail,
		});

	it('a maintenance page with status 200 is an error naming the endpoint and quoting the page', async () => {
		ic.addFault({ kind: 'html', path: '/profile/me$' });
		const { error, items } = await instantCard({ resource: 'profile', operation: 'get' });
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'InstantCard answered GET /profile/me with a web page (HTML), not the JSON its API sends',
		);
		expect(error?.description).toMatch(
			/^Expected JSON; got HTTP 200 \(text\/html\): "<!DOCTYPE html>.*maintenance/,
		);
	});

	it('JSON cut off is an error, not a string item', async () => {
		ic.addFault({ kind: 'truncated', path: `${ORG}/cards/\\d+$`, times: 2 });
		const [card] = ic.seedCards(1);
		const { error } = await instantCard({
			resource: 'card',
			operation: 'get',
			cardId: { __rl: true, mode: 'id', value: String(card) },
		});
		expect(error?.message).toBe(
			`InstantCard answered GET ${ORG}/cards/${card} with JSON that is cut off, not the JSON its API sends`,
		);
	});

	it.each([
		['an HTML page', { kind: 'html' }, 'a web page (HTML)'],
		[
			'an object instead of a list',
			{ kind: 'status', status: 200, body: { maintenance: true } },
			'JSON that is not a list',
		],
		[
			'JSON cut off',
			{ kind: 'status', status: 200, raw: '[{"id": 1', contentType: 'application/json' },
			'JSON that is cut off',
		],
	])(
		'a list page that is %s fails the list; it is never taken as a short last page',
		async (_name, fault, kind) => {
			ic.seedCards(150);
			ic.addFault({ ...(fault as object), path: `${ORG}/cards$`, skip: 1 } as never);
			const { error, items } = await instantCard({
				resource: 'card',
				operation: 'getAll',
				returnAll: true,
			});
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				`InstantCard answered GET ${ORG}/cards with ${kind}, not the JSON list its API sends`,
			);
		},
	);

	it('with Continue On Fail the item is an error item', async () => {
		ic.addFault({ kind: 'html', path: '/profile/me$' });
		const { items } = await instantCard({ resource: 'profile', operation: 'get' }, true);
		expect(String(items[0].json.error)).toMatch(/with a web page \(HTML\)/);
	});

	it('a picker gets no HTML as options', async () => {
		ic.addFault({ kind: 'html', path: '/card_templates$' });
		const { listSearch } = await loadOptions({
			type: 'instantCard',
			parameters: { resource: 'card', operation: 'create' },
			credentials: [instantCardCredential(ic)],
		});
		await expect(listSearch('searchCardTemplates')).rejects.toThrow(/with a web page \(HTML\)/);
	});

	it('the quoted start of the answer is scrubbed of the token', async () => {
		const helper = await createCredentialsHelper();
		await runNode({
			type: 'instantCard',
			parameters: { resource: 'profile', operation: 'get' },
			credentials: [instantCardCredential(ic)],
			helper,
		});
		const token = String(helper.store.get('ic1')!.data.sessionToken);
		ic.addFault({ kind: 'echo', status: 200, format: 'text', path: '/profile/me$' });
		const { error } = await runNode({
			type: 'instantCard',
			parameters: { resource: 'profile', operation: 'get' },
			credentials: [instantCardCredential(ic)],
			helper,
		});
		expect(error?.message).toMatch(/with text that is not JSON/);
		expect(JSON.stringify(error)).not.toContain(token.slice(-40));
	});

	it('Keyline: a truncated order is an error, in the operation and in its side requests', async () => {
		const order = kl.seedOrder();
		kl.addFault({ kind: 'truncated', path: `/orders/${order.id}$` });
		const got = await runNode({
			type: 'keyline',
			parameters: { resource: 'order', operation: 'get', orderId: String(order.id) },
			credentials: [keylineCredential(kl)],
		});
		expect(got.error?.message).toBe(
			`Keyline answered GET /orders/${order.id} with JSON that is cut off, not the JSON its API sends`,
		);
		// Cancel reads the order again after the DELETE, through the side-request path.
		kl.addFault({ kind: 'html', method: 'GET', path: `/orders/${order.id}$` });
		const cancelled = await runNode({
			type: 'keyline',
			parameters: { resource: 'order', operation: 'cancel', orderId: String(order.id) },
			credentials: [keylineCredential(kl)],
		});
		expect(JSON.stringify(cancelled.items) + String(cancelled.error?.message)).not.toContain(
			'<!DOCTYPE',
		);
	});
});

/**
 * How many expressions n8n evaluates per item for a one-ID Get whose ID is an expression
 * (`{{ $json.id }}`), run through n8n-core's engine with the built package. n8n-core's
 * RoutingNode resolves a parameter once for every property of that name, so each copy of a
 * property costs one more evaluation of the user's expression on every item.
 */
import { InstantCardSandbox } from '../test/sandbox/instantcard';
import { KeylineSandbox } from '../test/sandbox/keyline';
import { countEvaluations } from '../test/harness/expressions';
import { runNode } from '../test/harness/run';
import { instantCardCredential, keylineCredential } from '../test/harness/sandboxes';

export interface ExpressionFigure {
	scenario: string;
	/** Every expression n8n resolved, per item. */
	perItem: number;
	/** Of those, the user's own `{{ $json.id }}`, per item. */
	userPerItem: number;
	msPerItem: number;
}

const ITEMS = 50;

async function count(
	scenario: string,
	run: () => Promise<{ error?: unknown; items: unknown[] }>,
): Promise<ExpressionFigure> {
	await run(); // warm-up: login, key check, module loading
	const started = performance.now();
	const { result, all, matching } = await countEvaluations(run, '={{ $json.id }}');
	const ms = performance.now() - started;
	if (result.error) throw result.error as Error;
	if (result.items.length !== ITEMS) throw new Error(`${scenario}: ${result.items.length} items`);
	return { scenario, perItem: all / ITEMS, userPerItem: matching / ITEMS, msPerItem: ms / ITEMS };
}

export async function benchExpressions(): Promise<ExpressionFigure[]> {
	const ic = new InstantCardSandbox();
	const kl = new KeylineSandbox();
	await Promise.all([ic.start(), kl.start()]);
	try {
		const cards = ic.seedCards(ITEMS);
		const carts = Array.from({ length: ITEMS }, () =>
			kl.store.createCart(keylineCredential(kl).data.apiKey as string),
		);
		return [
			await count(
				'Keyline Cart → Get, Cart ID {{ $json.id }}',
				async () =>
					await runNode({
						type: 'keyline',
						parameters: { resource: 'cart', operation: 'get', cartId: '={{ $json.id }}' },
						items: carts.map((cart) => ({ id: cart.id })),
						credentials: [keylineCredential(kl)],
					}),
			),
			await count(
				'InstantCard Card → Get, Card {{ $json.id }}',
				async () =>
					await runNode({
						type: 'instantCard',
						parameters: {
							resource: 'card',
							operation: 'get',
							cardId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						},
						items: cards.map((id) => ({ id })),
						credentials: [instantCardCredential(ic)],
					}),
			),
		];
	} finally {
		await Promise.all([ic.stop(), kl.stop()]);
	}
}

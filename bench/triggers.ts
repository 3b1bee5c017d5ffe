/**
 * What a poll of each trigger costs against the sandboxes, through n8n-core's PollContext with
 * the built package: requests per poll and milliseconds per poll (median of several polls).
 */
import { InstantCardSandbox } from '../test/sandbox/instantcard';
import { KeylineSandbox } from '../test/sandbox/keyline';
import { TriggerHarness } from '../test/harness/poll';
import { instantCardCredential, keylineCredential } from '../test/harness/sandboxes';

export interface Figure {
	scenario: string;
	requestsPerPoll: number;
	msPerPoll: number;
	itemsPerPoll: number;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(
	scenario: string,
	sandbox: { requests: unknown[]; clearRequests(): void },
	harness: TriggerHarness,
	polls: number,
	between: () => void = () => {},
	isApi: (request: { path: string }) => boolean = () => true,
): Promise<Figure> {
	const first = await harness.poll();
	if (first.error) throw first.error;
	const requests: number[] = [];
	const ms: number[] = [];
	const items: number[] = [];
	for (let n = 0; n < polls; n++) {
		between();
		sandbox.clearRequests();
		const started = performance.now();
		const result = await harness.poll();
		ms.push(performance.now() - started);
		if (result.error) throw result.error;
		requests.push((sandbox.requests as Array<{ path: string }>).filter(isApi).length);
		items.push(result.items.length);
	}
	return {
		scenario,
		requestsPerPoll: median(requests),
		msPerPoll: Math.round(median(ms) * 10) / 10,
		itemsPerPoll: median(items),
	};
}

export async function benchTriggers(): Promise<Figure[]> {
	const figures: Figure[] = [];
	const ic = new InstantCardSandbox();
	const kl = new KeylineSandbox();
	await ic.start();
	await kl.start();
	const notLogin = (r: { path: string }) => !r.path.endsWith('/authenticate');
	const notProbe = (r: { path: string }) => !r.path.endsWith('/carts/0');
	try {
		const events = [
			'printJobCreated',
			'printJobStatusChanged',
			'printJobFinished',
			'cardPrinted',
			'cardFailed',
		];
		for (const [jobs, cards] of [
			[250, 40],
			[100, 100],
			[1000, 10],
		]) {
			ic.reset();
			for (let n = 0; n < jobs; n++)
				ic.seedPrintJob({
					cardCount: cards,
					status: ['Scheduled', 'In_Progress', 'Finished', 'Created'][n % 4],
				});
			const harness = await TriggerHarness.create({
				type: 'instantCardTrigger',
				parameters: { events },
				credentials: [instantCardCredential(ic)],
			});
			figures.push(
				await measure(
					`InstantCard, ${ic.store.cards.size} cards in ${jobs} jobs, no change`,
					ic,
					harness,
					15,
					undefined,
					notLogin,
				),
			);
		}
		ic.reset();
		for (let n = 0; n < 250; n++) ic.seedPrintJob({ cardCount: 40, status: 'Scheduled' });
		const busy = await TriggerHarness.create({
			type: 'instantCardTrigger',
			parameters: { events },
			credentials: [instantCardCredential(ic)],
		});
		let next = 81001;
		figures.push(
			await measure(
				'InstantCard, 10000 cards in 250 jobs, 5 jobs move per poll',
				ic,
				busy,
				15,
				() => {
					for (let n = 0; n < 5; n++) ic.advancePrintJob(next++);
				},
				notLogin,
			),
		);
		ic.reset();
		const watched = ic.seedCards(20);
		const history = await TriggerHarness.create({
			type: 'instantCardTrigger',
			parameters: { events: ['printHistoryChanged'], cardIds: watched.join(',') },
			credentials: [instantCardCredential(ic)],
		});
		figures.push(
			await measure(
				'InstantCard, print history of 20 watched cards, no change',
				ic,
				history,
				15,
				undefined,
				notLogin,
			),
		);

		kl.reset();
		const orders = Array.from({ length: 50 }, () =>
			kl.seedOrder({ products: [{ printDataFiles: [{}, { componentIndex: 0 }] }] }),
		);
		kl.clock.advance(5_000);
		const discover = await TriggerHarness.create({
			type: 'keylineTrigger',
			parameters: {
				events: ['newOrder', 'orderStateChanged', 'printDataFileStateChanged'],
				watch: 'discover',
				startOrderId: orders[0].id,
			},
			credentials: [keylineCredential(kl)],
		});
		for (let n = 0; n < 10; n++) await discover.poll(); // found all 50 (10 probes per poll)
		figures.push(
			await measure(
				'Keyline, all orders of the key: 50 open orders watched, no change',
				kl,
				discover,
				15,
				undefined,
				notProbe,
			),
		);
		let step = 0;
		figures.push(
			await measure(
				'Keyline, all orders: 50 watched, 1 new order and 2 moves per poll',
				kl,
				discover,
				15,
				() => {
					kl.seedOrder();
					kl.advanceOrder(orders[step++ % 50].id);
					kl.advanceOrder(orders[step++ % 50].id);
				},
				notProbe,
			),
		);
		kl.reset();
		const named = Array.from({ length: 10 }, () => kl.seedOrder());
		const byId = await TriggerHarness.create({
			type: 'keylineTrigger',
			parameters: {
				events: ['orderStateChanged'],
				watch: 'named',
				orders: named.map((o) => o.id).join(','),
			},
			credentials: [keylineCredential(kl)],
		});
		figures.push(
			await measure('Keyline, 10 named orders, no change', kl, byId, 15, undefined, notProbe),
		);
	} finally {
		await ic.stop();
		await kl.stop();
	}
	return figures;
}

/**
 * Both triggers in a real n8n 2.40.7: a workflow per trigger created and published through the
 * public API, the sandboxes changed, and the executions n8n records checked. First the
 * scheduled poll (every minute, so up to a minute's wait), then a change picked up by the poll
 * n8n runs when the workflow is published again, from the static data n8n saved in its database.
 */
import { sandboxCredentials, startSandboxes, type Sandboxes } from '../sandbox';
import { N8nClient } from './client';
import { triggerWorkflow } from './n8n';

jest.setTimeout(240_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('triggers in a real n8n', () => {
	let sandboxes: Sandboxes;
	let n8n: N8nClient;
	const log: string[] = [];

	const api = async (method: string, path: string, body?: unknown) =>
		await n8n.api<Json>(method, path, body);

	beforeAll(async () => {
		sandboxes = await startSandboxes();
		n8n = await N8nClient.start({
			credentials: sandboxCredentials(sandboxes),
			log: (line) => log.push(line),
			apiKey: 'e2e triggers',
		});
	});
	afterAll(async () => {
		n8n?.stop();
		await sandboxes?.stop();
	});

	const workflow = triggerWorkflow;

	/** Saves the workflow of this trigger in n8n (inactive). */
	const createTrigger = async (...args: Parameters<typeof workflow>) =>
		await api('POST', '/workflows', workflow(...args));

	/** The trigger's items of every successful execution of a workflow, oldest first. */
	const executionItems = async (workflowId: string): Promise<Json[][]> => {
		const list = await api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=50`);
		return (list.data as Json[])
			.sort((a, b) => Number(a.id) - Number(b.id))
			.map((execution) => {
				if (execution.status !== 'success')
					throw new Error(
						`execution ${execution.id} ${execution.status}: ${JSON.stringify(execution.data?.resultData?.error)}`,
					);
				const runs = execution.data?.resultData?.runData?.Trigger as Json[] | undefined;
				return ((runs?.[0]?.data?.main?.[0] ?? []) as Json[]).map((item) => item.json as Json);
			});
	};
	const waitForExecutions = async (workflowId: string, count: number, timeoutMs: number) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const items = await executionItems(workflowId);
			if (items.length >= count) return items;
			if (Date.now() > deadline)
				throw new Error(
					`only ${items.length} of ${count} executions after ${timeoutMs} ms\n${log.join('').slice(-3000)}`,
				);
			await new Promise((resolve) => setTimeout(resolve, 2_000));
		}
	};
	const savedState = async (workflowId: string) => await n8n.triggerState(workflowId);
	const brief = (items: Json[]) => items.map((e) => [e.event, e.id, e.previousState, e.state]);

	it('each trigger, once published, starts executions with the changes made in the sandbox, none twice', async () => {
		const ic = sandboxes.instantCard;
		const kl = sandboxes.keyline;
		const job = ic.seedPrintJob({ cardCount: 2, status: 'Scheduled' });
		const order = kl.seedOrder({ products: [{ printDataFiles: [{}] }] });
		const file = order.products[0].print_data_files[0];
		kl.clock.advance(5_000);

		const instantCard = await createTrigger(
			'InstantCard print jobs',
			'instantCardTrigger',
			{ instantCardApi: { id: 'icSandboxCred01', name: 'InstantCard sandbox' } },
			{ events: ['printJobCreated', 'printJobStatusChanged', 'cardPrinted'] },
		);
		const keyline = await createTrigger(
			'Keyline orders',
			'keylineTrigger',
			{ keylineApi: { id: 'klSandboxCred01', name: 'Keyline sandbox' } },
			{
				events: ['newOrder', 'orderStateChanged', 'printDataFileStateChanged'],
				watch: 'discover',
				startOrderId: order.id,
			},
		);
		// Publishing polls once: the baseline, saved in n8n's database, no execution.
		await api('POST', `/workflows/${instantCard.id}/publish`, {});
		await api('POST', `/workflows/${keyline.id}/publish`, {});
		expect(await executionItems(instantCard.id)).toEqual([]);
		expect(await executionItems(keyline.id)).toEqual([]);
		const savedIc = await savedState(instantCard.id);
		expect(savedIc).toMatchObject({
			jobs: { watermark: job.id, open: { [job.id]: { status: 'Scheduled' } } },
		});
		const savedKl = await savedState(keyline.id);
		expect(savedKl).toMatchObject({
			orders: { [order.id]: { state: 'draft' } },
			scan: { known: order.id },
		});

		// Changes, then n8n's own schedule (every minute) polls.
		ic.advancePrintJob(job.id);
		const next = ic.seedPrintJob({ cardCount: 1 });
		kl.advanceOrder(order.id);
		kl.seedOrder({ foreign: true });
		const placed = kl.seedOrder({ state: 'confirmed' });
		kl.setPrintDataFileState(file.id, 'processing');

		const [icFirst] = await waitForExecutions(instantCard.id, 1, 75_000);
		expect(brief(icFirst)).toEqual([
			['printJobStatusChanged', job.id, 'Scheduled', 'In_Progress'],
			['printJobCreated', next.id, null, 'Created'],
		]);
		expect(icFirst[0].printJob.list_users[0].users_data).toHaveLength(2);
		const [klFirst] = await waitForExecutions(keyline.id, 1, 75_000);
		expect(brief(klFirst)).toEqual([
			['orderStateChanged', order.id, 'draft', 'confirmed'],
			['printDataFileStateChanged', file.id, 'newly_uploaded', 'processing'],
			['newOrder', placed.id, null, 'confirmed'],
			['orderStateChanged', placed.id, null, 'confirmed'],
		]);
		expect(klFirst[0]).toMatchObject({
			reference: order.reference,
			order: { id: order.id, state: 'confirmed' },
		});

		// Unpublished, changed, published again: the publish poll reports what changed since the
		// state n8n saved, and nothing of the first execution again.
		await api('POST', `/workflows/${instantCard.id}/unpublish`);
		await api('POST', `/workflows/${keyline.id}/unpublish`);
		ic.advancePrintJob(job.id);
		kl.advanceOrder(order.id);
		await api('POST', `/workflows/${instantCard.id}/publish`, {});
		await api('POST', `/workflows/${keyline.id}/publish`, {});
		const icAll = await waitForExecutions(instantCard.id, 2, 20_000);
		expect(brief(icAll[1])).toEqual([
			['printJobStatusChanged', job.id, 'In_Progress', 'Finished'],
			...job.list_users[0].users_data.map((card: Json) => [
				'cardPrinted',
				card.id,
				'Pending',
				'Printed',
			]),
		]);
		const klAll = await waitForExecutions(keyline.id, 2, 20_000);
		expect(brief(klAll[1])).toEqual([['orderStateChanged', order.id, 'confirmed', 'completed']]);
		await api('POST', `/workflows/${instantCard.id}/unpublish`);
		await api('POST', `/workflows/${keyline.id}/unpublish`);
		// No more than these two executions each (a scheduled poll in between found nothing new).
		expect(await executionItems(instantCard.id)).toHaveLength(2);
		expect(await executionItems(keyline.id)).toHaveLength(2);
	});
});

/**
 * Print job life cycle shared by the API (submit) and the control actions (advance, tick, per-card
 * status): status changes, print history and the balance charge.
 */
import { HttpError } from '../core';
import type { Ctx } from './context';
import * as render from './render';
import { PRINT_JOB_STATUSES, STATUS, type CardPrintStatus } from './seed';
import { formatMoney, type JobCard, type PrintJob } from './store';

/** The automatic path of a submitted job: Scheduled → In_Progress → Finished. */
export function nextStatus(status: number): number | undefined {
	if (status === STATUS.Scheduled) return STATUS.In_Progress;
	if (status === STATUS.In_Progress) return STATUS.Finished;
	return undefined;
}

/** Freezes what a submitted job shows if its address or cards are deleted later. */
function snapshot(ctx: Ctx, job: PrintJob): void {
	const { store } = ctx;
	const saved = job.address_id === null ? undefined : store.addresses.get(job.address_id);
	if (saved) job.address_snapshot = render.address(store, saved);
	for (const entry of job.cards) {
		const card = store.cards.get(entry.cardId);
		if (card) entry.snapshot = render.card(store, card).data;
	}
}

/** Sets one card's status in a job and in that card's print history (created on demand). */
export function setCardStatus(
	ctx: Ctx,
	job: PrintJob,
	entry: JobCard,
	status: CardPrintStatus,
): void {
	const { store } = ctx;
	const now = store.now();
	entry.status = status;
	entry.updated_at = now;
	let history = store.history.get(entry.cardId);
	if (!history) store.history.set(entry.cardId, (history = []));
	let record = history.find((h) => h.print_job_id === job.id);
	if (!record) {
		record = {
			id: store.nextId('history'),
			card_id: entry.cardId,
			print_job_id: job.id,
			status: 0,
			processed_at: null,
			created_at: now,
		};
		history.push(record);
	}
	record.status = status;
	record.processed_at = status === 0 ? null : now;
	const card = store.cards.get(entry.cardId);
	if (card && status === 1) card.last_printed_at = now;
}

/** Any status, with its side effects: Finished prints every card (1), Failed fails them (2). */
export function setJobStatus(ctx: Ctx, job: PrintJob, status: number): void {
	if (PRINT_JOB_STATUSES[status] === undefined)
		throw new HttpError(400, { error: `Unknown status ${status}` });
	if (job.status === STATUS.Created && status !== STATUS.Created) snapshot(ctx, job);
	job.status = status;
	job.updated_at = ctx.store.now();
	if (status === STATUS.Finished || status === STATUS.Failed) {
		for (const entry of job.cards)
			setCardStatus(ctx, job, entry, status === STATUS.Finished ? 1 : 2);
	}
}

/**
 * SUBMIT PRINT JOB. A job refused for balance (No_Balance) may be submitted again once funds were
 * added. Missing pieces are listed in one 400; a short balance marks the job No_Balance.
 */
export function submitJob(ctx: Ctx, job: PrintJob): void {
	const { store } = ctx;
	if (job.status !== STATUS.Created && job.status !== STATUS.No_Balance) {
		throw new HttpError(400, {
			error: `Print job ${job.id} has already been submitted (status ${PRINT_JOB_STATUSES[job.status]})`,
		});
	}
	const missing: string[] = [];
	if (job.cards.length === 0) missing.push('Print job has no cards');
	if (job.address_id === null && job.one_off_address === null)
		missing.push('Print job has no address');
	if (job.shipping_provider_id === null) missing.push('Print job has no shipping provider');
	if (missing.length > 0) throw new HttpError(400, { error: missing });

	const charge = store.charge(job);
	if (store.balanceCents < charge.totalCents) {
		job.status = STATUS.No_Balance;
		job.updated_at = store.now();
		throw new HttpError(400, { error: 'Insufficient balance' });
	}
	const provider = store.provider(job.shipping_provider_id as number);
	store.book({
		type: 'debit',
		sub_type: 'print_job',
		description: `Print job #${job.id} (${job.cards.length} cards × ${job.number_of_copies}, ${provider?.name ?? 'shipping'})`,
		creditCents: 0,
		debitCents: charge.totalCents,
		receipt: null,
		items: [
			...charge.items.map((i) => ({
				description: `Card ${i.cardId}`,
				quantity: i.copies,
				unitCents: i.unitCents,
				totalCents: i.totalCents,
			})),
			{
				description: `Shipping: ${provider?.name ?? ''} (${formatMoney(charge.shippingCents)})`,
				quantity: 1,
				unitCents: charge.shippingCents,
				totalCents: charge.shippingCents,
			},
		],
	});
	setJobStatus(ctx, job, STATUS.Scheduled);
	const now = store.now();
	for (const entry of job.cards) {
		setCardStatus(ctx, job, entry, 0);
		const card = store.cards.get(entry.cardId);
		if (card) card.last_submitted_at = now;
	}
}

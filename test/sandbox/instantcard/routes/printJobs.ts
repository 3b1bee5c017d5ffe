/** Print jobs: the "shopping cart" of cards, its checkout (submit) and its cost. */
import type { Route } from '../../core';
import { badRequest, invalid, notFound, ok, paginate, type Ctx } from '../context';
import { findPrintJob, intValue, isObject, rejectUnknown, requireHash, text } from '../context';
import { submitJob } from '../jobs';
import * as render from '../render';
import { parseStatus, PRINT_JOB_STATUSES, STATUS } from '../seed';
import type { OneOffAddress, PrintJob } from '../store';

const JOB_KEYS = ['address_id', 'address', 'shipping_provider_id', 'number_of_copies', 'card_ids'];
const ONE_OFF_KEYS = [
	'contact',
	'organization_name',
	'address_1',
	'address_2',
	'city',
	'state',
	'zip_code',
	'country',
];
const CARD_IDS_HINT = 'print_job[card_ids] must be a JSON array of card ids, e.g. [264561]';

/**
 * `print_job[card_ids]`: a JSON string ("[1,2]" or '["1","2"]', as the seed asks even for one
 * card), repeated `print_job[card_ids][]` fields, or an array in a JSON body.
 */
function parseCardIds(raw: unknown): number[] {
	let list: unknown = raw;
	if (typeof raw === 'string') {
		try {
			list = JSON.parse(raw);
		} catch {
			invalid([CARD_IDS_HINT]);
		}
	}
	if (!Array.isArray(list)) invalid([CARD_IDS_HINT]);
	const ids = list.map(intValue);
	if (ids.some((id) => id === undefined)) invalid([CARD_IDS_HINT]);
	return [...new Set(ids as number[])];
}

/** Cards that may join a job: they exist (404 otherwise) and are finalized (400 otherwise). */
function checkCards(ctx: Ctx, ids: number[]): number[] {
	const missing = ids.filter((id) => !ctx.store.cards.has(id));
	if (missing.length === 1) notFound(`Card ${missing[0]} not found`);
	if (missing.length > 1) notFound(`Cards ${missing.join(', ')} not found`);
	const drafts = ids.filter((id) => ctx.store.cards.get(id)?.status !== 'finalized');
	if (drafts.length > 0) {
		invalid(
			drafts.map(
				(id) => `Card ${id} is not finalized; finalize it before adding it to a print job`,
			),
		);
	}
	return ids;
}

function readOneOff(raw: unknown, current: OneOffAddress | null): OneOffAddress {
	if (!isObject(raw)) invalid(['print_job[address] must be a hash of one-off address fields']);
	rejectUnknown(raw, ONE_OFF_KEYS, 'print_job[address]');
	const contact = raw.contact;
	if (contact !== undefined && !isObject(contact))
		invalid(['print_job[address][contact] must be a hash']);
	if (contact) rejectUnknown(contact, ['full_name'], 'print_job[address][contact]');
	// Fields not sent keep the job's current one-off values (a PATCH may fix one line).
	const pick = (key: string, old: string | null | undefined) =>
		raw[key] === undefined ? (old ?? null) : (text(raw[key]) ?? null);
	const next = {
		contact: {
			full_name:
				(contact?.full_name === undefined ? current?.contact.full_name : text(contact.full_name)) ??
				'',
		},
		organization_name: pick('organization_name', current?.organization_name),
		address_1: pick('address_1', current?.address_1),
		address_2: pick('address_2', current?.address_2),
		city: pick('city', current?.city),
		state: pick('state', current?.state),
		zip_code: pick('zip_code', current?.zip_code),
		country: pick('country', current?.country),
	};
	const errors: string[] = [];
	if (!next.contact.full_name) errors.push("Address contact full name can't be blank");
	if (!next.address_1) errors.push("Address 1 can't be blank");
	if (!next.city) errors.push("City can't be blank");
	if (!next.zip_code) errors.push("Zip code can't be blank");
	if (!next.country) errors.push("Country can't be blank");
	if (errors.length > 0) invalid(errors);
	return next as OneOffAddress;
}

interface JobChanges {
	addressId?: number | null;
	oneOff?: OneOffAddress;
	providerId?: number | null;
	copies?: number;
	cardIds?: number[];
}

/** Validates every `print_job[...]` key before anything changes, so a 400 leaves the job as it was. */
function readJobParams(ctx: Ctx, input: Record<string, unknown>, job?: PrintJob): JobChanges {
	rejectUnknown(input, JOB_KEYS, 'print_job');
	const changes: JobChanges = {};
	if (input.address_id !== undefined) {
		const raw = text(input.address_id);
		if (raw === null) changes.addressId = null;
		else {
			const id = intValue(raw);
			if (id === undefined) invalid(['print_job[address_id] must be an address id']);
			if (!ctx.store.addresses.has(id)) notFound(`Address ${id} not found`);
			changes.addressId = id;
		}
	}
	if (input.address !== undefined) {
		if (changes.addressId)
			invalid(['Send either print_job[address_id] or print_job[address], not both']);
		changes.oneOff = readOneOff(input.address, job?.one_off_address ?? null);
	}
	if (input.shipping_provider_id !== undefined) {
		const raw = text(input.shipping_provider_id);
		if (raw === null) changes.providerId = null;
		else {
			const id = intValue(raw);
			if (id === undefined)
				invalid(['print_job[shipping_provider_id] must be a shipping provider id']);
			if (!ctx.store.provider(id)) notFound(`Shipping provider ${id} not found`);
			changes.providerId = id;
		}
	}
	if (input.number_of_copies !== undefined) {
		const copies = intValue(input.number_of_copies);
		if (copies === undefined || copies < 1)
			invalid(['Number of copies must be an integer greater than 0']);
		changes.copies = copies;
	}
	if (input.card_ids !== undefined) changes.cardIds = checkCards(ctx, parseCardIds(input.card_ids));
	return changes;
}

function addCards(ctx: Ctx, job: PrintJob, ids: number[]): void {
	const now = ctx.store.now();
	for (const id of ids) {
		if (job.cards.some((c) => c.cardId === id)) continue;
		job.cards.push({ cardId: id, status: 0, created_at: now, updated_at: now });
	}
}

function apply(ctx: Ctx, job: PrintJob, changes: JobChanges): PrintJob {
	if (changes.addressId !== undefined) {
		job.address_id = changes.addressId;
		if (changes.addressId !== null) job.one_off_address = null;
	}
	if (changes.oneOff) {
		job.one_off_address = changes.oneOff;
		job.address_id = null;
	}
	if (changes.copies !== undefined) job.number_of_copies = changes.copies;
	if (changes.cardIds) addCards(ctx, job, changes.cardIds);
	job.updated_at = ctx.store.now();
	return job;
}

function requireCreated(job: PrintJob): void {
	if (job.status !== STATUS.Created) {
		badRequest(
			`Print job ${job.id} is ${PRINT_JOB_STATUSES[job.status]}; only print jobs in status Created can be changed`,
		);
	}
}

export function printJobRoutes(ctx: Ctx): Route[] {
	// Always `ctx.store`: reset() swaps the store after these routes were built.
	const show = (job: PrintJob) => ok(render.printJob(ctx, job));
	return [
		{
			method: 'GET',
			pattern: '/print_jobs',
			handler: (req) => {
				let jobs = [...ctx.store.printJobs.values()];
				if (ctx.config.printJobOrder === 'newest') jobs.reverse();
				const wanted = req.query.status;
				if (wanted !== undefined && wanted !== '') {
					const status = parseStatus(Array.isArray(wanted) ? wanted[wanted.length - 1] : wanted);
					if (status === undefined) invalid([`Unknown status '${String(wanted)}'`]);
					jobs = jobs.filter((j) => j.status === status);
				}
				return ok(paginate(jobs, req.query).map((j) => render.printJob(ctx, j)));
			},
		},
		{
			method: 'POST',
			pattern: '/print_jobs',
			handler: (req) => {
				const changes = readJobParams(ctx, requireHash(req.params, 'print_job'));
				const now = ctx.store.now();
				const job: PrintJob = {
					id: ctx.store.nextId('printJob'),
					status: STATUS.Created,
					address_id: null,
					one_off_address: null,
					shipping_provider_id: changes.providerId ?? null,
					number_of_copies: 1,
					list_id: ctx.store.nextId('list'),
					cards: [],
					created_at: now,
					updated_at: now,
				};
				apply(ctx, job, changes);
				ctx.store.printJobs.set(job.id, job);
				return show(job);
			},
		},
		{
			method: 'GET',
			pattern: '/print_jobs/:id',
			handler: (_req, p) => show(findPrintJob(ctx, p.id)),
		},
		{
			method: 'PATCH',
			pattern: '/print_jobs/:id',
			handler: (req, p) => {
				const job = findPrintJob(ctx, p.id);
				requireCreated(job);
				const changes = readJobParams(ctx, requireHash(req.params, 'print_job'), job);
				// Documented quirk: every PATCH resets the provider unless it is sent again.
				job.shipping_provider_id = changes.providerId ?? null;
				return show(apply(ctx, job, changes));
			},
		},
		{
			method: 'POST',
			pattern: '/print_jobs/:id/add_cards',
			handler: (req, p) => {
				const job = findPrintJob(ctx, p.id);
				requireCreated(job);
				const input = requireHash(req.params, 'print_job');
				rejectUnknown(input, ['card_ids'], 'print_job');
				addCards(ctx, job, checkCards(ctx, parseCardIds(input.card_ids)));
				job.updated_at = ctx.store.now();
				return show(job);
			},
		},
		{
			method: 'DELETE',
			pattern: '/print_jobs/:id/remove_cards/:card_id',
			handler: (_req, p) => {
				const job = /^\d+$/.test(p.id) ? ctx.store.printJobs.get(Number(p.id)) : undefined;
				// Old server: literal `false` with 404 when the job is missing or no longer Created.
				if (!job || job.status !== STATUS.Created) return { status: 404, body: false };
				const before = job.cards.length;
				job.cards = job.cards.filter((c) => String(c.cardId) !== p.card_id);
				if (job.cards.length !== before) job.updated_at = ctx.store.now();
				return ok(true);
			},
		},
		{
			method: 'GET',
			pattern: '/print_jobs/:id/check_balance',
			handler: (_req, p) => {
				const job = findPrintJob(ctx, p.id);
				return ok(ctx.store.balanceCents >= ctx.store.charge(job).totalCents);
			},
		},
		{
			method: 'GET',
			pattern: '/print_jobs/:id/charge_details',
			handler: (_req, p) => ok(render.chargeDetails(ctx.store, findPrintJob(ctx, p.id))),
		},
		{
			method: 'POST',
			pattern: '/print_jobs/:id/print',
			handler: (_req, p) => {
				const job = findPrintJob(ctx, p.id);
				submitJob(ctx, job);
				return show(job);
			},
		},
	];
}

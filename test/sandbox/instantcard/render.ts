/** JSON shapes of the API's answers, built from the store's records. */
import type { Ctx } from './context';
import { CARD_TEMPLATES, ORGANIZATION, PRINT_JOB_STATUSES, USER, type CardTemplate } from './seed';
import {
	formatMoney,
	type Address,
	type Card,
	type CardData,
	type Contact,
	type FinancialTransaction,
	type PrintHistoryEntry,
	type PrintJob,
	type Store,
} from './store';

/** Image values as the list/search/get answers show them (seed: the string "image"). */
function dataWithImagePlaceholders(template: CardTemplate | undefined, data: CardData): CardData {
	const images = new Set(template?.fields.filter((f) => f.type === 'image').map((f) => f.token));
	const out: CardData = {};
	for (const [token, value] of Object.entries(data)) {
		out[token] = images.has(token) && value !== null ? 'image' : value;
	}
	return out;
}

/**
 * A card. `withImages` (finalize only) keeps the Base64 of image fields; everywhere else they
 * read "image", as the seed says for list and search.
 */
export function card(store: Store, c: Card, withImages = false) {
	return {
		id: c.id,
		card_template_id: c.card_template_id,
		organization_id: ORGANIZATION.id,
		status: c.status,
		data: withImages
			? { ...c.data }
			: dataWithImagePlaceholders(store.template(c.card_template_id), c.data),
		last_printed_at: c.last_printed_at,
		last_submitted_at: c.last_submitted_at,
		created_at: c.created_at,
		updated_at: c.updated_at,
	};
}

export function printHistory(entry: PrintHistoryEntry) {
	return {
		id: entry.id,
		print_job_id: entry.print_job_id,
		status: entry.status,
		processed_at: entry.processed_at,
		created_at: entry.created_at,
	};
}

export function organization(store: Store) {
	return {
		id: ORGANIZATION.id,
		name: ORGANIZATION.name,
		settings: { ...ORGANIZATION.settings },
		total_cards: store.cards.size,
		total_templates: CARD_TEMPLATES.length,
	};
}

export function profile() {
	return {
		id: USER.id,
		email: USER.email,
		first_name: USER.first_name,
		last_name: USER.last_name,
		organization: { id: ORGANIZATION.id, name: ORGANIZATION.name },
		settings: { ...USER.settings },
	};
}

type Json = Record<string, unknown>;

export function contact(store: Store, c: Contact, withAddresses = true): Json {
	return {
		id: c.id,
		organization_id: ORGANIZATION.id,
		full_name: c.full_name,
		email: c.email,
		alt_email: c.alt_email,
		phone_number: c.phone_number,
		alt_phone_number: c.alt_phone_number,
		...(withAddresses
			? {
					addresses: [...store.addresses.values()]
						.filter((a) => a.contact_id === c.id)
						.map((a) => address(store, a, false)),
				}
			: {}),
		created_at: c.created_at,
		updated_at: c.updated_at,
	};
}

export function address(store: Store, a: Address, withContact = true): Json {
	const linked = a.contact_id === null ? undefined : store.contacts.get(a.contact_id);
	return {
		id: a.id,
		organization_id: ORGANIZATION.id,
		organization_name: a.organization_name,
		label: a.label,
		primary: a.primary,
		address1: a.address1,
		address2: a.address2,
		city: a.city,
		state: a.state,
		zip_code: a.zip_code,
		country: a.country,
		contact_id: a.contact_id,
		...(withContact ? { contact: linked ? contact(store, linked, false) : null } : {}),
		created_at: a.created_at,
		updated_at: a.updated_at,
	};
}

export function jobStatus(ctx: Ctx, status: number): string | number {
	return ctx.config.printJobStatusFormat === 'number' ? status : PRINT_JOB_STATUSES[status];
}

export function jobAddress(ctx: Ctx, job: PrintJob): unknown {
	if (job.one_off_address)
		return { ...job.one_off_address, contact: { ...job.one_off_address.contact } };
	if (job.address_id === null) return null;
	const saved = ctx.store.addresses.get(job.address_id);
	return saved ? address(ctx.store, saved) : (job.address_snapshot ?? null);
}

export function printJob(ctx: Ctx, job: PrintJob) {
	const { store } = ctx;
	return {
		id: job.id,
		status: jobStatus(ctx, job.status),
		address_id: job.address_id,
		address: jobAddress(ctx, job),
		shipping_provider_id: job.shipping_provider_id,
		number_of_copies: job.number_of_copies,
		organization_id: ORGANIZATION.id,
		organization: { id: ORGANIZATION.id, name: ORGANIZATION.name },
		list_users: [
			{
				id: job.list_id,
				total_users: job.cards.length,
				users_data: job.cards.map((entry) => {
					const live = store.cards.get(entry.cardId);
					return {
						id: entry.cardId,
						status: entry.status,
						data: live ? card(store, live).data : (entry.snapshot ?? {}),
						created_at: entry.created_at,
						updated_at: entry.updated_at,
					};
				}),
			},
		],
		created_at: job.created_at,
		updated_at: job.updated_at,
	};
}

export function chargeDetails(store: Store, job: PrintJob) {
	const charge = store.charge(job);
	return {
		has_balance: store.balanceCents >= charge.totalCents,
		job_total_cost: formatMoney(charge.totalCents),
		shipping_cost: formatMoney(charge.shippingCents),
		items: charge.items.map((i) => ({
			card_id: i.cardId,
			copies: i.copies,
			unit_price: formatMoney(i.unitCents),
			total: formatMoney(i.totalCents),
		})),
	};
}

export function transaction(tx: FinancialTransaction) {
	return {
		id: tx.id,
		created_at: tx.created_at,
		type: tx.type,
		sub_type: tx.sub_type,
		description: tx.description,
		credit: formatMoney(tx.creditCents),
		debit: formatMoney(tx.debitCents),
		balance: formatMoney(tx.balanceCents),
		receipt: tx.receipt,
		transaction_items: tx.items.map((i) => ({
			description: i.description,
			quantity: i.quantity,
			unit_price: formatMoney(i.unitCents),
			total: formatMoney(i.totalCents),
		})),
	};
}

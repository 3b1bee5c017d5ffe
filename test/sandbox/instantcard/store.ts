/**
 * In-memory records of the InstantCard sandbox. Ids are increasing integers per kind, in separate
 * ranges, so a node that passes a card id where a print job id belongs gets a 404 instead of
 * silently hitting another record. Money is kept in integer cents.
 */
import { idCounter, type Clock } from '../core';
import {
	CARD_PRICE_CENTS,
	CARD_TEMPLATES,
	ORGANIZATION,
	SEED_BALANCE_CENTS,
	SHIPPING_PROVIDERS,
	STATUS,
	type CardPrintStatus,
	type CardTemplate,
	type ShippingProvider,
} from './seed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cents as the API's money string: 1250 → "12.50", -5 → "-0.05". */
export function formatMoney(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.5", "12.50", 12.5 or "12" → cents; undefined when not a non-negative amount with ≤ 2 decimals. */
export function parseMoney(value: unknown): number | undefined {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
	if (!m) return undefined;
	return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export type CardData = Record<string, string | null>;

export interface Card {
	id: number;
	card_template_id: number;
	status: 'draft' | 'finalized';
	/** Field token → text, canonical Base64 for image fields, or null when cleared. */
	data: CardData;
	last_printed_at: string | null;
	last_submitted_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface PrintHistoryEntry {
	id: number;
	card_id: number;
	print_job_id: number;
	status: CardPrintStatus;
	processed_at: string | null;
	created_at: string;
}

export interface JobCard {
	cardId: number;
	status: CardPrintStatus;
	/** The card's data when the job left Created, shown if the card is deleted later. */
	snapshot?: CardData;
	created_at: string;
	updated_at: string;
}

/** One-off print job address (seed spelling: address_1/address_2). */
export interface OneOffAddress {
	contact: { full_name: string };
	organization_name: string | null;
	address_1: string;
	address_2: string | null;
	city: string;
	state: string | null;
	zip_code: string;
	country: string;
}

export interface PrintJob {
	id: number;
	/** Index into PRINT_JOB_STATUSES. */
	status: number;
	address_id: number | null;
	one_off_address: OneOffAddress | null;
	/** Saved address as it was when the job left Created, shown if the address is deleted later. */
	address_snapshot?: unknown;
	shipping_provider_id: number | null;
	number_of_copies: number;
	/** Id of the job's only `list_users` entry. */
	list_id: number;
	cards: JobCard[];
	created_at: string;
	updated_at: string;
}

export interface Contact {
	id: number;
	full_name: string | null;
	email: string;
	alt_email: string | null;
	phone_number: string | null;
	alt_phone_number: string | null;
	created_at: string;
	updated_at: string;
}

/** Saved address (connector spelling: address1/address2). */
export interface Address {
	id: number;
	organization_name: string | null;
	label: string | null;
	primary: boolean;
	address1: string;
	address2: string | null;
	city: string;
	state: string | null;
	zip_code: string;
	country: string;
	contact_id: number | null;
	created_at: string;
	updated_at: string;
}

export interface TransactionItem {
	description: string;
	quantity: number;
	unitCents: number;
	totalCents: number;
}

export interface FinancialTransaction {
	id: number;
	created_at: string;
	type: 'credit' | 'debit';
	sub_type: 'add_funds' | 'print_job' | 'adjustment';
	description: string;
	creditCents: number;
	debitCents: number;
	/** Balance after this transaction. */
	balanceCents: number;
	receipt: string | null;
	items: TransactionItem[];
}

export interface ChargeItem {
	cardId: number;
	copies: number;
	unitCents: number;
	totalCents: number;
}

export interface JobCharge {
	items: ChargeItem[];
	shippingCents: number;
	totalCents: number;
}

/** Not submitted yet: Created, or refused for balance (can be submitted again after adding funds). */
export const isOpen = (job: PrintJob) =>
	job.status === STATUS.Created || job.status === STATUS.No_Balance;

const FIRST_IDS = {
	card: 264_561,
	printJob: 81_001,
	list: 61_001,
	history: 71_001,
	address: 3_001,
	contact: 5_001,
	transaction: 9_001,
};

export class Store {
	cards = new Map<number, Card>();
	printJobs = new Map<number, PrintJob>();
	/** Print history by card id, oldest first. */
	history = new Map<number, PrintHistoryEntry[]>();
	addresses = new Map<number, Address>();
	contacts = new Map<number, Contact>();
	/** Oldest first. */
	transactions: FinancialTransaction[] = [];
	balanceCents = SEED_BALANCE_CENTS;
	readonly nextId = idCounter(FIRST_IDS);

	constructor(private readonly clock: Clock) {
		this.seed();
	}

	now(): string {
		return this.clock.iso();
	}

	template(id: number): CardTemplate | undefined {
		return CARD_TEMPLATES.find((t) => t.id === id);
	}

	provider(id: number): ShippingProvider | undefined {
		return SHIPPING_PROVIDERS.find((p) => p.id === id);
	}

	createCard(templateId: number, data: CardData, status: Card['status'] = 'draft'): Card {
		const now = this.now();
		const card: Card = {
			id: this.nextId('card'),
			card_template_id: templateId,
			status,
			data,
			last_printed_at: null,
			last_submitted_at: null,
			created_at: now,
			updated_at: now,
		};
		this.cards.set(card.id, card);
		return card;
	}

	/** Deletes a card; jobs not yet submitted drop it, submitted jobs keep its snapshot. */
	deleteCard(card: Card): void {
		for (const job of this.printJobs.values()) {
			if (isOpen(job)) job.cards = job.cards.filter((c) => c.cardId !== card.id);
		}
		this.cards.delete(card.id);
	}

	/** Deletes an address; jobs not yet submitted lose it, submitted jobs keep their snapshot. */
	deleteAddress(address: Address): void {
		for (const job of this.printJobs.values()) {
			if (isOpen(job) && job.address_id === address.id) job.address_id = null;
		}
		this.addresses.delete(address.id);
	}

	/** What a job costs now: every card × copies at the card price, plus the provider's flat fee. */
	charge(job: PrintJob): JobCharge {
		const items = job.cards.map((c) => ({
			cardId: c.cardId,
			copies: job.number_of_copies,
			unitCents: CARD_PRICE_CENTS,
			totalCents: CARD_PRICE_CENTS * job.number_of_copies,
		}));
		const shippingCents =
			job.shipping_provider_id === null
				? 0
				: (this.provider(job.shipping_provider_id)?.costCents ?? 0);
		return {
			items,
			shippingCents,
			totalCents: items.reduce((sum, i) => sum + i.totalCents, 0) + shippingCents,
		};
	}

	/** Books a transaction and moves the balance by it. */
	book(
		entry: Omit<FinancialTransaction, 'id' | 'created_at' | 'balanceCents'>,
	): FinancialTransaction {
		this.balanceCents += entry.creditCents - entry.debitCents;
		const tx: FinancialTransaction = {
			id: this.nextId('transaction'),
			created_at: this.now(),
			balanceCents: this.balanceCents,
			...entry,
		};
		this.transactions.push(tx);
		return tx;
	}

	private seed(): void {
		const at = (daysAgo: number) => this.clock.iso(this.clock.now() - daysAgo * DAY_MS);
		const contact: Contact = {
			id: this.nextId('contact'),
			full_name: 'Grace Hopper',
			email: 'grace.hopper@sandbox.test',
			alt_email: null,
			phone_number: '+1 512 555 0100',
			alt_phone_number: null,
			created_at: at(60),
			updated_at: at(60),
		};
		this.contacts.set(contact.id, contact);
		const address: Address = {
			id: this.nextId('address'),
			organization_name: ORGANIZATION.name,
			label: 'Head office',
			primary: true,
			address1: '1200 Congress Ave',
			address2: 'Suite 400',
			city: 'Austin',
			state: 'TX',
			zip_code: '78701',
			country: 'US',
			contact_id: contact.id,
			created_at: at(60),
			updated_at: at(60),
		};
		this.addresses.set(address.id, address);

		// Three transactions that end at the seeded balance: 300.50 − 37.75 − 12.75 = 250.00.
		const seeded: Array<
			[number, Omit<FinancialTransaction, 'id' | 'created_at' | 'balanceCents'>]
		> = [
			[
				30,
				{
					type: 'credit',
					sub_type: 'add_funds',
					description: 'Funds added by credit card ending 4242',
					creditCents: 30_050,
					debitCents: 0,
					receipt: 'https://sandbox.instantcard.test/receipts/seed-1',
					items: [],
				},
			],
			[
				20,
				{
					type: 'debit',
					sub_type: 'print_job',
					description: 'Print job #81000 (6 cards, UPS Ground)',
					creditCents: 0,
					debitCents: 3_775,
					receipt: null,
					items: [
						{
							description: 'Card printing',
							quantity: 6,
							unitCents: CARD_PRICE_CENTS,
							totalCents: 3_000,
						},
						{ description: 'Shipping: UPS Ground', quantity: 1, unitCents: 775, totalCents: 775 },
					],
				},
			],
			[
				10,
				{
					type: 'debit',
					sub_type: 'print_job',
					description: 'Print job #80999 (2 cards, USPS First-Class Mail)',
					creditCents: 0,
					debitCents: 1_275,
					receipt: null,
					items: [
						{
							description: 'Card printing',
							quantity: 2,
							unitCents: CARD_PRICE_CENTS,
							totalCents: 1_000,
						},
						{
							description: 'Shipping: USPS First-Class Mail',
							quantity: 1,
							unitCents: 275,
							totalCents: 275,
						},
					],
				},
			],
		];
		let balance = 0;
		for (const [daysAgo, entry] of seeded) {
			balance += entry.creditCents - entry.debitCents;
			this.transactions.push({
				id: this.nextId('transaction'),
				created_at: at(daysAgo),
				balanceCents: balance,
				...entry,
			});
		}
		this.balanceCents = balance;
	}
}

/**
 * Fixed data of the InstantCard sandbox: the one login, its organization, the card templates,
 * shipping providers and prices. Mutable records (cards, jobs, addresses, …) live in `store.ts`.
 */
import documented from './documented.json';

/** The only account the sandbox accepts (not the vendor's public staging login). */
export const INSTANTCARD_SANDBOX_LOGIN = {
	email: 'cards@sandbox.test',
	password: 'sandbox-password',
	organizationId: '20003827',
} as const;

export const ORGANIZATION = {
	id: Number(INSTANTCARD_SANDBOX_LOGIN.organizationId),
	name: 'InstantCard Sandbox Org',
	settings: {
		currency: 'USD',
		time_zone: 'Eastern Time (US & Canada)',
		same_day_cutoff: '16:00',
	},
};

export const USER = {
	id: 4242,
	email: INSTANTCARD_SANDBOX_LOGIN.email,
	first_name: 'Sandy',
	last_name: 'Box',
	settings: { locale: 'en', notifications: true },
};

/** Price of one printed card copy, in cents; every job pays it per card and copy. */
export const CARD_PRICE_CENTS = 500;

/** Balance after the seeded transactions, in cents ("250.00"). */
export const SEED_BALANCE_CENTS = 25_000;

export type FieldType = 'text' | 'image';

export interface TemplateField {
	token: string;
	label: string;
	type: FieldType;
	legacy_token: string;
	dimensions: { width: number; height: number };
}

export interface CardTemplate {
	id: number;
	name: string;
	orientation: 'portrait' | 'landscape';
	/** Only two-sided templates have a back image in the preview. */
	two_sided: boolean;
	fields: TemplateField[];
}

const text = (token: string, label: string, n: number): TemplateField => ({
	token,
	label,
	type: 'text',
	legacy_token: `DATA_${n}`,
	dimensions: { width: 560, height: 48 },
});

const image = (token: string, label: string, width: number, height: number): TemplateField => ({
	token,
	label,
	type: 'image',
	legacy_token: token.toUpperCase(),
	dimensions: { width, height },
});

/** A card template: its id, name, orientation, whether it is two-sided, and its variable fields. */
const template = (
	id: number,
	name: string,
	orientation: CardTemplate['orientation'],
	two_sided: boolean,
	fields: TemplateField[],
): CardTemplate => ({ id, name, orientation, two_sided, fields });

export const CARD_TEMPLATES: readonly CardTemplate[] = [
	template(1001, 'Employee ID (vertical)', 'portrait', false, [
		text('first_name', 'First Name', 1),
		text('last_name', 'Last Name', 2),
		text('employee_id', 'Employee ID', 3),
		image('photo', 'Photo', 300, 375),
	]),
	template(1002, 'Member Card (two-sided)', 'landscape', true, [
		text('member_name', 'Member Name', 1),
		text('member_number', 'Member Number', 2),
		text('expiry_date', 'Expiry Date', 3),
		image('photo', 'Photo', 240, 300),
		image('signature', 'Signature', 400, 100),
	]),
	template(1003, 'Visitor Badge', 'landscape', false, [
		text('visitor_name', 'Visitor Name', 1),
		text('company', 'Company', 2),
	]),
];

export interface ShippingProvider {
	id: number;
	name: string;
	/** Flat shipping cost per print job, in cents (not part of the API's provider JSON). */
	costCents: number;
}

export const SHIPPING_PROVIDERS: readonly ShippingProvider[] = [
	{ id: 1, name: 'USPS First-Class Mail', costCents: 275 },
	{ id: 2, name: 'UPS Ground', costCents: 775 },
	{ id: 3, name: 'FedEx Priority Overnight', costCents: 2950 },
];

/** Print job states of the old server's enum; the index is the number. */
export const PRINT_JOB_STATUSES = documented.printJobStatuses as readonly PrintJobStatusName[];
export type PrintJobStatusName =
	| 'Created'
	| 'Scheduled'
	| 'In_Progress'
	| 'Finished'
	| 'Failed'
	| 'No_Balance'
	| 'Duplicated'
	| 'Not_Printed';

/** Each state's number, by name. */
export const STATUS = Object.fromEntries(PRINT_JOB_STATUSES.map((name, code) => [name, code])) as {
	readonly [name in PrintJobStatusName]: number;
};

/** Reads a status given as name (any case, space or underscore) or number; undefined if neither. */
export function parseStatus(value: unknown): number | undefined {
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
	const code = /^\d+$/.test(text)
		? Number(text)
		: PRINT_JOB_STATUSES.map((s) => s.toLowerCase()).indexOf(
				text.toLowerCase().replace(/[\s-]+/g, '_') as never,
			);
	return code >= 0 && code < PRINT_JOB_STATUSES.length ? code : undefined;
}

/** Per-card print status (seed: 0 not yet printed, 1 printed and sent; old server: 2 failed). */
export type CardPrintStatus = 0 | 1 | 2;

/**
 * The printery's fixed catalogue. The Inbox API cannot list any of it (carriers, customers and
 * product templates are agreed "out-of-band"), so tests import these constants instead.
 */

export interface ComponentTemplate {
	name: string;
	number_of_pages: number;
	closed_dimensions: [number, number];
	front_colors: string[];
	back_colors: string[];
	paper_name: string | null;
	grain: 'short' | 'long' | null;
	grammage: number | null;
}

export interface ProductTemplate {
	id: number;
	order_number: string;
	name: string;
	/** Circulation of the default "Standard" variant when the request gives none. */
	default_circulation: number;
	/** Price model (cents): base + per piece × circulation_sum, plus fixed service costs. */
	base_cents: number;
	unit_cents: number;
	/** Service costs are added even to a price set with `net_total` (as the doc says). */
	service_cents: number;
	components: ComponentTemplate[];
}

export interface Carrier {
	id: number;
	name: string;
}

export interface Customer {
	id: number;
	name: string;
	tax_identifier: string | null;
	reference: string;
	/** Whether the organisation has a postal address; without one checkout reports `address`. */
	has_address: boolean;
}

const CMYK = ['CMYK/Cyan', 'CMYK/Magenta', 'CMYK/Yellow', 'CMYK/Black'];

export const KEYLINE_PRODUCT_TEMPLATES: readonly ProductTemplate[] = [
	{
		id: 501,
		order_number: 'KEY-XY-123',
		name: 'Aufkleber',
		default_circulation: 1000,
		base_cents: 4500,
		unit_cents: 3,
		service_cents: 0,
		components: [
			{
				name: 'Aufkleber / Etikett',
				number_of_pages: 2,
				closed_dimensions: [140, 140],
				front_colors: CMYK,
				back_colors: [],
				paper_name: null,
				grain: null,
				grammage: null,
			},
		],
	},
	{
		id: 502,
		order_number: 'KEY-FLY-A5',
		name: 'Flyer A5',
		default_circulation: 500,
		base_cents: 2900,
		unit_cents: 5,
		service_cents: 0,
		components: [
			{
				name: 'Flyer',
				number_of_pages: 2,
				closed_dimensions: [148, 210],
				front_colors: CMYK,
				back_colors: CMYK,
				paper_name: 'Bilderdruck matt',
				grain: 'long',
				grammage: 135,
			},
		],
	},
	{
		id: 503,
		order_number: 'KEY-BRO-A4',
		name: 'Broschüre A4',
		default_circulation: 250,
		base_cents: 9900,
		unit_cents: 120,
		service_cents: 1500,
		components: [
			{
				name: 'Umschlag',
				number_of_pages: 4,
				closed_dimensions: [210, 297],
				front_colors: CMYK,
				back_colors: ['Pantone/83'],
				paper_name: 'Arctic White',
				grain: 'long',
				grammage: 300,
			},
			{
				name: 'Inhalt',
				number_of_pages: 16,
				closed_dimensions: [210, 297],
				front_colors: CMYK,
				back_colors: CMYK,
				paper_name: 'Bilderdruck glänzend',
				grain: 'long',
				grammage: 115,
			},
		],
	},
	{
		id: 504,
		order_number: 'KEY-BC-85',
		name: 'Visitenkarten',
		default_circulation: 250,
		base_cents: 1900,
		unit_cents: 2,
		service_cents: 0,
		components: [
			{
				name: 'Visitenkarte',
				number_of_pages: 2,
				closed_dimensions: [85, 55],
				front_colors: ['CMYK/Black', 'HKS/43'],
				back_colors: ['CMYK/Black'],
				paper_name: 'Chromokarton',
				grain: 'short',
				grammage: 350,
			},
		],
	},
];

export const KEYLINE_CARRIERS: readonly Carrier[] = [
	{ id: 43, name: 'Paket DHL' },
	{ id: 44, name: 'UPS Standard' },
	{ id: 45, name: 'Selbstabholung' },
];

export const KEYLINE_CUSTOMERS: readonly Customer[] = [
	{
		id: 206,
		name: 'Crispy GmbH & Co. KG',
		tax_identifier: null,
		reference: 'NEE6UC',
		has_address: true,
	},
	{
		id: 207,
		name: 'Stark Industries AG',
		tax_identifier: 'DE123456789',
		reference: 'ST4RK7',
		has_address: true,
	},
	{
		id: 208,
		name: 'Adresslos GmbH',
		tax_identifier: null,
		reference: 'N0ADDR',
		has_address: false,
	},
];

export const CURRENCY = 'EUR';

export function findTemplate(id?: number, orderNumber?: string): ProductTemplate | undefined {
	return KEYLINE_PRODUCT_TEMPLATES.find(
		(t) =>
			(id === undefined || t.id === id) &&
			(orderNumber === undefined || t.order_number === orderNumber),
	);
}

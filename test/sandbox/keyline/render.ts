/** JSON shapes of the doc, field by field, each wrapped in its singular name. */
import { KEYLINE_CARRIERS, KEYLINE_CUSTOMERS } from './seed';
import {
	circulationSum,
	money,
	productNetCents,
	type Address,
	type Cart,
	type Component,
	type Order,
	type PrintDataFile,
	type Product,
	type Variant,
} from './store';

export function address(a: Address | null, withContact = false) {
	if (!a) return null;
	const base = {
		addressee: a.addressee,
		street: a.street,
		number: a.number,
		addition: a.addition,
		zip_code: a.zip_code,
		town: a.town,
		country_code: a.country_code,
	};
	// Only the delivery_address endpoints list the contact fields; cart/order bodies do not.
	return withContact
		? {
				...base,
				delivery_contact_phone: a.delivery_contact_phone ?? null,
				delivery_contact_email: a.delivery_contact_email ?? null,
			}
		: base;
}

export function carrier(id: number | null) {
	const found = KEYLINE_CARRIERS.find((c) => c.id === id);
	return found ? { id: found.id, name: found.name } : null;
}

export function customer(id: number | null) {
	const c = KEYLINE_CUSTOMERS.find((x) => x.id === id);
	return c
		? { id: c.id, name: c.name, tax_identifier: c.tax_identifier, reference: c.reference }
		: null;
}

export const printDataFile = (f: PrintDataFile) => ({
	print_data_file: {
		id: f.id,
		product_id: f.product_id,
		component_id: f.component_id,
		kind: f.kind,
		state: f.state,
		uri: f.uri,
		filesize: f.filesize,
		first_page: f.first_page,
		last_page: f.last_page,
		created_at: f.created_at,
		updated_at: f.updated_at,
	},
});

export const component = (c: Component) => ({
	component: {
		id: c.id,
		name: c.name,
		number_of_pages: c.number_of_pages,
		closed_dimensions: [...c.closed_dimensions],
		paper_name: c.paper_name,
		grain: c.grain,
		grammage: c.grammage,
		front_colors: [...c.front_colors],
		back_colors: [...c.back_colors],
		updated_at: c.updated_at,
		created_at: c.created_at,
	},
});

export const variant = (v: Variant) => ({
	variant: { id: v.id, name: v.name, circulation: v.circulation },
});

export const product = (p: Product) => ({
	product: {
		id: p.id,
		reference: p.reference,
		name: p.name,
		updated_at: p.updated_at,
		created_at: p.created_at,
		circulation_sum: circulationSum(p),
		net_total: money(productNetCents(p)),
		custom_references: p.custom_references,
		components: p.components.map(component),
		variants: p.variants.map(variant),
	},
});

export const cart = (c: Cart) => ({
	cart: {
		id: c.id,
		reference: c.reference,
		updated_at: c.updated_at,
		created_at: c.created_at,
		due_at: c.due_at,
		custom_offer_text: c.custom_offer_text,
		custom_references: c.custom_references,
		carrier: carrier(c.carrier_id),
		recipient: c.recipient ? { ...c.recipient } : null,
		billing_address: address(c.billing_address),
		delivery_address: address(c.delivery_address),
	},
});

export const order = (o: Order) => ({
	order: {
		id: o.id,
		due_at: o.due_at,
		custom_offer_text: o.custom_offer_text,
		reference: o.reference,
		state: o.state,
		updated_at: o.updated_at,
		created_at: o.created_at,
		custom_references: o.custom_references,
		carrier: carrier(o.carrier_id),
		delivery_address: address(o.delivery_address),
		recipient: o.recipient ? { ...o.recipient } : null,
		billing_address: address(o.billing_address),
		products: o.products.map(product),
		print_data_files: o.products.flatMap((p) => p.print_data_files.map(printDataFile)),
	},
});

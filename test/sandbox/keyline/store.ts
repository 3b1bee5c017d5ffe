/**
 * In-memory data of the Keyline sandbox: carts, orders and everything below them.
 * Ids are increasing integers per kind, in separate ranges so that a node passing a cart id where a
 * product id belongs gets a 404 instead of silently hitting another record.
 */
import { idCounter, type Clock } from '../core';
import { CURRENCY, KEYLINE_CUSTOMERS, type ComponentTemplate, type ProductTemplate } from './seed';

export type OrderState = 'draft' | 'confirmed' | 'completed' | 'archived';
export const ORDER_STATES: readonly OrderState[] = ['draft', 'confirmed', 'completed', 'archived'];

export type PrintDataFileKind = 'original' | 'processed' | 'imposed';
export const PRINT_DATA_FILE_KINDS: readonly PrintDataFileKind[] = [
	'original',
	'processed',
	'imposed',
];

export type PrintDataFileState = 'newly_uploaded' | 'processing' | 'processed';
export const PRINT_DATA_FILE_STATES: readonly PrintDataFileState[] = [
	'newly_uploaded',
	'processing',
	'processed',
];

export interface Address {
	addressee: string;
	street: string | null;
	number: string | null;
	addition: string | null;
	zip_code: string;
	town: string;
	country_code: string;
	/** Only delivery addresses carry these two. */
	delivery_contact_phone?: string | null;
	delivery_contact_email?: string | null;
}

export interface Recipient {
	first_name: string;
	name: string;
	email: string;
	phone: string | null;
}

export interface PrintDataFile {
	id: number;
	product_id: number;
	component_id: number | null;
	kind: PrintDataFileKind;
	state: PrintDataFileState;
	uri: string;
	filesize: number;
	first_page: number | null;
	last_page: number | null;
	created_at: string;
	updated_at: string;
}

export interface Component extends Omit<ComponentTemplate, 'closed_dimensions'> {
	id: number;
	closed_dimensions: [number, number];
	created_at: string;
	updated_at: string;
}

export interface Variant {
	id: number;
	name: string;
	circulation: number;
}

export interface Product {
	id: number;
	reference: string;
	name: string;
	template: ProductTemplate;
	/** Price fixed with `net_total` (cents, before service costs); null = computed from the template. */
	locked_net_cents: number | null;
	custom_references: Record<string, string | number> | null;
	components: Component[];
	variants: Variant[];
	/** All files of the product; component files have `component_id` set. */
	print_data_files: PrintDataFile[];
	created_at: string;
	updated_at: string;
}

/** What carts and orders have in common (the parent of products, carrier and addresses). */
export interface ProductParent {
	id: number;
	/** API key the record belongs to; other keys get 404. */
	owner: string;
	reference: string;
	due_at: string | null;
	custom_offer_text: string | null;
	custom_references: Record<string, string | number> | null;
	customer_id: number | null;
	recipient: Recipient | null;
	carrier_id: number | null;
	billing_address: Address | null;
	delivery_address: Address | null;
	products: Product[];
	created_at: string;
	updated_at: string;
}

export interface Cart extends ProductParent {
	/** Set by checkout: the cart then redirects to this order and is otherwise gone. */
	order_id: number | null;
}

export interface Order extends ProductParent {
	state: OrderState;
	cart_id: number | null;
}

export type CheckoutError = Record<string, string>;

const FIRST_IDS = {
	cart: 9981,
	product: 17621,
	component: 24171,
	variant: 38421,
	printDataFile: 871,
	order: 14011,
};

export class Store {
	carts = new Map<number, Cart>();
	orders = new Map<number, Order>();
	readonly nextId = idCounter(FIRST_IDS);
	private references = new Set<string>(KEYLINE_CUSTOMERS.map((c) => c.reference));
	/** Deterministic PRNG so references repeat from run to run (mulberry32). */
	private seed = 0x6b65796c;

	constructor(private readonly clock: Clock) {}

	now(): string {
		return this.clock.iso();
	}

	private random(): number {
		let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** A fresh unique `^[0-9A-Z]{6}$` reference. */
	reference(): string {
		const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
		for (;;) {
			let ref = '';
			for (let i = 0; i < 6; i++) ref += alphabet[Math.floor(this.random() * alphabet.length)];
			if (!this.references.has(ref)) {
				this.references.add(ref);
				return ref;
			}
		}
	}

	createCart(owner: string): Cart {
		const now = this.now();
		const cart: Cart = {
			id: this.nextId('cart'),
			owner,
			reference: this.reference(),
			due_at: null,
			custom_offer_text: null,
			custom_references: null,
			customer_id: null,
			recipient: null,
			carrier_id: null,
			billing_address: null,
			delivery_address: null,
			products: [],
			created_at: now,
			updated_at: now,
			order_id: null,
		};
		this.carts.set(cart.id, cart);
		return cart;
	}

	/** Instantiates a product template with its default components and one "Standard" variant. */
	createProduct(template: ProductTemplate, circulation?: number): Product {
		const now = this.now();
		return {
			id: this.nextId('product'),
			reference: this.reference(),
			name: template.name,
			template,
			locked_net_cents: null,
			custom_references: null,
			components: template.components.map((c) => ({
				...c,
				closed_dimensions: [...c.closed_dimensions] as [number, number],
				front_colors: [...c.front_colors],
				back_colors: [...c.back_colors],
				id: this.nextId('component'),
				created_at: now,
				updated_at: now,
			})),
			variants: [
				{
					id: this.nextId('variant'),
					name: 'Standard',
					circulation: circulation ?? template.default_circulation,
				},
			],
			print_data_files: [],
			created_at: now,
			updated_at: now,
		};
	}

	createPrintDataFile(
		product: Product,
		componentId: number | null,
		fields: Pick<PrintDataFile, 'kind' | 'uri'> & Partial<PrintDataFile>,
	): PrintDataFile {
		const now = this.now();
		const file: PrintDataFile = {
			id: this.nextId('printDataFile'),
			product_id: product.id,
			component_id: componentId,
			kind: fields.kind,
			state: fields.state ?? 'newly_uploaded',
			uri: fields.uri,
			filesize: fields.filesize ?? 0,
			first_page: fields.first_page ?? null,
			last_page: fields.last_page ?? null,
			created_at: now,
			updated_at: now,
		};
		product.print_data_files.push(file);
		return file;
	}

	/** Every print data file of carts and orders, for the control actions. */
	allPrintDataFiles(): PrintDataFile[] {
		// A checked-out cart shares its products with the order: count each file once.
		const live = [...this.carts.values()].filter((c) => c.order_id === null);
		const parents: ProductParent[] = [...live, ...this.orders.values()];
		return [
			...new Set(parents.flatMap((p) => p.products.flatMap((product) => product.print_data_files))),
		];
	}

	/**
	 * What still blocks a checkout, as the doc's list of one-key objects. Order follows the doc's
	 * example; `customer`, `variants` and `print_data_files` are the sandbox's additions.
	 */
	checkoutErrors(cart: Cart): CheckoutError[] {
		const blank = 'muss ausgefüllt werden';
		const errors: CheckoutError[] = [];
		if (cart.products.length === 0) errors.push({ products: blank });
		if (cart.products.some((p) => p.variants.length === 0)) errors.push({ variants: blank });
		if (cart.products.some((p) => p.print_data_files.length === 0))
			errors.push({ print_data_files: blank });
		if (!cart.delivery_address) errors.push({ delivery_address: blank });
		if (!cart.billing_address) errors.push({ billing_address: blank });
		if (cart.carrier_id === null) errors.push({ carrier: blank });
		if (cart.customer_id === null) errors.push({ customer: blank });
		if (!cart.recipient) errors.push({ recipient: blank });
		const customer = KEYLINE_CUSTOMERS.find((c) => c.id === cart.customer_id);
		if (customer && !customer.has_address) errors.push({ address: blank });
		return errors;
	}

	/** Places the order: products, components, variants and files move over with their ids. */
	checkout(cart: Cart): Order {
		const now = this.now();
		const order: Order = {
			...cart,
			id: this.nextId('order'),
			state: 'draft',
			cart_id: cart.id,
			created_at: now,
			updated_at: now,
		};
		delete (order as Partial<Cart>).order_id;
		cart.order_id = order.id;
		this.orders.set(order.id, order);
		return order;
	}
}

/** Net total in cents: the locked price or the template's price for the circulation, plus services. */
export function productNetCents(product: Product): number {
	const t = product.template;
	const circulation = circulationSum(product);
	return (product.locked_net_cents ?? t.base_cents + t.unit_cents * circulation) + t.service_cents;
}

export function circulationSum(product: Product): number {
	return product.variants.reduce((sum, v) => sum + v.circulation, 0);
}

export const money = (cents: number) => ({ cent_amount: cents, currency: CURRENCY });

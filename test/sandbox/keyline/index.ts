/**
 * Emulator of the Keyline Inbox API (print shop order intake), base path `/api/v2/inbox`.
 *
 * Carts are filled (customer, recipient, carrier, addresses, products from the seeded catalogue,
 * variants, components, print data files), checked out into orders (301 + Location), and orders are
 * read, cancelled or moved through their states with the control actions below.
 */
import {
	dispatch,
	HttpError,
	Sandbox,
	type ApiRequest,
	type ApiResponse,
	type Route,
} from '../core';
import documented from './documented.json';
import type { Ctx } from './context';
import * as render from './render';
import {
	carrierRoutes,
	addressRoutes,
	customerRoutes,
	readAddress,
	recipientRoutes,
} from './routes/parties';
import { cartRoutes } from './routes/carts';
import { orderRoutes } from './routes/orders';
import { printDataFileRoutes } from './routes/printDataFiles';
import { cartProductRoutes, productReadRoutes, templateFor } from './routes/products';
import { KEYLINE_CARRIERS, KEYLINE_CUSTOMERS } from './seed';
import {
	ORDER_STATES,
	PRINT_DATA_FILE_KINDS,
	PRINT_DATA_FILE_STATES,
	Store,
	type Address,
	type Order,
	type OrderState,
	type PrintDataFile,
	type PrintDataFileKind,
	type PrintDataFileState,
	type Recipient,
} from './store';

export { KEYLINE_CARRIERS, KEYLINE_CUSTOMERS, KEYLINE_PRODUCT_TEMPLATES } from './seed';
export type { Order, OrderState, PrintDataFile, PrintDataFileState } from './store';

/** The key the sandbox accepts (`Authorization: Bearer <key>`); not the doc's example key. */
export const KEYLINE_SANDBOX_API_KEY =
	'a3f9c2e81b7d4f6a9e0c5b3d2f1a8e7c6b5d4a3f2e1d0c9b8a7f6e5d4c3b2a19';

/** Owner of orders seeded with `foreign: true`: a key the sandbox does not accept. */
const FOREIGN_OWNER = '0'.repeat(64);

export interface SeedPrintDataFile {
	kind?: PrintDataFileKind;
	uri?: string;
	filesize?: number;
	state?: PrintDataFileState;
	/** Attach to the product's n-th component (0-based) instead of the product. */
	componentIndex?: number;
}

export interface SeedProduct {
	productTemplateId?: number;
	orderNumber?: string;
	name?: string;
	circulation?: number;
	netTotal?: number;
	customReferences?: Record<string, string | number> | null;
	printDataFiles?: SeedPrintDataFile[];
}

export interface SeedOrderInput {
	state?: OrderState;
	/** Owner key (default: `KEYLINE_SANDBOX_API_KEY`). */
	apiKey?: string;
	/** Belongs to another account: answers 404 to this sandbox's key. */
	foreign?: boolean;
	customerId?: number;
	recipient?: Recipient | null;
	carrierId?: number | null;
	billingAddress?: Partial<Address> | null;
	deliveryAddress?: Partial<Address> | null;
	dueAt?: string | null;
	customOfferText?: string | null;
	customReferences?: Record<string, string | number> | null;
	products?: SeedProduct[];
}

/** The documentation's example address. */
const DEFAULT_ADDRESS: Address = documented.exampleAddress;

const controlError = (status: number, error: string) => new HttpError(status, { error });

export interface KeylineConfig {
	/**
	 * Body of the Inbox API's 404s: 'json' (`{"error": "Couldn't find …"}`, the live server) or
	 * 'none' (empty, as the Keyline documentation shows them). The HTML 404 outside the API stays.
	 */
	notFoundBody: 'json' | 'none';
}

export type KeylineSandboxOptions = Partial<KeylineConfig>;

const DEFAULT_CONFIG: KeylineConfig = { notFoundBody: 'json' };

/** Checks configuration values coming from tests or from `/__control/configure`. */
function checkedConfig(given: object): KeylineSandboxOptions {
	const options = given as Record<string, unknown>;
	const out: KeylineSandboxOptions = {};
	if (options.notFoundBody !== undefined) {
		const mode = options.notFoundBody;
		if (mode !== 'json' && mode !== 'none')
			throw controlError(400, "notFoundBody must be 'json' or 'none'");
		out.notFoundBody = mode;
	}
	return out;
}

export class KeylineSandbox extends Sandbox {
	protected readonly basePath = '/api/v2/inbox';
	store: Store = new Store(this.clock);
	private apiKeys = new Set<string>([KEYLINE_SANDBOX_API_KEY]);
	private readonly routes: Route[];
	private config: KeylineConfig;
	/** What `reset()` returns to: the constructor's options, not later `configure` calls. */
	private readonly initialConfig: KeylineConfig;

	constructor(options: KeylineSandboxOptions = {}) {
		super();
		this.initialConfig = { ...DEFAULT_CONFIG, ...checkedConfig(options) };
		this.config = { ...this.initialConfig };
		const sandbox = this;
		const ctx: Ctx = {
			// A getter: `reset()` swaps the store.
			get store() {
				return sandbox.store;
			},
			baseUrlOf: (req) =>
				`http://${req.headers.host ?? new URL(sandbox.url).host}${sandbox.basePath}`,
		};
		this.routes = [
			...cartRoutes(ctx),
			...customerRoutes(ctx),
			...recipientRoutes(ctx),
			...carrierRoutes(ctx, 'carts'),
			...addressRoutes(ctx, 'carts', 'billing_address'),
			...addressRoutes(ctx, 'carts', 'delivery_address'),
			...productReadRoutes(ctx, 'carts'),
			...cartProductRoutes(ctx),
			...printDataFileRoutes(ctx, 'carts'),
			...orderRoutes(ctx),
			...productReadRoutes(ctx, 'orders'),
			...printDataFileRoutes(ctx, 'orders'),
			...carrierRoutes(ctx, 'orders'),
			...addressRoutes(ctx, 'orders', 'delivery_address'),
		];
	}

	protected resetState(): void {
		this.store = new Store(this.clock);
		this.apiKeys = new Set([KEYLINE_SANDBOX_API_KEY]);
		this.config = { ...this.initialConfig };
	}

	get currentConfig(): KeylineConfig {
		return { ...this.config };
	}

	/** Accepts one more key (e.g. a second account); keys are 64 hex characters. */
	addApiKey(key: string): void {
		if (!/^[0-9a-fA-F]{64}$/.test(key)) throw controlError(400, 'API keys are 64 hex characters');
		this.apiKeys.add(key.toLowerCase());
	}

	/** 401 without a token, 403 for a malformed or unknown one (the doc's two cases). */
	private authenticate(req: ApiRequest): void {
		const header = (req.headers.authorization ?? '').trim();
		if (header === '' || /^Bearer$/i.test(header)) {
			throw new HttpError(401, { error: 'Header missing or No token provided' });
		}
		const match = /^Bearer ([0-9a-fA-F]{64})$/.exec(header);
		if (!match || !this.apiKeys.has(match[1].toLowerCase()))
			throw new HttpError(403, { error: 'Bad token.' });
	}

	protected async handle(req: ApiRequest): Promise<ApiResponse> {
		const routeError = () =>
			new HttpError(404, { error: `No route matches [${req.method}] "${req.path}"` });
		// Outside the Inbox API the Keyline web app answers, with its HTML "page not found".
		if (req.path !== this.basePath && !req.path.startsWith(`${this.basePath}/`)) {
			return {
				status: 404,
				headers: { 'content-type': 'text/html; charset=utf-8' },
				raw: "<!DOCTYPE html><html><head><title>The page you were looking for doesn't exist (404)</title></head><body><h1>The page you were looking for doesn't exist.</h1></body></html>",
			};
		}
		let response: ApiResponse;
		try {
			this.authenticate(req);
			const routed = await dispatch(this.routes, req, req.path.slice(this.basePath.length) || '/');
			if (!routed) throw routeError();
			response = routed;
		} catch (error) {
			if (!(error instanceof HttpError) || error.status !== 404) throw error;
			response = { status: 404, body: error.body, headers: error.headers };
		}
		// The documentation's 404s have no body at all.
		if (response.status === 404 && this.config.notFoundBody === 'none') return { status: 404 };
		return response;
	}

	// ----- control: public methods, also reachable as POST /__control/<action> -----

	configure(options: KeylineSandboxOptions): KeylineConfig {
		Object.assign(this.config, checkedConfig(options));
		return this.currentConfig;
	}

	private order(id: unknown): Order {
		const order = this.store.orders.get(Number(id));
		if (!order) throw controlError(404, `No order ${String(id)}`);
		return order;
	}

	setOrderState(orderId: number, state: OrderState): Order {
		if (!ORDER_STATES.includes(state))
			throw controlError(400, `state must be one of ${ORDER_STATES.join(', ')}`);
		const order = this.order(orderId);
		order.state = state;
		order.updated_at = this.store.now();
		return order;
	}

	/** draft → confirmed → completed → archived (archived stays archived). */
	advanceOrder(orderId: number): Order {
		const order = this.order(orderId);
		const next =
			ORDER_STATES[Math.min(ORDER_STATES.indexOf(order.state) + 1, ORDER_STATES.length - 1)];
		return this.setOrderState(orderId, next);
	}

	setPrintDataFileState(id: number, state: PrintDataFileState): PrintDataFile {
		if (!PRINT_DATA_FILE_STATES.includes(state)) {
			throw controlError(400, `state must be one of ${PRINT_DATA_FILE_STATES.join(', ')}`);
		}
		const file = this.store.allPrintDataFiles().find((f) => f.id === Number(id));
		if (!file) throw controlError(404, `No print data file ${String(id)}`);
		file.state = state;
		file.updated_at = this.store.now();
		return file;
	}

	/** Moves every file that is not processed yet one step: newly_uploaded → processing → processed. */
	advancePrintDataFiles(): PrintDataFile[] {
		const moved = this.store.allPrintDataFiles().filter((f) => f.state !== 'processed');
		for (const file of moved) {
			file.state = PRINT_DATA_FILE_STATES[PRINT_DATA_FILE_STATES.indexOf(file.state) + 1];
			file.updated_at = this.store.now();
		}
		return moved;
	}

	/** Creates an order directly (for trigger tests), complete with defaults for anything not given. */
	seedOrder(input: SeedOrderInput = {}): Order {
		const store = this.store;
		const now = store.now();
		const customerId = input.customerId ?? KEYLINE_CUSTOMERS[0].id;
		if (!KEYLINE_CUSTOMERS.some((c) => c.id === customerId))
			throw controlError(400, `Unknown customer ${customerId}`);
		const carrierId = input.carrierId === undefined ? KEYLINE_CARRIERS[0].id : input.carrierId;
		if (carrierId !== null && !KEYLINE_CARRIERS.some((c) => c.id === carrierId)) {
			throw controlError(400, `Unknown carrier ${carrierId}`);
		}
		if (input.state !== undefined && !ORDER_STATES.includes(input.state))
			throw controlError(400, 'Unknown state');
		const address = (a: Partial<Address> | null | undefined, contact: boolean): Address | null => {
			if (a === null) return null;
			try {
				return readAddress(
					{ ...DEFAULT_ADDRESS, ...(a ?? {}) } as Record<string, unknown>,
					contact,
				);
			} catch (error) {
				throw controlError(400, `Invalid address: ${(error as Error).message}`);
			}
		};
		const products = (input.products ?? [{}]).map((spec) => {
			let template;
			try {
				template = templateFor(spec.productTemplateId, spec.orderNumber);
			} catch {
				throw controlError(400, 'Unknown product template');
			}
			const product = store.createProduct(template, spec.circulation);
			if (spec.name !== undefined) product.name = spec.name;
			if (spec.netTotal !== undefined) product.locked_net_cents = spec.netTotal;
			if (spec.customReferences !== undefined) product.custom_references = spec.customReferences;
			const files = spec.printDataFiles ?? [{}];
			for (const f of files) {
				const component =
					f.componentIndex === undefined ? undefined : product.components[f.componentIndex];
				if (f.componentIndex !== undefined && !component)
					throw controlError(400, 'No such component index');
				if (f.kind !== undefined && !PRINT_DATA_FILE_KINDS.includes(f.kind))
					throw controlError(400, 'Unknown kind');
				if (f.state !== undefined && !PRINT_DATA_FILE_STATES.includes(f.state))
					throw controlError(400, 'Unknown state');
				store.createPrintDataFile(product, component?.id ?? null, {
					kind: f.kind ?? 'original',
					uri: f.uri ?? `https://example.com/print-data/${product.reference}.pdf`,
					filesize: f.filesize ?? 123467,
					state: f.state,
				});
			}
			return product;
		});
		const order: Order = {
			id: store.nextId('order'),
			owner: input.foreign
				? FOREIGN_OWNER
				: (input.apiKey ?? KEYLINE_SANDBOX_API_KEY).toLowerCase(),
			reference: store.reference(),
			state: input.state ?? 'draft',
			due_at: input.dueAt ?? null,
			custom_offer_text: input.customOfferText ?? null,
			custom_references: input.customReferences ?? null,
			customer_id: customerId,
			recipient:
				input.recipient === undefined
					? { first_name: 'Bran', name: 'Stark', email: 'bran.stark@crispymtn.com', phone: null }
					: input.recipient,
			carrier_id: carrierId,
			billing_address: address(input.billingAddress, false),
			delivery_address: address(input.deliveryAddress, true),
			products,
			created_at: now,
			updated_at: now,
			cart_id: null,
		};
		store.orders.set(order.id, order);
		return order;
	}

	/** Orders rendered exactly as `GET /orders/{id}` answers (without the wrapper). */
	renderOrder(order: Order) {
		return render.order(order).order;
	}

	snapshot() {
		const own = (owner: string) =>
			owner === KEYLINE_SANDBOX_API_KEY ? 'sandbox' : owner === FOREIGN_OWNER ? 'foreign' : owner;
		return {
			config: this.currentConfig,
			carts: [...this.store.carts.values()].map((c) => ({
				id: c.id,
				reference: c.reference,
				owner: own(c.owner),
				orderId: c.order_id,
				products: c.products.length,
				checkoutErrors: c.order_id === null ? this.store.checkoutErrors(c) : [],
			})),
			orders: [...this.store.orders.values()].map((o) => ({
				id: o.id,
				reference: o.reference,
				owner: own(o.owner),
				state: o.state,
				cartId: o.cart_id,
				products: o.products.map((p) => p.id),
				printDataFiles: o.products.flatMap((p) =>
					p.print_data_files.map((f) => ({ id: f.id, state: f.state })),
				),
			})),
		};
	}

	protected control(action: string, body: Record<string, unknown>): unknown {
		switch (action) {
			case 'configure':
				return this.configure(body as KeylineSandboxOptions);
			case 'setOrderState':
				return this.renderOrder(this.setOrderState(Number(body.orderId), body.state as OrderState));
			case 'advanceOrder':
				return this.renderOrder(this.advanceOrder(Number(body.orderId)));
			case 'setPrintDataFileState':
				return render.printDataFile(
					this.setPrintDataFileState(Number(body.id), body.state as PrintDataFileState),
				).print_data_file;
			case 'advancePrintDataFiles':
				return this.advancePrintDataFiles().map((f) => ({ id: f.id, state: f.state }));
			case 'seedOrder':
				return this.renderOrder(this.seedOrder(body as SeedOrderInput));
			case 'addApiKey':
				this.addApiKey(String(body.key));
				return { ok: true };
			default:
				return super.control(action, body);
		}
	}
}

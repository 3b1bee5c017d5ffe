/**
 * Emulator of the InstantCard API v2 (plastic ID card printing), base path `/api/v2`.
 *
 * Log in at `POST /authenticate` for a JWT-like token; every other call needs
 * `Authorization: bearer <token>` and lives under `/organizations/{id}` (except `/profile/me`).
 * Cards are drafted, previewed, updated and finalized; print jobs collect finalized cards, an
 * address and a shipping provider, and are submitted against the organization's balance. The
 * control actions below move submitted jobs through printing and shape the login behaviour.
 */
import {
	BASE_FAULT_KINDS,
	dispatch,
	HttpError,
	matchRoute,
	Sandbox,
	type ApiRequest,
	type ApiResponse,
	type Fault,
	type Route,
} from '../core';
import { bearerToken, TokenStore } from './auth';
import { notFound, ok, type Ctx, type InstantCardConfig } from './context';
import { nextStatus, setCardStatus, setJobStatus } from './jobs';
import * as render from './render';
import { accountRoutes } from './routes/account';
import { addressRoutes } from './routes/addresses';
import { cardRoutes } from './routes/cards';
import { printJobRoutes } from './routes/printJobs';
import {
	CARD_TEMPLATES,
	INSTANTCARD_SANDBOX_LOGIN,
	ORGANIZATION,
	parseStatus,
	PRINT_JOB_STATUSES,
	SHIPPING_PROVIDERS,
	STATUS,
	USER,
	type CardPrintStatus,
} from './seed';
import { formatMoney, parseMoney, Store, type CardData, type PrintJob } from './store';

export {
	INSTANTCARD_SANDBOX_LOGIN,
	CARD_TEMPLATES as INSTANTCARD_CARD_TEMPLATES,
	CARD_PRICE_CENTS as INSTANTCARD_CARD_PRICE_CENTS,
	PRINT_JOB_STATUSES as INSTANTCARD_PRINT_JOB_STATUSES,
	SHIPPING_PROVIDERS as INSTANTCARD_SHIPPING_PROVIDERS,
} from './seed';
export { INSTANTCARD_SAMPLE_PNG_BASE64 } from './images';
export { DECLINED_CARD_NUMBER as INSTANTCARD_DECLINED_CARD_NUMBER } from './routes/account';
export type { InstantCardConfig } from './context';

export type InstantCardSandboxOptions = Partial<InstantCardConfig>;

const DEFAULT_CONFIG: InstantCardConfig = {
	tokenLifetimeSeconds: 1800,
	loginFailure: '401',
	printJobStatusFormat: 'name',
	singleSession: false,
	printJobOrder: 'oldest',
};

const FAULT_KINDS = [...BASE_FAULT_KINDS, 'expireToken'];

const controlError = (status: number, error: string) => new HttpError(status, { error });

/** Checks configuration values coming from tests or from `/__control/configure`. */
function checkedConfig(given: object): InstantCardSandboxOptions {
	const options = given as Record<string, unknown>;
	const out: InstantCardSandboxOptions = {};
	if (options.tokenLifetimeSeconds !== undefined) {
		const seconds = Number(options.tokenLifetimeSeconds);
		if (!Number.isInteger(seconds) || seconds < 1)
			throw controlError(400, 'tokenLifetimeSeconds must be a positive integer');
		out.tokenLifetimeSeconds = seconds;
	}
	if (options.loginFailure !== undefined) {
		const mode = String(options.loginFailure);
		if (mode !== '401' && mode !== '200')
			throw controlError(400, "loginFailure must be '401' or '200'");
		out.loginFailure = mode;
	}
	if (options.printJobStatusFormat !== undefined) {
		const format = options.printJobStatusFormat;
		if (format !== 'name' && format !== 'number')
			throw controlError(400, "printJobStatusFormat must be 'name' or 'number'");
		out.printJobStatusFormat = format;
	}
	if (options.printJobOrder !== undefined) {
		const order = options.printJobOrder;
		if (order !== 'oldest' && order !== 'newest')
			throw controlError(400, "printJobOrder must be 'oldest' or 'newest'");
		out.printJobOrder = order;
	}
	if (options.singleSession !== undefined) {
		if (typeof options.singleSession !== 'boolean')
			throw controlError(400, 'singleSession must be true or false');
		out.singleSession = options.singleSession;
	}
	return out;
}

export class InstantCardSandbox extends Sandbox {
	protected readonly basePath = '/api/v2';
	/** All records; replaced by `reset()`. Public for in-process inspection. */
	store: Store = new Store(this.clock);
	tokens = new TokenStore();
	private config: InstantCardConfig;
	/** What `reset()` returns to: the constructor's options, not later `configure` calls. */
	private readonly initialConfig: InstantCardConfig;
	private logins = { succeeded: 0, failed: 0 };
	private readonly ctx: Ctx;
	private readonly publicRoutes: Route[];
	private readonly privateRoutes: Route[];

	constructor(options: InstantCardSandboxOptions = {}) {
		super();
		this.initialConfig = { ...DEFAULT_CONFIG, ...checkedConfig(options) };
		this.config = { ...this.initialConfig };
		const sandbox = this;
		this.ctx = {
			// Getters: `reset()` swaps the store and `configure` the config.
			get store() {
				return sandbox.store;
			},
			get config() {
				return sandbox.config;
			},
			now: () => this.clock.now(),
		};
		this.publicRoutes = [
			{ method: 'POST', pattern: '/authenticate', handler: (req) => this.login(req) },
		];
		const organizationRoutes = [
			...accountRoutes(this.ctx),
			...cardRoutes(this.ctx),
			...printJobRoutes(this.ctx),
			...addressRoutes(this.ctx),
		].map((route) => ({
			...route,
			pattern: `/organizations/:organization_id${route.pattern}`,
			handler: (req: ApiRequest, p: Record<string, string>) => {
				// Old server: another organization's id is a 404, not a 403.
				if (p.organization_id !== String(ORGANIZATION.id)) notFound('Organization not found');
				return route.handler(req, p);
			},
		}));
		this.privateRoutes = [
			{ method: 'GET', pattern: '/profile/me', handler: () => ok(render.profile()) },
			...organizationRoutes,
		];
	}

	protected resetState(): void {
		this.store = new Store(this.clock);
		this.tokens = new TokenStore();
		this.config = { ...this.initialConfig };
		this.logins = { succeeded: 0, failed: 0 };
	}

	/**
	 * Every `POST /authenticate` that reached the API (successful or not); a fault before the logic
	 * keeps a login out, an `after` fault does not (the login happened, its answer was lost).
	 */
	get loginCount(): number {
		return this.logins.succeeded + this.logins.failed;
	}

	get currentConfig(): InstantCardConfig {
		return { ...this.config };
	}

	/** Email + password from form, multipart, query or JSON (Rails merges them all). */
	private login(req: ApiRequest): ApiResponse {
		const field = (name: string) => {
			const v = req.params[name];
			return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
		};
		const email = field('email').trim();
		const password = field('password');
		const missing = !email ? 'email' : !password ? 'password' : undefined;
		if (missing) {
			this.logins.failed++;
			throw new HttpError(400, { error: `Missing parameter '${missing}'` });
		}
		if (
			email.toLowerCase() !== INSTANTCARD_SANDBOX_LOGIN.email ||
			password !== INSTANTCARD_SANDBOX_LOGIN.password
		) {
			this.logins.failed++;
			const body = { error: 'Invalid Email/Password' };
			return { status: this.config.loginFailure === '200' ? 200 : 401, body };
		}
		this.logins.succeeded++;
		// A server allowing one session per user ends the earlier ones (issued tokens included).
		if (this.config.singleSession) this.tokens.expireUser(USER.id, this.clock.now());
		return ok({ auth_token: this.issueToken() });
	}

	private authenticate(req: ApiRequest): void {
		const token = bearerToken(req.headers.authorization);
		if (!token || this.tokens.verify(token, this.clock.now()) === undefined) {
			throw new HttpError(401, { error: 'Not Authorized' });
		}
	}

	protected async handle(req: ApiRequest): Promise<ApiResponse> {
		const routeError = () =>
			new HttpError(404, { error: `No route matches [${req.method}] "${req.path}"` });
		if (!req.path.startsWith(`${this.basePath}/`)) throw routeError();
		const relative = req.path.slice(this.basePath.length);
		const knows = (routes: Route[]) => routes.some((r) => matchRoute(r.pattern, relative));
		// Routing comes before authentication, as in Rails: an unknown path is a 404 even without a token.
		if (knows(this.publicRoutes))
			return (await dispatch(this.publicRoutes, req, relative)) as ApiResponse;
		if (!knows(this.privateRoutes)) throw routeError();
		this.authenticate(req);
		return (await dispatch(this.privateRoutes, req, relative)) as ApiResponse;
	}

	/** Rejects fault kinds nobody handles, instead of failing the request they would match. */
	addFault(fault: Fault): void {
		if (!FAULT_KINDS.includes(fault.kind)) {
			throw controlError(
				400,
				`Unknown fault kind '${fault.kind}' (known: ${FAULT_KINDS.join(', ')})`,
			);
		}
		super.addFault(fault);
	}

	/** `expireToken`: the token of the matched request expires, then the request goes on (→ 401). */
	protected applyCustomFault(fault: Fault, req: ApiRequest): ApiResponse | undefined {
		if (fault.kind === 'expireToken') {
			const token = bearerToken(req.headers.authorization);
			if (token) this.tokens.expire(token);
			return undefined;
		}
		return { status: 500, body: { error: `Unknown fault kind '${fault.kind}'` } };
	}

	// ----- control: public methods, also reachable as POST /__control/<action> -----

	configure(options: InstantCardSandboxOptions): InstantCardConfig {
		Object.assign(this.config, checkedConfig(options));
		return this.currentConfig;
	}

	/** Expires every token issued so far; returns how many were still valid. */
	expireTokens(): number {
		return this.tokens.expireAll(this.clock.now());
	}

	/** The server cancels every session before its expiry (same as `expireTokens`). */
	cancelTokens(): number {
		return this.expireTokens();
	}

	/** Cancels one token before its expiry; true when it was still valid. */
	cancelToken(token: string): boolean {
		const valid = this.tokens.verify(token, this.clock.now()) !== undefined;
		this.tokens.expire(token);
		return valid;
	}

	/** A valid token without a login (not counted in `loginCount`). */
	issueToken(): string {
		return this.tokens.issue(USER.id, this.clock.now(), this.config.tokenLifetimeSeconds);
	}

	private job(id: unknown): PrintJob {
		const job = this.store.printJobs.get(Number(id));
		if (!job) throw controlError(404, `No print job ${String(id)}`);
		return job;
	}

	renderPrintJob(job: PrintJob) {
		return render.printJob(this.ctx, job);
	}

	/**
	 * Without `status`: one step Scheduled → In_Progress → Finished (400 for other states).
	 * With `status` (name or number): sets it; Finished prints every card, Failed fails them.
	 */
	advancePrintJob(id: number, status?: string | number) {
		const job = this.job(id);
		let target: number | undefined;
		if (status === undefined || status === null || status === '') {
			target = nextStatus(job.status);
			if (target === undefined) {
				throw controlError(
					400,
					`Print job ${job.id} is ${PRINT_JOB_STATUSES[job.status]}; only Scheduled and In_Progress jobs advance`,
				);
			}
		} else {
			target = parseStatus(status);
			if (target === undefined)
				throw controlError(400, `status must be one of ${PRINT_JOB_STATUSES.join(', ')} or 0-7`);
		}
		setJobStatus(this.ctx, job, target);
		return this.renderPrintJob(job);
	}

	/** One card of a job: 0 not printed, 1 printed and sent, 2 failed (also its print history). */
	setCardPrintStatus(printJobId: number, cardId: number, status: number) {
		const job = this.job(printJobId);
		const entry = job.cards.find((c) => c.cardId === Number(cardId));
		if (!entry) throw controlError(404, `Card ${String(cardId)} is not in print job ${job.id}`);
		const value = Number(status);
		if (![0, 1, 2].includes(value)) throw controlError(400, 'status must be 0, 1 or 2');
		setCardStatus(this.ctx, job, entry, value as CardPrintStatus);
		job.updated_at = this.store.now();
		return this.renderPrintJob(job);
	}

	/** Sets the balance outright (no transaction is booked); "12.50", "12" or 12.5. */
	setBalance(balance: string | number): string {
		const cents = parseMoney(balance);
		if (cents === undefined) throw controlError(400, 'balance must be an amount such as "12.50"');
		this.store.balanceCents = cents;
		return formatMoney(cents);
	}

	/** Creates `count` finalized cards with text data only ("First Name 7", …), in one go. */
	seedCards(count: number, templateId: number = CARD_TEMPLATES[0].id): number[] {
		const template = this.store.template(Number(templateId));
		if (!template) throw controlError(404, `No card template ${String(templateId)}`);
		if (!Number.isInteger(count) || count < 1 || count > 100_000)
			throw controlError(400, 'count must be an integer from 1 to 100000');
		const textFields = template.fields.filter((f) => f.type === 'text');
		const ids: number[] = [];
		for (let n = 1; n <= count; n++) {
			const data: CardData = {};
			for (const field of textFields) data[field.token] = `${field.label} ${n}`;
			ids.push(this.store.createCard(template.id, data, 'finalized').id);
		}
		return ids;
	}

	/**
	 * Creates a print job directly (for trigger tests and benchmarks): the given finalized cards,
	 * or `cardCount` new ones; the seeded address and the first shipping provider; then `status`
	 * (default Created) with its side effects, as if it had been submitted and moved there (no
	 * charge is booked). Jobs past Created get a print history entry per card, as a submit makes.
	 */
	seedPrintJob(
		input: {
			cardIds?: number[];
			cardCount?: number;
			status?: string | number;
			numberOfCopies?: number;
		} = {},
	) {
		const status = input.status === undefined ? STATUS.Created : parseStatus(input.status);
		if (status === undefined)
			throw controlError(400, `status must be one of ${PRINT_JOB_STATUSES.join(', ')} or 0-7`);
		const cardIds =
			input.cardIds ?? (input.cardCount ? this.seedCards(Number(input.cardCount)) : []);
		for (const id of cardIds) {
			if (this.store.cards.get(Number(id))?.status !== 'finalized')
				throw controlError(400, `Card ${String(id)} is not a finalized card`);
		}
		const now = this.store.now();
		const job: PrintJob = {
			id: this.store.nextId('printJob'),
			status: STATUS.Created,
			address_id: [...this.store.addresses.keys()][0] ?? null,
			one_off_address: null,
			shipping_provider_id: SHIPPING_PROVIDERS[0].id,
			number_of_copies: input.numberOfCopies ?? 1,
			list_id: this.store.nextId('list'),
			cards: [...new Set(cardIds.map(Number))].map((cardId) => ({
				cardId,
				status: 0,
				created_at: now,
				updated_at: now,
			})),
			created_at: now,
			updated_at: now,
		};
		this.store.printJobs.set(job.id, job);
		if (status !== STATUS.Created) {
			setJobStatus(this.ctx, job, status);
			if (status !== STATUS.Finished && status !== STATUS.Failed && status !== STATUS.No_Balance)
				for (const entry of job.cards) setCardStatus(this.ctx, job, entry, 0);
		}
		return this.renderPrintJob(job);
	}

	/** Moves every Scheduled or In_Progress job one step; returns the moved jobs' new states. */
	tick(): Array<{ id: number; status: string }> {
		const moved: Array<{ id: number; status: string }> = [];
		for (const job of this.store.printJobs.values()) {
			const target = nextStatus(job.status);
			if (target === undefined) continue;
			setJobStatus(this.ctx, job, target);
			moved.push({ id: job.id, status: PRINT_JOB_STATUSES[target] });
		}
		return moved;
	}

	snapshot() {
		const { store } = this;
		const cards = [...store.cards.values()];
		return {
			config: this.currentConfig,
			logins: { ...this.logins, total: this.loginCount },
			tokens: this.tokens.counts(this.clock.now()),
			balance: formatMoney(store.balanceCents),
			templates: CARD_TEMPLATES.map((t) => ({
				id: t.id,
				name: t.name,
				orientation: t.orientation,
				twoSided: t.two_sided,
				fields: t.fields.map((f) => ({
					token: f.token,
					type: f.type,
					legacy_token: f.legacy_token,
				})),
			})),
			cards: {
				total: cards.length,
				draft: cards.filter((c) => c.status === 'draft').length,
				finalized: cards.filter((c) => c.status === 'finalized').length,
			},
			addresses: store.addresses.size,
			contacts: store.contacts.size,
			financialTransactions: store.transactions.length,
			printJobs: [...store.printJobs.values()].map((job) => ({
				id: job.id,
				status: PRINT_JOB_STATUSES[job.status],
				cards: job.cards.map((c) => ({ id: c.cardId, status: c.status })),
				numberOfCopies: job.number_of_copies,
				addressId: job.address_id,
				oneOffAddress: job.one_off_address !== null,
				shippingProviderId: job.shipping_provider_id,
				cost: formatMoney(store.charge(job).totalCents),
			})),
		};
	}

	protected control(action: string, body: Record<string, unknown>): unknown {
		switch (action) {
			case 'configure':
				return this.configure(body as InstantCardSandboxOptions);
			case 'expireTokens':
				return { expired: this.expireTokens() };
			case 'cancelTokens':
				return { cancelled: this.cancelTokens() };
			case 'cancelToken':
				if (typeof body.token !== 'string' || body.token === '')
					throw controlError(400, 'token must be a token string');
				return { cancelled: this.cancelToken(body.token) };
			case 'issueToken':
				return { auth_token: this.issueToken() };
			case 'advancePrintJob':
				return this.advancePrintJob(Number(body.id), body.status as string | number | undefined);
			case 'setCardPrintStatus':
				return this.setCardPrintStatus(
					Number(body.printJobId),
					Number(body.cardId),
					Number(body.status),
				);
			case 'setBalance':
				return { balance: this.setBalance(body.balance as string | number) };
			case 'seedCards': {
				const ids = this.seedCards(
					Number(body.count),
					body.templateId === undefined ? undefined : Number(body.templateId),
				);
				return { count: ids.length, firstId: ids[0], lastId: ids[ids.length - 1], ids };
			}
			case 'seedPrintJob':
				return this.seedPrintJob(body as Parameters<InstantCardSandbox['seedPrintJob']>[0]);
			case 'tick':
				return { moved: this.tick() };
			default:
				return super.control(action, body);
		}
	}
}

/** Both emulators together, for `npm run sandbox`, `npm start` and the end-to-end tests. */
import {
	INSTANTCARD_CARD_TEMPLATES,
	INSTANTCARD_PRINT_JOB_STATUSES,
	INSTANTCARD_SANDBOX_LOGIN,
	INSTANTCARD_SHIPPING_PROVIDERS,
	InstantCardSandbox,
} from './instantcard';
import { formatMoney } from './instantcard/store';
import {
	KEYLINE_CARRIERS,
	KEYLINE_CUSTOMERS,
	KEYLINE_PRODUCT_TEMPLATES,
	KEYLINE_SANDBOX_API_KEY,
	KeylineSandbox,
} from './keyline';

export { INSTANTCARD_SANDBOX_LOGIN, InstantCardSandbox, KEYLINE_SANDBOX_API_KEY, KeylineSandbox };

export interface Sandboxes {
	instantCard: InstantCardSandbox;
	keyline: KeylineSandbox;
	stop(): Promise<void>;
}

export async function startSandboxes(
	ports: { instantCard?: number; keyline?: number } = {},
): Promise<Sandboxes> {
	const instantCard = new InstantCardSandbox();
	const keyline = new KeylineSandbox();
	await instantCard.start({ port: ports.instantCard ?? 0 });
	await keyline.start({ port: ports.keyline ?? 0 });
	return {
		instantCard,
		keyline,
		stop: async () => {
			await instantCard.stop();
			await keyline.stop();
		},
	};
}

/**
 * Something to try Get, Preview, Submit and the triggers on at once, for `npm start` and
 * `npm run sandbox` (the tests seed what each needs themselves): three finalized InstantCard
 * cards, a print job (Created) holding two of them, and a placed Keyline order.
 */
export function seedTryout(sandboxes: Pick<Sandboxes, 'instantCard' | 'keyline'>): void {
	const cards = sandboxes.instantCard.seedCards(3);
	sandboxes.instantCard.seedPrintJob({ cardIds: cards.slice(0, 2) });
	sandboxes.keyline.seedOrder();
}

/** Credentials as n8n stores them (`import:credentials` format), pointing at the sandboxes. */
export function sandboxCredentials(sandboxes: Pick<Sandboxes, 'instantCard' | 'keyline'>) {
	return [
		{
			id: 'icSandboxCred01',
			name: 'InstantCard sandbox',
			type: 'instantCardApi',
			data: {
				environment: 'custom',
				url: sandboxes.instantCard.baseUrl,
				email: INSTANTCARD_SANDBOX_LOGIN.email,
				password: INSTANTCARD_SANDBOX_LOGIN.password,
				organizationId: INSTANTCARD_SANDBOX_LOGIN.organizationId,
				sessionToken: '',
			},
		},
		{
			id: 'klSandboxCred01',
			name: 'Keyline sandbox',
			type: 'keylineApi',
			data: { apiKey: KEYLINE_SANDBOX_API_KEY, baseUrl: sandboxes.keyline.baseUrl },
		},
	];
}

export function describeSandboxes(sandboxes: Pick<Sandboxes, 'instantCard' | 'keyline'>): string {
	return [
		'InstantCard sandbox',
		`  Credential "InstantCard API": Environment = Custom URL`,
		`  URL:             ${sandboxes.instantCard.baseUrl}`,
		`  Email:           ${INSTANTCARD_SANDBOX_LOGIN.email}`,
		`  Password:        ${INSTANTCARD_SANDBOX_LOGIN.password}`,
		`  Organization ID: ${INSTANTCARD_SANDBOX_LOGIN.organizationId}`,
		`  Control:         ${sandboxes.instantCard.url}/__control/state (requests, faults, clock, reset)`,
		'',
		'Keyline sandbox',
		`  Credential "Keyline API"`,
		`  API Key:  ${KEYLINE_SANDBOX_API_KEY}`,
		`  Base URL: ${sandboxes.keyline.baseUrl}`,
		`  Control:  ${sandboxes.keyline.url}/__control/state`,
	].join('\n');
}

/**
 * The IDs a user can enter in the nodes: what the Keyline sandbox accepts (its catalogue, which
 * the Inbox API cannot list) and what the InstantCard sandbox holds now. Read from the sandboxes,
 * so it stays true when their seed changes; `npm start` and `npm run sandbox` print it.
 */
export function sandboxCatalogue(sandboxes: Pick<Sandboxes, 'instantCard' | 'keyline'>): string {
	const { store } = sandboxes.instantCard;
	const list = (title: string, rows: string[], none: string) =>
		rows.length ? [`  ${title}`, ...rows.map((row) => `    ${row}`)] : [`  ${title} ${none}`];
	const cards = [...store.cards.values()];
	const jobs = [...store.printJobs.values()];
	return [
		'Sandbox catalogue',
		'  Keyline (the Inbox API cannot list these; the sandbox accepts exactly these IDs)',
		...list(
			'  Customer IDs:',
			KEYLINE_CUSTOMERS.map(
				(c) =>
					`  ${c.id}  ${c.name}${c.has_address ? '' : ' (no postal address: checkout reports it)'}`,
			),
			'none',
		),
		...list(
			'  Carrier IDs:',
			KEYLINE_CARRIERS.map((c) => `  ${c.id}  ${c.name}`),
			'none',
		),
		...list(
			'  Product template IDs (order number, name):',
			KEYLINE_PRODUCT_TEMPLATES.map((t) => `  ${t.id}  ${t.order_number}  ${t.name}`),
			'none',
		),
		...list(
			'  Orders:',
			[...sandboxes.keyline.store.orders.values()].map(
				(o) => `  ${o.id}  ${o.state}, ${o.products.length} product(s)`,
			),
			'none yet (Cart → Check Out or Order → Place Order makes one)',
		),
		`  InstantCard (organization ${INSTANTCARD_SANDBOX_LOGIN.organizationId}, balance ${formatMoney(store.balanceCents)})`,
		...list(
			'  Card templates (fields):',
			INSTANTCARD_CARD_TEMPLATES.map(
				(t) => `  ${t.id}  ${t.name} (${t.fields.map((f) => f.token).join(', ')})`,
			),
			'none',
		),
		...list(
			'  Cards:',
			cards.map(
				(c) =>
					`  ${c.id}  ${store.template(c.card_template_id)?.name ?? c.card_template_id}, ${c.status}`,
			),
			'none yet (Card → Create makes one)',
		),
		...list(
			'  Print jobs:',
			jobs.map(
				(j) => `  ${j.id}  ${INSTANTCARD_PRINT_JOB_STATUSES[j.status]}, ${j.cards.length} card(s)`,
			),
			'none yet (Print Job → Create makes one)',
		),
		...list(
			'  Saved addresses:',
			[...store.addresses.values()].map(
				(a) => `  ${a.id}  ${a.label ?? ''}: ${a.address1}, ${a.city} ${a.zip_code} ${a.country}`,
			),
			'none',
		),
		...list(
			'  Shipping provider IDs:',
			INSTANTCARD_SHIPPING_PROVIDERS.map((p) => `  ${p.id}  ${p.name}`),
			'none',
		),
	].join('\n');
}

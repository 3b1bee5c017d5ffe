/** The InstantCard emulator, driven over HTTP the way a node would. */
import { readFileSync } from 'node:fs';
import { expectHtmlPage, readAnswer, readControlAnswer, type Answer, type Json } from './answer';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

import {
	INSTANTCARD_SAMPLE_PNG_BASE64,
	INSTANTCARD_SANDBOX_LOGIN,
	InstantCardSandbox,
} from './instantcard';

const sb = new InstantCardSandbox();
const ORG = `/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}`;
const PNG = INSTANTCARD_SAMPLE_PNG_BASE64;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString(
	'base64',
);
/** Template with text fields first_name, last_name, employee_id and image field photo. */
const EMPLOYEE = 1001;
/** Two-sided template. */
const MEMBER = 1002;

interface CallOptions {
	form?: Record<string, string | string[]>;
	json?: unknown;
	multipart?: FormData;
	/** `null` sends no Authorization header; default: the current login's token. */
	token?: string | null;
	authorization?: string;
	signal?: AbortSignal;
}

let token = '';

async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
	const headers: Record<string, string> = {};
	const auth = options.token === undefined ? token : options.token;
	if (options.authorization !== undefined) headers.authorization = options.authorization;
	else if (auth !== null) headers.authorization = `bearer ${auth}`;
	let body: string | FormData | undefined;
	if (options.form) {
		const form = new URLSearchParams();
		for (const [key, value] of Object.entries(options.form)) {
			for (const v of ([] as string[]).concat(value)) form.append(key, v);
		}
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = form.toString();
	} else if (options.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.multipart) {
		body = options.multipart;
	}
	const res = await fetch(`${sb.baseUrl}${path}`, {
		method,
		headers,
		body,
		signal: options.signal,
	});
	return await readAnswer(res);
}

async function login(form: Record<string, string> = {}): Promise<Answer> {
	return await call('POST', '/authenticate', {
		token: null,
		form: {
			email: INSTANTCARD_SANDBOX_LOGIN.email,
			password: INSTANTCARD_SANDBOX_LOGIN.password,
			...form,
		},
	});
}

function jwtPayload(jwt: string): Json {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

async function control(action: string, body: unknown = {}, method = 'POST'): Promise<Answer> {
	const res = await fetch(`${sb.url}/__control/${action}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: method === 'GET' ? undefined : JSON.stringify(body),
	});
	return await readControlAnswer(res);
}

/** A draft card of the employee template, created the way the seed shows (form-data). */
async function draftCard(
	data: unknown[] = [{ first_name: 'Ada' }, { last_name: 'Lovelace' }, { employee_id: 'E-1' }],
) {
	const res = await call('POST', `${ORG}/cards`, {
		form: { 'card[card_template_id]': String(EMPLOYEE), 'card[data]': JSON.stringify(data) },
	});
	expect(res.status).toBe(200);
	return res.json;
}

async function finalizedCard(data?: unknown[]) {
	const card = await draftCard(data);
	expect((await call('PATCH', `${ORG}/cards/${card.id}/finalize`)).status).toBe(200);
	return card;
}

/** Created print job with the seeded address, UPS Ground (7.75) and the given cards. */
async function printJob(cardIds: number[], extra: Record<string, string> = {}) {
	const addresses = (await call('GET', `${ORG}/addresses`)).json;
	const res = await call('POST', `${ORG}/print_jobs`, {
		form: {
			'print_job[address_id]': String(addresses[0].id),
			'print_job[shipping_provider_id]': '2',
			'print_job[card_ids]': JSON.stringify(cardIds),
			...extra,
		},
	});
	expect(res.status).toBe(200);
	return res.json;
}

/** Checks a Base64 PNG down to its compressed pixel data; returns its size. */
function pngSize(base64: string): { width: number; height: number } {
	const data = Buffer.from(base64, 'base64');
	expect(data.subarray(0, 8)).toEqual(
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	);
	expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
	const width = data.readUInt32BE(16);
	const height = data.readUInt32BE(20);
	const idat = data.indexOf('IDAT');
	const length = data.readUInt32BE(idat - 4);
	const pixels = inflateSync(data.subarray(idat + 4, idat + 4 + length));
	expect(pixels.length).toBe((width * 3 + 1) * height);
	return { width, height };
}

beforeAll(async () => {
	await sb.start();
});
afterAll(async () => {
	await sb.stop();
});
beforeEach(async () => {
	sb.reset();
	token = (await login()).json.auth_token;
	sb.clearRequests();
});

const ENDPOINTS = JSON.parse(
	readFileSync(path.resolve(__dirname, '../endpoints.json'), 'utf8'),
) as Array<{ api: string; method: string; path: string }>;

describe('authenticate', () => {
	it('answers a JWT whose exp follows the virtual clock, and a new token per login', async () => {
		const first = await login();
		expect(first.status).toBe(200);
		expect(Object.keys(first.json)).toEqual(['auth_token']);
		const payload = jwtPayload(first.json.auth_token);
		expect(payload.user_id).toEqual(expect.any(Number));
		expect(payload.exp).toBe(Math.floor(sb.clock.now() / 1000) + 1800);
		sb.clock.advance(3_600_000);
		const second = await login();
		expect(second.json.auth_token).not.toBe(first.json.auth_token);
		expect(jwtPayload(second.json.auth_token).exp).toBe(Math.floor(sb.clock.now() / 1000) + 1800);
		// Two logins in the same second still differ.
		expect((await login()).json.auth_token).not.toBe(second.json.auth_token);
	});

	it('takes email and password from form, multipart, query or JSON', async () => {
		const { email, password } = INSTANTCARD_SANDBOX_LOGIN;
		const multipart = new FormData();
		multipart.append('email', email);
		multipart.append('password', password);
		const query = `?email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}`;
		const answers = [
			await call('POST', '/authenticate', { token: null, multipart }),
			await call('POST', `/authenticate${query}`, { token: null }),
			await call('POST', '/authenticate', { token: null, json: { email, password } }),
		];
		for (const answer of answers) expect(answer.json.auth_token).toEqual(expect.any(String));
	});

	it('refuses bad credentials with 401, or HTTP 200 in the old-server mode; 400 without fields', async () => {
		const before = sb.loginCount;
		const bad = await login({ password: 'wrong' });
		expect(bad.status).toBe(401);
		expect(bad.json).toEqual({ error: 'Invalid Email/Password' });
		sb.configure({ loginFailure: '200' });
		const old = await login({ password: 'wrong' });
		expect(old.status).toBe(200);
		expect(old.json).toEqual({ error: 'Invalid Email/Password' });
		const missing = await call('POST', '/authenticate', { token: null, form: { email: 'x@y.z' } });
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ error: "Missing parameter 'password'" });
		expect(sb.loginCount).toBe(before + 3);
		// reset() returns to the constructor's options.
		sb.reset();
		expect((await login({ password: 'wrong' })).status).toBe(401);
	});

	it('expires tokens by the virtual clock and by the configured lifetime', async () => {
		expect((await call('GET', '/profile/me')).status).toBe(200);
		sb.clock.advance(1799_000);
		expect((await call('GET', '/profile/me')).status).toBe(200);
		sb.clock.advance(1_000);
		const expired = await call('GET', '/profile/me');
		expect(expired.status).toBe(401);
		expect(expired.json).toEqual({ error: 'Not Authorized' });

		sb.configure({ tokenLifetimeSeconds: 60 });
		token = (await login()).json.auth_token;
		expect(jwtPayload(token).exp - jwtPayload(token).iat).toBe(60);
		sb.clock.advance(61_000);
		expect((await call('GET', '/profile/me')).status).toBe(401);
	});

	it('requires a bearer token (scheme in any case) on every other endpoint', async () => {
		expect((await call('GET', '/profile/me', { token: null })).status).toBe(401);
		expect((await call('GET', '/profile/me', { authorization: `Bearer ${token}` })).status).toBe(
			200,
		);
		expect((await call('GET', '/profile/me', { authorization: `BEARER ${token}` })).status).toBe(
			200,
		);
		expect((await call('GET', '/profile/me', { authorization: token })).status).toBe(401);
		expect((await call('GET', '/profile/me', { authorization: `Token ${token}` })).status).toBe(
			401,
		);
		expect((await call('GET', '/profile/me', { token: 'a.b.c' })).json).toEqual({
			error: 'Not Authorized',
		});
		expect((await call('GET', `${ORG}/cards`, { token: null })).status).toBe(401);
		expect(sb.expireTokens()).toBe(1);
		expect((await call('GET', '/profile/me')).status).toBe(401);
	});

	it('answers 404 "Organization not found" for another organization', async () => {
		const res = await call('GET', '/organizations/123/cards');
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ error: 'Organization not found' });
		expect((await call('GET', '/organizations/abc')).json).toEqual({
			error: 'Organization not found',
		});
	});

	it('answers unknown routes 404 (even without a token) and known paths with another method 405', async () => {
		const unknown = await call('GET', '/nothing/here', { token: null });
		expect(unknown.status).toBe(404);
		expect(unknown.json.error).toMatch(/^No route matches/);
		expect((await call('GET', '/authenticate', { token: null })).status).toBe(405);
		expect((await call('PUT', `${ORG}/cards`)).status).toBe(405);
	});
});

describe('every endpoint of endpoints.json', () => {
	// The repo's own catalog (test/endpoints.json): the tests need nothing beside the repo.
	const endpoints = ENDPOINTS.filter((e) => e.api === 'instantcard');

	it('answers each of the 38 with its own route', async () => {
		expect(endpoints).toHaveLength(38);
		const card = await finalizedCard();
		const job = await printJob([card.id]);
		const address = (
			await call('POST', `${ORG}/addresses`, {
				form: {
					'address[address1]': '1 Loop Rd',
					'address[city]': 'Austin',
					'address[zip_code]': '78701',
					'address[country]': 'US',
				},
			})
		).json;
		const contact = (
			await call('POST', `${ORG}/contacts`, { form: { 'contact[email]': 'loop@sandbox.test' } })
		).json;
		const idFor = (path: string) =>
			path.includes('/cards/')
				? card.id
				: path.includes('/print_jobs/')
					? job.id
					: path.includes('/card_templates/')
						? EMPLOYEE
						: path.includes('/addresses/')
							? address.id
							: contact.id;
		for (const endpoint of endpoints) {
			const path = endpoint.path
				.replace(/^\/api\/v2/, '')
				.replace('{organization_id}', INSTANTCARD_SANDBOX_LOGIN.organizationId)
				.replace('{card_id}', String(card.id))
				.replace('{id}', String(idFor(endpoint.path)));
			const form =
				path === '/authenticate'
					? { email: INSTANTCARD_SANDBOX_LOGIN.email, password: INSTANTCARD_SANDBOX_LOGIN.password }
					: undefined;
			const res = await call(
				endpoint.method,
				path.endsWith('/search') ? `${path}?term=ada` : path,
				{ form },
			);
			const label = `${endpoint.method} ${endpoint.path} → ${res.status} ${res.text.slice(0, 120)}`;
			expect({
				label,
				routeMissing: res.status === 405 || /No route matches/.test(res.text),
			}).toEqual({
				label,
				routeMissing: false,
			});
			expect({ label, serverError: res.status >= 500 }).toEqual({ label, serverError: false });
		}
		expect(sb.requests).toHaveLength(endpoints.length + 6);
	});
});

describe('account, catalogues and funds', () => {
	it('shows profile, organization, balance, templates with fields, shipping providers and transactions', async () => {
		const profile = (await call('GET', '/profile/me')).json;
		expect(profile).toEqual(
			expect.objectContaining({
				email: INSTANTCARD_SANDBOX_LOGIN.email,
				first_name: expect.any(String),
				organization: { id: 20003827, name: expect.any(String) },
				settings: expect.any(Object),
			}),
		);
		const org = (await call('GET', ORG)).json;
		expect(org).toEqual({
			id: 20003827,
			name: expect.any(String),
			settings: expect.any(Object),
			total_cards: 0,
			total_templates: 3,
		});
		expect((await call('GET', `${ORG}/balance`)).json).toEqual({ balance: '250.00' });
		const templates = (await call('GET', `${ORG}/card_templates`)).json;
		expect(templates.map((t: Json) => Object.keys(t))).toEqual([
			['id', 'name'],
			['id', 'name'],
			['id', 'name'],
		]);
		const fields = (await call('GET', `${ORG}/card_templates/${EMPLOYEE}/fields`)).json;
		expect(fields.map((f: Json) => [f.token, f.type, f.legacy_token])).toEqual([
			['first_name', 'text', 'DATA_1'],
			['last_name', 'text', 'DATA_2'],
			['employee_id', 'text', 'DATA_3'],
			['photo', 'image', 'PHOTO'],
		]);
		expect(fields[0]).toEqual({
			token: 'first_name',
			label: 'First Name',
			type: 'text',
			legacy_token: 'DATA_1',
			dimensions: expect.any(Object),
		});
		expect((await call('GET', `${ORG}/card_templates/999/fields`)).status).toBe(404);
		const providers = (await call('GET', `${ORG}/shipping_providers`)).json;
		expect(providers.length).toBeGreaterThanOrEqual(2);
		expect(Object.keys(providers[0])).toEqual(['id', 'name']);
		const transactions = (await call('GET', `${ORG}/financial_transactions`)).json;
		expect(transactions).toHaveLength(3);
		expect(transactions[0]).toEqual(
			expect.objectContaining({
				balance: '250.00',
				debit: '12.75',
				credit: '0.00',
				type: 'debit',
				transaction_items: expect.any(Array),
			}),
		);
	});

	it('adds funds by card and books a credit transaction; refuses bad cards', async () => {
		const funds = {
			amount: '100.10',
			number: '4242 4242 4242 4242',
			exp_month: '12',
			exp_year: String(new Date(sb.clock.now()).getUTCFullYear() + 2),
			cvc: '123',
			full_name: 'Ada Lovelace',
		};
		const added = await call('POST', `${ORG}/add_funds`, { form: funds });
		expect(added.status).toBe(200);
		expect(added.json).toEqual(
			expect.objectContaining({
				result: 'Success',
				balance: '350.10',
				financial_transaction: expect.objectContaining({ credit: '100.10', balance: '350.10' }),
			}),
		);
		expect((await call('GET', `${ORG}/balance`)).json.balance).toBe('350.10');
		const declined = await call('POST', `${ORG}/add_funds`, {
			form: { ...funds, number: '4000000000000002' },
		});
		expect(declined.status).toBe(400);
		expect(declined.json).toEqual({ error: ['Your card was declined.'] });
		const invalid = await call('POST', `${ORG}/add_funds`, {
			form: { ...funds, amount: '1.234', number: '1234' },
		});
		expect(invalid.json.error).toEqual(
			expect.arrayContaining([
				'Amount must be a positive amount with at most 2 decimals',
				'Number is not a valid credit card number',
			]),
		);
		expect(
			(await call('GET', `${ORG}/financial_transactions?page=1&page_size=2`)).json,
		).toHaveLength(2);
	});
});

describe('cards', () => {
	it('creates a draft from form-data with card[data] as a JSON string, Base64 photo included', async () => {
		const card = await draftCard([
			{ first_name: 'Ada' },
			{ last_name: 'Lovelace' },
			{ photo: PNG },
		]);
		expect(card).toEqual({
			id: expect.any(Number),
			card_template_id: EMPLOYEE,
			organization_id: 20003827,
			status: 'draft',
			data: { first_name: 'Ada', last_name: 'Lovelace', photo: 'image' },
			last_printed_at: null,
			last_submitted_at: null,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		const [request] = sb.requestsTo('POST', `/api/v2${ORG}/cards`);
		expect(request.form['card[card_template_id]']).toBe(String(EMPLOYEE));
		expect(JSON.parse(request.form['card[data]'] as string)).toEqual([
			{ first_name: 'Ada' },
			{ last_name: 'Lovelace' },
			{ photo: PNG },
		]);
		expect(request.params).toEqual({
			card: { card_template_id: String(EMPLOYEE), data: expect.any(String) },
		});
	});

	it('accepts a parsed array in JSON, {token, value} pairs, a data: URL and JPEG', async () => {
		const res = await call('POST', `${ORG}/cards`, {
			json: {
				card: {
					card_template_id: EMPLOYEE,
					data: [
						{ token: 'first_name', value: 'Grace' },
						{ employee_id: 42 },
						{ photo: `data:image/jpeg;base64,${JPEG}` },
					],
				},
			},
		});
		expect(res.status).toBe(200);
		expect(res.json.data).toEqual({ first_name: 'Grace', employee_id: '42', photo: 'image' });
		const finalized = (await call('PATCH', `${ORG}/cards/${res.json.id}/finalize`)).json;
		expect(finalized.data.photo).toBe(JPEG);
	});

	it('refuses unknown fields, invalid JSON, bad images and a missing template', async () => {
		const post = async (fields: Record<string, string>) =>
			await call('POST', `${ORG}/cards`, { form: fields });
		const unknown = await post({
			'card[card_template_id]': String(EMPLOYEE),
			'card[data]': '[{"nickname":"x"},{"first_name":"A"}]',
		});
		expect(unknown.status).toBe(400);
		expect(unknown.json).toEqual({ error: ["Unknown field 'nickname'"] });
		const badJson = await post({
			'card[card_template_id]': String(EMPLOYEE),
			'card[data]': '[{"first_name":',
		});
		expect(badJson.status).toBe(400);
		expect(badJson.json.error[0]).toMatch(/not valid JSON/);
		const badImage = await post({
			'card[card_template_id]': String(EMPLOYEE),
			'card[data]': '[{"photo":"aGVsbG8gd29ybGQ="}]',
		});
		expect(badImage.status).toBe(400);
		expect(badImage.json.error[0]).toMatch(/^Field 'photo' must be a Base64-encoded PNG or JPEG/);
		const path = await post({
			'card[card_template_id]': String(EMPLOYEE),
			'card[data]': '[{"photo":"/tmp/photo.png"}]',
		});
		expect(path.status).toBe(400);
		expect((await post({ 'card[data]': '[]' })).json).toEqual({
			error: ["Card template can't be blank"],
		});
		expect((await post({ 'card[card_template_id]': '77', 'card[data]': '[]' })).status).toBe(404);
		expect((await post({ 'card[card_template_id]': String(EMPLOYEE) })).json).toEqual({
			error: ["Data can't be blank"],
		});
		expect((await post({})).json).toEqual({ error: "Missing parameter 'card'" });
		expect((await post({ 'card[template]': '1', 'card[data]': '[]' })).json).toEqual({
			error: ["Unknown parameter 'card[template]'"],
		});
		expect(
			(
				await post({
					'card[card_template_id]': String(EMPLOYEE),
					'card[data]': '{"first_name":"A"}',
				})
			).status,
		).toBe(400);
	});

	it('lists, fetches, searches (term required) and pages cards, images shown as "image"', async () => {
		const ada = await draftCard([{ first_name: 'Ada' }, { last_name: 'Lovelace' }, { photo: PNG }]);
		await draftCard([{ first_name: 'Grace' }, { last_name: 'Hopper' }]);
		await draftCard([{ first_name: 'Alan' }, { last_name: 'Turing' }]);
		const all = (await call('GET', `${ORG}/cards`)).json;
		expect(all).toHaveLength(3);
		expect(all[0].data.photo).toBe('image');
		expect((await call('GET', `${ORG}/cards/${ada.id}`)).json.data).toEqual({
			first_name: 'Ada',
			last_name: 'Lovelace',
			photo: 'image',
		});
		expect((await call('GET', `${ORG}/cards/999999`)).json).toEqual({ error: 'Card not found' });
		// Pages only with both page and page_size; the last page is short.
		expect(
			(await call('GET', `${ORG}/cards?page=2&page_size=2`)).json.map(
				(c: Json) => c.data.first_name,
			),
		).toEqual(['Alan']);
		expect((await call('GET', `${ORG}/cards?page=3&page_size=2`)).json).toEqual([]);
		expect((await call('GET', `${ORG}/cards?page_size=2`)).json).toHaveLength(3);
		expect((await call('GET', `${ORG}/cards?page=0&page_size=2`)).json).toHaveLength(3);
		const search = await call('GET', `${ORG}/cards/search?term=LOVE`);
		expect(search.json.map((c: Json) => c.id)).toEqual([ada.id]);
		expect((await call('GET', `${ORG}/cards/search?term=a&page=1&page_size=2`)).json).toHaveLength(
			2,
		);
		expect((await call('GET', `${ORG}/cards/search?term=zzz`)).json).toEqual([]);
		const missing = await call('GET', `${ORG}/cards/search`);
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ error: "Missing parameter 'term'" });
	});

	it('updates data by merge (also once finalized), finalizes with Base64 images, deletes', async () => {
		const card = await draftCard([{ first_name: 'Ada' }, { last_name: 'Byron' }, { photo: PNG }]);
		const patched = await call('PATCH', `${ORG}/cards/${card.id}`, {
			form: { 'card[data]': '[{"last_name":"Lovelace"}]' },
		});
		expect(patched.json.data).toEqual({ first_name: 'Ada', last_name: 'Lovelace', photo: 'image' });
		const finalized = await call('PATCH', `${ORG}/cards/${card.id}/finalize`);
		expect(finalized.json.status).toBe('finalized');
		expect(finalized.json.data.photo).toBe(PNG);
		const later = await call('PATCH', `${ORG}/cards/${card.id}`, {
			form: { 'card[data]': '[{"employee_id":"E-7"}]' },
		});
		expect(later.status).toBe(200);
		expect(later.json).toEqual(
			expect.objectContaining({
				status: 'finalized',
				data: expect.objectContaining({ employee_id: 'E-7', last_name: 'Lovelace' }),
			}),
		);
		expect(
			(await call('PATCH', `${ORG}/cards/${card.id}`, { form: { 'card[data]': '[{"x":1}]' } }))
				.status,
		).toBe(400);
		expect((await call('PATCH', `${ORG}/cards/999999/finalize`)).status).toBe(404);
		expect((await call('DELETE', `${ORG}/cards/${card.id}`)).json).toEqual({ result: 'Success' });
		expect((await call('GET', `${ORG}/cards/${card.id}`)).status).toBe(404);
	});

	it('previews as valid PNGs, with a back only for two-sided templates', async () => {
		const card = await draftCard();
		const preview = (await call('GET', `${ORG}/cards/${card.id}/preview`)).json;
		expect(preview).toEqual({
			preview_available: true,
			front: expect.any(String),
			back: null,
			orientation: 'portrait',
		});
		expect(pngSize(preview.front)).toEqual({ width: 54, height: 86 });
		const member = await call('POST', `${ORG}/cards`, {
			form: { 'card[card_template_id]': String(MEMBER), 'card[data]': '[{"member_name":"Ada"}]' },
		});
		const twoSided = (await call('GET', `${ORG}/cards/${member.json.id}/preview`)).json;
		expect(twoSided.orientation).toBe('landscape');
		expect(pngSize(twoSided.front)).toEqual({ width: 86, height: 54 });
		expect(pngSize(twoSided.back)).toEqual({ width: 86, height: 54 });
		// The preview follows the data.
		await call('PATCH', `${ORG}/cards/${card.id}`, {
			form: { 'card[data]': '[{"first_name":"Grace"}]' },
		});
		expect((await call('GET', `${ORG}/cards/${card.id}/preview`)).json.front).not.toBe(
			preview.front,
		);
	});

	it('uploads an image file into an image field (multipart card[token] + card[file])', async () => {
		const card = await draftCard();
		const upload = (tokenName: string, data: Buffer, filename = 'photo.png') => {
			const form = new FormData();
			form.append('card[token]', tokenName);
			form.append('card[file]', new Blob([data], { type: 'image/png' }), filename);
			return call('POST', `${ORG}/cards/${card.id}/image`, { multipart: form });
		};
		const ok = await upload('photo', Buffer.from(PNG, 'base64'));
		expect(ok.status).toBe(200);
		expect(ok.json.data.photo).toBe('image');
		expect((await call('PATCH', `${ORG}/cards/${card.id}/finalize`)).json.data.photo).toBe(PNG);
		expect((await upload('first_name', Buffer.from(PNG, 'base64'))).json).toEqual({
			error: ["Field 'first_name' is not an image field"],
		});
		expect((await upload('nope', Buffer.from(PNG, 'base64'))).json).toEqual({
			error: ["Unknown field 'nope'"],
		});
		expect((await upload('photo', Buffer.from('not an image'))).status).toBe(400);
		const noFile = new FormData();
		noFile.append('card[token]', 'photo');
		noFile.append('card[file]', PNG);
		expect(
			(await call('POST', `${ORG}/cards/${card.id}/image`, { multipart: noFile })).status,
		).toBe(400);
		const [request] = sb.requestsTo('POST', /\/image$/);
		expect(request.form['card[file]']).toEqual({
			filename: 'photo.png',
			contentType: 'image/png',
			size: Buffer.from(PNG, 'base64').length,
		});
	});
});

describe('print jobs', () => {
	it('goes draft → finalize → job → submit → advance, with charge, history and balance', async () => {
		const a = await finalizedCard();
		const b = await finalizedCard([{ first_name: 'Grace' }]);
		const job = await printJob([a.id, b.id], { 'print_job[number_of_copies]': '2' });
		expect(job).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				status: 'Created',
				address_id: expect.any(Number),
				address: expect.objectContaining({
					address1: expect.any(String),
					contact: expect.objectContaining({ full_name: 'Grace Hopper' }),
				}),
				shipping_provider_id: 2,
				number_of_copies: 2,
				organization_id: 20003827,
			}),
		);
		expect(job.list_users).toEqual([
			{
				id: expect.any(Number),
				total_users: 2,
				users_data: [
					{
						id: a.id,
						status: 0,
						data: expect.objectContaining({ first_name: 'Ada' }),
						created_at: expect.any(String),
						updated_at: expect.any(String),
					},
					expect.objectContaining({ id: b.id, status: 0 }),
				],
			},
		]);
		const charge = (await call('GET', `${ORG}/print_jobs/${job.id}/charge_details`)).json;
		expect(charge).toEqual({
			has_balance: true,
			job_total_cost: '27.75',
			shipping_cost: '7.75',
			items: [
				{ card_id: a.id, copies: 2, unit_price: '5.00', total: '10.00' },
				{ card_id: b.id, copies: 2, unit_price: '5.00', total: '10.00' },
			],
		});
		const check = await call('GET', `${ORG}/print_jobs/${job.id}/check_balance`);
		expect(check.text).toBe('true');

		const submitted = await call('POST', `${ORG}/print_jobs/${job.id}/print`);
		expect(submitted.status).toBe(200);
		expect(submitted.json.status).toBe('Scheduled');
		expect((await call('GET', `${ORG}/balance`)).json.balance).toBe('222.25');
		const [charged] = (await call('GET', `${ORG}/financial_transactions`)).json;
		expect(charged).toEqual(
			expect.objectContaining({ type: 'debit', debit: '27.75', balance: '222.25' }),
		);
		expect((await call('GET', `${ORG}/cards/${a.id}`)).json.last_submitted_at).toEqual(
			expect.any(String),
		);
		const history = (await call('GET', `${ORG}/cards/${a.id}/print_history`)).json;
		expect(history).toEqual([
			{
				id: expect.any(Number),
				print_job_id: job.id,
				status: 0,
				processed_at: null,
				created_at: expect.any(String),
			},
		]);
		// Submitted jobs are frozen.
		expect(
			(
				await call('PATCH', `${ORG}/print_jobs/${job.id}`, {
					form: { 'print_job[number_of_copies]': '3' },
				})
			).status,
		).toBe(400);
		expect((await call('POST', `${ORG}/print_jobs/${job.id}/print`)).status).toBe(400);
		const removed = await call('DELETE', `${ORG}/print_jobs/${job.id}/remove_cards/${a.id}`);
		expect([removed.status, removed.text]).toEqual([404, 'false']);

		expect(sb.advancePrintJob(job.id).status).toBe('In_Progress');
		expect((await control('advancePrintJob', { id: job.id })).json.status).toBe('Finished');
		const done = (await call('GET', `${ORG}/print_jobs/${job.id}`)).json;
		expect(done.list_users[0].users_data.map((u: Json) => u.status)).toEqual([1, 1]);
		const printed = (await call('GET', `${ORG}/cards/${a.id}/print_history`)).json;
		expect(printed[0]).toEqual(
			expect.objectContaining({ status: 1, processed_at: expect.any(String) }),
		);
		expect((await call('GET', `${ORG}/cards/${a.id}`)).json.last_printed_at).toEqual(
			expect.any(String),
		);
		expect((await control('advancePrintJob', { id: job.id })).status).toBe(400);
		expect(sb.snapshot().printJobs).toEqual([
			expect.objectContaining({ id: job.id, status: 'Finished', cost: '27.75' }),
		]);
	});

	it('resets shipping_provider_id on every PATCH unless it is sent again', async () => {
		const card = await finalizedCard();
		const job = await printJob([card.id]);
		expect(job.shipping_provider_id).toBe(2);
		const copies = await call('PATCH', `${ORG}/print_jobs/${job.id}`, {
			form: { 'print_job[number_of_copies]': '3' },
		});
		expect(copies.json).toEqual(
			expect.objectContaining({ number_of_copies: 3, shipping_provider_id: null }),
		);
		const both = await call(
			'PATCH',
			`${ORG}/print_jobs/${job.id}?print_job[shipping_provider_id]=3&print_job[number_of_copies]=4`,
		);
		expect(both.json).toEqual(
			expect.objectContaining({ number_of_copies: 4, shipping_provider_id: 3 }),
		);
		const submit = await call('POST', `${ORG}/print_jobs/${job.id}/print`);
		expect(submit.status).toBe(200);
	});

	it('takes only finalized, existing cards; card_ids as JSON string, repeated [] or JSON array', async () => {
		const draft = await draftCard();
		const final1 = await finalizedCard();
		const final2 = await finalizedCard();
		const final3 = await finalizedCard();
		const job = await printJob([]);
		const add = async (form: Record<string, string | string[]>) =>
			await call('POST', `${ORG}/print_jobs/${job.id}/add_cards`, { form });
		const notFinal = await add({ 'print_job[card_ids]': `[${draft.id}]` });
		expect(notFinal.status).toBe(400);
		expect(notFinal.json.error[0]).toContain(`Card ${draft.id} is not finalized`);
		expect((await add({ 'print_job[card_ids]': '[999999]' })).json).toEqual({
			error: 'Card 999999 not found',
		});
		expect((await add({ 'print_job[card_ids]': String(final1.id) })).status).toBe(400);
		expect(
			(await add({ 'print_job[card_ids]': `["${final1.id}"]` })).json.list_users[0].total_users,
		).toBe(1);
		expect(
			(await add({ 'print_job[card_ids][]': [String(final2.id), String(final1.id)] })).json
				.list_users[0].total_users,
		).toBe(2);
		const viaJson = await call('POST', `${ORG}/print_jobs/${job.id}/add_cards`, {
			json: { print_job: { card_ids: [final3.id] } },
		});
		expect(viaJson.json.list_users[0].users_data.map((u: Json) => u.id)).toEqual([
			final1.id,
			final2.id,
			final3.id,
		]);
		const removed = await call('DELETE', `${ORG}/print_jobs/${job.id}/remove_cards/${final2.id}`);
		expect([removed.status, removed.text]).toEqual([200, 'true']);
		expect((await call('GET', `${ORG}/print_jobs/${job.id}`)).json.list_users[0].total_users).toBe(
			2,
		);
		const gone = await call('DELETE', `${ORG}/print_jobs/999999/remove_cards/${final2.id}`);
		expect([gone.status, gone.text]).toEqual([404, 'false']);
	});

	it('validates print_job parameters', async () => {
		const missing = await call('POST', `${ORG}/print_jobs`, { form: { foo: 'bar' } });
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ error: "Missing parameter 'print_job'" });
		const unknown = await call('POST', `${ORG}/print_jobs`, { form: { 'print_job[copies]': '2' } });
		expect(unknown.json).toEqual({ error: ["Unknown parameter 'print_job[copies]'"] });
		const nested = await call('POST', `${ORG}/print_jobs`, {
			form: { 'print_job[address][address1]': 'x' },
		});
		expect(nested.json).toEqual({ error: ["Unknown parameter 'print_job[address][address1]'"] });
		expect(
			(
				await call('POST', `${ORG}/print_jobs`, {
					form: { 'print_job[shipping_provider_id]': '99' },
				})
			).status,
		).toBe(404);
		expect(
			(await call('POST', `${ORG}/print_jobs`, { form: { 'print_job[number_of_copies]': '0' } }))
				.status,
		).toBe(400);
		const job = (
			await call('POST', `${ORG}/print_jobs`, { form: { 'print_job[number_of_copies]': '1' } })
		).json;
		const incomplete = await call('POST', `${ORG}/print_jobs/${job.id}/print`);
		expect(incomplete.status).toBe(400);
		expect(incomplete.json).toEqual({
			error: [
				'Print job has no cards',
				'Print job has no address',
				'Print job has no shipping provider',
			],
		});
		expect((await call('GET', `${ORG}/print_jobs/999999`)).json).toEqual({
			error: 'Print job not found',
		});
	});

	it('takes a one-off address (address_1/address_2, contact full_name)', async () => {
		const card = await finalizedCard();
		const res = await call('POST', `${ORG}/print_jobs`, {
			form: {
				'print_job[address][contact][full_name]': 'Ada Lovelace',
				'print_job[address][organization_name]': 'Analytical Engines Ltd',
				'print_job[address][address_1]': '12 St James Sq',
				'print_job[address][address_2]': 'Floor 2',
				'print_job[address][city]': 'London',
				'print_job[address][state]': '',
				'print_job[address][zip_code]': 'SW1Y 4JH',
				'print_job[address][country]': 'GB',
				'print_job[shipping_provider_id]': '3',
				'print_job[card_ids]': `[${card.id}]`,
			},
		});
		expect(res.status).toBe(200);
		expect(res.json.address_id).toBeNull();
		expect(res.json.address).toEqual({
			contact: { full_name: 'Ada Lovelace' },
			organization_name: 'Analytical Engines Ltd',
			address_1: '12 St James Sq',
			address_2: 'Floor 2',
			city: 'London',
			state: null,
			zip_code: 'SW1Y 4JH',
			country: 'GB',
		});
		const incomplete = await call('POST', `${ORG}/print_jobs`, {
			form: { 'print_job[address][city]': 'London' },
		});
		expect(incomplete.json.error).toEqual(expect.arrayContaining(["Address 1 can't be blank"]));
		expect((await call('POST', `${ORG}/print_jobs/${res.json.id}/print`)).json.status).toBe(
			'Scheduled',
		);
	});

	it('marks a job No_Balance when the balance is short, and submits it again after funds', async () => {
		const card = await finalizedCard();
		const job = await printJob([card.id]);
		expect((await control('setBalance', { balance: '10.00' })).json).toEqual({ balance: '10.00' });
		expect((await call('GET', `${ORG}/print_jobs/${job.id}/check_balance`)).text).toBe('false');
		expect((await call('GET', `${ORG}/print_jobs/${job.id}/charge_details`)).json.has_balance).toBe(
			false,
		);
		const refused = await call('POST', `${ORG}/print_jobs/${job.id}/print`);
		expect(refused.status).toBe(400);
		expect(refused.json).toEqual({ error: 'Insufficient balance' });
		expect((await call('GET', `${ORG}/print_jobs/${job.id}`)).json.status).toBe('No_Balance');
		expect((await call('GET', `${ORG}/balance`)).json.balance).toBe('10.00');
		sb.setBalance('12.75');
		const again = await call('POST', `${ORG}/print_jobs/${job.id}/print`);
		expect(again.json.status).toBe('Scheduled');
		expect((await call('GET', `${ORG}/balance`)).json.balance).toBe('0.00');
	});

	it('lists print jobs filtered by status name or number, paged; status as number in that mode', async () => {
		const card = await finalizedCard();
		const jobs = [await printJob([card.id]), await printJob([card.id]), await printJob([card.id])];
		await call('POST', `${ORG}/print_jobs/${jobs[1].id}/print`);
		expect((await call('GET', `${ORG}/print_jobs`)).json).toHaveLength(3);
		expect(
			(await call('GET', `${ORG}/print_jobs?status=Scheduled`)).json.map((j: Json) => j.id),
		).toEqual([jobs[1].id]);
		expect((await call('GET', `${ORG}/print_jobs?status=0`)).json.map((j: Json) => j.id)).toEqual([
			jobs[0].id,
			jobs[2].id,
		]);
		expect(
			(await call('GET', `${ORG}/print_jobs?status=created&page=2&page_size=1`)).json.map(
				(j: Json) => j.id,
			),
		).toEqual([jobs[2].id]);
		expect((await call('GET', `${ORG}/print_jobs?status=bogus`)).status).toBe(400);
		await control('configure', { printJobStatusFormat: 'number' });
		expect((await call('GET', `${ORG}/print_jobs/${jobs[1].id}`)).json.status).toBe(1);
	});

	it('moves jobs with tick, sets Failed and per-card statuses', async () => {
		const a = await finalizedCard();
		const b = await finalizedCard();
		const one = await printJob([a.id, b.id]);
		const two = await printJob([a.id]);
		await call('POST', `${ORG}/print_jobs/${one.id}/print`);
		await call('POST', `${ORG}/print_jobs/${two.id}/print`);
		expect((await control('tick')).json.moved).toEqual([
			{ id: one.id, status: 'In_Progress' },
			{ id: two.id, status: 'In_Progress' },
		]);
		const failed = sb.advancePrintJob(two.id, 'Failed');
		expect(failed.status).toBe('Failed');
		expect(failed.list_users[0].users_data[0].status).toBe(2);
		const perCard = await control('setCardPrintStatus', {
			printJobId: one.id,
			cardId: b.id,
			status: 1,
		});
		expect(perCard.json.list_users[0].users_data.map((u: Json) => u.status)).toEqual([0, 1]);
		const history = (await call('GET', `${ORG}/cards/${a.id}/print_history`)).json;
		expect(history.map((h: Json) => [h.print_job_id, h.status])).toEqual([
			[one.id, 0],
			[two.id, 2],
		]);
		expect(sb.tick()).toEqual([{ id: one.id, status: 'Finished' }]);
		expect((await control('advancePrintJob', { id: one.id, status: 'nope' })).status).toBe(400);
	});
});

describe('addresses and contacts', () => {
	it('creates addresses with a nested contact, updates, pages and deletes them', async () => {
		const created = await call('POST', `${ORG}/addresses`, {
			form: {
				'address[address1]': '1 Infinite Loop',
				'address[city]': 'Cupertino',
				'address[state]': 'CA',
				'address[zip_code]': '95014',
				'address[country]': 'US',
				'address[label]': 'Warehouse',
				'address[contact][full_name]': 'Alan Turing',
				'address[contact][email]': 'alan@sandbox.test',
			},
		});
		expect(created.status).toBe(200);
		expect(created.json).toEqual(
			expect.objectContaining({
				address1: '1 Infinite Loop',
				primary: false,
				contact: expect.objectContaining({ full_name: 'Alan Turing' }),
			}),
		);
		expect(
			(await call('POST', `${ORG}/addresses`, { form: { 'address[address_1]': 'x' } })).json,
		).toEqual({
			error: ["Unknown parameter 'address[address_1]'"],
		});
		const patched = await call('PATCH', `${ORG}/addresses/${created.json.id}`, {
			form: { 'address[city]': 'Palo Alto', 'address[primary]': 'true' },
		});
		expect(patched.json).toEqual(expect.objectContaining({ city: 'Palo Alto', primary: true }));
		const list = (await call('GET', `${ORG}/addresses`)).json;
		expect(list.map((a: Json) => a.primary)).toEqual([false, true]);
		expect(
			(await call('GET', `${ORG}/addresses?page=2&page_size=1`)).json.map((a: Json) => a.id),
		).toEqual([created.json.id]);
		const contact = await call('GET', `${ORG}/contacts/${created.json.contact_id}`);
		expect(contact.json.addresses.map((a: Json) => a.id)).toEqual([created.json.id]);
		// A linked contact cannot go; once its address is gone, it can.
		const linked = await call('DELETE', `${ORG}/contacts/${created.json.contact_id}`);
		expect([linked.status, linked.json]).toEqual([
			400,
			{ error: 'Contact is associated with an addresses' },
		]);
		expect((await call('DELETE', `${ORG}/addresses/${created.json.id}`)).json).toEqual({
			result: 'Success',
		});
		expect((await call('DELETE', `${ORG}/contacts/${created.json.contact_id}`)).json).toEqual({
			result: 'Success',
		});
		expect((await call('GET', `${ORG}/addresses/${created.json.id}`)).status).toBe(404);
	});

	it('creates and updates contacts (email required)', async () => {
		expect(
			(await call('POST', `${ORG}/contacts`, { form: { 'contact[full_name]': 'No Mail' } })).json,
		).toEqual({ error: ["Email can't be blank"] });
		const made = await call('POST', `${ORG}/contacts`, {
			json: { contact: { full_name: 'Ada', email: 'ada@sandbox.test', phone_number: '555' } },
		});
		expect(made.json).toEqual(
			expect.objectContaining({ full_name: 'Ada', email: 'ada@sandbox.test', addresses: [] }),
		);
		const updated = await call('PATCH', `${ORG}/contacts/${made.json.id}`, {
			form: { 'contact[alt_email]': 'bad' },
		});
		expect(updated.status).toBe(400);
		expect((await call('GET', `${ORG}/contacts/${made.json.id}`)).json.alt_email).toBeNull();
		expect((await call('GET', `${ORG}/contacts?page=1&page_size=1`)).json).toHaveLength(1);
		expect((await call('GET', `${ORG}/contacts`)).json).toHaveLength(2);
	});
});

describe('faults', () => {
	it('injects a status, a rate limit with Retry-After, latency and a dropped connection', async () => {
		sb.addFault({ kind: 'status', status: 503, path: '/cards$' });
		const down = await call('GET', `${ORG}/cards`);
		expect([down.status, down.json]).toEqual([503, { error: 'Injected status 503' }]);
		expect((await call('GET', `${ORG}/cards`)).status).toBe(200);

		sb.addFault({ kind: 'rateLimit', retryAfter: 7, method: 'GET' });
		const limited = await call('GET', '/profile/me');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('7');

		sb.addFault({ kind: 'latency', ms: 150 });
		const started = Date.now();
		expect((await call('GET', '/profile/me')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		sb.addFault({ kind: 'drop', path: '/profile/me' });
		await expect(call('GET', '/profile/me')).rejects.toThrow();
		expect(sb.requests.map((r) => [r.status, r.fault])).toEqual([
			[503, 'status'],
			[200, undefined],
			[429, 'rateLimit'],
			[200, 'latency'],
			[0, 'drop'],
		]);
	});

	it('expireToken expires the presented token and lets the request answer 401', async () => {
		sb.addFault({ kind: 'expireToken', path: '/profile/me', skip: 1 });
		expect((await call('GET', '/profile/me')).status).toBe(200);
		const expired = await call('GET', '/profile/me');
		expect([expired.status, expired.json]).toEqual([401, { error: 'Not Authorized' }]);
		expect((await call('GET', `${ORG}/cards`)).status).toBe(401);
		token = (await login()).json.auth_token;
		expect((await call('GET', '/profile/me')).status).toBe(200);
		expect(sb.requestsTo('GET', '/api/v2/profile/me').map((r) => r.fault)).toEqual([
			undefined,
			'expireToken',
			undefined,
		]);
	});

	it('refuses unknown fault kinds over HTTP', async () => {
		const res = await control('faults', { kind: 'meteor' });
		expect(res.status).toBe(400);
		expect((await control('faults', { kind: 'expireToken' })).status).toBe(200);
		expect((await control('faults', {}, 'GET')).json).toHaveLength(1);
	});
});

describe('faults that garble, echo or lose answers', () => {
	const FORM_BODY = new URLSearchParams({
		email: INSTANTCARD_SANDBOX_LOGIN.email,
		password: INSTANTCARD_SANDBOX_LOGIN.password,
	}).toString();

	it('echo answers with the whole request as JSON: method, URL with query, headers, raw body', async () => {
		sb.addFault({ kind: 'echo', path: '/authenticate$' });
		const echoed = await call('POST', '/authenticate?locale=en', {
			token: null,
			form: {
				email: INSTANTCARD_SANDBOX_LOGIN.email,
				password: INSTANTCARD_SANDBOX_LOGIN.password,
			},
		});
		expect(echoed.status).toBe(500);
		expect(echoed.headers.get('content-type')).toMatch(/^application\/json/);
		expect(echoed.json).toEqual({
			error: 'Internal Server Error',
			request: {
				method: 'POST',
				url: `${sb.baseUrl}/authenticate?locale=en`,
				headers: expect.objectContaining({
					'content-type': 'application/x-www-form-urlencoded',
					host: new URL(sb.url).host,
				}),
				body: FORM_BODY,
			},
		});
		expect(echoed.text).toContain(INSTANTCARD_SANDBOX_LOGIN.password);

		sb.addFault({ kind: 'echo', status: 502, path: '/profile/me$' });
		const withToken = await call('GET', '/profile/me');
		expect(withToken.status).toBe(502);
		expect(withToken.json.request.headers.authorization).toBe(`bearer ${token}`);
		// The echo came before the logic: no login happened (the one counted is beforeEach's).
		expect(sb.loginCount).toBe(1);
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled])).toEqual([
			[500, 'echo', false],
			[502, 'echo', false],
		]);
		expect(sb.requests[0].body).toBe(FORM_BODY);
	});

	it('echo in text and html formats carries the same, verbatim, with the matching content-type', async () => {
		sb.addFault({ kind: 'echo', format: 'text', path: '/authenticate$' });
		const text = await login();
		expect(text.status).toBe(500);
		expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(text.json).toBeUndefined();
		expect(text.text).toContain(`POST ${sb.baseUrl}/authenticate\n`);
		expect(text.text).toContain('content-type: application/x-www-form-urlencoded\n');
		expect(text.text).toContain(`\n\n${FORM_BODY}`);

		sb.addFault({ kind: 'echo', format: 'html', status: 200, path: '/cards$' });
		const html = await call('POST', `${ORG}/cards`, {
			json: { card: { card_template_id: EMPLOYEE, data: [{ first_name: 'Ada' }] } },
		});
		expectHtmlPage(html, 200);
		expect(html.text).toContain(`authorization: bearer ${token}`);
		expect(html.text).toContain('{"card":{"card_template_id":1001,"data":[{"first_name":"Ada"}]}}');
		expect(sb.store.cards.size).toBe(0);
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled])).toEqual([
			[500, 'echo', false],
			[200, 'echo', false],
		]);
	});

	it('html answers a maintenance page, 200 by default', async () => {
		sb.addFault({ kind: 'html', path: '/profile/me$' });
		const page = await call('GET', '/profile/me');
		expectHtmlPage(page, 200);
		expect(page.text).toContain('under maintenance');
		expect(page.json).toBeUndefined();
		sb.addFault({ kind: 'html', status: 503 });
		expect((await login()).status).toBe(503);
		expect(sb.loginCount).toBe(1);
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled])).toEqual([
			[200, 'html', false],
			[503, 'html', false],
		]);
	});

	it('truncated runs the logic and sends half of its JSON with the real status', async () => {
		const full = (await call('GET', '/profile/me')).text;
		sb.addFault({ kind: 'truncated', path: '/authenticate$' });
		const cut = await login();
		expect(cut.status).toBe(200);
		expect(cut.headers.get('content-type')).toMatch(/^application\/json/);
		expect(cut.text.startsWith('{"auth_token":"')).toBe(true);
		expect(() => JSON.parse(cut.text) as unknown).toThrow();
		// The login happened: a token was issued, the client just cannot read it.
		expect(sb.loginCount).toBe(2);
		expect(sb.snapshot().tokens).toEqual({ issued: 2, valid: 2 });

		sb.addFault({ kind: 'truncated', path: '/profile/me$' });
		const profile = await call('GET', '/profile/me');
		expect(full.startsWith(profile.text)).toBe(true);
		expect(profile.text.length).toBeGreaterThan(0);
		expect(profile.text.length).toBeLessThan(full.length);

		sb.addFault({ kind: 'truncated', path: '/cards/\\d+$' });
		const missing = await call('GET', `${ORG}/cards/999`);
		expect(missing.status).toBe(404);
		expect('{"error":"Card not found"}'.startsWith(missing.text)).toBe(true);
		expect(
			sb.requests.slice(1).map((r) => [r.status, r.fault, r.handled, r.handledStatus]),
		).toEqual([
			[200, 'truncated', true, 200],
			[200, 'truncated', true, 200],
			[404, 'truncated', true, 404],
		]);
	});

	it('status sends a raw body or wrong-shaped JSON with the given content-type', async () => {
		sb.addFault({ kind: 'status', status: 200, raw: '[1,2', contentType: 'application/json' });
		const broken = await call('GET', `${ORG}/cards`);
		expect([broken.status, broken.text, broken.headers.get('content-type')]).toEqual([
			200,
			'[1,2',
			'application/json',
		]);
		sb.addFault({ kind: 'status', status: 200, body: { cards: 'none' }, path: '/cards$' });
		expect((await call('GET', `${ORG}/cards`)).json).toEqual({ cards: 'none' });
		sb.addFault({ kind: 'status', status: 200, raw: 'OK', contentType: 'text/plain' });
		const plain = await login();
		expect([plain.text, plain.headers.get('content-type')]).toEqual(['OK', 'text/plain']);
		expect(sb.loginCount).toBe(1);
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled])).toEqual([
			[200, 'status', false],
			[200, 'status', false],
			[200, 'status', false],
		]);
	});

	it('hang holds the request unanswered until ms passes or the client gives up', async () => {
		sb.addFault({ kind: 'hang', path: '/profile/me$' });
		const started = Date.now();
		await expect(
			call('GET', '/profile/me', { signal: AbortSignal.timeout(300) }),
		).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);

		sb.addFault({ kind: 'hang', ms: 150, path: '/profile/me$' });
		const cutOff = Date.now();
		await expect(call('GET', '/profile/me')).rejects.toThrow();
		expect(Date.now() - cutOff).toBeGreaterThanOrEqual(140);
		expect((await call('GET', '/profile/me')).status).toBe(200);
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled])).toEqual([
			[0, 'hang', false],
			[0, 'hang', false],
			[200, undefined, true],
		]);
	});

	it('stop() closes promptly while a request hangs', async () => {
		const other = new InstantCardSandbox();
		await other.start();
		other.addFault({ kind: 'hang' });
		const pending = fetch(`${other.baseUrl}/profile/me`).then(
			() => 'answered',
			() => 'failed',
		);
		while (other.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
		const stopping = Date.now();
		await other.stop();
		expect(Date.now() - stopping).toBeLessThan(500);
		expect(await pending).toBe('failed');
		expect(other.requests).toEqual([expect.objectContaining({ status: 0, fault: 'hang' })]);
	});

	it('after: true lets a print job be submitted and charged, then loses the answer', async () => {
		const card = await finalizedCard();
		const job = await printJob([card.id]);
		const submit = `/print_jobs/${job.id}/print$`;

		// Before the logic (default): nothing is submitted.
		sb.addFault({ kind: 'drop', path: submit });
		await expect(call('POST', `${ORG}/print_jobs/${job.id}/print`)).rejects.toThrow();
		expect(sb.snapshot().balance).toBe('250.00');
		expect(sb.store.printJobs.get(job.id)?.status).toBe(0);

		sb.addFault({ kind: 'drop', after: true, path: submit });
		await expect(call('POST', `${ORG}/print_jobs/${job.id}/print`)).rejects.toThrow();
		expect(sb.snapshot().balance).toBe('237.25');
		expect(sb.snapshot().printJobs[0].status).toBe('Scheduled');

		const log = sb.requestsTo('POST', /\/print$/);
		expect(log.map((r) => [r.status, r.fault, r.handled, r.handledStatus])).toEqual([
			[0, 'drop', false, undefined],
			[0, 'drop', true, 200],
		]);
	});

	it('after: true with status, echo and hang: the logic ran, the client got the fault', async () => {
		sb.addFault({ kind: 'status', status: 502, after: true, path: '/cards$' });
		const created = await call('POST', `${ORG}/cards`, {
			json: { card: { card_template_id: EMPLOYEE, data: [{ first_name: 'Ada' }] } },
		});
		expect([created.status, created.json]).toEqual([502, { error: 'Injected status 502' }]);
		expect(sb.store.cards.size).toBe(1);

		sb.addFault({ kind: 'echo', after: true, path: '/authenticate$' });
		const echoed = await login();
		expect(echoed.status).toBe(500);
		expect(echoed.json.request.body).toBe(FORM_BODY);
		expect(sb.loginCount).toBe(2);

		sb.addFault({ kind: 'hang', ms: 100, after: true, path: '/cards$' });
		await expect(
			call('POST', `${ORG}/cards`, {
				json: { card: { card_template_id: EMPLOYEE, data: [{ first_name: 'Bob' }] } },
			}),
		).rejects.toThrow();
		expect(sb.store.cards.size).toBe(2);
		expect(sb.requests.map((r) => [r.status, r.fault, r.handled, r.handledStatus])).toEqual([
			[502, 'status', true, 200],
			[500, 'echo', true, 200],
			[0, 'hang', true, 200],
		]);
	});

	it('checks fault options; the new kinds and after work over HTTP too', async () => {
		expect(() => sb.addFault({ kind: 'latency', ms: 10, after: true })).toThrow(/after applies/);
		expect(
			(await control('faults', { kind: 'rateLimit', retryAfter: 1, after: true })).status,
		).toBe(400);
		expect((await control('faults', { kind: 'echo', format: 'xml' })).status).toBe(400);
		expect((await control('faults', { kind: 'status', status: 99 })).status).toBe(400);
		expect((await control('faults', { kind: 'hang', ms: 'soon' })).status).toBe(400);
		expect((await control('faults', { kind: 'expireToken', after: true })).status).toBe(400);
		expect((await control('faults', { kind: 'meteor' })).status).toBe(400);
		for (const fault of [
			{ kind: 'echo', format: 'html', after: true, path: '/balance$' },
			{ kind: 'html', status: 503, path: '/organization$' },
			{ kind: 'truncated', path: '/cards$' },
			{ kind: 'hang', ms: 50, after: true, path: '/never$' },
			{ kind: 'status', status: 200, raw: '[1,2', contentType: 'application/json' },
		]) {
			expect((await control('faults', fault)).status).toBe(200);
		}
		expect((await control('faults', {}, 'GET')).json).toHaveLength(5);
		const echoed = await call('GET', `${ORG}/balance`);
		expect(echoed.text).toContain(`authorization: bearer ${token}`);
		expect((await control('requests', {}, 'GET')).json[0]).toMatchObject({
			fault: 'echo',
			status: 500,
			handled: true,
			handledStatus: 200,
		});
	});
});

describe('sessions', () => {
	it('singleSession: every login cancels the earlier tokens of that user; off by default', async () => {
		const second = (await login()).json.auth_token;
		expect((await call('GET', '/profile/me')).status).toBe(200);
		expect((await call('GET', '/profile/me', { token: second })).status).toBe(200);

		expect((await control('configure', { singleSession: 'yes' })).status).toBe(400);
		expect((await control('configure', { singleSession: true })).json).toMatchObject({
			singleSession: true,
		});
		const issued = sb.issueToken();
		const third = (await login()).json.auth_token;
		for (const old of [token, second, issued]) {
			expect((await call('GET', '/profile/me', { token: old })).status).toBe(401);
		}
		expect((await call('GET', '/profile/me', { token: third })).status).toBe(200);
		// A failed login ends nothing.
		expect((await login({ password: 'wrong' })).status).toBe(401);
		expect((await call('GET', '/profile/me', { token: third })).status).toBe(200);
		expect((await control('state', {}, 'GET')).json).toMatchObject({
			config: expect.objectContaining({ singleSession: true }),
			logins: { succeeded: 3, failed: 1, total: 4 },
			tokens: { issued: 4, valid: 1 },
		});
		sb.reset();
		expect(sb.currentConfig.singleSession).toBe(false);
		expect(new InstantCardSandbox({ singleSession: true }).currentConfig.singleSession).toBe(true);
	});

	it('cancels one token or all of them server-side, before their expiry', async () => {
		const other = (await login()).json.auth_token;
		expect(sb.cancelToken(other)).toBe(true);
		expect(sb.cancelToken(other)).toBe(false);
		expect((await call('GET', '/profile/me', { token: other })).status).toBe(401);
		expect((await call('GET', '/profile/me')).status).toBe(200);

		const third = (await login()).json.auth_token;
		expect((await control('cancelToken', { token })).json).toEqual({ cancelled: true });
		expect((await control('cancelToken', { token: 'nope' })).json).toEqual({ cancelled: false });
		expect((await control('cancelToken', {})).status).toBe(400);
		expect((await call('GET', '/profile/me')).status).toBe(401);
		expect((await call('GET', '/profile/me', { token: third })).status).toBe(200);

		const fourth = (await login()).json.auth_token;
		expect((await control('cancelTokens')).json).toEqual({ cancelled: 2 });
		expect((await call('GET', '/profile/me', { token: fourth })).status).toBe(401);
		expect(sb.cancelTokens()).toBe(0);
		expect(sb.loginCount).toBe(4);
	});
});

describe('request log and control interface', () => {
	it('records form fields, JSON-string card[data], headers and answers', async () => {
		await draftCard([{ first_name: 'Ada' }]);
		const log = (await control('requests', {}, 'GET')).json;
		expect(log).toHaveLength(1);
		expect(log[0]).toEqual(
			expect.objectContaining({
				method: 'POST',
				path: `/api/v2${ORG}/cards`,
				contentType: 'application/x-www-form-urlencoded',
				form: {
					'card[card_template_id]': String(EMPLOYEE),
					'card[data]': '[{"first_name":"Ada"}]',
				},
				params: { card: { card_template_id: String(EMPLOYEE), data: '[{"first_name":"Ada"}]' } },
				status: 200,
			}),
		);
		expect(log[0].headers.authorization).toBe(`bearer ${token}`);
		expect(sb.requestsTo('POST', /\/cards$/)).toHaveLength(1);
	});

	it('configures, expires tokens and reports state over HTTP', async () => {
		expect(
			(await control('configure', { loginFailure: '200', tokenLifetimeSeconds: 90 })).json,
		).toEqual({
			tokenLifetimeSeconds: 90,
			loginFailure: '200',
			printJobStatusFormat: 'name',
			singleSession: false,
			printJobOrder: 'oldest',
		});
		expect((await control('configure', { loginFailure: '500' })).status).toBe(400);
		expect((await control('configure', { printJobOrder: 'random' })).status).toBe(400);
		expect((await control('expireTokens')).json).toEqual({ expired: 1 });
		expect((await call('GET', '/profile/me')).status).toBe(401);
		const issued = (await control('issueToken')).json.auth_token;
		expect((await call('GET', '/profile/me', { token: issued })).status).toBe(200);
		const state = (await control('state', {}, 'GET')).json;
		expect(state).toEqual(
			expect.objectContaining({
				balance: '250.00',
				logins: { succeeded: 1, failed: 0, total: 1 },
				cards: { total: 0, draft: 0, finalized: 0 },
				templates: expect.arrayContaining([
					expect.objectContaining({ id: EMPLOYEE, fields: expect.any(Array) }),
				]),
				printJobs: [],
			}),
		);
		expect((await control('nope')).status).toBe(404);
		await control('reset');
		expect(sb.currentConfig.loginFailure).toBe('401');
		expect(sb.loginCount).toBe(0);
	});

	it('seeds 10,000 finalized cards quickly and pages through them', async () => {
		const started = Date.now();
		const seeded = (await control('seedCards', { count: 10_000 })).json;
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(seeded.count).toBe(10_000);
		expect(seeded.lastId - seeded.firstId).toBe(9_999);
		const page = (await call('GET', `${ORG}/cards?page=100&page_size=100`)).json;
		expect(page).toHaveLength(100);
		expect(page[99]).toEqual(
			expect.objectContaining({
				id: seeded.lastId,
				status: 'finalized',
				data: expect.objectContaining({ first_name: 'First Name 10000' }),
			}),
		);
		expect((await call('GET', `${ORG}/cards?page=101&page_size=100`)).json).toEqual([]);
		expect((await call('GET', `${ORG}/cards/search?term=last name 9999`)).json).toHaveLength(1);
		const allStarted = Date.now();
		expect((await call('GET', `${ORG}/cards`)).json).toHaveLength(10_000);
		expect(Date.now() - allStarted).toBeLessThan(2_000);
		expect(sb.seedCards(5, MEMBER)).toHaveLength(5);
		expect((await control('seedCards', { count: 1, templateId: 4 })).status).toBe(404);
	});
});

describe('seeded print jobs (for triggers and benchmarks)', () => {
	it('seeds a job with new or given cards in any status, as a submit and the print steps would leave it', async () => {
		const created = (await control('seedPrintJob', { cardCount: 3 })).json;
		expect(created).toMatchObject({ status: 'Created', shipping_provider_id: 1, address_id: 3001 });
		expect(created.list_users[0].users_data.map((u: Json) => u.status)).toEqual([0, 0, 0]);
		const ids = created.list_users[0].users_data.map((u: Json) => u.id);
		expect((await call('GET', `${ORG}/cards/${ids[0]}/print_history`)).json).toEqual([]);

		const scheduled = sb.seedPrintJob({ cardIds: ids.slice(0, 2), status: 'Scheduled' });
		expect(scheduled.status).toBe('Scheduled');
		const history = (await call('GET', `${ORG}/cards/${ids[0]}/print_history`)).json;
		expect(history).toEqual([
			expect.objectContaining({ print_job_id: scheduled.id, status: 0, processed_at: null }),
		]);

		const finished = sb.seedPrintJob({ cardIds: [ids[2]], status: 3 });
		expect(finished.list_users[0].users_data[0].status).toBe(1);
		expect((await call('GET', `${ORG}/cards/${ids[2]}/print_history`)).json[0]).toMatchObject({
			status: 1,
		});
		const failed = sb.seedPrintJob({ cardIds: [ids[2]], status: 'Failed' });
		expect(failed.list_users[0].users_data[0].status).toBe(2);

		expect((await call('GET', `${ORG}/print_jobs`)).json.map((j: Json) => j.id)).toEqual([
			created.id,
			scheduled.id,
			finished.id,
			failed.id,
		]);
		expect((await control('seedPrintJob', { status: 'Lost' })).status).toBe(400);
		const draft = (
			await call('POST', `${ORG}/cards`, {
				json: { card: { card_template_id: EMPLOYEE, data: [] } },
			})
		).json;
		expect((await control('seedPrintJob', { cardIds: [draft.id] })).status).toBe(400);
	});

	it('seeds 10,000 cards in 100 jobs quickly, and lists the jobs in pages of 100', async () => {
		const started = Date.now();
		for (let n = 0; n < 100; n++)
			sb.seedPrintJob({ cardCount: 100, status: n % 2 ? 'Finished' : 'Scheduled' });
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(sb.store.cards.size).toBe(10_000);
		const page = (await call('GET', `${ORG}/print_jobs?page=1&page_size=100`)).json;
		expect(page).toHaveLength(100);
		expect(page[99].list_users[0].total_users).toBe(100);
		expect((await call('GET', `${ORG}/print_jobs?page=2&page_size=100`)).json).toEqual([]);
	});

	it('dates its answers by the virtual clock', async () => {
		sb.clock.advance(3 * 24 * 3600 * 1000);
		const answer = await call('GET', `${ORG}/print_jobs`);
		expect(Math.abs(Date.parse(answer.headers.get('date') ?? '') - sb.clock.now())).toBeLessThan(
			2_000,
		);
	});
});

/**
 * InstantCard login, shared by every request that uses an `instantCardApi` credential.
 *
 * A declarative node starts all items' requests at once, and n8n asks for a login for each of
 * them; in queue mode several processes share one stored token. This module
 * - lets concurrent callers with the same login values share one login;
 * - hands a caller whose token was refused (401) another token only when that token's login
 *   started after this process saw the refusal (a token cancelled server-side, e.g. by a
 *   password reset, may have cancelled older ones too), and otherwise logs in;
 * - never reuses a token for other values: sessions are keyed by a hash of URL, email, password
 *   and organization, and the stored token is bound to them by `sessionFor`;
 * - always logs in for a credential Test.
 */
import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { apiErrorText, responseOf } from '../../shared/errors';
import { isTimeout, networkReason } from '../../shared/network';
import { registerSecrets, scrub } from '../../shared/secrets';
import { formatDuration } from '../../shared/timeouts';
import { boundAuthentication, isCredentialTest, loginTimeout } from '../../shared/binding';

interface Session {
	token?: string;
	/** Milliseconds since epoch, from the JWT's `exp` when it has one. */
	expiresAt?: number;
	/** When the login that obtained `token` was sent (this process's clock). */
	startedAt: number;
	pending?: Promise<string>;
}

/** Tokens this close to expiry are not handed to a new caller: its request could outlive them. */
const EXPIRY_MARGIN_MS = 60_000;
/** Distinct credentials a process keeps sessions for; the oldest is forgotten past this. */
const MAX_SESSIONS = 500;
/** Refused tokens remembered; the oldest is forgotten past this. */
const MAX_REFUSED = 2000;

const sessions = new Map<string, Session>();
/** A token the server refused → when this process first saw it refused. */
const refused = new Map<string, number>();

/** The API root the credential points at, without a trailing slash. */
export function instantCardBaseUrl(credentials: IDataObject): string {
	// The environment option's value is the URL itself, except for "custom".
	const environment = String(credentials.environment ?? '');
	const url = environment === 'custom' ? String(credentials.url ?? '') : environment;
	return url.trim().replace(/\/+$/, '');
}

/**
 * Every path but the profile's lives under the credential's organization: the nodes write it
 * as InstantCard's documentation does, `/organizations/{organizationId}/cards/…`, and the
 * credential fills in its Organization ID when it sends the request.
 */
export const ORGANIZATION_PATH = '/organizations/{organizationId}';

/** `path` with the credential's organization in place of `{organizationId}`. */
export function inOrganization(path: string, credentials: IDataObject): string {
	if (!path.startsWith(ORGANIZATION_PATH)) return path;
	const organization = encodeURIComponent(String(credentials.organizationId ?? '').trim());
	return `/organizations/${organization}${path.slice(ORGANIZATION_PATH.length)}`;
}

function loginValues(credentials: IDataObject): string {
	return JSON.stringify([
		instantCardBaseUrl(credentials),
		String(credentials.email ?? '')
			.trim()
			.toLowerCase(),
		String(credentials.password ?? ''),
		String(credentials.organizationId ?? '').trim(),
	]);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sessionKey(credentials: IDataObject): string {
	return sha256(loginValues(credentials));
}

/** Binds a token to the values it was obtained with; salted by the token, so it reveals nothing. */
export function sessionFingerprint(credentials: IDataObject, token: string): string {
	return sha256(`${token}\n${loginValues(credentials)}`).slice(0, 32);
}

/** Whether the stored token was obtained with the credential's current values. */
export function holdsBoundToken(credentials: IDataObject): boolean {
	const token = String(credentials.sessionToken ?? '');
	return !!token && credentials.sessionFor === sessionFingerprint(credentials, token);
}

/** Reads `exp` from a JWT without verifying it (only the server can); undefined when absent. */
function tokenExpiry(token: string): number | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IDataObject).exp;
		return typeof exp === 'number' ? exp * 1000 : undefined;
	} catch {
		return undefined;
	}
}

function noteRefused(token: string): void {
	if (refused.has(token)) return;
	refused.set(token, Date.now());
	if (refused.size > MAX_REFUSED) refused.delete(refused.keys().next().value as string);
}

/**
 * Whether `session` may be handed to a caller holding `held`: fresh, never refused, and, when
 * `held` was refused, obtained by a login sent after that refusal was seen.
 */
function usable(session: Session, held: string, heldRefused: boolean): boolean {
	if (!session.token || session.token === held || refused.has(session.token)) return false;
	if (session.expiresAt !== undefined && session.expiresAt - EXPIRY_MARGIN_MS <= Date.now())
		return false;
	if (!heldRefused) return true;
	const refusedAt = refused.get(held);
	return refusedAt !== undefined && session.startedAt >= refusedAt;
}

function loginFailureText(error: unknown, baseUrl: string, email: string, timeout: number): string {
	const { status, body, code } = responseOf(error);
	const said = apiErrorText(body);
	if (status === 401 || status === 403) {
		return `InstantCard refused the login for ${email}${said ? `: "${said}"` : ''}. Check the email and password of the credential.`;
	}
	if (status === 404) {
		// Mostly a Custom URL that is the site, not the API root under it.
		const root = /\/api\/v\d+$/.test(baseUrl) ? undefined : `${baseUrl}/api/v2`;
		return `InstantCard answered the login with HTTP 404${said ? `: "${said}"` : ''}. The URL must be InstantCard's API root, ending in /api/v2${root ? `: try ${root}` : ', e.g. https://core.instantcard.net/api/v2'}.`;
	}
	if (status !== undefined) {
		return `InstantCard answered the login with HTTP ${status}${said ? `: "${said}"` : ''}. Check the credential's environment/URL.`;
	}
	if (isTimeout(error)) {
		return `InstantCard at ${baseUrl} did not answer the login within ${formatDuration(timeout)}. Check the credential's environment/URL and that this n8n can reach it.`;
	}
	return `Could not reach InstantCard at ${baseUrl} (${networkReason(code)}). Check the credential's environment/URL and the network.`;
}

/** Refuses values a login cannot succeed with, before anything is sent. */
function checkLoginValues(credentials: IDataObject): void {
	const baseUrl = instantCardBaseUrl(credentials);
	const email = String(credentials.email ?? '').trim();
	if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) {
		throw new Error(
			`The InstantCard URL "${baseUrl}" is not a web address. Choose Production or Staging, or enter a full URL such as https://core.instantcard.net/api/v2.`,
		);
	}
	if (!email || !credentials.password) {
		throw new Error('The InstantCard credential needs both an email and a password.');
	}
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
		throw new Error(
			`The InstantCard credential's Email "${email}" is not an email address. Enter the email you sign in to InstantCard with, e.g. name@example.com.`,
		);
	}
	if (!/^\d+$/.test(String(credentials.organizationId ?? '').trim())) {
		throw new Error(
			'The InstantCard organization ID must be a number, e.g. 20003827 (shown in InstantCard under your organization settings).',
		);
	}
}

async function logIn(helper: IHttpRequestHelper, credentials: IDataObject): Promise<string> {
	checkLoginValues(credentials);
	const baseUrl = instantCardBaseUrl(credentials);
	const email = String(credentials.email ?? '').trim();
	const timeout = loginTimeout(credentials);

	let answer: unknown;
	let failure: unknown;
	try {
		answer = await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/authenticate`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: { email, password: credentials.password },
			json: true,
			timeout,
		});
	} catch (caught) {
		failure = caught ?? 'failed';
	}
	// Never rethrow the HTTP error itself: its request config holds the password. What the
	// server said may echo the request, so it is scrubbed too.
	if (failure) throw new Error(scrub(loginFailureText(failure, baseUrl, email, timeout)));

	const record = (answer && typeof answer === 'object' ? answer : {}) as IDataObject;
	const token = typeof record.auth_token === 'string' ? record.auth_token.trim() : '';
	if (!token) {
		// Older InstantCard servers answer a bad login with HTTP 200 and {"error": "..."}.
		const said = typeof record.error === 'string' ? record.error : undefined;
		if (said || typeof answer === 'object')
			throw new Error(
				scrub(
					`InstantCard refused the login for ${email}${said ? `: "${said}"` : ' (no token in its answer)'}. Check the email and password of the credential.`,
				),
			);
		// A page that is not the API's JSON (a proxy's or a maintenance page).
		throw new Error(
			scrub(
				`${baseUrl}/authenticate did not answer as the InstantCard API does (a JSON object with auth_token); it sent: "${String(answer ?? '').slice(0, 100)}". Check the credential's environment/URL.`,
			),
		);
	}
	registerSecrets([token]);
	return token;
}

/**
 * For `authenticate`: makes `credentials` hold a token it may send without a login — the stored
 * one when it was obtained with these values and was not refused, else one this process holds
 * or is obtaining for the same values (waited for; put into this copy only, so n8n saves
 * nothing). False when a login is needed. A login under way that fails fails this caller too,
 * so N items share one failed login.
 */
export async function holdUsableToken(credentials: IDataObject): Promise<boolean> {
	const held = String(credentials.sessionToken ?? '');
	const heldRefused = !!held && refused.has(held);
	if (holdsBoundToken(credentials) && !heldRefused) return true;
	const session = sessions.get(sessionKey(credentials));
	let token: string | undefined;
	if (session?.pending) token = await session.pending;
	else if (session && usable(session, held, heldRefused)) token = session.token;
	if (!token) return false;
	credentials.sessionToken = token;
	credentials.sessionFor = sessionFingerprint(credentials, token);
	return true;
}

/**
 * A credential Test reads the organization with the new token: a wrong Organization ID fails the
 * Test with what is wrong, not in the first workflow. Here, and not through the Test's request
 * and its rules, because n8n 1.x shows a refused Test request as "The resource you are requesting
 * could not be found" whatever the rules say.
 */
async function checkOrganization(
	helper: IHttpRequestHelper,
	credentials: IDataObject,
	token: string,
): Promise<void> {
	const baseUrl = instantCardBaseUrl(credentials);
	let failure: unknown;
	try {
		await helper.helpers.httpRequest({
			method: 'GET',
			url: `${baseUrl}${inOrganization(ORGANIZATION_PATH, credentials)}`,
			headers: { Accept: 'application/json', Authorization: `bearer ${token}` },
			json: true,
			timeout: loginTimeout(credentials),
		});
	} catch (caught) {
		failure = caught ?? 'failed';
	}
	if (!failure) return;
	// As for the login: never the HTTP error itself (its request holds the token).
	const { status, body, code } = responseOf(failure);
	const said = apiErrorText(body);
	throw new Error(
		scrub(
			status === 404
				? 'The login worked, but InstantCard has no organization with this Organization ID for this user. Check the Organization ID (InstantCard → organization settings).'
				: `The login worked, but reading the organization failed: ${status ? `HTTP ${status}` : networkReason(code)}${said ? ` ("${said}")` : ''}.`,
		),
	);
}

/**
 * A token for these credentials: a session another caller already opened or is opening (see
 * the rules above), or a new login. Returns the token and its binding to the values.
 */
export async function instantCardSession(
	helper: IHttpRequestHelper,
	credentials: IDataObject,
): Promise<{ sessionToken: string; sessionFor: string }> {
	registerSecrets([credentials.password, credentials.sessionToken]);
	const key = sessionKey(credentials);
	const held = String(credentials.sessionToken ?? '');
	const test = isCredentialTest(credentials);
	// Held and bound to these values, yet we are asked again: the server refused it (401).
	const heldRefused = !test && holdsBoundToken(credentials);
	if (heldRefused) noteRefused(held);

	const session = sessions.get(key);
	let token: string;
	if (session?.pending) {
		token = await session.pending;
	} else if (!test && session && usable(session, held, heldRefused)) {
		token = session.token as string;
	} else {
		const startedAt = Date.now();
		const pending = logIn(helper, credentials);
		sessions.delete(key); // re-insert at the end: the Map's order is the age order
		sessions.set(key, { pending, startedAt });
		if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
		let obtained: string | undefined;
		try {
			obtained = await pending;
		} finally {
			// A failed login is not remembered: the next caller tries again.
			if (obtained)
				sessions.set(key, { token: obtained, expiresAt: tokenExpiry(obtained), startedAt });
			else sessions.delete(key);
		}
		token = obtained;
	}
	if (test) await checkOrganization(helper, credentials, token);
	return { sessionToken: token, sessionFor: sessionFingerprint(credentials, token) };
}

/** The credential's `preAuthentication`: logs in (once per token lifetime and per changed values). */
export async function startSession(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
) {
	return await instantCardSession(this, credentials);
}

/** The credential's `authenticate`: the session token, or a login first when it was obtained with other values. */
export const sendSessionToken = boundAuthentication({
	secrets: (credentials) => [credentials.password, credentials.sessionToken],
	apiRoot: instantCardBaseUrl,
	path: inOrganization,
	usable: holdUsableToken,
	headers: (credentials) => ({ Authorization: `bearer ${String(credentials.sessionToken)}` }),
});

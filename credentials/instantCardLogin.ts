/**
 * InstantCard login, shared by every request that uses an `instantCardApi` credential.
 *
 * n8n calls a credential's `preAuthentication` whenever the stored token is empty, and again
 * after any 401. A declarative node starts all items' requests at once, so without help a run
 * over N items logs in N times, and a token that expires mid-run causes N re-logins. This
 * module makes every concurrent caller with the same login share one login, and lets callers
 * that present a token already replaced by a newer one take the newer one instead of logging
 * in again. Sessions are keyed by a hash of URL, email, password and organization, so a changed
 * password never reuses an old session and no secret is kept as a key.
 */
import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { apiErrorText, responseOf } from '../nodes/shared/errors';
import { networkReason } from '../nodes/shared/network';

interface Session {
	token?: string;
	/** Milliseconds since epoch, from the JWT's `exp` when it has one. */
	expiresAt?: number;
	pending?: Promise<string>;
}

/** Tokens this close to expiry are not handed to a new caller: its request could outlive them. */
const EXPIRY_MARGIN_MS = 60_000;
/** Distinct credentials a process keeps sessions for; the oldest is forgotten past this. */
const MAX_SESSIONS = 500;

const sessions = new Map<string, Session>();

/** The API root the credential points at, as an n8n expression (same rule as below). */
export const INSTANTCARD_BASE_URL =
	"={{ ($credentials.environment === 'custom' ? $credentials.url : $credentials.environment).trim().replace(/\\/+$/, '') }}";

/** The API root the credential points at, without a trailing slash. */
export function instantCardBaseUrl(credentials: IDataObject): string {
	// The environment option's value is the URL itself, except for "custom".
	const environment = String(credentials.environment ?? '');
	const url = environment === 'custom' ? String(credentials.url ?? '') : environment;
	return url.trim().replace(/\/+$/, '');
}

function sessionKey(credentials: IDataObject): string {
	return createHash('sha256')
		.update(
			JSON.stringify([
				instantCardBaseUrl(credentials),
				String(credentials.email ?? '')
					.trim()
					.toLowerCase(),
				String(credentials.password ?? ''),
				String(credentials.organizationId ?? '').trim(),
			]),
		)
		.digest('hex');
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

function isFresh(session: Session): boolean {
	return (
		!!session.token &&
		(session.expiresAt === undefined || session.expiresAt - EXPIRY_MARGIN_MS > Date.now())
	);
}

function loginFailureText(error: unknown, baseUrl: string, email: string): string {
	const { status, body, code } = responseOf(error);
	const said = apiErrorText(body);
	if (status === 401 || status === 403) {
		return `InstantCard refused the login for ${email}${said ? `: "${said}"` : ''}. Check the email and password of the credential.`;
	}
	if (status !== undefined) {
		return `InstantCard answered the login with HTTP ${status}${said ? `: "${said}"` : ''}. Check the credential's environment/URL.`;
	}
	return `Could not reach InstantCard at ${baseUrl} (${networkReason(code)}). Check the credential's environment/URL and the network.`;
}

async function logIn(helper: IHttpRequestHelper, credentials: IDataObject): Promise<string> {
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
	if (!/^\d+$/.test(String(credentials.organizationId ?? '').trim())) {
		throw new Error(
			'The InstantCard organization ID must be a number, e.g. 20003827 (shown in InstantCard under your organization settings).',
		);
	}

	let answer: IDataObject | undefined;
	let failure: unknown;
	try {
		answer = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/authenticate`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: { email, password: credentials.password },
			json: true,
		})) as IDataObject;
	} catch (caught) {
		failure = caught ?? 'failed';
	}
	// Never rethrow the HTTP error itself: its request config holds the password.
	if (failure) throw new Error(loginFailureText(failure, baseUrl, email));

	const token = typeof answer?.auth_token === 'string' ? answer.auth_token : '';
	if (!token) {
		// Older InstantCard servers answer a bad login with HTTP 200 and {"error": "..."}.
		const said = typeof answer?.error === 'string' ? answer.error : undefined;
		throw new Error(
			`InstantCard refused the login for ${email}${said ? `: "${said}"` : ' (no token in its answer)'}. Check the email and password of the credential.`,
		);
	}
	return token;
}

/**
 * Returns a token for these credentials: a session another caller already opened or is opening,
 * or a new login. `credentials.sessionToken` is the token the caller holds (empty, or one the
 * server just rejected with 401).
 */
export async function instantCardSessionToken(
	helper: IHttpRequestHelper,
	credentials: IDataObject,
): Promise<string> {
	const key = sessionKey(credentials);
	const held = String(credentials.sessionToken ?? '');
	const session = sessions.get(key);

	if (session?.pending) return await session.pending;
	if (session && isFresh(session) && session.token !== held) return session.token as string;

	const pending = logIn(helper, credentials);
	sessions.delete(key); // re-insert at the end: the Map's order is the age order
	sessions.set(key, { pending });
	if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
	let token: string | undefined;
	try {
		token = await pending;
		return token;
	} finally {
		// A failed login is not remembered: the next caller tries again.
		if (token) sessions.set(key, { token, expiresAt: tokenExpiry(token) });
		else sessions.delete(key);
	}
}

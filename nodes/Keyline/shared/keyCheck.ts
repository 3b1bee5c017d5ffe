/**
 * Checks a Keyline credential before it is used: the key's format first (no request), then a
 * probe that tells a rejected key from an unreachable host or a URL that is not an Inbox API.
 *
 * n8n's declarative credential-test rules cannot do this: the Inbox API has no endpoint that
 * answers 2xx without an existing cart or order, so "key accepted, cart not found" and "wrong
 * URL, page not found" are both a 404 to them. The probe asks for cart 0, which never exists:
 * - 401 / 403: the key was not received / was rejected;
 * - 404 without a body (what the Keyline documentation gives its 404s): an Inbox API;
 * - 404 with an HTML page: a web page, not the Inbox API;
 * - 404 with any other body: asked once more without the key. The Inbox API answers 401
 *   (it asks every request for a key); another API answers the unknown path with 404 again;
 * - 2xx or a redirect for cart 0: not an Inbox API; 5xx: a server problem, said as such.
 *
 * One check per key and URL per process at a time: concurrent items share it, and only the
 * caller that made it stores the result, so n8n saves the credential once.
 */
import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { isTimeout, networkCode, networkReason } from '../../shared/network';
import { registerSecrets, scrub } from '../../shared/secrets';
import { formatDuration } from '../../shared/timeouts';
import { boundAuthentication, isCredentialTest, loginTimeout } from '../../shared/binding';

export const KEYLINE_DEFAULT_URL = 'https://app.keyline-mis.com/api/v2/inbox';

/** Key checks remembered as passed in this process (fingerprint → when); bounded. */
const verified = new Map<string, number>();
const MAX_VERIFIED = 500;
/** Key checks under way, by fingerprint. */
const pending = new Map<string, Promise<void>>();

/**
 * The key as Keyline expects it: people paste it with the "Bearer " prefix, or with spaces and
 * line breaks (a key copied across two lines); a key never contains white space.
 */
export function keylineApiKey(credentials: IDataObject): string {
	return String(credentials.apiKey ?? '')
		.trim()
		.replace(/^Bearer\s+/i, '')
		.replace(/\s+/g, '');
}

export function keylineBaseUrl(credentials: IDataObject): string {
	return String(credentials.baseUrl || KEYLINE_DEFAULT_URL)
		.trim()
		.replace(/\/+$/, '');
}

/** Explains what is wrong with the key's format, or returns undefined when it is 64 hex characters. */
export function keylineKeyFormatProblem(key: string): string | undefined {
	if (/^[0-9a-fA-F]{64}$/.test(key)) return undefined;
	const base = 'A Keyline API key is 64 characters, each 0-9 or a-f (Keyline → Settings → API).';
	if (!key) return `The Keyline API key is empty. ${base}`;
	const foreign = [...new Set(key.replace(/[0-9a-fA-F]/g, ''))];
	if (foreign.length) {
		const shown = foreign
			.slice(0, 5)
			.map((c) => `"${c}"`)
			.join(', ');
		return `The Keyline API key contains characters a key never has (${shown}). ${base}`;
	}
	return `The Keyline API key has ${key.length} characters instead of 64: part of it may be missing or doubled. ${base}`;
}

/** A fingerprint of what was verified, so the hidden field never holds the key itself. */
export function keylineFingerprint(credentials: IDataObject): string {
	return createHash('sha256')
		.update(`${keylineBaseUrl(credentials)}\n${keylineApiKey(credentials)}`)
		.digest('hex')
		.slice(0, 16);
}

/** Whether the key and URL in the credential have passed the check (stored, or in this process). */
export function keylineKeyVerified(credentials: IDataObject): boolean {
	const fingerprint = keylineFingerprint(credentials);
	return credentials.verifiedKey === fingerprint || verified.has(fingerprint);
}

/**
 * For `authenticate`: whether the key may be sent without a check — it passed (stored, or in
 * this process), or a check under way passes (waited for; a failing one fails this caller too).
 */
export async function keylineKeyUsable(credentials: IDataObject): Promise<boolean> {
	if (keylineKeyVerified(credentials)) return true;
	const running = pending.get(keylineFingerprint(credentials));
	if (!running) return false;
	await running;
	return keylineKeyVerified(credentials);
}

interface ProbeAnswer {
	status: number;
	body: string;
	contentType: string;
	location?: string;
}

async function probe(
	helper: IHttpRequestHelper,
	baseUrl: string,
	key: string | undefined,
	timeout: number,
): Promise<ProbeAnswer> {
	let failure: unknown;
	try {
		// Cart 0 never exists: a valid key gets the API's 404, never a side effect.
		const response = (await helper.helpers.httpRequest({
			method: 'GET',
			url: `${baseUrl}/carts/0`,
			headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			json: false,
			encoding: 'text',
			timeout,
		})) as { statusCode: number; body: unknown; headers: IDataObject };
		return {
			status: response.statusCode,
			body: typeof response.body === 'string' ? response.body : String(response.body ?? ''),
			contentType: String(response.headers?.['content-type'] ?? ''),
			location: response.headers?.location as string | undefined,
		};
	} catch (caught) {
		failure = caught ?? 'failed';
	}
	if (isTimeout(failure)) {
		throw new Error(
			`Keyline at ${baseUrl} did not answer the key check within ${formatDuration(timeout)}. Check the base URL and that this n8n can reach it.`,
		);
	}
	throw new Error(
		`Could not reach Keyline at ${baseUrl} (${networkReason(networkCode(failure))}). Check the base URL and that this n8n can reach it.`,
	);
}

const isHtml = (answer: ProbeAnswer) =>
	answer.contentType.includes('html') || /^\s*</.test(answer.body);

/** The first ~100 characters of an answer, scrubbed, for a message. */
const excerpt = (answer: ProbeAnswer) => {
	const text = scrub(answer.body.replace(/\s+/g, ' ').trim());
	return text.length > 100 ? `${text.slice(0, 100)}…` : text;
};

async function check(helper: IHttpRequestHelper, credentials: IDataObject): Promise<void> {
	const key = keylineApiKey(credentials);
	const problem = keylineKeyFormatProblem(key);
	if (problem) throw new Error(problem);
	const baseUrl = keylineBaseUrl(credentials);
	if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) {
		throw new Error(
			`The Keyline base URL "${baseUrl}" is not a web address. It usually is ${KEYLINE_DEFAULT_URL}.`,
		);
	}
	const timeout = loginTimeout(credentials);
	const notInbox = (what: string) =>
		new Error(
			`${baseUrl} is not a Keyline Inbox API: ${what}. Check the base URL: it usually is ${KEYLINE_DEFAULT_URL} (or the same path on your Keyline host).`,
		);

	const answer = await probe(helper, baseUrl, key, timeout);
	const { status } = answer;
	if (status === 401) {
		throw new Error(
			`Keyline answered 401: it did not receive the API key. Check the API key field, and that ${baseUrl} is your Keyline's Inbox API (a proxy in between may drop the Authorization header).`,
		);
	}
	if (status === 403) {
		throw new Error(
			'Keyline rejected this API key (403 "Bad token"). It may have been revoked or belong to another Keyline account: create or copy one in Keyline → Settings → API.',
		);
	}
	if (status >= 500) {
		throw new Error(
			`Keyline at ${baseUrl} answered the key check with HTTP ${status}: a problem on the server's side, not with the key or the URL. Try again in a few minutes.`,
		);
	}
	if (status >= 300 && status < 400) {
		throw notInbox(`it redirected the API request to ${answer.location ?? 'another page'}`);
	}
	if (status < 300) {
		throw notInbox(`it answered HTTP ${status} for cart 0, which Keyline never has`);
	}
	if (status !== 404) throw notInbox(`it answered HTTP ${status} ("${excerpt(answer)}")`);
	if (!answer.body.trim()) return; // the documented 404
	if (isHtml(answer)) throw notInbox('it answered with a web page (HTML), not the API');
	// A 404 with a body: Keyline's own, or another API's "no such path". Keyline asks every
	// request for a key; another API does not care about one for a path it does not have.
	const withoutKey = await probe(helper, baseUrl, undefined, timeout);
	if (withoutKey.status === 401 || withoutKey.status === 403) return;
	throw notInbox(
		`it does not ask for an API key (cart 0 without a key: HTTP ${withoutKey.status}; with the key: 404 "${excerpt(answer)}")`,
	);
}

/**
 * Runs the key check for `preAuthentication`, shared by concurrent callers. Returns the
 * fingerprint to store for the caller that ran the check, and nothing for those that joined it
 * (they use the process's record), so n8n saves the credential once.
 */
export async function verifyKeylineCredential(
	helper: IHttpRequestHelper,
	credentials: IDataObject,
): Promise<{ verifiedKey?: string }> {
	registerSecrets([credentials.apiKey, keylineApiKey(credentials)]);
	const fingerprint = keylineFingerprint(credentials);
	// Asked again for a key that had passed: Keyline answered 401, or this is a Test. Check again.
	if (isCredentialTest(credentials) || keylineKeyVerified(credentials))
		verified.delete(fingerprint);
	const running = pending.get(fingerprint);
	if (running) {
		await running;
		return {};
	}
	if (verified.has(fingerprint)) return {};
	const run = check(helper, credentials).catch((error: Error) => {
		throw new Error(scrub(error.message));
	});
	pending.set(fingerprint, run);
	try {
		await run;
	} finally {
		pending.delete(fingerprint);
	}
	verified.delete(fingerprint);
	verified.set(fingerprint, Date.now());
	if (verified.size > MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
	return { verifiedKey: fingerprint };
}

/**
 * The credential's `preAuthentication`: checks the key's format and tells a rejected key from a
 * wrong URL, before the first request with a key or URL not checked yet, after a 401, and on
 * every credential Test.
 */
export async function checkKey(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
) {
	return await verifyKeylineCredential(this, credentials);
}

/** The credential's `authenticate`: the key, or the key check first when this key and URL have not passed it. */
export const sendKey = boundAuthentication({
	secrets: (credentials) => [credentials.apiKey, keylineApiKey(credentials)],
	apiRoot: keylineBaseUrl,
	usable: keylineKeyUsable,
	headers: (credentials) => ({ Authorization: `Bearer ${keylineApiKey(credentials)}` }),
});

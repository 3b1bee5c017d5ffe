/**
 * Checks a Keyline credential before it is used: the key's format first (no request), then one
 * probe request that tells a rejected key from an unreachable or wrong URL.
 *
 * n8n's declarative credential-test rules cannot do this: the Inbox API has no endpoint that
 * answers 2xx without an existing cart or order, so "key accepted, cart not found" and "wrong
 * URL, page not found" are both a 404 to them. The probe reads the 404's body instead: the
 * Inbox API answers in JSON, a wrong URL does not.
 */
import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { networkCode, networkReason } from '../nodes/shared/network';

export const KEYLINE_DEFAULT_URL = 'https://app.keyline-mis.com/api/v2/inbox';

/** The Authorization header n8n adds to every request: the same rule as `keylineApiKey`. */
export const KEYLINE_AUTHORIZATION =
	"=Bearer {{ $credentials.apiKey.trim().replace(/^Bearer\\s+/i, '') }}";

/** `keylineBaseUrl` as an n8n expression, for requests n8n builds itself. */
export const KEYLINE_BASE_URL = `={{ ($credentials.baseUrl || '${KEYLINE_DEFAULT_URL}').trim().replace(/\\/+$/, '') }}`;

/** The key as Keyline expects it: people paste it with spaces or with the "Bearer " prefix. */
export function keylineApiKey(credentials: IDataObject): string {
	return String(credentials.apiKey ?? '')
		.trim()
		.replace(/^Bearer\s+/i, '');
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
			.map((c) => (c === ' ' ? 'a space' : `"${c}"`))
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

export async function verifyKeylineCredential(
	helper: IHttpRequestHelper,
	credentials: IDataObject,
): Promise<string> {
	const key = keylineApiKey(credentials);
	const problem = keylineKeyFormatProblem(key);
	if (problem) throw new Error(problem);
	const baseUrl = keylineBaseUrl(credentials);
	if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) {
		throw new Error(
			`The Keyline base URL "${baseUrl}" is not a web address. It usually is ${KEYLINE_DEFAULT_URL}.`,
		);
	}

	let status = 0;
	let body: unknown;
	let contentType = '';
	let unreachable: unknown;
	try {
		// Cart 0 never exists: a valid key gets the API's JSON 404, never a side effect.
		const response = (await helper.helpers.httpRequest({
			method: 'GET',
			url: `${baseUrl}/carts/0`,
			headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			json: false,
			encoding: 'text',
		})) as { statusCode: number; body: unknown; headers: IDataObject };
		status = response.statusCode;
		body = response.body;
		contentType = String(response.headers?.['content-type'] ?? '');
	} catch (caught) {
		unreachable = caught ?? 'failed';
	}
	if (unreachable) {
		throw new Error(
			`Could not reach Keyline at ${baseUrl} (${networkReason(networkCode(unreachable))}). Check the base URL and that this n8n can reach it.`,
		);
	}

	if (status === 401) {
		throw new Error(
			'Keyline answered 401: it did not receive the API key. Check the API key field.',
		);
	}
	if (status === 403) {
		throw new Error(
			'Keyline rejected this API key (403 "Bad token"). It may have been revoked or belong to another Keyline account: create or copy one in Keyline → Settings → API.',
		);
	}
	let isJson = contentType.includes('json');
	if (!isJson && typeof body === 'string') {
		try {
			JSON.parse(body);
			isJson = true;
		} catch {
			isJson = false;
		}
	}
	if (isJson && (status < 300 || status === 404)) return keylineFingerprint(credentials);
	throw new Error(
		`${baseUrl} answered HTTP ${status}${isJson ? '' : ' with a page that is not from the Keyline Inbox API'}. Check the base URL: it usually is ${KEYLINE_DEFAULT_URL} (or the same path on your Keyline host).`,
	);
}

/**
 * Secrets of the credentials this process has used, and the one scrubber every text from a
 * server passes through before it reaches an error, an output item, run data or a log.
 *
 * Debug pages and proxies answer a failed request with the request itself (headers, form body,
 * query), so an API's error text can hold the session token, the API key or the password. The
 * credentials register their secrets each time they are used (authenticate, login), in every
 * spelling a server could echo them in; any text is scrubbed of all of them.
 */
/** A secret shorter than this is not searched for: it would blank ordinary words. */
const MIN_LENGTH = 4;
/** Spellings kept at most (oldest dropped first): bounded however many credentials a process serves. */
const MAX_SPELLINGS = 4000;
const MASK = '***';

/** Every spelling; the Map's order is the age order. */
const spellings = new Map<string, true>();
/** `spellings` longest first, rebuilt after a change. */
let ordered: string[] | undefined;
/** The secrets already registered, so registering on every request costs a lookup. */
const known = new Set<string>();

function add(spelling: string): void {
	if (spelling.length < MIN_LENGTH) return;
	ordered = undefined;
	spellings.delete(spelling);
	spellings.set(spelling, true);
	if (spellings.size > MAX_SPELLINGS) spellings.delete(spellings.keys().next().value as string);
}

/** The ways a server may echo `value`: raw, URL-encoded (form and query), JSON-escaped, Base64. */
function spellingsOf(value: string): string[] {
	const json = JSON.stringify(value).slice(1, -1);
	return [
		value,
		encodeURIComponent(value),
		encodeURIComponent(value).replace(/%20/g, '+'),
		json,
		json.replace(/\//g, '\\/'),
		Buffer.from(value).toString('base64'),
	];
}

/**
 * Registers secrets (a token, a key, a password). `basicUser` also registers the Base64 of
 * `user:password`, as sent in a Basic Authorization header.
 */
export function registerSecrets(values: unknown[], basicUser?: string): void {
	for (const raw of values) {
		if (typeof raw !== 'string' || raw.trim().length < MIN_LENGTH) continue;
		const key = `${basicUser ?? ''}\n${raw}`;
		if (known.has(key)) continue;
		known.add(key);
		if (known.size > MAX_SPELLINGS) known.clear(); // re-registered on next use; spellings stay
		for (const spelling of spellingsOf(raw)) add(spelling);
		if (raw.trim() !== raw) for (const spelling of spellingsOf(raw.trim())) add(spelling);
		if (basicUser !== undefined) add(Buffer.from(`${basicUser}:${raw}`).toString('base64'));
	}
}

/** `text` with every registered secret replaced by `***`. */
export function scrub(text: string): string {
	if (!text || spellings.size === 0) return text;
	let out = text;
	// Longest first, so a secret's Base64 or encoded form is masked whole, not in pieces.
	ordered ??= [...spellings.keys()].sort((a, b) => b.length - a.length);
	for (const spelling of ordered) {
		if (out.includes(spelling)) out = out.split(spelling).join(MASK);
	}
	return out;
}

/** A copy of any JSON-like value with every string scrubbed (keys too). */
export function scrubValue<T>(value: T, depth = 0): T {
	if (typeof value === 'string') return scrub(value) as T;
	if (!value || typeof value !== 'object' || depth > 20) return value;
	if (Buffer.isBuffer(value)) return scrub(value.toString('utf8')) as T;
	if (Array.isArray(value)) return value.map((entry) => scrubValue(entry, depth + 1)) as T;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		out[scrub(key)] = scrubValue(entry, depth + 1);
	}
	return out as T;
}

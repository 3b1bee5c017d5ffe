/**
 * Login tokens. They look like the old server's JWTs (HS256, payload `{user_id, exp}` with `exp` in
 * seconds of the virtual clock) so clients can read the expiry, but the sandbox decides validity
 * from its own table: a token it did not issue, or one marked expired, is refused.
 */
import { createHmac, randomBytes } from 'node:crypto';

interface TokenRecord {
	userId: number;
	/** Seconds since epoch, as in the payload. */
	exp: number;
	/** Forced expiry (control action or `expireToken` fault), whatever `exp` says. */
	expired: boolean;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenStore {
	private tokens = new Map<string, TokenRecord>();
	private issued = 0;
	private readonly secret = randomBytes(32);

	/** A new token on every call: `jti` differs even for logins in the same second. */
	issue(userId: number, nowMs: number, lifetimeSeconds: number): string {
		const iat = Math.floor(nowMs / 1000);
		const exp = iat + lifetimeSeconds;
		const head = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({
			user_id: userId,
			exp,
			iat,
			jti: ++this.issued,
		})}`;
		const token = `${head}.${createHmac('sha256', this.secret).update(head).digest('base64url')}`;
		this.tokens.set(token, { userId, exp, expired: false });
		return token;
	}

	/** The user of a valid token, or undefined when the token is unknown or expired. */
	verify(token: string, nowMs: number): number | undefined {
		const record = this.tokens.get(token);
		if (!record || record.expired || record.exp * 1000 <= nowMs) return undefined;
		return record.userId;
	}

	/** Marks one token expired; false when it was never issued. */
	expire(token: string): boolean {
		const record = this.tokens.get(token);
		if (record) record.expired = true;
		return !!record;
	}

	/**
	 * Marks every token of one user expired (single session: a new login ends the others);
	 * returns how many were still valid.
	 */
	expireUser(userId: number, nowMs: number): number {
		let live = 0;
		for (const [token, record] of this.tokens) {
			if (record.userId !== userId) continue;
			if (this.verify(token, nowMs) !== undefined) live++;
			record.expired = true;
		}
		return live;
	}

	/** Marks every issued token expired; returns how many were still valid. */
	expireAll(nowMs: number): number {
		let live = 0;
		for (const [token, record] of this.tokens) {
			if (this.verify(token, nowMs) !== undefined) live++;
			record.expired = true;
		}
		return live;
	}

	counts(nowMs: number): { issued: number; valid: number } {
		let valid = 0;
		for (const token of this.tokens.keys()) if (this.verify(token, nowMs) !== undefined) valid++;
		return { issued: this.tokens.size, valid };
	}
}

/** The token of an `Authorization: bearer <token>` header (scheme in any case), if any. */
export function bearerToken(header: string | undefined): string | undefined {
	return /^bearer\s+(\S+)\s*$/i.exec((header ?? '').trim())?.[1];
}

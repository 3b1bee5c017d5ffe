/**
 * Network failure codes in words. n8n replaces any error message that contains a raw code such
 * as ECONNREFUSED with its own generic sentence, which would hide which service and URL failed.
 */
const REASONS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host name not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
	ECONNRESET: 'the connection was dropped before an answer came',
	EPIPE: 'the connection was dropped',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
};

export function networkReason(code: string | undefined, fallback = 'no answer'): string {
	if (!code) return fallback;
	return REASONS[code] ?? code.toLowerCase().replace(/^e/, '').replace(/_/g, ' ');
}

/** The failure code of an error thrown by n8n's request helpers, wherever it sits. */
export function networkCode(error: unknown): string | undefined {
	const e = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	const code = e.cause?.code ?? e.code;
	return typeof code === 'string' ? code : undefined;
}

/** Whether a request failed because it got no answer within its time bound. */
export function isTimeout(error: unknown): boolean {
	const code = networkCode(error);
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return true;
	const message = String((error as { message?: unknown })?.message ?? '');
	return /timeout of \d+ms exceeded|timed out/i.test(message);
}

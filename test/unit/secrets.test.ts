/** The one scrubber every server text passes through (nodes/shared/secrets.ts). */
import { registerSecrets, scrub, scrubValue } from '../../nodes/shared/secrets';

// The registry lives as long as the module: each test registers secrets of its own.

describe('scrub', () => {
	it('leaves text alone while nothing is registered', () => {
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const fresh =
				require('../../nodes/shared/secrets') as typeof import('../../nodes/shared/secrets');
			expect(fresh.scrub('token abcdef')).toBe('token abcdef');
		});
	});

	it('masks a secret raw, URL-encoded, form-encoded, JSON-escaped and in Base64', () => {
		const secret = 'p@ss word/"42"';
		registerSecrets([secret]);
		expect(scrub(`raw ${secret} end`)).toBe('raw *** end');
		expect(scrub(`query=${encodeURIComponent(secret)}`)).toBe('query=***');
		expect(scrub(`form=${encodeURIComponent(secret).replace(/%20/g, '+')}`)).toBe('form=***');
		expect(scrub(JSON.stringify({ password: secret }))).toBe('{"password":"***"}');
		expect(scrub(`b64 ${Buffer.from(secret).toString('base64')}`)).toBe('b64 ***');
	});

	it('masks the JSON form with escaped slashes too', () => {
		const secret = 'http://key/with/slashes';
		registerSecrets([secret]);
		expect(scrub('"http:\\/\\/key\\/with\\/slashes"')).toBe('"***"');
	});

	it('masks the Base64 of user:password as a Basic header sends it', () => {
		registerSecrets(['basic-pass-99'], 'ada@example.com');
		const header = Buffer.from('ada@example.com:basic-pass-99').toString('base64');
		expect(scrub(`Authorization: Basic ${header}`)).toBe('Authorization: Basic ***');
	});

	it('also masks the trimmed form of a secret given with spaces around it', () => {
		registerSecrets(['  padded-secret-1  ']);
		expect(scrub('echo padded-secret-1!')).toBe('echo ***!');
	});

	it('does not register values too short to be told from ordinary words, or that are not text', () => {
		registerSecrets(['abc', '   ', 12345678, null, undefined, { token: 'object-token' }]);
		expect(scrub('abc 12345678 object-token')).toBe('abc 12345678 object-token');
	});

	it('masks a longer secret whole, not in pieces, when a shorter one is inside it', () => {
		registerSecrets(['inner', 'outer-inner-outer']);
		expect(scrub('x outer-inner-outer y inner')).toBe('x *** y ***');
	});
});

describe('scrubValue', () => {
	it('scrubs every string of a JSON-like value, keys included, without changing the original', () => {
		registerSecrets(['value-secret-5']);
		const original = {
			message: 'bad value-secret-5',
			nested: [{ 'value-secret-5': 1, list: ['value-secret-5', 7, null, true] }],
		};
		expect(scrubValue(original)).toEqual({
			message: 'bad ***',
			nested: [{ '***': 1, list: ['***', 7, null, true] }],
		});
		expect(original.message).toBe('bad value-secret-5');
	});

	it('turns a Buffer into its scrubbed text', () => {
		registerSecrets(['buffer-secret-3']);
		expect(scrubValue(Buffer.from('echo buffer-secret-3'))).toBe('echo ***');
	});
});

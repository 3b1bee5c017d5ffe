/** The error text both nodes build from what an API answered (nodes/shared/errors.ts). */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	answerUnknown,
	apiErrorText,
	asNodeError,
	checkAnswer,
	fieldErrors,
	notTheApisAnswer,
	responseOf,
	toApiError,
	type ApiProfile,
} from '../../nodes/shared/errors';
import { registerSecrets } from '../../nodes/shared/secrets';
import { fakeContext, NODE, thrown } from './context';

const API: ApiProfile = { name: 'Keyline' };
const context = fakeContext({}, 3);
/** An error as n8n's request helper throws it for an HTTP answer. */
const httpError = (status: number, data: unknown, headers: Record<string, string> = {}) =>
	Object.assign(new Error(`Request failed with status code ${status}`), {
		cause: { response: { status, data, headers } },
	});

describe('apiErrorText', () => {
	it('has nothing to say for an empty body or an HTML page', () => {
		expect(apiErrorText(undefined)).toBeUndefined();
		expect(apiErrorText(null)).toBeUndefined();
		expect(apiErrorText('')).toBeUndefined();
		expect(apiErrorText('  <!DOCTYPE html><html><body>Bad Gateway</body></html>')).toBeUndefined();
	});

	it("reads InstantCard's {error: text} and {error: [texts]}", () => {
		expect(apiErrorText({ error: 'Card not found' })).toBe('Card not found');
		expect(apiErrorText({ error: ['Name is missing', 'Template is unknown'] })).toBe(
			'Name is missing; Template is unknown',
		);
	});

	it("names the fields of Keyline's {errors: {field: [messages]}}, 'base' without a name", () => {
		expect(
			apiErrorText({
				errors: {
					name: ['ist zu kurz', 'ist ungültig'],
					grain: 'ist kein gültiger Wert',
					base: ['Warenkorb ist leer'],
				},
			}),
		).toBe('name: ist zu kurz, ist ungültig; grain: ist kein gültiger Wert; Warenkorb ist leer');
	});

	it("reads Keyline's checkout list of one object per missing thing", () => {
		expect(apiErrorText({ errors: [{ customer: ['fehlt'] }, { carrier: ['fehlt'] }] })).toBe(
			'customer: fehlt; carrier: fehlt',
		);
	});

	it('parses a JSON text, and keeps other text trimmed to 300 characters', () => {
		expect(apiErrorText('{"message": "Rate limit exceeded"}')).toBe('Rate limit exceeded');
		expect(apiErrorText('  Service Unavailable \n')).toBe('Service Unavailable');
		expect(apiErrorText('x'.repeat(400))).toBe('x'.repeat(300));
	});

	it('says a bare value as it is, and a record without an error key not at all', () => {
		expect(apiErrorText(42)).toBe('42');
		expect(apiErrorText({ status: 'failed' })).toBeUndefined();
	});

	it('masks a registered secret the server echoed', () => {
		registerSecrets(['unit-errors-token-7f3a']);
		expect(apiErrorText({ error: 'invalid token unit-errors-token-7f3a' })).toBe(
			'invalid token ***',
		);
	});
});

describe('fieldErrors', () => {
	it('gives one entry per field and message, from an object or a list of objects', () => {
		expect(fieldErrors({ errors: { name: ['ist zu kurz', 'fehlt'], grain: 'ungültig' } })).toEqual([
			{ field: 'name', message: 'ist zu kurz' },
			{ field: 'name', message: 'fehlt' },
			{ field: 'grain', message: 'ungültig' },
		]);
		expect(fieldErrors({ errors: [{ customer: ['fehlt'] }, 'not an object'] })).toEqual([
			{ field: 'customer', message: 'fehlt' },
		]);
	});

	it('gives nothing when there are no field errors', () => {
		expect(fieldErrors({ error: 'Card not found' })).toEqual([]);
		expect(fieldErrors(undefined)).toEqual([]);
	});
});

describe('responseOf and answerUnknown', () => {
	it('finds status, body and headers in the cause, the error itself, or httpCode', () => {
		expect(responseOf(httpError(422, { errors: {} }, { 'retry-after': '5' }))).toEqual({
			status: 422,
			body: { errors: {} },
			headers: { 'retry-after': '5' },
			code: undefined,
		});
		expect(responseOf({ response: { status: 404, data: 'nope' } })).toMatchObject({
			status: 404,
			body: 'nope',
		});
		expect(responseOf({ httpCode: '503', context: { data: { error: 'down' } } })).toMatchObject({
			status: 503,
			body: { error: 'down' },
		});
		expect(responseOf({ cause: { code: 'ECONNRESET' } })).toMatchObject({
			status: undefined,
			code: 'ECONNRESET',
		});
		expect(responseOf(undefined)).toEqual({
			status: undefined,
			body: undefined,
			headers: undefined,
			code: undefined,
		});
	});

	it('a 5xx or no answer at all may have been carried out; a 4xx was not', () => {
		expect(answerUnknown(httpError(502, ''))).toBe(true);
		expect(answerUnknown(httpError(409, ''))).toBe(false);
		expect(answerUnknown({ code: 'ECONNRESET' })).toBe(true);
		expect(answerUnknown(new Error('timeout of 100ms exceeded'))).toBe(true);
		expect(answerUnknown(new Error('something else'))).toBe(false);
	});
});

describe('toApiError', () => {
	const request = {
		method: 'get',
		url: '/carts/9981',
		baseURL: 'https://app.keyline.de/api/v2/inbox',
	};

	it("puts the API's words in the message and what the status means in the description", () => {
		const error = toApiError(
			context,
			API,
			httpError(404, { error: 'Not found' }),
			request,
		) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Keyline: Not found');
		expect(error.httpCode).toBe('404');
		expect(error.description).toBe(
			'Keyline answered HTTP 404 to GET /carts/9981. It was not found. Check the ID, and that it belongs to the account in the credential.',
		);
	});

	it("prefers the API's own hint, adds the English of its words and when to retry after a 429", () => {
		const api: ApiProfile = {
			name: 'Keyline',
			hints: { 429: 'Keyline allows 10 requests a second.' },
			translate: (text) => (text === 'Zu viele Anfragen' ? 'Too many requests' : undefined),
		};
		const error = toApiError(
			context,
			api,
			httpError(429, { error: 'Zu viele Anfragen' }, { 'retry-after': '30' }),
			request,
		) as NodeApiError;
		expect(error.description).toBe(
			'Keyline answered HTTP 429 to GET /carts/9981. Keyline allows 10 requests a second. In English: Too many requests. It asks to retry after 30 seconds.',
		);
	});

	it('says a 5xx without text is a problem on the API side', () => {
		const error = toApiError(context, API, httpError(500, ''), request) as NodeApiError;
		expect(error.message).toBe('Keyline answered HTTP 500');
		expect(error.description).toBe(
			'Keyline answered HTTP 500 to GET /carts/9981. Keyline had an internal problem; try again later.',
		);
	});

	it('names the host and the time bound when no answer came in time', () => {
		const timedOut = Object.assign(new Error('timeout of 2000ms exceeded'), {
			code: 'ECONNABORTED',
		});
		const error = toApiError(context, API, timedOut, { ...request, timeout: 2000 });
		expect(error.message).toBe('Keyline at app.keyline.de did not answer within 2 s');
		expect((error as NodeApiError).description).toContain(
			'The request GET /carts/9981 got no answer within 2 s.',
		);
		expect(answerUnknown(error)).toBe(true);
	});

	it('says a network failure in words, not as a code', () => {
		const error = toApiError(
			context,
			API,
			Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
			request,
		);
		expect(error.message).toBe('Could not reach Keyline (connection refused)');
		expect((error as NodeApiError).description).toBe(
			"The request GET /carts/9981 got no answer. Check the credential's URL and the network.",
		);
	});

	it('passes on its own errors and errors without HTTP status unchanged', () => {
		const refusal = new NodeOperationError(NODE, 'Cart ID is empty');
		expect(toApiError(context, API, refusal, request)).toBe(refusal);
		const ours = new Error('InstantCard refused the login');
		expect(toApiError(context, API, ours, request)).toBe(ours);
		const built = toApiError(context, API, httpError(400, 'bad'), request);
		expect(toApiError(context, API, built, request)).toBe(built);
	});
});

describe('checkAnswer and notTheApisAnswer', () => {
	const request = { method: 'GET', url: '/orders' };
	const check =
		(body: unknown, expected: 'json' | 'list' = 'json', headers = {}, statusCode = 200) =>
		() =>
			checkAnswer(context, API, { statusCode, headers, body }, request, expected);

	it('lets JSON, an empty answer and non-2xx answers through', () => {
		expect(check({ order: { id: 1 } })).not.toThrow();
		expect(check(undefined)).not.toThrow();
		expect(check('')).not.toThrow();
		expect(check('<html>', 'json', {}, 502)).not.toThrow();
		expect(check([{ id: 1 }], 'list')).not.toThrow();
	});

	it('refuses an HTML page, JSON cut off and other text, saying which', () => {
		expect(thrown(check('<html><body>Maintenance</body></html>')).message).toBe(
			'Keyline answered GET /orders with a web page (HTML), not the JSON its API sends',
		);
		expect(thrown(check('{"order": {"id": 1')).message).toBe(
			'Keyline answered GET /orders with JSON that is cut off, not the JSON its API sends',
		);
		expect(thrown(check('OK')).message).toBe(
			'Keyline answered GET /orders with text that is not JSON, not the JSON its API sends',
		);
	});

	it('refuses anything but a list where a list is expected', () => {
		expect(thrown(check({ orders: [] }, 'list')).message).toBe(
			'Keyline answered GET /orders with JSON that is not a list, not the JSON list its API sends',
		);
	});

	it('quotes at most 100 characters of what came, in one line', () => {
		const error = notTheApisAnswer(context, API, request, {
			status: 200,
			contentType: 'text/html',
			kind: 'a web page (HTML)',
			expected: 'JSON',
			body: `<p>\n${'a'.repeat(200)}</p>`,
		});
		expect(error.description).toContain(`got HTTP 200 (text/html): "<p> ${'a'.repeat(96)}…"`);
		expect(error.httpCode).toBe('200');
	});
});

describe('asNodeError', () => {
	it("keeps n8n's errors and wraps anything else with its message", () => {
		const refusal = new NodeOperationError(NODE, 'no');
		expect(asNodeError(context, refusal)).toBe(refusal);
		const wrapped = asNodeError(context, new Error('socket hang up'));
		expect(wrapped).toBeInstanceOf(NodeApiError);
		expect(wrapped.message).toBe('socket hang up');
		expect(asNodeError(context, 'plain text').message).toBe('plain text');
	});
});

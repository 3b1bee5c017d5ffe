/** InstantCard print job helpers: card ID lists and the job's status (nodes/InstantCard/resources/printJob/helpers.ts). */
import {
	asBoolean,
	cardIdsJson,
	currentShippingProviderId,
	normalizePrintJob,
	parseCardIds,
	printJobName,
	statusCode,
} from '../../nodes/InstantCard/resources/printJob/helpers';
import { fakeContext, thrown } from './context';

const context = fakeContext({}, 1) as unknown as Parameters<typeof parseCardIds>[0];
const ids = (raw: unknown) => parseCardIds(context, raw);

describe('parseCardIds', () => {
	it('reads a typed list separated by commas, spaces or semicolons', () => {
		expect(ids('264561, 264562')).toEqual([264561, 264562]);
		expect(ids('264561 264562\n264563;264564')).toEqual([264561, 264562, 264563, 264564]);
	});

	it('reads a JSON array text, one number, or an array an expression gave', () => {
		expect(ids('[264561, "264562"]')).toEqual([264561, 264562]);
		expect(ids('[7]')).toEqual([7]);
		expect(ids(264561)).toEqual([264561]);
		expect(ids([264561, ' 264562 '])).toEqual([264561, 264562]);
	});

	it('drops repeats, keeping the first place', () => {
		expect(ids('3, 1, 3, 2, 1')).toEqual([3, 1, 2]);
	});

	it('gives no IDs for an empty field', () => {
		expect(ids('')).toEqual([]);
		expect(ids('  ')).toEqual([]);
		expect(ids(undefined)).toEqual([]);
		expect(ids(null)).toEqual([]);
	});

	it.each([
		['264561, abc', '"abc" is not a card ID (a positive whole number)'],
		['0', '"0" is not a card ID (a positive whole number)'],
		['1.5', '"1.5" is not a card ID (a positive whole number)'],
		[[{ id: 1 }], '"{"id":1}" is not a card ID (a positive whole number)'],
		['[1, 2', '"[1, 2" is not a valid list'],
		[true, 'expected a list of card IDs, not boolean'],
	])('refuses %p, naming the field', (raw, message) => {
		const error = thrown(() => parseCardIds(context, raw, 'Card IDs to Add'));
		expect(error.message).toBe(`Card IDs to Add: ${message}`);
		expect(error.context).toEqual(expect.objectContaining({ itemIndex: 1 }));
	});

	it('sends the IDs as the JSON array text the API parses, even one', () => {
		expect(cardIdsJson([264561])).toBe('[264561]');
		expect(cardIdsJson([1, 2])).toBe('[1,2]');
	});
});

describe('print job status', () => {
	it('reads a status as a number, numeric text or a name in any spelling', () => {
		expect(statusCode(2)).toBe(2);
		expect(statusCode('3')).toBe(3);
		expect(statusCode('In_Progress')).toBe(2);
		expect(statusCode('in progress')).toBe(2);
		expect(statusCode('NOT-PRINTED')).toBe(7);
	});

	it('knows no status outside the API list', () => {
		expect(statusCode(8)).toBeUndefined();
		expect(statusCode(1.5)).toBeUndefined();
		expect(statusCode('Paused')).toBeUndefined();
		expect(statusCode(null)).toBeUndefined();
	});

	it('adds status_name and status_code to a job, whichever the API sent', () => {
		expect(normalizePrintJob({ id: 1, status: 1 })).toEqual({
			id: 1,
			status: 1,
			status_name: 'Scheduled',
			status_code: 1,
		});
		expect(normalizePrintJob({ id: 1, status: 'Finished' })).toMatchObject({
			status_name: 'Finished',
			status_code: 3,
		});
		expect(normalizePrintJob({ id: 1, status: 'Paused' })).toMatchObject({
			status_name: 'Paused',
			status_code: null,
		});
		expect(normalizePrintJob({ id: 1, status: 42 })).toMatchObject({
			status_name: null,
			status_code: 42,
		});
		expect(normalizePrintJob({ id: 1 })).toEqual({ id: 1 });
	});

	it('names a job in a picker by ID, status and card count', () => {
		expect(printJobName({ id: 81001, status: 0, list_users: [{ total_users: 3 }] })).toBe(
			'#81001 · Created · 3 cards',
		);
		expect(printJobName({ id: 7, status: 'in_progress', list_users: [{ users_data: [{}] }] })).toBe(
			'#7 · In Progress · 1 card',
		);
		expect(printJobName({ id: 8 })).toBe('#8 · unknown status · 0 cards');
	});
});

describe('answers read by the print job operations', () => {
	it('finds the shipping provider ID flat or nested; none when missing or not an ID', () => {
		expect(currentShippingProviderId({ shipping_provider_id: '12' })).toBe(12);
		expect(currentShippingProviderId({ shipping_provider: { id: 5 } })).toBe(5);
		expect(currentShippingProviderId({ shipping_provider: null })).toBeUndefined();
		expect(currentShippingProviderId({ shipping_provider_id: 0 })).toBeUndefined();
		expect(currentShippingProviderId('12')).toBeUndefined();
	});

	it('reads a yes/no answer literal, as text, or under its key', () => {
		expect(asBoolean(true, 'has_balance')).toBe(true);
		expect(asBoolean(' FALSE ', 'has_balance')).toBe(false);
		expect(asBoolean({ has_balance: true }, 'has_balance')).toBe(true);
		expect(asBoolean('maybe', 'has_balance')).toBeUndefined();
	});
});

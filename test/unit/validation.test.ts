/** Checks of the user's input made before anything is sent (nodes/shared/validation.ts). */
import { NodeOperationError } from 'n8n-workflow';

import {
	isRecord,
	parseJsonParameter,
	refusal,
	requireChanges,
	toPositiveInteger,
	toWholeNumber,
} from '../../nodes/shared/validation';
import { resolveRoute } from '../../nodes/shared/route';
import { instantCard } from '../../nodes/InstantCard/shared/route';
import { fakeContext, thrown } from './context';

const context = fakeContext({}, 2);
const asExecute = (c: unknown) => c as Parameters<typeof parseJsonParameter>[0];

describe('isRecord', () => {
	it('is true for plain objects only', () => {
		expect(isRecord({})).toBe(true);
		expect(isRecord({ a: 1 })).toBe(true);
		expect(isRecord([])).toBe(false);
		expect(isRecord(null)).toBe(false);
		expect(isRecord('text')).toBe(false);
	});
});

describe('toPositiveInteger', () => {
	it('takes a number or digits, spaces around them allowed', () => {
		expect(toPositiveInteger(context, 7, 'Cart ID', '9981')).toBe(7);
		expect(toPositiveInteger(context, '264561', 'Card ID', '264561')).toBe(264561);
		expect(toPositiveInteger(context, ' 12 ', 'Card ID', '264561')).toBe(12);
	});

	it('says an empty value is empty', () => {
		const error = thrown(() => toPositiveInteger(context, '', 'Cart ID', '9981'));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Cart ID is empty');
		expect(error.description).toBe(
			'Enter the Cart ID as digits only, e.g. 9981, or map it from a previous node.',
		);
		expect(thrown(() => toPositiveInteger(context, undefined, 'Cart ID', '9981')).message).toBe(
			'Cart ID is empty',
		);
	});

	it.each([
		['0', '0'],
		['-1', '-1'],
		['1.5', '1.5'],
		['12a', '12a'],
		[1.5, '1.5'],
		['9007199254740993', '9007199254740993'],
	])('refuses %p, quoting it', (value, shown) => {
		expect(thrown(() => toPositiveInteger(context, value, 'Card ID', '264561')).message).toBe(
			`Card ID must be a positive whole number, not "${shown}"`,
		);
	});

	it('quotes at most 60 characters of a long value, and names the item', () => {
		const error = thrown(() => toPositiveInteger(context, 'x'.repeat(100), 'Card ID', '264561'));
		expect(error.message).toBe(`Card ID must be a positive whole number, not "${'x'.repeat(60)}"`);
		expect(error.context).toEqual(expect.objectContaining({ itemIndex: 2 }));
	});
});

describe('IDs in a path (the route builder, InstantCard)', () => {
	it('checks the value of each ID parameter, resource locators included', () => {
		const template = '/print_jobs/{printJobId}/cards/{cardId}';
		const good = fakeContext({
			cardId: { __rl: true, mode: 'id', value: '264561' },
			printJobId: '81001',
		});
		expect(resolveRoute(good as never, instantCard, 'DELETE', template).path).toBe(
			'/print_jobs/81001/cards/264561',
		);
		const bad = fakeContext({
			cardId: '264561',
			printJobId: { __rl: true, mode: 'id', value: 'abc' },
		});
		expect(thrown(() => resolveRoute(bad as never, instantCard, 'DELETE', template)).message).toBe(
			'Print Job ID must be a positive whole number, not "abc"',
		);
	});
});

describe('parseJsonParameter', () => {
	it('parses JSON text, passes an object from an expression through, and gives undefined for blank', () => {
		expect(
			parseJsonParameter(asExecute(fakeContext({ data: '{"a": [1, 2]}' })), 'data', 'Data'),
		).toEqual({ a: [1, 2] });
		const given = { already: 'object' };
		expect(parseJsonParameter(asExecute(fakeContext({ data: given })), 'data', 'Data')).toBe(given);
		expect(
			parseJsonParameter(asExecute(fakeContext({ data: '  ' })), 'data', 'Data'),
		).toBeUndefined();
	});

	it('names the field when the JSON is not valid', () => {
		const error = thrown(() =>
			parseJsonParameter(
				asExecute(fakeContext({ cardDataJson: '{"first_name": "Ada",}' })),
				'cardDataJson',
				'Card Data (JSON)',
			),
		);
		expect(error.message).toBe('Card Data (JSON) is not valid JSON');
		expect(error.description).toMatch(
			/Check quotes and commas, or switch the field to an expression\.$/,
		);
	});
});

describe('requireChanges and refusal', () => {
	it('refuses an update that would change nothing, with the hint', () => {
		const error = thrown(() => requireChanges(asExecute(context), {}, 'Add a field to change.'));
		expect(error.message).toBe('Nothing to update');
		expect(error.description).toBe('Add a field to change.');
		expect(() => requireChanges(asExecute(context), { name: 'x' }, 'hint')).not.toThrow();
	});

	it('builds a NodeOperationError for the item with a description', () => {
		const error = refusal(context, 'Zip Code is empty', 'Enter the Zip Code.');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Zip Code is empty');
		expect(error.description).toBe('Enter the Zip Code.');
		expect(error.context.itemIndex).toBe(2);
	});
});

describe('toWholeNumber', () => {
	const field = { label: 'Look-Ahead', min: 1, max: 1000, description: 'e.g. 50' };

	it('takes a number or digits within the bounds', () => {
		expect(toWholeNumber(context, 50, field)).toBe(50);
		expect(toWholeNumber(context, ' 1000 ', field)).toBe(1000);
		expect(toWholeNumber(context, '1', field)).toBe(1);
	});

	it.each([
		['0', '0'],
		[1001, '1001'],
		['-1', '-1'],
		['2.5', '2.5'],
		['0x10', '0x10'],
		['1e3', '1e3'],
		['ten', 'ten'],
	])('refuses %p, naming the bounds', (value, shown) => {
		const error = thrown(() => toWholeNumber(context, value, field));
		expect(error.message).toBe(`Look-Ahead must be a whole number from 1 to 1000, not "${shown}"`);
		expect(error.description).toBe('e.g. 50');
	});

	it('without an upper bound says "or more"; empty is empty', () => {
		const open = { label: 'Limit', min: 1, description: '' };
		expect(thrown(() => toWholeNumber(context, 0, open)).message).toBe(
			'Limit must be a whole number of 1 or more, not "0"',
		);
		expect(thrown(() => toWholeNumber(context, '', open)).message).toBe('Limit is empty');
	});
});

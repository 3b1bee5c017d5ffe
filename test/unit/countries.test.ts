/** Country codes Keyline takes, and the mix-ups people make (nodes/Keyline/resources/address). */
import {
	COUNTRY_CODE_MIXUPS,
	COUNTRY_CODES,
} from '../../nodes/Keyline/resources/address/countries';
import { checkCountryCode } from '../../nodes/Keyline/resources/address/fields';
import { fakeContext, thrown } from './context';

const context = fakeContext() as unknown as Parameters<typeof checkCountryCode>[0];

describe('country codes', () => {
	it('knows every ISO 3166-1 alpha-2 code, and only those', () => {
		expect(COUNTRY_CODES.size).toBe(249);
		for (const code of ['DE', 'AT', 'CH', 'GB', 'US', 'AX', 'ZW'])
			expect(COUNTRY_CODES.has(code)).toBe(true);
		for (const code of ['UK', 'EL', 'EU', 'DEU', 'de', ''])
			expect(COUNTRY_CODES.has(code)).toBe(false);
		expect([...COUNTRY_CODES].every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
	});

	it('points each usual mix-up at a real code', () => {
		for (const [wrong, use] of Object.entries(COUNTRY_CODE_MIXUPS)) {
			expect(COUNTRY_CODES.has(wrong)).toBe(false);
			expect(COUNTRY_CODES.has(use.slice(0, 2))).toBe(true);
		}
		expect(COUNTRY_CODE_MIXUPS.UK).toBe('GB for the United Kingdom');
	});
});

describe('checkCountryCode', () => {
	it('takes a code in any case, trimmed, and gives it in capitals', () => {
		expect(checkCountryCode(context, 'de')).toBe('DE');
		expect(checkCountryCode(context, ' Gb ')).toBe('GB');
	});

	it('says which code to use for a usual mix-up', () => {
		const error = thrown(() => checkCountryCode(context, 'uk'));
		expect(error.message).toBe('Country Code "uk" is not a two-letter ISO 3166-1 country code');
		expect(error.description).toBe('Use GB for the United Kingdom.');
		expect(thrown(() => checkCountryCode(context, 'DEU')).description).toBe('Use DE for Germany.');
	});

	it('gives examples for any other unknown code, and refuses an empty one', () => {
		expect(thrown(() => checkCountryCode(context, 'XX')).description).toBe(
			'Use the two-letter code, e.g. DE for Germany, AT for Austria, CH for Switzerland, GB for the United Kingdom.',
		);
		expect(thrown(() => checkCountryCode(context, '  ')).message).toBe('Country Code is empty');
	});
});

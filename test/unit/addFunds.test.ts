/**
 * Add Funds checks the payment card before anything is sent, and masks card data wherever it
 * could come back (nodes/InstantCard/resources/organization/addFunds.ts). The checks run through
 * the operation's body step with a stand-in context; nothing is sent.
 */
import {
	buildAddFundsBody,
	maskCardData,
} from '../../nodes/InstantCard/resources/organization/addFunds';
import { ADD_FUNDS_FORM, NEXT_YEAR } from '../fixtures/instantcard';
import { fakeContext, rejected } from './context';

const VALID = {
	amount: 50,
	cardNumber: '4242 4242 4242 4242',
	cvc: '123',
	expMonth: 12,
	expYear: NEXT_YEAR,
	fullName: ' Ada Lovelace ',
	billingAddress: {
		address1: '1200 Congress Ave',
		address2: '',
		city: 'Austin',
		zipCode: '78701',
		country: 'US',
	},
};

/** The form body Add Funds would send for these parameters. */
async function body(overrides: Record<string, unknown> = {}) {
	const fields = await buildAddFundsBody.call(fakeContext({ ...VALID, ...overrides }) as never);
	return fields as Record<string, string>;
}
async function refusal(overrides: Record<string, unknown>) {
	return await rejected(body(overrides));
}

describe('Add Funds: the payment body', () => {
	it('sends digits only, the amount with 2 decimals, the expiry as text and the billing fields given', async () => {
		expect(await body()).toEqual(ADD_FUNDS_FORM);
	});

	it('takes a two-digit year as 20xx and an amount with cents', async () => {
		const twoDigits = NEXT_YEAR % 100;
		expect(await body({ expYear: twoDigits, amount: 49.99 })).toMatchObject({
			exp_year: String(NEXT_YEAR),
			amount: '49.99',
		});
	});

	it.each([
		['a Visa test number with dashes', '4242-4242-4242-4242'],
		['a Mastercard', '5555555555554444'],
		['a 15-digit Amex', '378282246310005'],
		['a Discover', '6011111111111117'],
	])('passes the Luhn check for %s', async (_name, cardNumber) => {
		expect((await body({ cardNumber })).number).toBe(cardNumber.replace(/-/g, ''));
	});
});

describe('Add Funds: refused before sending', () => {
	it('refuses a number whose check digit does not match (Luhn)', async () => {
		const error = await refusal({ cardNumber: '4242 4242 4242 4241' });
		expect(error.message).toBe('Card Number is not a valid card number');
		expect(error.description).toBe('Its check digit does not match: a digit is probably mistyped.');
		expect((await refusal({ cardNumber: '5555555555554445' })).message).toBe(
			'Card Number is not a valid card number',
		);
	});

	it('refuses an empty number, other characters, and fewer than 12 or more than 19 digits', async () => {
		expect((await refusal({ cardNumber: '  ' })).message).toBe('Card Number is empty');
		expect((await refusal({ cardNumber: '4242 4242 4242 424x' })).message).toBe(
			'Card Number may contain only digits, spaces and dashes',
		);
		expect((await refusal({ cardNumber: '42424242424' })).message).toBe(
			'Card Number must have 12 to 19 digits',
		);
		expect((await refusal({ cardNumber: '4'.repeat(20) })).message).toBe(
			'Card Number must have 12 to 19 digits',
		);
	});

	it.each([
		[{ amount: 0 }, 'Amount must be more than 0'],
		[{ amount: -5 }, 'Amount must be more than 0'],
		[{ amount: 10.005 }, 'Amount can have at most 2 decimals'],
		[{ cvc: '12' }, 'CVC must be 3 or 4 digits'],
		[{ cvc: '12a' }, 'CVC must be 3 or 4 digits'],
		// A CVC without digits has nothing to mask: the message must stay readable.
		[{ cvc: 'abc' }, 'CVC must be 3 or 4 digits'],
		[{ expMonth: 13 }, 'Expiration Month must be a number from 1 to 12'],
		[{ expMonth: '' }, 'Expiration Month must be a number from 1 to 12'],
		[{ expYear: 1999 }, 'Expiration Year must be a year such as 2028'],
		[{ fullName: '   ' }, 'Name on Card is empty'],
	])('refuses %p', async (overrides, message) => {
		expect((await refusal(overrides)).message).toBe(message);
	});

	it('refuses a card that has expired', async () => {
		const lastYear = new Date().getUTCFullYear() - 1;
		expect((await refusal({ expMonth: 3, expYear: lastYear })).message).toBe(
			`The payment card expired in 03/${lastYear}`,
		);
	});
});

describe('maskCardData', () => {
	const secrets = { digits: '4242424242424242', raw: '4242 4242 4242 4242', cvc: '123' };

	it('masks card numbers to the last four and CVCs entirely under their keys', () => {
		expect(
			maskCardData(
				{
					card_number: '4242424242424242',
					cvv: '123',
					pan: 5555555555554444,
					amount: '50.00',
					id: 12,
				},
				secrets,
			),
		).toEqual({ card_number: '****4242', cvv: '***', pan: '****4444', amount: '50.00', id: 12 });
	});

	it('masks the number and CVC inside any text, whatever separators echo them', () => {
		expect(maskCardData('declined: 4242 4242 4242 4242', secrets)).toBe('declined: ****4242');
		expect(maskCardData('card 4242-4242-4242-4242 refused', secrets)).toBe('card ****4242 refused');
		expect(maskCardData('bad CVC: 123 for order 1234', secrets)).toBe(
			'bad CVC: *** for order 1234',
		);
	});

	it('masks at any depth, leaves other numbers alone, and copes with cycles', () => {
		const answer: Record<string, unknown> = {
			payments: [{ note: 'paid with 4242424242424242', order: '123456789' }],
		};
		answer.self = answer;
		const masked = maskCardData(answer, secrets) as { payments: Array<Record<string, string>> };
		expect(masked.payments[0]).toEqual({ note: 'paid with ****4242', order: '123456789' });
		expect((answer.payments as Array<Record<string, string>>)[0].note).toBe(
			'paid with 4242424242424242',
		);
	});
});

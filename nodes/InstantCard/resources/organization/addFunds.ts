/**
 * Add Funds charges a payment card. The card number and CVC are checked here before anything is
 * sent, and they are masked wherever they could come back to the user: the output (an API that
 * echoes the card), the error message, description and details, and the node copy an error carries.
 * The charge is sent once (see `spendOnce`): after an unclear failure the organization's
 * financial transactions are read back and compared with those before the charge.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { moneyNotice } from '../../../shared/description';
import { spendOnce } from '../../../shared/money';
import { refusal } from '../../../shared/validation';
import { INSTANTCARD, sendRequest } from '../../shared/api';
import { instantCardCall } from '../../shared/call';
import type { RequestHook } from '../../shared/route';
import { moneyAmount } from './getBalance';

const show = { resource: ['organization'], operation: ['addFunds'] };

export const ADD_FUNDS_NOTICE =
	"Charges the payment card and adds the amount to the organization's balance.";

/** Keys under which an answer might echo the card number or the CVC. */
const NUMBER_KEYS = /^(number|card_?number|cc_?number|credit_?card_?number|pan|account_?number)$/i;
const CVC_KEYS = /^(cvc|cvv|cvc2|cvv2|card_?code|security_?code|verification_?value)$/i;

interface Secrets {
	/** The card number as digits. */
	digits: string;
	/** As typed (spaces, dashes), when that differs. */
	raw: string;
	cvc: string;
}

function readSecrets(context: IExecuteSingleFunctions): Secrets {
	const raw = String(context.getNodeParameter('cardNumber', '') ?? '').trim();
	return {
		digits: raw.replace(/[\s-]/g, ''),
		raw,
		cvc: String(context.getNodeParameter('cvc', '') ?? '').trim(),
	};
}

const lastFour = (digits: string) => `****${digits.slice(-4)}`;

function maskText(text: string, secrets: Secrets): string {
	let out = text;
	if (secrets.raw.length >= 4) out = out.split(secrets.raw).join(lastFour(secrets.digits));
	if (secrets.digits.length >= 4) {
		// Also when echoed with other separators ("4242 4242 …").
		out = out.replace(/\d(?:[ -]?\d){7,}/g, (run) =>
			run.replace(/\D/g, '').includes(secrets.digits) ? lastFour(secrets.digits) : run,
		);
	}
	// Only the CVC's digits can be echoed as a CVC: one without digits has nothing to mask (and an
	// empty pattern would star the word "CVC" in the node's own message).
	const cvcDigits = secrets.cvc.replace(/\D/g, '');
	if (cvcDigits) {
		out = out.replace(
			new RegExp(`((?:cvc|cvv|security code|card code)\\D{0,5})${cvcDigits}(?!\\d)`, 'gi'),
			'$1***',
		);
	}
	return out;
}

/** A copy of `value` with the card data masked (numbers under card-number keys down to the last 4). */
export function maskCardData(
	value: unknown,
	secrets: Secrets,
	seen = new WeakSet<object>(),
): unknown {
	if (typeof value === 'string') return maskText(value, secrets);
	if (!value || typeof value !== 'object') return value;
	if (seen.has(value)) return value;
	seen.add(value);
	if (Array.isArray(value)) return value.map((entry) => maskCardData(entry, secrets, seen));
	const out: IDataObject = {};
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		if (CVC_KEYS.test(key) && (typeof entry === 'string' || typeof entry === 'number'))
			out[key] = '***';
		else if (
			NUMBER_KEYS.test(key) &&
			(typeof entry === 'string' || typeof entry === 'number') &&
			/\d{8,}/.test(String(entry).replace(/[\s-]/g, ''))
		)
			out[key] = lastFour(String(entry).replace(/\D/g, ''));
		else out[key] = maskCardData(entry, secrets, seen) as IDataObject;
	}
	return out;
}

/** Masks the card data in an error in place: every own property, nested objects included. */
function maskError(error: unknown, secrets: Secrets): unknown {
	const seen = new WeakSet<object>();
	const visit = (target: object) => {
		if (seen.has(target)) return;
		seen.add(target);
		for (const key of Object.getOwnPropertyNames(target)) {
			const descriptor = Object.getOwnPropertyDescriptor(target, key);
			if (!descriptor || !('value' in descriptor) || !descriptor.writable) continue;
			const entry = descriptor.value as unknown;
			const record = target as Record<string, unknown>;
			// The node an error names may be the workflow's own object: mask a copy, never the original.
			if (key === 'node' && entry && typeof entry === 'object')
				record[key] = maskCardData(entry, secrets);
			else if (typeof entry === 'string')
				record[key] = CVC_KEYS.test(key) ? '***' : maskText(entry, secrets);
			else if (typeof entry === 'number' && CVC_KEYS.test(key)) record[key] = '***';
			else if (entry && typeof entry === 'object' && !Buffer.isBuffer(entry)) visit(entry);
		}
	};
	if (error && typeof error === 'object') visit(error);
	return error;
}

function fail(context: IExecuteSingleFunctions, message: string, description: string): never {
	throw refusal(context, message, description);
}

function luhnValid(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

const wholeNumber = (value: unknown) => {
	const text = String(value ?? '').trim();
	return /^\d+$/.test(text) ? Number(text) : undefined;
};

/** The amount to charge, in cents: more than 0, with at most 2 decimals. */
function amountInCents(context: IExecuteSingleFunctions): number {
	const amount = Number(context.getNodeParameter('amount', 0));
	if (!Number.isFinite(amount) || amount <= 0) {
		fail(
			context,
			'Amount must be more than 0',
			'Enter the amount to add to the balance, e.g. 50 or 49.99.',
		);
	}
	const cents = Math.round(amount * 100);
	if (Math.abs(amount * 100 - cents) > 1e-6) {
		fail(
			context,
			'Amount can have at most 2 decimals',
			'Enter the amount in dollars and cents, e.g. 49.99.',
		);
	}
	return cents;
}

/** The card number (12 to 19 digits with a valid check digit) and the CVC (3 or 4 digits). */
function checkCard(context: IExecuteSingleFunctions, secrets: Secrets): void {
	if (!secrets.raw)
		fail(context, 'Card Number is empty', 'Enter the number of the payment card to charge.');
	if (!/^[\d\s-]+$/.test(secrets.raw)) {
		fail(
			context,
			'Card Number may contain only digits, spaces and dashes',
			'Check the card number you entered or mapped.',
		);
	}
	if (secrets.digits.length < 12 || secrets.digits.length > 19) {
		fail(
			context,
			'Card Number must have 12 to 19 digits',
			'Check the card number you entered or mapped.',
		);
	}
	if (!luhnValid(secrets.digits)) {
		fail(
			context,
			'Card Number is not a valid card number',
			'Its check digit does not match: a digit is probably mistyped.',
		);
	}
	if (!/^\d{3,4}$/.test(secrets.cvc)) {
		fail(
			context,
			'CVC must be 3 or 4 digits',
			'The security code is printed on the card (on the back of most cards).',
		);
	}
}

/** When the card expires: month 1 to 12, a year such as 2028 (or 28), not in the past. */
function expiration(context: IExecuteSingleFunctions): { month: number; year: number } {
	const month = wholeNumber(context.getNodeParameter('expMonth', ''));
	if (month === undefined || month < 1 || month > 12) {
		fail(
			context,
			'Expiration Month must be a number from 1 to 12',
			'Enter the month printed on the card, e.g. 7 for 07/28.',
		);
	}
	let year = wholeNumber(context.getNodeParameter('expYear', ''));
	if (year !== undefined && year >= 1 && year < 100) year += 2000; // 28 → 2028
	if (year === undefined || year < 2000 || year > 2100) {
		fail(
			context,
			'Expiration Year must be a year such as 2028',
			'Enter the year printed on the card, e.g. 2028 or 28.',
		);
	}
	const now = new Date();
	if (
		year < now.getUTCFullYear() ||
		(year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)
	) {
		fail(
			context,
			`The payment card expired in ${String(month).padStart(2, '0')}/${year}`,
			'Use a card that is still valid.',
		);
	}
	return { month, year };
}

function nameOnCard(context: IExecuteSingleFunctions): string {
	const fullName = String(context.getNodeParameter('fullName', '') ?? '').trim();
	if (!fullName) fail(context, 'Name on Card is empty', 'Enter the name printed on the card.');
	return fullName;
}

/** Billing Address field → the API's key. */
const BILLING_KEYS: Record<string, string> = {
	address1: 'billing_address1',
	address2: 'billing_address2',
	city: 'billing_city',
	state: 'billing_state',
	zipCode: 'billing_zip_code',
	country: 'billing_country',
};

/** The Billing Address fields that are filled in; empty fields are left out. */
function billingFields(context: IExecuteSingleFunctions): IDataObject {
	const billing = context.getNodeParameter('billingAddress', {}) as IDataObject;
	const fields: IDataObject = {};
	for (const [name, key] of Object.entries(BILLING_KEYS)) {
		const value = String(billing[name] ?? '').trim();
		if (value) fields[key] = value;
	}
	return fields;
}

/** The payment form, each value checked in the order of the form before anything is sent. */
function paymentBody(context: IExecuteSingleFunctions, secrets: Secrets): IDataObject {
	const cents = amountInCents(context);
	checkCard(context, secrets);
	const { month, year } = expiration(context);
	const fullName = nameOnCard(context);
	return {
		amount: (cents / 100).toFixed(2),
		number: secrets.digits,
		exp_month: String(month),
		exp_year: String(year),
		cvc: secrets.cvc,
		full_name: fullName,
		...billingFields(context),
	};
}

/** The form of Add Funds, every value checked first. Errors are masked too (they carry the node's parameters). */
export async function buildAddFundsBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const secrets = readSecrets(this);
	try {
		return paymentBody(this, secrets);
	} catch (error) {
		throw maskError(error, secrets);
	}
}

/** The IDs of the organization's financial transactions before a charge, per input item. */
const transactionsBefore = new WeakMap<object, Set<string>>();

async function transactionList(context: IExecuteSingleFunctions): Promise<IDataObject[]> {
	const answer = await instantCardCall(context, 'GET', '/financial_transactions');
	if (!Array.isArray(answer)) throw new Error('the financial transactions are not a list');
	return answer.filter((tx): tx is IDataObject => !!tx && typeof tx === 'object');
}

/**
 * Reads back whether a charge of `amount` went through: a credit of that amount among the
 * transactions that were not there before it was sent.
 */
async function fundsAdded(
	context: IExecuteSingleFunctions,
	amount: string,
): Promise<{ done: true; output: INodeExecutionData[] } | { done: false; state: string }> {
	const before = transactionsBefore.get(context.getInputData());
	if (!before) throw new Error('the transactions could not be read before the charge');
	const added = (await transactionList(context)).find(
		(tx) => !before.has(String(tx.id)) && moneyAmount(tx.credit) === Number(amount),
	);
	if (!added)
		return {
			done: false,
			state: `no new credit of ${amount} among the organization's transactions`,
		};
	const balance = moneyAmount(added.balance);
	return {
		done: true,
		output: [
			{
				json: {
					result: 'Success',
					amount_added: amount,
					balance: added.balance ?? null,
					...(balance !== undefined ? { balance_amount: balance } : {}),
					financial_transaction: added,
				},
			},
		],
	};
}

/**
 * The node's request path for this operation: the charge sent once, its outcome read back after
 * an unclear failure, every failure masked before it reaches the user.
 */
export const sendAddFunds: RequestHook = async function (requestData) {
	const amount = (Math.round(Number(this.getNodeParameter('amount', 0)) * 100) / 100).toFixed(2);
	const item = this.getInputData();
	try {
		return await spendOnce(this, `organization:addFunds:${amount}`, {
			api: INSTANTCARD,
			action: `Adding ${amount} to the organization's balance`,
			howToCheck: `the organization's financial transactions (Organization → Get Transactions, or InstantCard's billing page) for a credit of ${amount} made just now`,
			send: async () => {
				try {
					transactionsBefore.set(
						item,
						new Set((await transactionList(this)).map((tx) => String(tx.id))),
					);
				} catch {
					transactionsBefore.delete(item); // the charge goes on; an unclear outcome then reads "unknown"
				}
				return await sendRequest.call(this, requestData);
			},
			check: async () => await fundsAdded(this, amount),
		});
	} catch (error) {
		throw maskError(error, readSecrets(this));
	}
};

/** postReceive: the answer with echoed card data masked, the balance also as a number. */
export async function outputAddFunds(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const secrets = readSecrets(this);
	const amount = (Math.round(Number(this.getNodeParameter('amount', 0)) * 100) / 100).toFixed(2);
	return items.map((item) => {
		const answer = item.json as unknown;
		if (answer === false) {
			throw new NodeOperationError(this.getNode(), 'InstantCard did not accept the payment', {
				itemIndex: this.getItemIndex(),
				description:
					'It answered false without a reason. Check the balance before trying again: nothing is retried.',
			});
		}
		if (!answer || typeof answer !== 'object' || Array.isArray(answer)) {
			// `true`, an empty 2xx answer: the charge went through without details.
			return { json: { success: true, amount_added: amount } };
		}
		const json = maskCardData(answer, secrets) as IDataObject;
		const balance = moneyAmount(json.balance);
		if (balance !== undefined) json.balance_amount = balance;
		return { json };
	});
}

export const organizationAddFundsDescription: INodeProperties[] = [
	moneyNotice(
		'addFundsNotice',
		`${ADD_FUNDS_NOTICE} It is sent once: after an unclear failure the node reads the organization's transactions to tell whether the card was charged, and with Retry On Fail on, a retry checks first, so the card is never charged twice.`,
		show,
	),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		displayOptions: { show },
		description:
			'How much to charge and add to the balance, in the currency of the InstantCard account (e.g. USD)',
	},
	{
		displayName: 'Card Number',
		name: 'cardNumber',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show },
		description: 'The number of the payment card to charge. Spaces and dashes are ignored.',
	},
	{
		displayName: 'Expiration Month',
		name: 'expMonth',
		type: 'number',
		required: true,
		default: 1,
		typeOptions: { minValue: 1, maxValue: 12 },
		displayOptions: { show },
		description: 'Month the card expires, 1 to 12',
	},
	{
		displayName: 'Expiration Year',
		name: 'expYear',
		type: 'number',
		required: true,
		default: 0,
		displayOptions: { show },
		description: 'Year the card expires, e.g. 2028',
	},
	{
		displayName: 'CVC',
		name: 'cvc',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show },
		description: 'The 3 or 4 digit security code of the card',
	},
	// Contact → Create has a `fullName` too: a person's name, labelled Full Name. A different
	// concept under another label, so its own property.
	{
		displayName: 'Name on Card',
		name: 'fullName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: 'The cardholder name as printed on the card',
	},
	{
		displayName: 'Billing Address',
		name: 'billingAddress',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show },
		description: 'The address the card is billed to, as the card issuer knows it',
		options: [
			{
				displayName: 'Address Line 1',
				name: 'address1',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1200 Congress Ave',
				description: 'Street and house number of the billing address',
			},
			{
				displayName: 'Address Line 2',
				name: 'address2',
				type: 'string',
				default: '',
				placeholder: 'e.g. Suite 400',
				description: 'Suite, floor or apartment of the billing address, if any',
			},
			{
				displayName: 'City',
				name: 'city',
				type: 'string',
				default: '',
				placeholder: 'e.g. Austin',
				description: 'City or town of the billing address, e.g. Austin',
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				placeholder: 'e.g. US',
				description: 'Country of the billing address, e.g. US',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'string',
				default: '',
				placeholder: 'e.g. TX',
				description: 'State, province or region of the billing address, e.g. TX',
			},
			{
				displayName: 'ZIP Code',
				name: 'zipCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. 78701',
				description: 'Postal code of the billing address, e.g. 78701',
			},
		],
	},
];

/** Organization (Get, Get Balance, Add Funds, Get Transactions) through n8n-core's engine against the sandbox. */
import { INSTANTCARD_DECLINED_CARD_NUMBER } from '../sandbox/instantcard';
import { useInstantCardSandbox } from '../harness/sandboxes';
import { ADD_FUNDS_FORM, instantCardAddFunds as addFunds } from '../fixtures/instantcard';
import { everythingVisible, INSTANTCARD_ORG as ORG, instantCardNode } from './fixtures';

const GOOD_CARD = '4242424242424242';

describe('InstantCard node: Organization', () => {
	const sandbox = useInstantCardSandbox();
	const { run, freshLogin } = instantCardNode(sandbox);

	beforeEach(freshLogin);

	const addFundsRequests = () => sandbox.requestsTo('POST', `${ORG}/add_funds`);

	it('Get returns the organization from GET /organizations/{org}', async () => {
		const { items, error } = await run({ resource: 'organization', operation: 'get' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				id: 20003827,
				name: 'InstantCard Sandbox Org',
				total_templates: 3,
			}),
		);
		expect(sandbox.requestsTo('GET', ORG)).toHaveLength(1);
	});

	it('Get Balance keeps the balance text and adds balance_amount as a number', async () => {
		const first = await run({ resource: 'organization', operation: 'getBalance' });
		expect(first.items.map((i) => i.json)).toEqual([{ balance: '250.00', balance_amount: 250 }]);
		sandbox.setBalance('1234.5');
		const second = await run({ resource: 'organization', operation: 'getBalance' });
		expect(second.items[0].json).toEqual({ balance: '1234.50', balance_amount: 1234.5 });
		// Another spelling of money still parses; something that is not an amount is left alone.
		const outputFor = async (balance: string) => {
			sandbox.addFault({ kind: 'status', status: 200, body: { balance }, path: '/balance$' });
			return (await run({ resource: 'organization', operation: 'getBalance' })).items[0].json;
		};
		expect(await outputFor('$1,020.75')).toEqual({
			balance: '$1,020.75',
			balance_amount: 1020.75,
		});
		expect(await outputFor('unknown')).toEqual({ balance: 'unknown' });
		expect(sandbox.requestsTo('GET', `${ORG}/balance`)).toHaveLength(4);
	});

	it('Add Funds posts the payment as form fields, leaves empty fields out, and outputs the new balance', async () => {
		const { items, error } = await run(addFunds());
		expect(error).toBeUndefined();
		const [request] = addFundsRequests();
		expect(request.contentType).toContain('application/x-www-form-urlencoded');
		expect(request.form).toEqual(ADD_FUNDS_FORM);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({ result: 'Success', balance: '300.00', balance_amount: 300 }),
		);
		expect(sandbox.snapshot().balance).toBe('300.00');
		const visible = everythingVisible(items);
		expect(visible).not.toContain(GOOD_CARD);
		expect(visible).not.toContain('4242 4242 4242 4242');
	});

	it('Add Funds masks card data the API echoes back (number to the last 4, CVC entirely)', async () => {
		sandbox.addFault({
			kind: 'status',
			status: 200,
			path: '/add_funds$',
			body: {
				result: 'Success',
				balance: '300.00',
				payment: { number: GOOD_CARD, cvc: '123', exp_month: 12, brand: 'visa' },
				message: `Charged 4242-4242-4242-4242 (cvc 123) for 50.00`,
			},
		});
		const { items } = await run(addFunds());
		expect(items[0].json).toEqual({
			result: 'Success',
			balance: '300.00',
			balance_amount: 300,
			payment: { number: '****4242', cvc: '***', exp_month: 12, brand: 'visa' },
			message: 'Charged ****4242 (cvc ***) for 50.00',
		});
		expect(everythingVisible(items)).not.toMatch(/4242.?4242.?4242.?4242/);
	});

	it('Add Funds shows a refusal in the API words, without the card number anywhere in the error', async () => {
		const { error } = await run(addFunds({ cardNumber: INSTANTCARD_DECLINED_CARD_NUMBER }));
		expect(error).toEqual(
			expect.objectContaining({
				name: 'NodeApiError',
				httpCode: '400',
				message: 'InstantCard: Your card was declined.',
				description: expect.stringContaining('POST /organizations/20003827/add_funds'),
			}),
		);
		expect(everythingVisible(error)).not.toContain(INSTANTCARD_DECLINED_CARD_NUMBER);
		expect(everythingVisible(error)).not.toContain('"cvc":"123"');
		expect(addFundsRequests()).toHaveLength(1);
		expect(sandbox.snapshot().balance).toBe('250.00');
	});

	it('Add Funds masks the card number and CVC in an error text that repeats them', async () => {
		sandbox.addFault({
			kind: 'status',
			status: 402,
			path: '/add_funds$',
			body: { error: `Card 4242 4242 4242 4242 was declined (CVC 123 does not match)` },
		});
		const { error } = await run(addFunds());
		expect(error?.message).toBe('InstantCard: Card ****4242 was declined (CVC *** does not match)');
		expect(everythingVisible(error)).not.toMatch(/4242.?4242.?4242.?4242/);
	});

	it('Add Funds is sent once: a 5xx or a dropped connection is not retried', async () => {
		sandbox.addFault({
			kind: 'status',
			status: 503,
			path: '/add_funds$',
			body: { error: 'Payment gateway unavailable' },
		});
		const failed = await run(addFunds());
		// Unclear (5xx): the transactions are read back; no new credit, so it did not happen.
		expect(failed.error?.message).toBe(
			"Adding 50.00 to the organization's balance failed, and it did not happen (checked): InstantCard: Payment gateway unavailable",
		);
		expect(addFundsRequests()).toHaveLength(1);
		sandbox.clearRequests();
		sandbox.addFault({ kind: 'drop', path: '/add_funds$' });
		const dropped = await run(addFunds());
		expect(dropped.error?.message).toMatch(
			/^Adding 50.00 to the organization's balance failed, and it did not happen \(checked\): Could not reach InstantCard/,
		);
		expect(addFundsRequests()).toHaveLength(1);
		expect(everythingVisible([failed.error, dropped.error])).not.toContain(GOOD_CARD);
	});

	it('Add Funds refused for an expired login (401, not charged) is sent once more after logging in again', async () => {
		sandbox.addFault({ kind: 'expireToken', path: '/add_funds$' });
		const logins = sandbox.loginCount;
		const { items, error } = await run(addFunds());
		expect(error).toBeUndefined();
		expect(addFundsRequests().map((r) => r.status)).toEqual([401, 200]);
		expect(sandbox.loginCount - logins).toBe(1);
		// Charged once: the first attempt never reached the payment.
		expect(items[0].json.balance).toBe('300.00');
		expect(sandbox.snapshot().financialTransactions).toBe(4);
	});

	it.each([
		[{ amount: 0 }, 'Amount must be more than 0'],
		[{ amount: 10.005 }, 'Amount can have at most 2 decimals'],
		[{ cardNumber: '4242424242424241' }, 'Card Number is not a valid card number'],
		[{ cardNumber: '42424242' }, 'Card Number must have 12 to 19 digits'],
		[
			{ cardNumber: '4242-4242-4242-424x' },
			'Card Number may contain only digits, spaces and dashes',
		],
		[{ cvc: '12' }, 'CVC must be 3 or 4 digits'],
		[{ expMonth: '={{ 13 }}' }, 'Expiration Month must be a number from 1 to 12'],
		[{ expYear: 0 }, 'Expiration Year must be a year such as 2028'],
		[{ expYear: 2020, expMonth: 1 }, 'The payment card expired in 01/2020'],
		[{ fullName: '={{ " " }}' }, 'Name on Card is empty'],
	])('Add Funds refuses %j before sending: %s', async (overrides, message) => {
		const parameters = addFunds(overrides);
		const { error } = await run(parameters);
		expect(error?.message).toBe(message);
		expect(addFundsRequests()).toHaveLength(0);
		// `node` is the node as saved in the workflow (its parameters as typed); the rest is what is shown.
		const shown = everythingVisible({ ...error, node: undefined });
		const number = String(parameters.cardNumber);
		expect(shown).not.toContain(number);
		expect(shown).not.toContain(number.replace(/\D/g, ''));
	});

	it('Add Funds with Continue On Fail: one charge per item, a declined card is an error item, no number shown', async () => {
		const { items, error } = await run(
			addFunds({ cardNumber: '={{ $json.card }}', amount: '={{ $json.amount }}' }),
			[
				{ card: GOOD_CARD, amount: 20 },
				{ card: INSTANTCARD_DECLINED_CARD_NUMBER, amount: 30 },
				{ card: '4242424242424241', amount: 40 },
			],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json).toEqual(
			expect.objectContaining({ balance: '270.00', balance_amount: 270 }),
		);
		expect(items[1].json.error).toBe('InstantCard: Your card was declined.');
		expect(items[2].json.error).toBe('Card Number is not a valid card number');
		expect(addFundsRequests().map((r) => r.form.amount)).toEqual(['20.00', '30.00']);
		const visible = everythingVisible(items);
		for (const number of [GOOD_CARD, INSTANTCARD_DECLINED_CARD_NUMBER, '4242424242424241'])
			expect(visible).not.toContain(number);
	});

	it('Get Transactions pages with page/page_size until a short page; Limit asks for just enough', async () => {
		for (let n = 0; n < 117; n++) {
			sandbox.store.book({
				type: 'credit',
				sub_type: 'add_funds',
				description: `Top-up ${n}`,
				creditCents: 100,
				debitCents: 0,
				receipt: null,
				items: [],
			});
		}
		const all = await run({
			resource: 'organization',
			operation: 'getTransactions',
			returnAll: true,
		});
		expect(all.items).toHaveLength(120);
		expect(all.items[0].json).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				type: 'credit',
				balance: expect.any(String),
			}),
		);
		expect(new Set(all.items.map((i) => i.json.id)).size).toBe(120);
		expect(sandbox.requestsTo('GET', `${ORG}/financial_transactions`).map((r) => r.query)).toEqual([
			{ page: '1', page_size: '100' },
			{ page: '2', page_size: '100' },
		]);
		sandbox.clearRequests();
		const some = await run({
			resource: 'organization',
			operation: 'getTransactions',
			returnAll: false,
			limit: 5,
		});
		expect(some.items).toHaveLength(5);
		expect(sandbox.requestsTo('GET', `${ORG}/financial_transactions`).map((r) => r.query)).toEqual([
			{ page: '1', page_size: '5' },
		]);
	});
});

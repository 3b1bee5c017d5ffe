/** Profile, organization, balance and funds, and the read-only catalogues (templates, shipping). */
import type { Route } from '../../core';
import { intValue, invalid, notFound, ok, paginate, text, type Ctx } from '../context';
import * as render from '../render';
import { CARD_TEMPLATES, SHIPPING_PROVIDERS } from '../seed';
import { formatMoney, parseMoney } from '../store';

/** Stripe's "always declined" test number, so nodes can exercise a refused payment. */
export const DECLINED_CARD_NUMBER = '4000000000000002';

function luhnValid(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/** Top-level `add_funds` fields (connector): amount and the paying card with billing address. */
function readPayment(ctx: Ctx, params: Record<string, unknown>) {
	const errors: string[] = [];
	const amountText = text(params.amount);
	const amountCents = amountText ? parseMoney(amountText) : undefined;
	if (!amountText) errors.push("Amount can't be blank");
	else if (amountCents === undefined || amountCents <= 0)
		errors.push('Amount must be a positive amount with at most 2 decimals');
	const number = (text(params.number) ?? '').replace(/[\s-]/g, '');
	if (!number) errors.push("Number can't be blank");
	else if (!/^\d{12,19}$/.test(number) || !luhnValid(number))
		errors.push('Number is not a valid credit card number');
	const month = intValue(params.exp_month);
	let year = intValue(params.exp_year);
	if (year !== undefined && year < 100) year += 2000;
	if (month === undefined || month < 1 || month > 12) errors.push('Exp month is invalid');
	if (year === undefined) errors.push('Exp year is invalid');
	if (month !== undefined && year !== undefined) {
		const today = new Date(ctx.now());
		if (
			year < today.getUTCFullYear() ||
			(year === today.getUTCFullYear() && month < today.getUTCMonth() + 1)
		)
			errors.push('Card has expired');
	}
	if (!/^\d{3,4}$/.test(text(params.cvc) ?? '')) errors.push('Cvc is invalid');
	if (errors.length > 0) invalid(errors);
	if (number === DECLINED_CARD_NUMBER) invalid(['Your card was declined.']);
	return { amountCents: amountCents as number, last4: number.slice(-4) };
}

export function accountRoutes(ctx: Ctx): Route[] {
	return [
		{ method: 'GET', pattern: '', handler: () => ok(render.organization(ctx.store)) },
		{
			method: 'GET',
			pattern: '/balance',
			handler: () => ok({ balance: formatMoney(ctx.store.balanceCents) }),
		},
		{
			method: 'POST',
			pattern: '/add_funds',
			handler: (req) => {
				const { amountCents, last4 } = readPayment(ctx, req.params);
				const tx = ctx.store.book({
					type: 'credit',
					sub_type: 'add_funds',
					description: `Funds added by credit card ending ${last4}`,
					creditCents: amountCents,
					debitCents: 0,
					receipt: null,
					items: [],
				});
				tx.receipt = `https://sandbox.instantcard.test/receipts/${tx.id}`;
				return ok({
					result: 'Success',
					balance: formatMoney(ctx.store.balanceCents),
					financial_transaction: render.transaction(tx),
				});
			},
		},
		{
			method: 'GET',
			pattern: '/financial_transactions',
			// Newest first, like a statement.
			handler: (req) =>
				ok(paginate([...ctx.store.transactions].reverse(), req.query).map(render.transaction)),
		},
		{
			method: 'GET',
			pattern: '/shipping_providers',
			handler: () => ok(SHIPPING_PROVIDERS.map((p) => ({ id: p.id, name: p.name }))),
		},
		{
			method: 'GET',
			pattern: '/card_templates',
			handler: () => ok(CARD_TEMPLATES.map((t) => ({ id: t.id, name: t.name }))),
		},
		{
			method: 'GET',
			pattern: '/card_templates/:id/fields',
			handler: (_req, p) => {
				const template = /^\d+$/.test(p.id) ? ctx.store.template(Number(p.id)) : undefined;
				if (!template) notFound('Card template not found');
				return ok(template.fields.map((f) => ({ ...f, dimensions: { ...f.dimensions } })));
			},
		},
	];
}

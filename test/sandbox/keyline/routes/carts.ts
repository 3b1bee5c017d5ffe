/** The cart itself and its checkout. */
import { HttpError, type ApiRequest, type ApiResponse, type Route } from '../../core';
import { created, findCart, noContent, ok, ownerOf, type Ctx } from '../context';
import * as render from '../render';
import type { Cart } from '../store';
import { requireParam, Validator } from '../validation';

/** Fields of `{"cart": {...}}`; PATCH requires custom_offer_text (the doc marks it required). */
function applyCartFields(ctx: Ctx, cart: Cart, input: Record<string, unknown>): void {
	const v = new Validator(input);
	const offerText = v.string('custom_offer_text', { required: true, max: 200 });
	const dueAt = v.datetime('due_at');
	const refs = v.customReferences('custom_references');
	v.check();
	if (offerText !== undefined) cart.custom_offer_text = offerText;
	if (dueAt !== undefined) cart.due_at = dueAt;
	if (refs !== undefined) cart.custom_references = refs;
	cart.updated_at = ctx.store.now();
}

/** Redirect to the placed order, as checkout and a checked-out cart's GET answer. */
const redirectToOrder = (ctx: Ctx, req: ApiRequest, orderId: number): ApiResponse => ({
	status: 301,
	headers: { location: `${ctx.baseUrlOf(req)}/orders/${orderId}` },
});

/**
 * Places the order. The endpoint reference answers 422 while the cart is incomplete; the usage
 * guide's `POST /carts/{id}` variant answers 400 — both are served, each with its own status.
 */
function checkout(
	ctx: Ctx,
	req: ApiRequest,
	cartId: string,
	invalidStatus: 400 | 422,
): ApiResponse {
	const cart = findCart(ctx, req, cartId);
	const errors = ctx.store.checkoutErrors(cart);
	if (errors.length > 0) throw new HttpError(invalidStatus, { errors });
	return redirectToOrder(ctx, req, ctx.store.checkout(cart).id);
}

export function cartRoutes(ctx: Ctx): Route[] {
	const cart = '/carts/:cart_id';
	return [
		{
			method: 'POST',
			pattern: '/carts',
			// The documentation gives this endpoint no request body: whatever is sent is ignored,
			// the strictest reading, so fields a client sends here would be lost.
			handler: (req) => created(render.cart(ctx.store.createCart(ownerOf(req)))),
		},
		{
			method: 'GET',
			pattern: cart,
			handler: (req, p) => {
				const found = findCart(ctx, req, p.cart_id, true);
				if (found.order_id !== null) return redirectToOrder(ctx, req, found.order_id);
				return ok(render.cart(found));
			},
		},
		{
			method: 'PATCH',
			pattern: cart,
			handler: (req, p) => {
				const found = findCart(ctx, req, p.cart_id);
				applyCartFields(ctx, found, requireParam(req, 'cart'));
				return noContent();
			},
		},
		{
			method: 'DELETE',
			pattern: cart,
			handler: (req, p) => {
				ctx.store.carts.delete(findCart(ctx, req, p.cart_id).id);
				return noContent();
			},
		},
		{ method: 'POST', pattern: cart, handler: (req, p) => checkout(ctx, req, p.cart_id, 400) },
		{
			method: 'GET',
			pattern: `${cart}/checkout`,
			handler: (req, p) => {
				const errors = ctx.store.checkoutErrors(findCart(ctx, req, p.cart_id));
				if (errors.length > 0) unprocessableList(errors);
				return ok({ errors: [] });
			},
		},
		{
			method: 'POST',
			pattern: `${cart}/checkout`,
			handler: (req, p) => checkout(ctx, req, p.cart_id, 422),
		},
	];
}

/** Checkout errors are a list of one-key objects, unlike the field-error object of other 422s. */
function unprocessableList(errors: Array<Record<string, string>>): never {
	throw new HttpError(422, { errors });
}

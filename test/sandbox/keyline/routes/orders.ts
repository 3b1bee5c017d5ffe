/**
 * Orders: read, cancel, and the few changes the endpoint list allows (carrier, delivery address and
 * print data files, wired in index.ts from the shared modules).
 */
import { HttpError, type Route } from '../../core';
import { findOrder, noContent, ok, type Ctx } from '../context';
import * as render from '../render';

export function orderRoutes(ctx: Ctx): Route[] {
	const order = '/orders/:order_id';
	return [
		{
			method: 'GET',
			pattern: order,
			handler: (req, p) => ok(render.order(findOrder(ctx, req, p.order_id))),
		},
		{
			method: 'DELETE',
			pattern: order,
			handler: (req, p) => {
				const found = findOrder(ctx, req, p.order_id);
				// Only a draft is not yet in production; a cancelled order stays readable as archived.
				if (found.state !== 'draft') {
					throw new HttpError(422, { errors: { base: ['The order cannot be canceled anymore.'] } });
				}
				found.state = 'archived';
				found.updated_at = ctx.store.now();
				return noContent();
			},
		},
	];
}

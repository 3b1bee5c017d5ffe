/**
 * Keyline for the shared route builder: its IDs, its `{parent}` and `{attachment}` placeholders,
 * its records unwrapped, and its updates answering 204. Operations state themselves as
 * `keylineRoute('PATCH', '/carts/{cartId}/products/{productId}', …)`.
 */
import type {
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	INodePropertyRouting,
} from 'n8n-workflow';

import { route, type PathTemplate, type RouteApi, type RouteOptions } from '../../shared/route';
import { KEYLINE } from './api';
import { keylineRequest } from './call';
import { KEYLINE_IDS } from './ids';
import { toItems } from './output';
import { explainFor, type About, type Dynamic } from './refusals';

/**
 * `{parent}` stands for `/carts/{cartId}` or `/orders/{orderId}`, by the `parent` field.
 * `{attachment}` stands for `/components/{componentId}` when the `attachedTo` field is
 * `component`, else for nothing (print data files belong to a product or to one of its components).
 */
function expand(context: IExecuteSingleFunctions, path: string): string {
	return path
		.replace('{parent}', () =>
			context.getNodeParameter('parent', 'cart') === 'order'
				? '/orders/{orderId}'
				: '/carts/{cartId}',
		)
		.replace('{attachment}', () =>
			context.getNodeParameter('attachedTo', 'product') === 'component'
				? '/components/{componentId}'
				: '',
		);
}

export const keyline: RouteApi = {
	profile: KEYLINE,
	ids: KEYLINE_IDS,
	expand,
	read: async (context, path) => await keylineRequest(context, { method: 'GET', path }),
	toItems,
	rereadUpdates: true,
};

export interface KeylineRouteOptions extends Omit<RouteOptions, 'explain'> {
	/**
	 * What the endpoint holds, to explain refusals for what the user was doing (nothing set yet,
	 * the customer still missing, an ID the print shop does not know) instead of generally.
	 */
	about?: Dynamic<About>;
}

export function keylineRoute(
	method: IHttpRequestMethods,
	template: PathTemplate,
	{ about, ...options }: KeylineRouteOptions = {},
): INodePropertyRouting {
	return route(keyline, method, template, { ...options, explain: about && explainFor(about) });
}

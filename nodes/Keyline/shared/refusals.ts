/**
 * Refusals explained for what the user was doing, for the parts of a cart or order that are set
 * as a whole (customer, recipient, carrier, addresses): nothing set yet, the customer still
 * missing, an order that can no longer change, an ID the print shop does not know. Used through
 * `keylineRoute`'s `about` option.
 */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { fieldErrors } from '../../shared/errors';
import type { Explain } from '../../shared/route';

/** What an endpoint holds, for the explanations. */
export interface About {
	/** As users say it: "customer", "carrier", "delivery address". */
	what: string;
	/** The operation that sets it: "Customer → Set". */
	setWith: string;
	/** Set by an ID agreed with the print shop: the key Keyline names in its 422, and the field. */
	catalogue?: { key: string; parameter: string; label: string };
	/** Keyline takes it only once the cart has a customer (the recipient). */
	needsCustomer?: boolean;
}

export type Dynamic<T> = T | ((context: IExecuteSingleFunctions) => T);

const valueOf = <T>(context: IExecuteSingleFunctions, value: Dynamic<T>): T =>
	typeof value === 'function' ? (value as (context: IExecuteSingleFunctions) => T)(context) : value;

/** "Cart 9981" or "Order 14011", from a path below either. */
function ownerOf(path: string): string {
	const match = /^\/(carts|orders)\/(\d+)/.exec(path);
	if (!match) return 'The cart';
	return `${match[1] === 'carts' ? 'Cart' : 'Order'} ${match[2]}`;
}

interface HttpError extends Error {
	httpCode?: string | null;
	description?: string | null;
}

/**
 * Rewrites a Keyline error built by `toApiError` where its general hint would mislead. `body` is
 * Keyline's answer when at hand (it names the fields of a 422).
 */
export function explainRefusal(
	context: IExecuteSingleFunctions,
	error: unknown,
	about: About,
	request: { method: string; url: string },
	body?: unknown,
): unknown {
	const failure = error as HttpError;
	if (!(error instanceof Error) || !failure.httpCode) return error;
	const status = Number(failure.httpCode);
	const said = failure.message;
	const fields = fieldErrors(body).map((entry) => entry.field);
	const owner = ownerOf(request.url);
	const answered = `Keyline answered HTTP ${status} to ${request.method} ${request.url}.`;
	let message: string | undefined;
	let hint: string | undefined;
	if (status === 422 && /nicht mehr geändert/i.test(said)) {
		message = `${said} (the order can no longer be changed)`;
		hint = `${owner} is completed or archived: Keyline takes no more changes to it, so its ${about.what} stays as it is. Ask the print shop if it must still change.`;
	} else if (
		status === 422 &&
		about.needsCustomer &&
		(fields.includes('customer') || /customer|kunde/i.test(said))
	) {
		message = `Set the customer first (Customer → Set): Keyline takes the ${about.what} only for a cart that has a customer`;
		hint = `Keyline said: "${said.replace(/^Keyline: /, '')}". Put a Keyline node with Resource "Customer" and Operation "Set" for this cart before this one.`;
	} else if (status === 422 && about.catalogue && fields.includes(about.catalogue.key)) {
		const id = String(context.getNodeParameter(about.catalogue.parameter, '')).trim();
		hint = `The print shop's Keyline knows no ${about.catalogue.key} with ${about.catalogue.label} ${id}. These IDs are agreed with the print shop (the API cannot list them): ask them for the right one.`;
	} else if (status === 404 && /\bno\b.*\bstored\b/i.test(said)) {
		hint = `${owner} has no ${about.what} (none was set, or it was deleted). Set one with ${about.setWith}.`;
	}
	if (message) failure.message = message;
	if (hint) failure.description = `${answered} ${hint}`;
	return error;
}

/** `about` as the route builder's `explain`. */
export function explainFor(about: Dynamic<About>): Explain {
	return (context, error, route, body) =>
		explainRefusal(
			context,
			error,
			valueOf(context, about),
			{ method: route.method, url: route.path },
			body,
		);
}

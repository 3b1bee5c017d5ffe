import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { cartBody } from './fields';

export async function buildCreateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const cart = cartBody(this, this.getNodeParameter('additionalFields', {}) as never);
	// Keyline creates an empty cart from an empty request; the wrapper goes only with content.
	options.body = Object.keys(cart).length ? { cart } : {};
	return options;
}

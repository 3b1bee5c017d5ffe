import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { cartBody, cartFieldOptions } from './fields';

export async function buildCreateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const cart = cartBody(this, this.getNodeParameter('additionalFields', {}) as never);
	// Keyline creates an empty cart from an empty request; the wrapper goes only with content.
	options.body = Object.keys(cart).length ? { cart } : {};
	return options;
}

export const cartCreateDescription: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['cart'], operation: ['create'] } },
		options: cartFieldOptions,
	},
];

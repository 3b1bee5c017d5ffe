import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { addressBody, addressFields } from './fields';

/** `{"billing_address": {...}}` or `{"delivery_address": {...}}`, by Address Type. */
export async function buildAddressBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const key =
		this.getNodeParameter('addressType', 'delivery') === 'billing'
			? 'billing_address'
			: 'delivery_address';
	options.body = { [key]: addressBody(this) };
	return options;
}

const show = { resource: ['address'], operation: ['set'] };

export const addressSetDescription: INodeProperties[] = [...addressFields(show)];

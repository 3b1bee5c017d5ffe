import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';

/** `{"customer": {"id": 206}}`; the ID is checked before anything is sent. */
export async function buildCustomerBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const id = toPositiveInteger(this, this.getNodeParameter('customerId', ''), 'Customer ID', '206');
	options.body = { customer: { id } };
	return options;
}

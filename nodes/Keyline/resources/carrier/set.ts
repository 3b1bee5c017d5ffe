import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';

/** `{"carrier": {"id": 43}}`; the ID is checked before anything is sent. */
export async function buildCarrierBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const id = toPositiveInteger(this, this.getNodeParameter('carrierId', ''), 'Carrier ID', '43');
	options.body = { carrier: { id } };
	return options;
}

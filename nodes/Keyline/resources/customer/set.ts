import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { idField } from '../../shared/ids';

/** `{"customer": {"id": 206}}`; the ID is checked before anything is sent. */
export async function buildCustomerBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const id = toPositiveInteger(this, this.getNodeParameter('customerId', ''), 'Customer ID', '206');
	options.body = { customer: { id } };
	return options;
}

const show = { resource: ['customer'], operation: ['set'] };

export const customerSetDescription: INodeProperties[] = [
	idField('cartId', show),
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 206',
		description:
			"The print shop's ID for the organization that buys the order. Keyline cannot list customers: the ID is agreed with the print shop (ask them for yours). Digits only.",
		displayOptions: { show },
	},
];

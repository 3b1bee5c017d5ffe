import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { parentField, parentIdFields } from '../../shared/ids';

/** `{"carrier": {"id": 43}}`; the ID is checked before anything is sent. */
export async function buildCarrierBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const id = toPositiveInteger(this, this.getNodeParameter('carrierId', ''), 'Carrier ID', '43');
	options.body = { carrier: { id } };
	return options;
}

const show = { resource: ['carrier'], operation: ['set'] };

export const carrierSetDescription: INodeProperties[] = [
	parentField(
		show,
		'Whether to set the carrier of a cart, or of an order (possible until the order is completed)',
	),
	...parentIdFields(show),
	{
		displayName: 'Carrier ID',
		name: 'carrierId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 43',
		description:
			"The print shop's ID for the carrier that ships the order (e.g. their DHL or UPS service). Keyline cannot list carriers: the IDs are agreed with the print shop (ask them for theirs). Digits only.",
		displayOptions: { show },
	},
];

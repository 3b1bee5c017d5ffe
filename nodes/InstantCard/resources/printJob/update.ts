import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { requireChanges, toPositiveInteger } from '../../../shared/validation';
import { routeOf } from '../../../shared/route';
import { instantCardCall } from '../../shared/call';
import { INSTANTCARD_IDS } from '../../shared/ids';
import {
	CARD_IDS_PLACEHOLDER,
	cardIdsJson,
	currentShippingProviderId,
	parseCardIds,
	readAddressFields,
	shippingAddressProperties,
} from './helpers';

const show = { resource: ['printJob'], operation: ['update'] };

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/**
 * Only the fields set in this update go out. The API sets the shipping provider to null on every
 * PATCH unless it is sent again, so when none is chosen here the job's current one is read
 * (GET on the same URL) and re-sent. Everything is checked before that read.
 */
export async function buildUpdateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const body: IDataObject = { ...readAddressFields(this, false) };
	const updateFields = this.getNodeParameter('updateFields', {}) as IDataObject;
	if (!isEmpty(updateFields.numberOfCopies)) {
		body['print_job[number_of_copies]'] = String(
			toPositiveInteger(this, updateFields.numberOfCopies, 'Number of Copies', '2'),
		);
	}
	if (updateFields.cardIds !== undefined) {
		const cardIds = parseCardIds(this, updateFields.cardIds);
		if (cardIds.length > 0) body['print_job[card_ids]'] = cardIdsJson(cardIds);
	}
	const chosenProvider = this.getNodeParameter('shippingProviderId', '', { extractValue: true });
	if (!isEmpty(chosenProvider)) {
		body['print_job[shipping_provider_id]'] = String(
			toPositiveInteger(
				this,
				chosenProvider,
				INSTANTCARD_IDS.shippingProviderId.label,
				INSTANTCARD_IDS.shippingProviderId.example,
			),
		);
	}
	requireChanges(
		this,
		body,
		'Choose a new address or shipping provider, or add a field under Update Fields.',
	);
	if (isEmpty(chosenProvider)) {
		const current = currentShippingProviderId(
			await instantCardCall(this, 'GET', routeOf(this).path),
		);
		if (current !== undefined) body['print_job[shipping_provider_id]'] = String(current);
	}
	return body;
}

/** Where Update ships to: as before, a saved address or a one-off one. */
export const printJobUpdateAddress = shippingAddressProperties(show, false);

/** The print job's options of the one Update Fields (see `oneCollection`). */
export const printJobUpdateFields: INodeProperties[] = [
	{
		displayName: 'Card IDs to Add',
		name: 'cardIds',
		type: 'string',
		default: '',
		placeholder: CARD_IDS_PLACEHOLDER,
		description:
			'IDs of finalized cards to add to the job (Card → Finalize, Card → Search), separated by commas or spaces, e.g. 264561, 264562, or an expression giving an array. Cards already in the job stay.',
	},
	{
		displayName: 'Number of Copies',
		name: 'numberOfCopies',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many copies of each card in the job are printed',
	},
];

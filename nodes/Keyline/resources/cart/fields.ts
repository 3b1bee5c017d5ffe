/** The cart's own fields, shared by Create and Update (they send the same `cart` object). */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { checkLength, customReferences, customReferencesOption } from '../../shared/fields';

export const CUSTOM_OFFER_TEXT_MAX = 200;

export const cartFieldOptions: INodeProperties[] = [
	customReferencesOption,
	{
		displayName: 'Custom Offer Text',
		name: 'customOfferText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'A text printed on the offer document, up to 200 characters',
	},
	{
		displayName: 'Due Date',
		name: 'dueAt',
		type: 'dateTime',
		default: '',
		description: 'When the order is due at the print shop',
	},
];

/** The `cart` object of the body from a collection parameter; checked before anything is sent. */
export function cartBody(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const cart: IDataObject = {};
	if (fields.customOfferText !== undefined) {
		checkLength(context, fields.customOfferText, 'Custom Offer Text', CUSTOM_OFFER_TEXT_MAX);
		cart.custom_offer_text = fields.customOfferText;
	}
	if (fields.dueAt !== undefined && fields.dueAt !== '') {
		const dueAt = String(fields.dueAt);
		if (Number.isNaN(Date.parse(dueAt))) {
			throw new NodeOperationError(context.getNode(), `Due Date "${dueAt}" is not a date`, {
				itemIndex: context.getItemIndex(),
				description: 'Pick a date, or give one like 2026-12-24T17:00:00+01:00.',
			});
		}
		cart.due_at = dueAt;
	}
	const references = customReferences(context, fields);
	if (references !== undefined) cart.custom_references = references;
	return cart;
}

import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireChanges } from '../../../shared/validation';
import { keylineRequest } from '../../shared/call';
import { idField } from '../../shared/ids';
import { unwrap } from '../../shared/output';
import { cartBody, cartFieldOptions } from './fields';

/**
 * Keyline requires custom_offer_text on every cart update. When the user changes only other
 * fields, the cart's current text is sent again, so it stays as it is.
 */
export async function buildUpdateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const cart = cartBody(this, this.getNodeParameter('updateFields', {}) as IDataObject);
	requireChanges(this, cart, 'Add at least one field under Update Fields.');
	if (cart.custom_offer_text === undefined) {
		const current = unwrap(
			await keylineRequest(this, { method: 'GET', path: String(options.url) }),
		) as IDataObject;
		if (typeof current.custom_offer_text !== 'string' || current.custom_offer_text === '') {
			throw new NodeOperationError(
				this.getNode(),
				'Custom Offer Text is needed to update this cart',
				{
					itemIndex: this.getItemIndex(),
					description:
						'Keyline requires a custom offer text on every cart update, and this cart has none yet. Add Custom Offer Text under Update Fields.',
				},
			);
		}
		cart.custom_offer_text = current.custom_offer_text;
	}
	options.body = { cart };
	return options;
}

const show = { resource: ['cart'], operation: ['update'] };

export const cartUpdateDescription: INodeProperties[] = [
	idField('cartId', show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: cartFieldOptions,
	},
];

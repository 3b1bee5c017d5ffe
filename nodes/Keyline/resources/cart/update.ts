import { NodeOperationError } from 'n8n-workflow';

import { updateBody } from '../../shared/update';
import { cartBody } from './fields';

/**
 * Keyline requires custom_offer_text on every cart update. When the user changes only other
 * fields, the cart's current text is sent again, so it stays as it is.
 */
export const buildUpdateBody = updateBody('cart', cartBody, {
	complete: async (context, cart, current) => {
		if (cart.custom_offer_text !== undefined) return;
		const { custom_offer_text: text } = await current();
		if (typeof text !== 'string' || text === '') {
			throw new NodeOperationError(
				context.getNode(),
				'Custom Offer Text is needed to update this cart',
				{
					itemIndex: context.getItemIndex(),
					description:
						'Keyline requires a custom offer text on every cart update, and this cart has none yet. Add Custom Offer Text under Update Fields.',
				},
			);
		}
		cart.custom_offer_text = text;
	},
});

import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { cardIdsJson, parseCardIds } from './helpers';

/** The form of Add Cards: at least one card ID, checked before anything is sent. */
export async function buildAddCardsBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const cardIds = parseCardIds(this, this.getNodeParameter('cardIds', ''));
	if (cardIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Card IDs is empty', {
			itemIndex: this.getItemIndex(),
			description:
				'Give at least one finalized card ID, e.g. 264561, or map them from a previous node.',
		});
	}
	return { 'print_job[card_ids]': cardIdsJson(cardIds) };
}

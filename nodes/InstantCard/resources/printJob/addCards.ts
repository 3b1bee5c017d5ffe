import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';
import { cardIdsJson, cardIdsProperty, parseCardIds } from './helpers';

const show = { resource: ['printJob'], operation: ['addCards'] };

async function buildAddCardsBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const cardIds = parseCardIds(this, this.getNodeParameter('cardIds', ''));
	if (cardIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Card IDs is empty', {
			itemIndex: this.getItemIndex(),
			description:
				'Give at least one finalized card ID, e.g. 264561, or map them from a previous node.',
		});
	}
	options.body = { 'print_job[card_ids]': cardIdsJson(cardIds) };
	return options;
}

const jobLocator = idLocator({
	name: 'printJobId',
	displayName: 'Print Job',
	searchListMethod: 'searchPrintJobs',
	show,
	path: '/print_jobs/{{ $value }}/add_cards',
	description: 'The job to add the cards to. Only jobs in status Created take cards.',
	preSend: [buildAddCardsBody],
});

export const printJobAddCardsDescription: INodeProperties[] = [
	jobLocator,
	cardIdsProperty(
		show,
		true,
		"Finalized cards to add, separated by commas or spaces, or an expression giving an array. Each is printed in the job's number of copies.",
	),
];

/**
 * The print job fields several operations share, one property each: n8n reads a parameter once
 * for every property of its name, on every item (so a copy per operation costs an evaluation
 * of the user's expression per copy).
 */
import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';
import { CARD_IDS_PLACEHOLDER } from './helpers';

const PRINT_JOB = ['printJob'];

/** The print job an operation is about; its ID goes into the operation's path. */
export const printJobIdProperty: INodeProperties = idLocator({
	name: 'printJobId',
	displayName: 'Print Job',
	searchListMethod: 'searchPrintJobs',
	show: {
		resource: PRINT_JOB,
		operation: [
			'addCards',
			'chargeDetails',
			'checkBalance',
			'get',
			'removeCard',
			'submit',
			'update',
		],
	},
	description:
		'The print job to work on: choose it from the list, or map its ID from a previous node (e.g. Print Job → Create or Print Job → Get Many). Only jobs not submitted yet (status Created) take changes.',
});

/**
 * The cards of Add Cards (at least one, checked before sending) and of Create (optional). Not
 * marked required, as Create needs none; Add Cards says so when it is empty.
 */
export const cardIdsProperty: INodeProperties = {
	displayName: 'Card IDs',
	name: 'cardIds',
	type: 'string',
	default: '',
	placeholder: CARD_IDS_PLACEHOLDER,
	displayOptions: { show: { resource: PRINT_JOB, operation: ['addCards', 'create'] } },
	description:
		"IDs of finalized cards to put in the job (Card → Finalize, Card → Search), separated by commas or spaces, e.g. 264561, 264562, or an expression giving an array. Each is printed in the job's number of copies. Add Cards needs at least one; on Create they are optional (cards can be added later with Add Cards).",
};

/**
 * The carrier of Create (needed, checked before sending) and of Update (empty keeps the job's
 * current one). Not marked required, as Update needs none.
 */
export const shippingProviderIdProperty: INodeProperties = idLocator({
	name: 'shippingProviderId',
	displayName: 'Shipping Provider',
	searchListMethod: 'searchShippingProviders',
	show: { resource: PRINT_JOB, operation: ['create', 'update'] },
	required: false,
	description:
		"The carrier that ships the printed cards; Shipping Provider → Get Many lists them. Needed to create a job. On Update, leave empty to keep the current one: InstantCard clears the shipping provider on every update, so the node reads the job's current provider and sends it again.",
});

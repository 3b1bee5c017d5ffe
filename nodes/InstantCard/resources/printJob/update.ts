import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireChanges, toPositiveInteger } from '../../../shared/validation';
import { readCurrent } from '../../shared/call';
import { idLocator } from '../../shared/descriptions';
import {
	CARD_IDS_PLACEHOLDER,
	cardIdsJson,
	currentShippingProviderId,
	oneOffAddressProperties,
	parseCardIds,
	readAddressFields,
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
async function buildUpdateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const body: IDataObject = { ...readAddressFields(this, false) };
	const updateFields = this.getNodeParameter('updateFields', {}) as IDataObject;
	if (!isEmpty(updateFields.numberOfCopies)) {
		body['print_job[number_of_copies]'] = String(
			toPositiveInteger(this, updateFields.numberOfCopies, 'Number of Copies'),
		);
	}
	if (updateFields.cardIds !== undefined) {
		const cardIds = parseCardIds(this, updateFields.cardIds);
		if (cardIds.length > 0) body['print_job[card_ids]'] = cardIdsJson(cardIds);
	}
	const chosenProvider = this.getNodeParameter('shippingProviderId', '', { extractValue: true });
	if (!isEmpty(chosenProvider)) {
		body['print_job[shipping_provider_id]'] = String(
			toPositiveInteger(this, chosenProvider, 'Shipping Provider ID'),
		);
	}
	requireChanges(
		this,
		body,
		'Choose a new address or shipping provider, or add a field under Update Fields.',
	);
	if (isEmpty(chosenProvider)) {
		const current = currentShippingProviderId(await readCurrent(this, options));
		if (current !== undefined) body['print_job[shipping_provider_id]'] = String(current);
	}
	options.body = body;
	return options;
}

const jobLocator = idLocator({
	name: 'printJobId',
	displayName: 'Print Job',
	searchListMethod: 'searchPrintJobs',
	show,
	path: '/print_jobs/{{ $value }}',
	description: 'The job to change. Only jobs in status Created can be changed.',
});

const providerLocator = idLocator({
	name: 'shippingProviderId',
	displayName: 'Shipping Provider',
	searchListMethod: 'searchShippingProviders',
	show,
	required: false,
	description:
		"A new carrier for the job. Leave empty to keep the current one: InstantCard clears the shipping provider on every update, so the node reads the job's current provider and sends it again.",
});

export const printJobUpdateDescription: INodeProperties[] = [
	jobLocator,
	{
		displayName: 'Address',
		name: 'addressUpdate',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Keep Current', value: 'keep', description: 'Leave the shipping address as it is' },
			{
				name: 'Saved Address',
				value: 'saved',
				description: 'Ship to an address saved in InstantCard',
			},
			{
				name: 'One-Off Address',
				value: 'oneOff',
				description: 'Ship to an address used for this job only (not saved)',
			},
		],
		default: 'keep',
		description: 'Where the printed cards are shipped',
	},
	idLocator({
		name: 'addressId',
		displayName: 'Saved Address',
		searchListMethod: 'searchAddresses',
		show: { ...show, addressUpdate: ['saved'] },
		description: 'The saved shipping address. Address → Create adds one.',
	}),
	...oneOffAddressProperties(show, false),
	{
		...providerLocator,
		// An empty locator is fine here (keep the current provider): no ID check of its own.
		routing: { send: { preSend: [buildUpdateBody] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Card IDs to Add',
				name: 'cardIds',
				type: 'string',
				default: '',
				placeholder: CARD_IDS_PLACEHOLDER,
				description:
					'Finalized cards to add to the job, separated by commas or spaces, or an expression giving an array. Cards already in the job stay.',
			},
			{
				displayName: 'Number of Copies',
				name: 'numberOfCopies',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description: 'How many copies of each card in the job are printed',
			},
		],
	},
];

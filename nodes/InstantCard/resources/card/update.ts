import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonParameter, requireChanges, toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { INSTANTCARD_IDS } from '../../shared/ids';
import { checkTemplateFields } from './cardData';
import { toCardData } from './create';

const show = { resource: ['card'], operation: ['update'] };

const isEmpty = (data: unknown) =>
	data === undefined ||
	data === null ||
	(Array.isArray(data)
		? data.length === 0
		: typeof data === 'object' && Object.keys(data).length === 0);

/** `card[data]` holds only the fields to change (the rest keep their values); the template is optional. */
export async function buildUpdateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const body: IDataObject = {};
	const template = this.getNodeParameter('newCardTemplateId', '', {
		extractValue: true,
	}) as unknown;
	if (String(template ?? '').trim() !== '') {
		body['card[card_template_id]'] = String(
			toPositiveInteger(
				this,
				template,
				'New Card Template ID',
				INSTANTCARD_IDS.cardTemplateId.example,
			),
		);
	}
	const data = parseJsonParameter(this, 'updateCardData', 'Card Data (JSON)');
	if (!isEmpty(data)) body['card[data]'] = toCardData(this, data, 'Card Data (JSON)');
	// Moved to another template: the data must fit that one (the card's own is not read here).
	if (body['card[card_template_id]'] && body['card[data]']) {
		await checkTemplateFields(
			this,
			Number(body['card[card_template_id]']),
			String(body['card[data]']),
			'Card Data (JSON)',
		);
	}
	requireChanges(
		this,
		body,
		'Give the fields to change in Card Data (JSON), or choose a New Card Template.',
	);
	return body;
}

/** The usual template picker, but optional: empty keeps the template (checked in buildUpdateBody). */
const newTemplateLocator = idLocator({
	name: 'newCardTemplateId',
	displayName: 'New Card Template',
	searchListMethod: 'searchCardTemplates',
	show,
	required: false,
	description:
		'Move the card to another design (Card Template → Get Many lists them). Leave empty to keep its current template.',
	example: INSTANTCARD_IDS.cardTemplateId.example,
});

export const cardUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Card Data (JSON)',
		name: 'updateCardData',
		type: 'json',
		default: '{}',
		displayOptions: { show },
		description:
			'Only the fields to change, keyed by template field token, e.g. {"expiry_date": "12/2027"}. Fields left out keep their values. Images as Base64. Card Template → Get Fields lists the tokens.',
	},
	newTemplateLocator,
];

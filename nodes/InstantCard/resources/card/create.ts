import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { INSTANTCARD_IDS } from '../../shared/ids';
import { cardDataLabel, cardDataProperties, checkTemplateFields, readCardData } from './cardData';
import { cardCreateOptions } from './finalize';

export { toCardData } from './cardData';

const showOnlyForCardCreate = { resource: ['card'], operation: ['create'] };

/** The form of Card → Create: the template and the card's values, checked before anything is sent. */
export async function buildCreateBody(this: IExecuteSingleFunctions): Promise<IDataObject> {
	const { label, example } = INSTANTCARD_IDS.cardTemplateId;
	const templateId = toPositiveInteger(
		this,
		this.getNodeParameter('cardTemplateId', '', { extractValue: true }),
		label,
		example,
	);
	const data = await readCardData(this);
	await checkTemplateFields(this, templateId, data, cardDataLabel(this));
	return { 'card[card_template_id]': String(templateId), 'card[data]': data };
}

/**
 * The Card Template picker of Card → Create (the design to create from) and of Card Template →
 * Get Fields (the template whose fields to list): the same concept, so one property.
 */
export const cardTemplateIdProperty: INodeProperties = idLocator({
	name: 'cardTemplateId',
	displayName: 'Card Template',
	searchListMethod: 'searchCardTemplates',
	show: { resource: ['card', 'cardTemplate'], operation: ['create', 'getFields'] },
	description:
		'The card design (template): the one a new card is created from, or whose fields to list. Card Template → Get Many lists them.',
});

export const cardCreateDescription: INodeProperties[] = [
	cardTemplateIdProperty,
	...cardDataProperties(showOnlyForCardCreate),
	cardCreateOptions(showOnlyForCardCreate),
];

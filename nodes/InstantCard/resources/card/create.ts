import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { idLocator } from '../../shared/descriptions';
import { cardDataProperties, readCardData } from './cardData';
import { cardCreateOptions } from './finalize';

export { toCardData } from './cardData';

const showOnlyForCardCreate = { resource: ['card'], operation: ['create'] };

async function buildCreateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const templateId = toPositiveInteger(
		this,
		this.getNodeParameter('cardTemplateId', '', { extractValue: true }),
		'Card Template ID',
	);
	options.body = {
		'card[card_template_id]': String(templateId),
		'card[data]': await readCardData(this),
	};
	return options;
}

export const cardCreateDescription: INodeProperties[] = [
	{
		...idLocator({
			name: 'cardTemplateId',
			displayName: 'Card Template',
			searchListMethod: 'searchCardTemplates',
			show: showOnlyForCardCreate,
			description: 'The design to create the card from',
		}),
		routing: { send: { preSend: [buildCreateBody] } },
	},
	...cardDataProperties(showOnlyForCardCreate),
	cardCreateOptions(showOnlyForCardCreate),
];

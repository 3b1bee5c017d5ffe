import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { instantCardList } from '../../shared/listSearch';
import { instantCardRoute } from '../../shared/route';

/** Get Fields' Card Template picker is Card → Create's (`cardTemplateIdProperty`): one property. */
export const cardTemplateOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['cardTemplate'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many card templates',
			description: 'List the approved and shared card designs cards can be created from',
			// The templates endpoint answers every template at once (no paging parameters).
			routing: instantCardRoute('GET', '/card_templates', { list: 'whole' }),
		},
		{
			name: 'Get Fields',
			value: 'getFields',
			action: 'Get the fields of a card template',
			description:
				'List the variable fields (text and images) a card of this template is filled with',
			routing: instantCardRoute('GET', '/card_templates/{cardTemplateId}/fields'),
		},
	],
	default: 'getAll',
};

export const cardTemplateListSearch = {
	async searchCardTemplates(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	) {
		return await instantCardList(
			this,
			{
				path: '/card_templates',
				paged: false,
				toItem: (template: IDataObject) => ({
					name: `${String(template.name)} (#${String(template.id)})`,
					value: String(template.id),
				}),
			},
			filter,
			paginationToken,
		);
	},
};

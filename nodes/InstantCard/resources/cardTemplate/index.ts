import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { instantCardList } from '../../shared/listSearch';
import { cardTemplateGetAllDescription } from './getAll';
import { cardTemplateGetFieldsDescription } from './getFields';

const showOnlyForCardTemplate = { resource: ['cardTemplate'] };

export const cardTemplateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCardTemplate },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many card templates',
				description: 'List the approved and shared card designs cards can be created from',
				routing: { request: { method: 'GET', url: `=${ORG}/card_templates` } },
			},
			{
				name: 'Get Fields',
				value: 'getFields',
				action: 'Get the fields of a card template',
				description:
					'List the variable fields (text and images) a card of this template is filled with',
				routing: { request: { method: 'GET' } },
			},
		],
		default: 'getAll',
	},
	...cardTemplateGetAllDescription,
	...cardTemplateGetFieldsDescription,
];

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

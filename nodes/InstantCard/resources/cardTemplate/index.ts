import type { INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { cardTemplateGetAllDescription } from './getAll';

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
		],
		default: 'getAll',
	},
	...cardTemplateGetAllDescription,
];

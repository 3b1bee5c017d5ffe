import type { INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { cardCreateDescription } from './create';
import { cardGetDescription } from './get';

const showOnlyForCard = { resource: ['card'] };

export const cardDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCard },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a card',
				description: 'Create a draft card from a template. Finalize it before printing.',
				routing: {
					request: {
						method: 'POST',
						url: `=${ORG}/cards`,
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					},
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a card',
				description: "Get a card's template, field values and print dates",
				routing: { request: { method: 'GET', url: `=${ORG}/cards/{{ String($parameter.cardId).trim() }}` } },
			},
		],
		default: 'create',
	},
	...cardCreateDescription,
	...cardGetDescription,
];

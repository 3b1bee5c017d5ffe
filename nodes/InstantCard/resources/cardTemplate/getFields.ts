import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

export const cardTemplateGetFieldsDescription: INodeProperties[] = [
	idLocator({
		name: 'cardTemplateId',
		displayName: 'Card Template',
		searchListMethod: 'searchCardTemplates',
		show: { resource: ['cardTemplate'], operation: ['getFields'] },
		path: '/card_templates/{{ $value }}/fields',
	}),
];

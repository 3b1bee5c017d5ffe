import type { INodeProperties } from 'n8n-workflow';

import { validateIds } from '../../../shared/validation';

export const cardIdField: INodeProperties = {
	displayName: 'Card ID',
	name: 'cardId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '264561',
	description: 'The number of the card, as returned when it was created',
	routing: { send: { preSend: [validateIds({ cardId: 'Card ID' })] } },
};

export const cardGetDescription: INodeProperties[] = [
	{ ...cardIdField, displayOptions: { show: { resource: ['card'], operation: ['get'] } } },
];

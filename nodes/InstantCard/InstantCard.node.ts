import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { routeAllRequests } from '../shared/transport';
import { cardDescription } from './resources/card';
import { cardTemplateDescription } from './resources/cardTemplate';
import { profileDescription } from './resources/profile';
import { BASE_URL, sendRequest } from './shared/api';

export class InstantCard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InstantCard',
		name: 'instantCard',
		icon: { light: 'file:../../icons/instantcard.svg', dark: 'file:../../icons/instantcard.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, preview and print plastic ID cards with InstantCard',
		defaults: { name: 'InstantCard' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instantCardApi', required: true }],
		requestDefaults: {
			baseURL: BASE_URL,
			headers: { Accept: 'application/json' },
		},
		requestOperations: { pagination: sendRequest },
		properties: [
			routeAllRequests,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Card', value: 'card' },
					{ name: 'Card Template', value: 'cardTemplate' },
					{ name: 'Profile', value: 'profile' },
				],
				default: 'card',
			},
			...cardDescription,
			...cardTemplateDescription,
			...profileDescription,
		],
	};
}

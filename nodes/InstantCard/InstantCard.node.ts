import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { routeAllRequests } from '../shared/transport';
import { addressDescription, addressListSearch } from './resources/address';
import { cardDescription, cardListSearch } from './resources/card';
import { cardTemplateDescription, cardTemplateListSearch } from './resources/cardTemplate';
import { getCardTemplateFields } from './resources/cardTemplate/fields';
import { contactDescription, contactListSearch } from './resources/contact';
import { organizationDescription } from './resources/organization';
import { printJobDescription, printJobListSearch } from './resources/printJob';
import { profileDescription } from './resources/profile';
import {
	shippingProviderDescription,
	shippingProviderListSearch,
} from './resources/shippingProvider';
import { BASE_URL, sendRequest } from './shared/api';

export class InstantCard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InstantCard',
		name: 'instantCard',
		icon: {
			light: 'file:../../icons/instantcard.svg',
			dark: 'file:../../icons/instantcard.dark.svg',
		},
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
					{ name: 'Address', value: 'address' },
					{ name: 'Card', value: 'card' },
					{ name: 'Card Template', value: 'cardTemplate' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Organization', value: 'organization' },
					{ name: 'Print Job', value: 'printJob' },
					{ name: 'Profile', value: 'profile' },
					{ name: 'Shipping Provider', value: 'shippingProvider' },
				],
				default: 'card',
			},
			...addressDescription,
			...cardDescription,
			...cardTemplateDescription,
			...contactDescription,
			...organizationDescription,
			...printJobDescription,
			...profileDescription,
			...shippingProviderDescription,
		],
	};

	methods = {
		listSearch: {
			...addressListSearch,
			...cardListSearch,
			...cardTemplateListSearch,
			...contactListSearch,
			...printJobListSearch,
			...shippingProviderListSearch,
		},
		resourceMapping: { getCardTemplateFields },
	};
}

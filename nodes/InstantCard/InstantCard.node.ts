import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { OPERATION_SUBTITLE, resourceSelector } from '../shared/description';
import { routeAllRequests } from '../shared/transport';
import { addressFields, addressListSearch, addressOperation } from './resources/address';
import { addressAdditionalFields } from './resources/address/create';
import { addressUpdateFields } from './resources/address/update';
import { cardFields, cardListSearch, cardOperation } from './resources/card';
import { cardTemplateListSearch, cardTemplateOperation } from './resources/cardTemplate';
import { getCardTemplateFields } from './resources/cardTemplate/fields';
import { contactFields, contactListSearch, contactOperation } from './resources/contact';
import { contactAdditionalFields } from './resources/contact/create';
import { contactUpdateFields } from './resources/contact/update';
import { organizationFields, organizationOperation } from './resources/organization';
import { printJobFields, printJobListSearch, printJobOperation } from './resources/printJob';
import { printJobGetAllFilters } from './resources/printJob/getAll';
import { printJobUpdateFields } from './resources/printJob/update';
import { profileOperation } from './resources/profile';
import {
	shippingProviderListSearch,
	shippingProviderOperation,
} from './resources/shippingProvider';
import { sendRequest } from './shared/api';
import { oneCollection } from '../shared/collections';
import { listProperties } from './shared/descriptions';

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
		subtitle: OPERATION_SUBTITLE,
		description: 'Create, preview and print plastic ID cards with InstantCard',
		defaults: { name: 'InstantCard' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instantCardApi', required: true }],
		// No base URL: the credential puts its API root in front of each path (see
		// `boundAuthentication`), where a base-URL expression would cost two evaluations per item.
		requestDefaults: { headers: { Accept: 'application/json' } },
		requestOperations: { pagination: sendRequest },
		properties: [
			routeAllRequests,
			resourceSelector(
				[
					{ name: 'Address', value: 'address' },
					{ name: 'Card', value: 'card' },
					{ name: 'Card Template', value: 'cardTemplate' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Organization', value: 'organization' },
					{ name: 'Print Job', value: 'printJob' },
					{ name: 'Profile', value: 'profile' },
					{ name: 'Shipping Provider', value: 'shippingProvider' },
				],
				'card',
			),
			// Each resource's operations first: then a field several resources or operations share
			// is one property, placed once where it reads right for all of them.
			addressOperation,
			cardOperation,
			cardTemplateOperation,
			contactOperation,
			organizationOperation,
			printJobOperation,
			profileOperation,
			shippingProviderOperation,
			...addressFields,
			...cardFields,
			...contactFields,
			...organizationFields,
			...printJobFields,
			oneCollection(
				'additionalFields',
				['create'],
				[
					['address', addressAdditionalFields],
					['contact', contactAdditionalFields],
				],
			),
			oneCollection(
				'updateFields',
				['update'],
				[
					['address', addressUpdateFields],
					['contact', contactUpdateFields],
					['printJob', printJobUpdateFields],
				],
			),
			// After Card → Search's term, before Print Job → Get Many's filters.
			...listProperties,
			...printJobGetAllFilters,
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

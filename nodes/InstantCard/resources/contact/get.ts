import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

export const contactGetDescription: INodeProperties[] = [
	idLocator({
		name: 'contactId',
		displayName: 'Contact',
		searchListMethod: 'searchContacts',
		show: { resource: ['contact'], operation: ['get'] },
		path: '/contacts/{{ $value }}',
	}),
];

import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';
import { instantCardList } from '../../shared/listSearch';
import { instantCardRoute } from '../../shared/route';
import { buildCreateBody, contactCreateDescription } from './create';
import { deleteContact } from './delete';
import { contactName } from './fields';
import { buildUpdateBody } from './update';

export const contactOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a contact',
			description: 'Save a contact person that shipping addresses can link to',
			routing: instantCardRoute('POST', '/contacts', { form: buildCreateBody }),
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a contact',
			description:
				'Delete a contact no address links to any more. The output shows what was deleted.',
			routing: instantCardRoute('DELETE', '/contacts/{contactId}', { send: deleteContact }),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a contact',
			description: 'Get a contact with the addresses linked to it',
			routing: instantCardRoute('GET', '/contacts/{contactId}'),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many contacts',
			description: "List the organization's contacts",
			routing: instantCardRoute('GET', '/contacts', { list: 'paged' }),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a contact',
			description: "Change some of a contact's details",
			routing: instantCardRoute('PATCH', '/contacts/{contactId}', {
				form: buildUpdateBody,
			}),
		},
	],
	default: 'create',
};

export const contactFields: INodeProperties[] = [
	/**
	 * The contact an operation is about. Address → Create and Update link a contact with their
	 * own pickers of the same name (address/create.ts, address/update.ts).
	 */
	idLocator({
		name: 'contactId',
		displayName: 'Contact',
		searchListMethod: 'searchContacts',
		show: { resource: ['contact'], operation: ['delete', 'get', 'update'] },
		description:
			'The contact to work on: choose it from the list, or map its ID from a previous node (e.g. Contact → Create or Contact → Get Many). A contact still linked to an address cannot be deleted.',
	}),
	...contactCreateDescription,
];

export const contactListSearch = {
	async searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await instantCardList(
			this,
			{
				path: '/contacts',
				paged: true,
				toItem: (contact: IDataObject) => ({
					name: contactName(contact),
					value: String(contact.id),
				}),
			},
			filter,
			paginationToken,
		);
	},
};

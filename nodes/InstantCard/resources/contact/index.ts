import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { instantCardList } from '../../shared/listSearch';
import { outputDeleted } from '../address/delete';
import { contactCreateDescription } from './create';
import { contactDeleteDescription, contactDeleteRouting } from './delete';
import { contactName } from './fields';
import { contactGetDescription } from './get';
import { contactGetAllDescription } from './getAll';
import { contactUpdateDescription } from './update';

const showOnlyForContact = { resource: ['contact'] };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForContact },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Save a contact person that shipping addresses can link to',
				routing: { request: { method: 'POST', url: `=${ORG}/contacts`, headers: FORM } },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description:
					'Delete a contact no address links to any more. The output shows what was deleted.',
				routing: {
					...contactDeleteRouting,
					request: { method: 'DELETE' },
					output: { postReceive: [outputDeleted('contactId', 'Contact ID')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get a contact with the addresses linked to it',
				routing: { request: { method: 'GET' } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: "List the organization's contacts",
				routing: { request: { method: 'GET', url: `=${ORG}/contacts` } },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: "Change some of a contact's details",
				routing: { request: { method: 'PATCH', headers: FORM } },
			},
		],
		default: 'create',
	},
	...contactCreateDescription,
	...contactDeleteDescription,
	...contactGetDescription,
	...contactGetAllDescription,
	...contactUpdateDescription,
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

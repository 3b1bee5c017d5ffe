import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';
import { instantCardList } from '../../shared/listSearch';
import { instantCardRoute } from '../../shared/route';
import { addressName } from '../contact/fields';
import { addressCreateDescription, buildCreateBody } from './create';
import { addressUpdateDescription, buildUpdateBody } from './update';

export const addressOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['address'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create an address',
			description:
				'Save a shipping address that print jobs can send cards to, optionally with its contact person',
			routing: instantCardRoute('POST', '/addresses', { form: buildCreateBody }),
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete an address',
			description: 'Delete a saved shipping address. The output shows what was deleted.',
			routing: instantCardRoute('DELETE', '/addresses/{addressId}'),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an address',
			description: 'Get a saved shipping address with its contact person',
			routing: instantCardRoute('GET', '/addresses/{addressId}'),
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many addresses',
			description: "List the organization's saved shipping addresses",
			routing: instantCardRoute('GET', '/addresses', { list: 'paged' }),
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an address',
			description: 'Change some fields of a saved shipping address, or link another contact',
			routing: instantCardRoute('PATCH', '/addresses/{addressId}', {
				form: buildUpdateBody,
			}),
		},
	],
	default: 'create',
};

export const addressFields: INodeProperties[] = [
	/**
	 * The address an operation is about. Print Job → Create and Update ship to a saved address
	 * with their own pickers of the same name (printJob/create.ts, printJob/update.ts).
	 */
	idLocator({
		name: 'addressId',
		displayName: 'Address',
		searchListMethod: 'searchAddresses',
		show: { resource: ['address'], operation: ['delete', 'get', 'update'] },
		description:
			'The saved address to work on: choose it from the list, or map its ID from a previous node (e.g. Address → Create or Address → Get Many)',
	}),
	...addressCreateDescription,
	...addressUpdateDescription,
];

export const addressListSearch = {
	async searchAddresses(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await instantCardList(
			this,
			{
				path: '/addresses',
				paged: true,
				toItem: (address: IDataObject) => ({
					name: addressName(address),
					value: String(address.id),
				}),
			},
			filter,
			paginationToken,
		);
	},
};

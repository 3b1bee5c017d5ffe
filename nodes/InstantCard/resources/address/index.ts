import type { IDataObject, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { instantCardList } from '../../shared/listSearch';
import { addressName } from '../contact/fields';
import { addressCreateDescription } from './create';
import { addressDeleteDescription, outputDeleted } from './delete';
import { addressGetDescription } from './get';
import { addressGetAllDescription } from './getAll';
import { addressUpdateDescription } from './update';

const showOnlyForAddress = { resource: ['address'] };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

export const addressDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForAddress },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an address',
				description:
					'Save a shipping address that print jobs can send cards to, optionally with its contact person',
				routing: { request: { method: 'POST', url: `=${ORG}/addresses`, headers: FORM } },
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an address',
				description: 'Delete a saved shipping address. The output shows what was deleted.',
				routing: {
					request: { method: 'DELETE' },
					output: { postReceive: [outputDeleted('addressId', 'Address ID')] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an address',
				description: 'Get a saved shipping address with its contact person',
				routing: { request: { method: 'GET' } },
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many addresses',
				description: "List the organization's saved shipping addresses",
				routing: { request: { method: 'GET', url: `=${ORG}/addresses` } },
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an address',
				description: 'Change some fields of a saved shipping address, or link another contact',
				routing: { request: { method: 'PATCH', headers: FORM } },
			},
		],
		default: 'create',
	},
	...addressCreateDescription,
	...addressDeleteDescription,
	...addressGetDescription,
	...addressGetAllDescription,
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

import type { INodeProperties } from 'n8n-workflow';

import { idLocator, type IdLocatorOptions } from '../../shared/descriptions';
import { readRecordBeforeDelete } from '../../shared/deleted';

export { outputDeleted } from '../../shared/deleted';

/** The ID picker of a Delete operation: checks the ID, then reads the record (in that order). */
export function deleteIdLocator(options: IdLocatorOptions): INodeProperties {
	return idLocator({ ...options, preSend: [readRecordBeforeDelete] });
}

export const addressDeleteDescription: INodeProperties[] = [
	deleteIdLocator({
		name: 'addressId',
		displayName: 'Address',
		searchListMethod: 'searchAddresses',
		show: { resource: ['address'], operation: ['delete'] },
		path: '/addresses/{{ $value }}',
		description: 'The saved address to delete',
	}),
];

import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requireChanges } from '../../../shared/validation';
import { keylineRequest } from '../../shared/call';
import { idField } from '../../shared/ids';
import { unwrap } from '../../shared/output';
import { checkPageRange, printDataFileBody, updateFileFields } from './fields';

/**
 * Keyline requires uri and kind on every update. When the user changes only other fields, the
 * file's current ones are sent again (read first), so they stay as they are; a page range given
 * by one end is checked against the file's other end.
 */
export async function buildUpdateBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const file = printDataFileBody(this, this.getNodeParameter('updateFields', {}) as IDataObject);
	requireChanges(this, file, 'Add at least one field under Update Fields.');
	const oneEndOfRange = (file.first_page === undefined) !== (file.last_page === undefined);
	if (file.uri === undefined || file.kind === undefined || oneEndOfRange) {
		const current = unwrap(
			await keylineRequest(this, { method: 'GET', path: String(options.url) }),
		) as IDataObject;
		if (file.first_page === undefined) {
			checkPageRange(this, current.first_page, file.last_page, 'First Page');
		} else if (file.last_page === undefined) {
			checkPageRange(this, file.first_page, current.last_page, 'Last Page');
		}
		file.uri ??= current.uri;
		file.kind ??= current.kind;
	}
	options.body = { print_data_file: file };
	return options;
}

const show = { resource: ['printDataFile'], operation: ['update'] };

export const printDataFileUpdateDescription: INodeProperties[] = [
	idField('printDataFileId', show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: updateFileFields,
	},
];

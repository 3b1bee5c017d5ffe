/**
 * What every Keyline update shares: an Update Fields collection, a body wrapped in the record's
 * singular name, and a refusal before sending when nothing would change. Some PATCHes require
 * fields the user may not be changing (a cart's offer text, a file's URI and kind): `complete`
 * adds them from the record as it is.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { byDisplayName } from '../../shared/sort';
import { requireChanges } from '../../shared/validation';
import { keylineRequest } from './call';
import { clearCustomReferencesOption } from './fields';
import { unwrap } from './output';

type Build = (context: IExecuteSingleFunctions, fields: IDataObject) => IDataObject;
type Complete = (
	context: IExecuteSingleFunctions,
	body: IDataObject,
	current: () => Promise<IDataObject>,
) => Promise<void>;

/** The fields of a record that has custom references, with the option to remove them all. */
export function withClearOption(options: INodeProperties[]): INodeProperties[] {
	return [...options, clearCustomReferencesOption].sort(byDisplayName);
}

export function updateFieldsCollection(
	show: Record<string, string[]>,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options,
	};
}

/** preSend: `{ [wrapper]: build(Update Fields) }`, completed from the record where Keyline needs it. */
export function updateBody(
	wrapper: string,
	build: Build,
	options: { complete?: Complete; hint?: string } = {},
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const body = build(this, this.getNodeParameter('updateFields', {}) as IDataObject);
		requireChanges(this, body, options.hint ?? 'Add at least one field under Update Fields.');
		// The record as it is, read from the URL about to be patched, only if `complete` asks.
		const current = async () =>
			unwrap(
				await keylineRequest(this, { method: 'GET', path: String(request.url) }),
			) as IDataObject;
		await options.complete?.(this, body, current);
		request.body = { [wrapper]: body };
		return request;
	};
}

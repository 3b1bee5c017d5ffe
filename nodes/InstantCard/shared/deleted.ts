/**
 * Delete answers only `{"result":"Success"}`. So that the output says what was deleted, the record
 * is read (GET on the same URL) just before the DELETE and merged into the output item:
 * `{ deleted: true, id, ...the record }`. A record that cannot be read (e.g. 404) stops the item
 * before anything is deleted, with the API's own words. Cards, addresses and contacts use it.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { itemHandOff } from '../../shared/handOff';
import { isRecord, toPositiveInteger } from '../../shared/validation';
import { readCurrent } from './call';

/** What the GET before a DELETE found, handed from the item's preSend to its postReceive. */
const readBeforeDelete = itemHandOff<IDataObject>();

/** preSend, placed after the ID check: reads the record the DELETE is about to remove. */
export async function readRecordBeforeDelete(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const record = await readCurrent(this, options);
	readBeforeDelete.put(this, isRecord(record) ? record : {});
	return options;
}

/** postReceive: `{ deleted: true, id, ...what was deleted }` instead of `{"result":"Success"}`. */
export function outputDeleted(idParameter: string, label: string) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const id = toPositiveInteger(
			this,
			this.getNodeParameter(idParameter, '', { extractValue: true }),
			label,
		);
		const answer = items[0]?.json as unknown;
		const result =
			answer && typeof answer === 'object' ? (answer as IDataObject).result : undefined;
		// A 2xx that says it did not work must not read as a deletion.
		if (answer === false || (typeof result === 'string' && result.toLowerCase() !== 'success')) {
			throw new NodeOperationError(
				this.getNode(),
				`InstantCard did not delete ${label.replace(/ ID$/, '').toLowerCase()} ${id}`,
				{
					itemIndex: this.getItemIndex(),
					description: `It answered ${JSON.stringify(answer).slice(0, 200)}.`,
				},
			);
		}
		const record = readBeforeDelete.take(this) ?? {};
		return [{ json: { deleted: true, id, ...record } }];
	};
}

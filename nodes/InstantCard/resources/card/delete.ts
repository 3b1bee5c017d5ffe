import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { toPositiveInteger } from '../../../shared/validation';
import { cardLocator } from './shared';

/** postReceive: `{ deleted: true, id }` instead of `{"result":"Success"}` (or an empty answer). */
export async function outputCardDeleted(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = toPositiveInteger(
		this,
		this.getNodeParameter('cardId', '', { extractValue: true }),
		'Card ID',
	);
	const answer = items[0]?.json as unknown;
	const result = answer && typeof answer === 'object' ? (answer as IDataObject).result : undefined;
	// A 2xx that says it did not work must not read as a deletion.
	if (answer === false || (typeof result === 'string' && result.toLowerCase() !== 'success')) {
		throw new NodeOperationError(this.getNode(), `InstantCard did not delete card ${id}`, {
			itemIndex: this.getItemIndex(),
			description: `It answered ${JSON.stringify(answer).slice(0, 200)}.`,
		});
	}
	return [{ json: { deleted: true, id } }];
}

export const cardDeleteDescription: INodeProperties[] = [
	cardLocator('delete', '/cards/{{ $value }}', 'The card to delete'),
];

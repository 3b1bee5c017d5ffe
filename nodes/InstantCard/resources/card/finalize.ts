import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { routeOf } from '../../../shared/route';
import { isRecord } from '../../../shared/validation';
import { instantCardCall } from '../../shared/call';

/** The finalized card; an answer without the card (`true`, `{"result":"Success"}`) still says what happened. */
function finalizedCard(answer: unknown, id: number, known: IDataObject = {}): IDataObject {
	if (isRecord(answer) && answer.id !== undefined) return answer;
	return { ...known, id, status: 'finalized', finalized: true };
}

/** postReceive of Card → Finalize. */
export async function outputFinalized(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = routeOf(this).ids.cardId;
	return items.map((item) => ({ ...item, json: finalizedCard(item.json, id) }));
}

/**
 * postReceive of Card → Create: with the Finalize option on, finalizes the new draft at once. A failure
 * here must say that the card exists (it was created), so the user can finalize or delete it.
 */
export async function finalizeCreatedCard(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('createOptions.finalize', false) !== true) return items;
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const id = Number(item.json.id);
		if (!Number.isSafeInteger(id) || id < 1) {
			throw new NodeOperationError(
				this.getNode(),
				'The card was created, but InstantCard did not say its ID, so it was not finalized',
				{
					itemIndex: this.getItemIndex(),
					description: 'Find the card with Card → Search and finalize it with Card → Finalize.',
				},
			);
		}
		let answer: unknown;
		try {
			answer = await instantCardCall(this, 'PATCH', `/cards/${id}/finalize`);
		} catch (error) {
			const apiError = error as Error & { description?: string };
			throw new NodeOperationError(
				this.getNode(),
				`Card ${id} was created but not finalized: ${apiError.message}`,
				{
					itemIndex: this.getItemIndex(),
					description:
						`${apiError.description ?? ''} The draft card ${id} exists: fix it with Card → Update and finalize it with Card → Finalize, or delete it.`.trim(),
				},
			);
		}
		out.push({ ...item, json: finalizedCard(answer, id, item.json) });
	}
	return out;
}

/** The Options of Card → Create (kept here so create.ts only lists it). */
export function cardCreateOptions(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Options',
		name: 'createOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Finalize',
				name: 'finalize',
				type: 'boolean',
				default: false,
				description:
					'Whether to finalize the card right after creating it, so it can be printed at once. Leave off to preview it first; finalize it later with Card → Finalize.',
			},
		],
	};
}

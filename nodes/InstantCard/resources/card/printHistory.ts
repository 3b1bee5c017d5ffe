import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOf } from '../../../shared/route';

/** Per-card print status: 0 and 1 per the vendor's docs, 2 from InstantCard's own server code. */
const STATUS_NAMES: Record<number, string> = {
	0: 'not printed',
	1: 'printed and sent',
	2: 'failed',
};

/** The status in words, whether the API sends the number, a numeric string or already a name. */
export function printStatusName(status: unknown): string | undefined {
	if (status === undefined || status === null || status === '') return undefined;
	const text = String(status).trim();
	if (/^\d+$/.test(text)) return STATUS_NAMES[Number(text)] ?? `unknown (${text})`;
	return text.toLowerCase().replace(/_/g, ' ');
}

/** postReceive: one item per print order, with the card it belongs to and the status in words. */
export async function outputPrintHistory(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const cardId = routeOf(this).ids.cardId;
	const entries = items.flatMap((item) =>
		Array.isArray(item.json) ? (item.json as IDataObject[]) : [item.json],
	);
	return entries
		.filter((entry) => entry && typeof entry === 'object' && Object.keys(entry).length > 0)
		.map((entry) => ({
			json: { card_id: cardId, ...entry, status_name: printStatusName(entry.status) ?? null },
		}));
}

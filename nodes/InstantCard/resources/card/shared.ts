/** What the card operations share: the Card picker and how a card is named. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

/** The operations about one card, which each put its ID into their path. */
export const ONE_CARD_OPERATIONS = [
	'delete',
	'finalize',
	'get',
	'preview',
	'printHistory',
	'update',
	'uploadImage',
];

/** The Card picker of every operation about one card. */
export const cardIdProperty: INodeProperties = idLocator({
	name: 'cardId',
	displayName: 'Card',
	searchListMethod: 'searchCards',
	show: { resource: ['card'], operation: ONE_CARD_OPERATIONS },
	description:
		'The card to work on: choose it from the list, or map its ID from a previous node (e.g. Card → Create or Card → Search)',
});

/** A card's field values by token, whether `data` is an object or one object per field. */
function valuesOf(data: unknown): IDataObject {
	if (Array.isArray(data)) {
		const out: IDataObject = {};
		for (const entry of data) {
			if (!entry || typeof entry !== 'object') continue;
			const record = entry as IDataObject;
			if (typeof record.token === 'string' && 'value' in record) out[record.token] = record.value;
			else Object.assign(out, record);
		}
		return out;
	}
	return data && typeof data === 'object' ? (data as IDataObject) : {};
}

/** A value worth showing in a name: short text, not an image (lists show images as "image"). */
function shown(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (!text || text === 'image' || text.length > 80) return undefined;
	return text;
}

/** "#264561 · Ada Lovelace": the ID and the card's name-like fields, else its first text values. */
export function cardName(card: IDataObject): string {
	const values = valuesOf(card.data);
	const byKey = (pattern: RegExp) =>
		Object.keys(values)
			.filter((key) => pattern.test(key))
			.map((key) => shown(values[key]))
			.filter((v): v is string => v !== undefined);
	let label = [shown(values.first_name), shown(values.last_name)].filter(Boolean).join(' ');
	if (!label) label = byKey(/name/i)[0] ?? '';
	if (!label) {
		label = Object.values(values)
			.map(shown)
			.filter((v): v is string => v !== undefined)
			.slice(0, 2)
			.join(' ');
	}
	return label ? `#${String(card.id)} · ${label}` : `#${String(card.id)}`;
}

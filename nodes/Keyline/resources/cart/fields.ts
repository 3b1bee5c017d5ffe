/** The cart's own fields, shared by Create and Update (they send the same `cart` object). */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { checkLength, customReferences, customReferencesOption } from '../../shared/fields';

export const CUSTOM_OFFER_TEXT_MAX = 200;

export const cartFieldOptions: INodeProperties[] = [
	customReferencesOption,
	{
		displayName: 'Custom Offer Text',
		name: 'customOfferText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'A text printed on the offer document, up to 200 characters',
	},
	{
		displayName: 'Due Date',
		name: 'dueAt',
		type: 'dateTime',
		default: '',
		description: 'When the order is due at the print shop',
	},
];

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date as Keyline's `due_at` takes it (ISO 8601), or undefined. Only real calendar dates and
 * times: JavaScript would read 2026-02-30 as 2 March and "Dec 24" as a date in 2001. A date
 * from an expression (a JavaScript Date or a Luxon DateTime) is taken as it is.
 */
export function isoDateTime(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const luxon = value as { isValid?: boolean; toISO?: () => string | null };
	if (typeof luxon?.toISO === 'function') return (luxon.isValid && luxon.toISO()) || undefined;
	const text = String(value).trim();
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', zone] = match;
	const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
	const zoneOk = !zone || zone === 'Z' || /^[+-](?:0\d|1[0-4]):?[0-5]\d$/.test(zone);
	const valid =
		Number(month) >= 1 &&
		Number(month) <= 12 &&
		Number(day) >= 1 &&
		Number(day) <= daysInMonth &&
		Number(hour) <= 23 &&
		Number(minute) <= 59 &&
		Number(second) <= 59 &&
		zoneOk;
	return valid ? text : undefined;
}

/** The `cart` object of the body from a collection parameter; checked before anything is sent. */
export function cartBody(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const cart: IDataObject = {};
	if (fields.customOfferText !== undefined) {
		checkLength(context, fields.customOfferText, 'Custom Offer Text', CUSTOM_OFFER_TEXT_MAX);
		cart.custom_offer_text = fields.customOfferText;
	}
	if (fields.dueAt !== undefined && fields.dueAt !== '') {
		const dueAt = isoDateTime(fields.dueAt);
		if (dueAt === undefined) {
			const shown = String(fields.dueAt).slice(0, 60);
			throw new NodeOperationError(context.getNode(), `Due Date "${shown}" is not a date`, {
				itemIndex: context.getItemIndex(),
				description:
					'Pick a date, or give a calendar date with an optional time, like 2026-12-24 or 2026-12-24T17:00:00+01:00.',
			});
		}
		cart.due_at = dueAt;
	}
	const references = customReferences(context, fields);
	if (references !== undefined) cart.custom_references = references;
	return cart;
}

/**
 * The fields of a new cart (Create, Place Order), set after `POST /carts` with the documented
 * `PATCH /carts/{id}`, which requires the offer text: without one, a due date or custom
 * references are refused before anything is sent instead of being lost.
 */
export function newCartFields(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const cart = cartBody(context, fields);
	if (Object.keys(cart).length > 0 && cart.custom_offer_text === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			'Custom Offer Text is needed to set a due date or custom references',
			{
				itemIndex: context.getItemIndex(),
				description:
					"Keyline sets a cart's due date and custom references together with its offer text (its cart update requires one). Add Custom Offer Text under Additional Fields.",
			},
		);
	}
	return cart;
}

import type { ApiProfile } from '../../shared/errors';
import { requestHook } from '../../shared/transport';

export const KEYLINE: ApiProfile = {
	name: 'Keyline',
	hints: {
		400: 'A required part of the request was missing. Fill in the fields the operation asks for.',
		401: 'Keyline received no API key. Check the API Key of the Keyline credential.',
		403: 'Keyline rejected the API key ("Bad token"): it may have been revoked or belong to another Keyline account. Create or copy one in Keyline under Settings → API.',
		404: 'Check the ID, and that it belongs to the account of the API key. A cart that has been checked out is gone: work with its order instead.',
		422: 'Keyline did not accept the request; its words are above, each with the field they are about.',
	},
	translate: toEnglish,
};

/**
 * Keyline answers validation errors in German (Rails' `de` messages). They are kept as said, and
 * the description gives them in English for those who do not read German.
 */
const GERMAN: Array<[RegExp, string]> = [
	[/muss ausgefüllt werden/g, 'must be filled in'],
	[/ist nicht gültig/g, 'is not valid'],
	[/ist kein gültiger Wert/g, 'is not one of the allowed values'],
	[/ist keine Zahl/g, 'is not a number'],
	[/muss ganzzahlig sein/g, 'must be a whole number'],
	[/ist bereits vergeben/g, 'is already taken'],
	[/ist kein gültiges Datum/g, 'is not a valid date'],
	[/hat ein ungültiges Format/g, 'has an invalid format'],
	[/ist zu kurz \(weniger als (\d+) Zeichen\)/g, 'is too short (fewer than $1 characters)'],
	[/ist zu lang \(mehr als (\d+) Zeichen\)/g, 'is too long (more than $1 characters)'],
	[/muss größer oder gleich (\d+) sein/g, 'must be $1 or more'],
	[/darf höchstens (\d+) Einträge enthalten/g, 'may have at most $1 entries'],
	[/muss genau (\d+) Werte enthalten/g, 'must have exactly $1 values'],
	[
		/Der Auftrag kann nicht mehr geändert werden/g,
		'The order can no longer be changed (it is completed or archived)',
	],
	[
		/muss gesetzt sein, bevor ein Empfänger gesetzt werden kann/g,
		'must be set before a recipient can be set',
	],
	[/passt nicht zur angegebenen Produktvorlage/g, 'does not match the product template given'],
	[
		/kann nicht gesetzt werden, wenn das Produkt mehrere Varianten hat/g,
		'cannot be set when the product has several variants',
	],
	[/Beispiel/g, 'example'],
];

function toEnglish(text: string): string | undefined {
	let english = text;
	for (const [german, replacement] of GERMAN) english = english.replace(german, replacement);
	return english === text ? undefined : english;
}

export const sendRequest = requestHook(KEYLINE);

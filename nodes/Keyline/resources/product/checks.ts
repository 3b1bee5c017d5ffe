/**
 * Checks of the values products, variants and components share (names, counts, sizes), made
 * before anything is sent so the user reads the field's own name instead of Keyline's German.
 */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { checkLength } from '../../shared/fields';
import { refusal } from '../../../shared/validation';

/** Names of products, variants and components; also the paper name. */
export const NAME_MAX = 200;

/** A text Keyline needs at least one character of, up to 200. */
export function nameValue(context: IExecuteSingleFunctions, value: unknown, label: string): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	if (text.trim() === '') {
		throw refusal(
			context,
			`${label} is empty`,
			`Enter a ${label}, or remove the field to leave it as it is.`,
		);
	}
	checkLength(context, text, label, NAME_MAX);
	return text;
}

/** A whole number of at least `min` (circulations, sizes, grammage), from a number or digits. */
export function wholeNumber(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	example: string,
	min = 1,
): number {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (text === '') {
		throw refusal(context, `${label} is empty`, `Enter a whole number, e.g. ${example}.`);
	}
	const number = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < min) {
		throw refusal(
			context,
			`${label} must be a whole number of at least ${min}, not "${text.slice(0, 60)}"`,
			`Enter a whole number, e.g. ${example}.`,
		);
	}
	return number;
}

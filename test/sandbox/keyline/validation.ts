/**
 * Request validation the way Keyline (a Rails app with the `de` locale) answers it:
 * a missing or empty wrapper param is a 400 (`ActionController::ParameterMissing`),
 * field errors are a 422 `{"errors": {"field": ["message", ...]}}` with Rails' German messages.
 */
import { HttpError, type ApiRequest } from '../core';
import documented from './documented.json';

export type FieldErrors = Record<string, string[]>;

/** Rails-i18n `de` messages, plus the few Keyline-specific texts the doc shows. */
export const MSG = {
	blank: 'muss ausgefüllt werden',
	invalid: 'ist nicht gültig',
	inclusion: 'ist kein gültiger Wert',
	notANumber: 'ist keine Zahl',
	notAnInteger: 'muss ganzzahlig sein',
	taken: 'ist bereits vergeben',
	invalidDate: 'ist kein gültiges Datum',
	phone: 'hat ein ungültiges Format (Beispiel: +4961316171000)',
	tooShort: (n: number) => `ist zu kurz (weniger als ${n} Zeichen)`,
	tooLong: (n: number) => `ist zu lang (mehr als ${n} Zeichen)`,
	gte: (n: number) => `muss größer oder gleich ${n} sein`,
	maxEntries: (n: number) => `darf höchstens ${n} Einträge enthalten`,
	exactItems: (n: number) => `muss genau ${n} Werte enthalten`,
} as const;

export const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `params.require(key)`: 400 when the wrapper is absent, not an object or empty — Rails treats
 * an empty hash as missing too.
 */
export function requireParam(req: ApiRequest, key: string): Record<string, unknown> {
	const value = req.params[key];
	if (!isObject(value) || Object.keys(value).length === 0) {
		throw new HttpError(400, { error: `param is missing or the value is empty: ${key}` });
	}
	return value;
}

export function unprocessable(errors: FieldErrors): never {
	throw new HttpError(422, { errors });
}

/** Parses an integer the way Rails' numericality validation accepts it (numbers or numeric strings). */
export function parseInteger(value: unknown): number | 'nan' | 'fraction' {
	let n: number;
	if (typeof value === 'number') n = value;
	else if (typeof value === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)) n = Number(value);
	else return 'nan';
	if (!Number.isFinite(n)) return 'nan';
	return Number.isInteger(n) ? n : 'fraction';
}

interface StringRule {
	required?: boolean;
	min?: number;
	max?: number;
}

interface IntegerRule {
	required?: boolean;
	min?: number;
}

/**
 * Collects the errors of one wrapper object. Readers return `undefined` when the key is absent
 * (leave the value as it is), `null` when it was sent as null (clear it), else the parsed value.
 */
export class Validator {
	readonly errors: FieldErrors = {};

	constructor(readonly input: Record<string, unknown>) {}

	add(field: string, message: string): void {
		(this.errors[field] ??= []).push(message);
	}

	has(field: string): boolean {
		return Object.prototype.hasOwnProperty.call(this.input, field);
	}

	get ok(): boolean {
		return Object.keys(this.errors).length === 0;
	}

	/** Throws the 422 when any error was collected. */
	check(): void {
		if (!this.ok) unprocessable(this.errors);
	}

	string(field: string, rule: StringRule = {}): string | null | undefined {
		const value = this.input[field];
		if (value === undefined || value === null) {
			if (rule.required) this.add(field, MSG.blank);
			return value === null && !rule.required ? null : undefined;
		}
		// Rails casts numbers given for string columns; anything else is not a valid string.
		if (typeof value !== 'string' && typeof value !== 'number') {
			this.add(field, MSG.invalid);
			return undefined;
		}
		const text = String(value);
		// Presence fails on blank text; a `min` length gives the doc's "ist zu kurz" message instead.
		if (rule.required && rule.min === undefined && text.trim() === '') {
			this.add(field, MSG.blank);
			return undefined;
		}
		if (rule.min !== undefined && text.length < rule.min) this.add(field, MSG.tooShort(rule.min));
		else if (rule.max !== undefined && text.length > rule.max)
			this.add(field, MSG.tooLong(rule.max));
		return text;
	}

	integer(field: string, rule: IntegerRule = {}): number | null | undefined {
		const value = this.input[field];
		if (value === undefined || value === null || value === '') {
			if (rule.required) this.add(field, MSG.blank);
			return value === undefined || rule.required ? undefined : null;
		}
		const n = parseInteger(value);
		if (n === 'nan') this.add(field, MSG.notANumber);
		else if (n === 'fraction') this.add(field, MSG.notAnInteger);
		else if (rule.min !== undefined && n < rule.min) this.add(field, MSG.gte(rule.min));
		else return n;
		return undefined;
	}

	oneOf<T extends string>(field: string, values: readonly T[], rule: { required?: boolean } = {}) {
		const value = this.input[field];
		if (value === undefined || value === null || value === '') {
			if (rule.required) this.add(field, MSG.blank);
			return value === undefined || rule.required ? undefined : null;
		}
		if (typeof value !== 'string' || !values.includes(value as T)) {
			this.add(field, MSG.inclusion);
			return undefined;
		}
		return value as T;
	}

	/** ISO 8601 date-time; answers it normalised to UTC like Rails' JSON of a UTC time. */
	datetime(field: string): string | null | undefined {
		const value = this.input[field];
		if (value === undefined || value === null || value === '')
			return value === undefined ? undefined : null;
		const ms =
			typeof value === 'string' &&
			/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
				? Date.parse(value)
				: NaN;
		if (Number.isNaN(ms)) {
			this.add(field, MSG.invalidDate);
			return undefined;
		}
		return new Date(ms).toISOString();
	}

	email(field: string, rule: { required?: boolean } = {}): string | null | undefined {
		const text = this.string(field, { required: rule.required });
		if (typeof text === 'string' && text !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
			this.add(field, MSG.invalid);
			return undefined;
		}
		if (text === '' && rule.required) {
			this.add(field, MSG.blank);
			return undefined;
		}
		return text === '' ? null : text;
	}

	/** E.164-like phone, as the doc's example error hints (`+4961316171000`). */
	phone(field: string): string | null | undefined {
		const text = this.string(field);
		if (text === '' || text === null) return null;
		if (typeof text === 'string' && !/^\+[1-9]\d{5,14}$/.test(text.replace(/[\s/-]/g, ''))) {
			this.add(field, MSG.phone);
			return undefined;
		}
		return text;
	}

	/** "Contains up to 5 arbitrary key-value entries" with scalar values. */
	customReferences(field: string): Record<string, string | number> | null | undefined {
		const value = this.input[field];
		if (value === undefined) return undefined;
		if (value === null) return null;
		if (!isObject(value)) {
			this.add(field, MSG.invalid);
			return undefined;
		}
		const entries = Object.entries(value);
		if (entries.length > 5) {
			this.add(field, MSG.maxEntries(5));
			return undefined;
		}
		if (entries.some(([k, v]) => k === '' || (typeof v !== 'string' && typeof v !== 'number'))) {
			this.add(field, MSG.invalid);
			return undefined;
		}
		return value as Record<string, string | number>;
	}

	/** Two positive integers (width, height in mm). */
	dimensions(field: string): [number, number] | undefined {
		const value = this.input[field];
		if (value === undefined) return undefined;
		if (!Array.isArray(value) || value.length !== 2) {
			this.add(field, MSG.exactItems(2));
			return undefined;
		}
		const parsed = value.map(parseInteger);
		if (parsed.some((n) => n === 'nan')) this.add(field, MSG.notANumber);
		else if (parsed.some((n) => n === 'fraction')) this.add(field, MSG.notAnInteger);
		else if ((parsed as number[]).some((n) => n < 1)) this.add(field, MSG.gte(1));
		else return parsed as [number, number];
		return undefined;
	}

	/** `$color_family/$color_name` with the family one of CMYK, HKS, Pantone, custom. */
	colors(field: string): string[] | undefined {
		const value = this.input[field];
		if (value === undefined) return undefined;
		if (value === null) return [];
		if (!Array.isArray(value) || !value.every((c) => typeof c === 'string' && isValidColor(c))) {
			this.add(field, MSG.inclusion);
			return undefined;
		}
		return value as string[];
	}
}

export const COLOR_FAMILIES = ['CMYK', 'HKS', 'Pantone', 'custom'] as const;
const CMYK_NAMES = ['Cyan', 'Magenta', 'Yellow', 'Black'];

export function isValidColor(color: string): boolean {
	const match = /^([^/]+)\/(.+)$/.exec(color);
	if (!match || !(COLOR_FAMILIES as readonly string[]).includes(match[1])) return false;
	// The CMYK family only has its four process colours; the others are open name spaces.
	return match[1] !== 'CMYK' || CMYK_NAMES.includes(match[2]);
}

/** ISO 3166-1 alpha-2 codes, for `country_code` ("ist kein gültiger Wert" otherwise). */
export const COUNTRY_CODES = new Set(documented.countryCodes);

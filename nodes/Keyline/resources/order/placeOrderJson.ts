/**
 * The "Products (JSON)" input of Place Order (One Step): products with Keyline's key names, each
 * checked for its keys and put into the shape of the Products fields, so that both sources are
 * then built and checked by the same code (placeOrderPlan.ts). Every error names the product
 * (and variant, component change or file) it is about.
 */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { isRecord, parseJsonParameter, refusal } from '../../../shared/validation';
import type { ProductInput } from './placeOrderPlan';

/** Given: neither absent nor JSON's null. */
export const given = (value: unknown) => value !== undefined && value !== null;
/** A value as an error message quotes it, cut short. */
export const shown = (value: unknown) => {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `"${String(text).slice(0, 60)}"`;
};

/** The products given, unchecked yet, but at least one: a single object counts as one. */
export function jsonProducts(context: IExecuteSingleFunctions): unknown[] {
	const parsed = parseJsonParameter(context, 'productsJson', 'Products (JSON)');
	if (!given(parsed)) {
		throw refusal(
			context,
			'Products (JSON) is empty',
			'Give a list of products, e.g. map {{ $json.body.products }} from a Webhook.',
		);
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (list.length === 0) {
		throw refusal(
			context,
			'Products (JSON) has no products',
			'Give a list with at least one product.',
		);
	}
	return list;
}

/**
 * The keys a JSON record can have, each with the field it goes to ('' = read on its own):
 * any other key is refused, so a typo does not go unnoticed.
 */
const FILE_KEYS = {
	uri: 'uri',
	kind: 'kind',
	filesize: 'fileSize',
	first_page: 'firstPage',
	last_page: 'lastPage',
};
const JSON_KEYS = {
	product: {
		product_template_id: '',
		order_number: '',
		name: 'name',
		circulation: 'circulation',
		net_total: 'netTotalCents',
		custom_references: '',
		variants: '',
		components: '',
		print_data_files: '',
	},
	variant: { name: 'name', circulation: 'circulation' },
	component: {
		component: 'component',
		name: 'name',
		paper_name: 'paperName',
		grain: 'grain',
		grammage: 'grammage',
		closed_dimensions: '',
		front_colors: '',
		back_colors: '',
		print_data_files: '',
	},
	/** A file of the product, which can name its component. */
	file: { ...FILE_KEYS, component: 'component' },
	/** A file given inside a component change: its component is that one. */
	componentFile: FILE_KEYS,
};
const JSON_FIX = 'See the description of Products (JSON) for the keys and what they take.';
const COLORS_FIX =
	'Give a list of Family/Name, e.g. ["CMYK/Cyan", "Pantone/83"], with the family CMYK, HKS, Pantone or custom; [] leaves the side unprinted.';

/** A JSON record checked for its keys, and its values (not null) under the fields' names. */
function jsonRecord(
	context: IExecuteSingleFunctions,
	where: string,
	value: unknown,
	what: keyof typeof JSON_KEYS,
): { record: IDataObject; fields: IDataObject } {
	const names: Record<string, string> = JSON_KEYS[what];
	if (!isRecord(value)) {
		// "product", "variant", "component change" or "print data file": what `where` ends with.
		const noun = where.replace(/^.*, | \d+$/g, '');
		throw refusal(
			context,
			`${where}: the ${noun} must be an object, not ${shown(value)}`,
			JSON_FIX,
		);
	}
	const unknown = Object.keys(value).find((key) => !(key in names));
	if (unknown !== undefined) {
		throw refusal(
			context,
			`${where}: unknown key "${unknown}"`,
			`The keys that can be given here are ${Object.keys(names).join(', ')}. Map your data to them, e.g. with a Set node or an expression.`,
		);
	}
	const fields: IDataObject = {};
	for (const [key, name] of Object.entries(names))
		if (name && given(value[key])) fields[name] = value[key];
	return { record: value, fields };
}

function jsonList(
	context: IExecuteSingleFunctions,
	where: string,
	record: IDataObject,
	key: string,
): unknown[] {
	const value = record[key];
	if (!given(value)) return [];
	if (!Array.isArray(value))
		throw refusal(context, `${where}: "${key}" must be a list, not ${shown(value)}`, JSON_FIX);
	return value;
}

function templateFromJson(
	context: IExecuteSingleFunctions,
	where: string,
	record: IDataObject,
): IDataObject {
	const byId = given(record.product_template_id);
	if (byId === given(record.order_number)) {
		throw refusal(
			context,
			byId
				? `${where}: give "product_template_id" or "order_number", not both`
				: `${where}: "product_template_id" or "order_number" is needed`,
			'Keyline adds a product from a template the print shop set up: give its ID or its order number, as agreed with the print shop.',
		);
	}
	return byId
		? { __rl: true, mode: 'id', value: record.product_template_id }
		: { __rl: true, mode: 'orderNumber', value: record.order_number };
}

/** `{"PO": "7891234"}` as the Custom References field's entries. */
function referencesFromJson(
	context: IExecuteSingleFunctions,
	where: string,
	value: unknown,
): IDataObject {
	const fail = (what: string) =>
		refusal(context, `${where}: "custom_references"${what}`, 'e.g. {"PO": "7891234"}.');
	if (!isRecord(value)) throw fail(` must be an object of keys and values, not ${shown(value)}`);
	const reference = Object.entries(value).map(([key, text]) => {
		if (given(text) && typeof text !== 'string' && typeof text !== 'number') {
			throw fail(`: the value of "${key}" must be text or a number, not ${shown(text)}`);
		}
		return { key, value: text };
	});
	return { reference };
}

/** Keyline's color strings (CMYK/Cyan, Pantone/83; [] is unprinted) as the Colors field's entries. */
function colorsFromJson(
	context: IExecuteSingleFunctions,
	where: string,
	key: string,
	value: unknown,
): IDataObject {
	const fail = (what: string) => refusal(context, `${where}: "${key}"${what}`, COLORS_FIX);
	const list =
		typeof value === 'string'
			? value
					.split(',')
					.map((c) => c.trim())
					.filter(Boolean)
			: value;
	if (!Array.isArray(list)) throw fail(` must be a list of colors, not ${shown(value)}`);
	if (typeof value !== 'string' && list.length === 0) return { color: [{ family: 'none' }] };
	return {
		color: list.map((color) => {
			const text = typeof color === 'string' ? color.trim() : '';
			if (text.toLowerCase() === 'none') return { family: 'none' };
			const match = /^([^/]+)\/(.+)$/.exec(text);
			if (!match) throw fail(`: ${shown(color)} is not a color like CMYK/Black or Pantone/83`);
			return match[1] === 'CMYK'
				? { family: 'CMYK', processColor: match[2] }
				: { family: match[1], name: match[2] };
		}),
	};
}

function fileFromJson(
	context: IExecuteSingleFunctions,
	where: string,
	raw: unknown,
	what: 'file' | 'componentFile',
): IDataObject {
	const { uri, kind, ...additionalFields } = jsonRecord(context, where, raw, what).fields;
	return { uri, kind, additionalFields };
}

function componentFromJson(context: IExecuteSingleFunctions, where: string, raw: unknown) {
	const { record, fields } = jsonRecord(context, where, raw, 'component');
	const { component, ...changes } = fields;
	const size = record.closed_dimensions;
	if (given(size)) {
		if (!Array.isArray(size) || size.length !== 2) {
			throw refusal(
				context,
				`${where}: "closed_dimensions" must be [width, height] in millimeters, not ${shown(size)}`,
				'e.g. [148, 210] for A5 portrait.',
			);
		}
		changes.closedWidth = size[0] as number;
		changes.closedHeight = size[1] as number;
	}
	if (given(record.front_colors))
		changes.frontColors = colorsFromJson(context, where, 'front_colors', record.front_colors);
	if (given(record.back_colors))
		changes.backColors = colorsFromJson(context, where, 'back_colors', record.back_colors);
	return {
		change: { component, changes },
		files: jsonList(context, where, record, 'print_data_files').map((file, j) =>
			fileFromJson(context, `${where}, print data file ${j + 1}`, file, 'componentFile'),
		),
	};
}

/** A product with Keyline's key names, in the shape of the Products fields. */
export function productFromJson(
	context: IExecuteSingleFunctions,
	where: string,
	raw: unknown,
): ProductInput {
	const { record, fields: additionalFields } = jsonRecord(context, where, raw, 'product');
	if (given(record.custom_references)) {
		additionalFields.customReferences = referencesFromJson(
			context,
			where,
			record.custom_references,
		);
	}
	const list = (key: string) => jsonList(context, where, record, key);
	return {
		product: { productTemplate: templateFromJson(context, where, record), additionalFields },
		variants: list('variants').map((entry, i) => {
			const { record: variant, fields: values } = jsonRecord(
				context,
				`${where}, variant ${i + 1}`,
				entry,
				'variant',
			);
			return { values, nameMapped: given(variant.name) };
		}),
		components: list('components').map((entry, i) =>
			componentFromJson(context, `${where}, component change ${i + 1}`, entry),
		),
		files: list('print_data_files').map((file, i) =>
			fileFromJson(context, `${where}, print data file ${i + 1}`, file, 'file'),
		),
	};
}

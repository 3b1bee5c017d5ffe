/**
 * Reads and checks everything Place Order (One Step) will send, before the first request: a
 * mistake in product 3 must not leave a half-built cart behind. Each part is built by its own
 * resource's builder (Recipient, Address, Product, Variant, Component, Print Data File), so a
 * rule lives in one place. Products come from the fields or as JSON with Keyline's key names;
 * JSON is first put into the fields' shape, so both take the same path, and every error says
 * which product (and variant, component change or file) it is about.
 */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import {
	isRecord,
	parseJsonParameter,
	refusal,
	toPositiveInteger,
} from '../../../shared/validation';
import { withErrorPrefix } from '../../shared/fields';
import { addressFromValues } from '../address/fields';
import { cartBody } from '../cart/fields';
import { componentBody } from '../component/fields';
import { printDataFileBody } from '../printDataFile/fields';

import { productBody, templateReference } from '../product/fields';
import { recipientFromValues } from '../recipient/set';
import { newVariantBody } from '../variant/fields';

/** A component of the product: by position (1 = first) or by name. */
export type ComponentRef = { position: number } | { name: string };

export interface FilePlan {
	body: IDataObject;
	/** Absent: the file belongs to the whole product. */
	component?: ComponentRef;
}

export interface ComponentPlan {
	ref: ComponentRef;
	changes: IDataObject;
}

export interface ProductPlan {
	body: IDataObject;
	variants: IDataObject[];
	components: ComponentPlan[];
	files: FilePlan[];
}

export interface OrderPlan {
	cart: IDataObject;
	customerId: number;
	recipient: IDataObject;
	carrierId: number;
	billingAddress: IDataObject;
	deliveryAddress: IDataObject;
	products: ProductPlan[];
	placeTheOrder: boolean;
}

/** One product in the shape of the Products fields, wherever it came from. */
interface ProductInput {
	/** Product Template and Additional Fields. */
	product: IDataObject;
	/** `nameMapped`: the name came from an expression, so an empty one is refused. */
	variants: Array<{ values: IDataObject; nameMapped: boolean }>;
	/** A component change, with the files for that component (JSON can nest them there). */
	components: Array<{ change: IDataObject; files: IDataObject[] }>;
	files: IDataObject[];
}

const given = (value: unknown) => value !== undefined && value !== null;
const shown = (value: unknown) => {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `"${String(text).slice(0, 60)}"`;
};

const ADDRESS_NEEDS = 'Addressee, Zip Code, Town and Country Code';

/** Reads the whole order; throws the first problem found, naming the field. */
export function readOrderPlan(context: IExecuteSingleFunctions): OrderPlan {
	const param = (name: string) => context.getNodeParameter(name, '');
	const customerId = toPositiveInteger(context, param('customerId'), 'Customer ID', '206');
	const person = group(
		context,
		'recipient',
		'person',
		'Recipient',
		'First Name, Last Name and Email',
	);
	const recipient = recipientFromValues(context, person, 'Recipient');
	const carrierId = toPositiveInteger(context, param('carrierId'), 'Carrier ID', '43');
	const billingAddress = addressFromValues(
		context,
		group(context, 'billingAddress', 'address', 'Billing Address', ADDRESS_NEEDS),
		{ delivery: false, label: 'Billing Address' },
	);
	const deliveryAddress = addressFromValues(
		context,
		group(context, 'deliveryAddress', 'address', 'Delivery Address', ADDRESS_NEEDS),
		{ delivery: true, label: 'Delivery Address' },
	);
	const products = readProducts(context);
	const cart = cartBody(context, context.getNodeParameter('additionalFields', {}) as IDataObject);
	return {
		cart,
		customerId,
		recipient,
		carrierId,
		billingAddress,
		deliveryAddress,
		products,
		placeTheOrder: context.getNodeParameter('placeTheOrder', false) === true,
	};
}

/** The one entry of a single fixedCollection, or a clear error that it was not added. */
function group(
	context: IExecuteSingleFunctions,
	parameter: string,
	entry: string,
	label: string,
	needs: string,
): IDataObject {
	const value = (context.getNodeParameter(parameter, {}) as IDataObject)?.[entry];
	const found = Array.isArray(value) ? value[0] : value;
	if (!isRecord(found)) {
		throw refusal(
			context,
			`${label} is missing`,
			`Add it under ${label} with ${needs}: Keyline needs it to place the order.`,
		);
	}
	return found;
}

function readProducts(context: IExecuteSingleFunctions): ProductPlan[] {
	if (context.getNodeParameter('productsInput', 'fields') === 'json') {
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
		return list.map((raw, index) => {
			const where = `Products (JSON), product ${index + 1}`;
			return buildProduct(context, where, productFromJson(context, where, raw));
		});
	}
	const entries = ((context.getNodeParameter('products', {}) as IDataObject).product ??
		[]) as IDataObject[];
	if (entries.length === 0) {
		throw refusal(context, 'No products', 'Add at least one product under Products.');
	}
	// The entries as entered, before expressions: to tell an empty name from one mapped to nothing.
	const raw = ((context.getNode().parameters.products as IDataObject | undefined)?.product ??
		[]) as IDataObject[];
	return entries.map((entry, index) =>
		buildProduct(context, `Product ${index + 1}`, productFromFields(entry, raw[index])),
	);
}

// ----- one path for both sources: the resources' builders -----

/** Position (1 = first) or name of a component of the new product; undefined when blank. */
function componentRef(context: IExecuteSingleFunctions, value: unknown): ComponentRef | undefined {
	if (!given(value) || String(value).trim() === '') return undefined;
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
		const position = Number(value);
		if (Number.isInteger(position) && position >= 1) return { position };
	} else if (typeof value === 'string') return { name: value.trim() };
	throw refusal(
		context,
		`Component must be a position from 1 or a name, not ${shown(value)}`,
		'Give the position of the component in the product (1 = first) or its name, e.g. Inhalt.',
	);
}

function buildFile(
	context: IExecuteSingleFunctions,
	where: string,
	values: IDataObject,
	ref?: ComponentRef,
): FilePlan {
	return withErrorPrefix(context, where, () => {
		const { component, ...optional } = (values.additionalFields ?? {}) as IDataObject;
		const body = printDataFileBody(context, {
			...optional,
			uri: values.uri ?? '',
			kind: values.kind ?? '',
		});
		const target = ref ?? componentRef(context, component);
		return target ? { body, component: target } : { body };
	});
}

function buildProduct(
	context: IExecuteSingleFunctions,
	where: string,
	input: ProductInput,
): ProductPlan {
	const at = (part: string) => `${where}, ${part}`;
	const body = withErrorPrefix(context, where, () => ({
		...templateReference(context, input.product.productTemplate),
		...productBody(context, (input.product.additionalFields ?? {}) as IDataObject),
	}));

	const variants = input.variants.map(({ values, nameMapped }, i) =>
		withErrorPrefix(context, at(`variant ${i + 1}`), () =>
			newVariantBody(context, values, nameMapped),
		),
	);
	const names = variants.map((v) => v.name).filter((n) => n !== undefined);
	const repeated = names.find((n, i) => names.indexOf(n) !== i);
	if (repeated !== undefined) {
		throw refusal(
			context,
			`${where}: two variants are named "${String(repeated)}"`,
			'Each variant of a product needs its own name.',
		);
	}
	if (body.circulation !== undefined && variants.length > 0) {
		throw refusal(
			context,
			`${where}: give Circulation or Variants, not both`,
			"With variants, the product's circulation is the sum of theirs: set each variant's circulation instead.",
		);
	}

	const files = input.files.map((values, i) =>
		buildFile(context, at(`print data file ${i + 1}`), values),
	);
	const components: ComponentPlan[] = [];
	for (const [i, { change, files: attached }] of input.components.entries()) {
		const here = at(`component change ${i + 1}`);
		const { ref, changes } = withErrorPrefix(context, here, () => {
			const target = componentRef(context, change.component);
			if (!target) {
				throw refusal(
					context,
					'Component is empty',
					'Give the position of the component in the product (1 = first) or its name.',
				);
			}
			return {
				ref: target,
				changes: componentBody(context, (change.changes ?? {}) as IDataObject),
			};
		});
		const own = attached.map((values, j) =>
			buildFile(context, `${here}, print data file ${j + 1}`, values, ref),
		);
		if (Object.keys(changes).length === 0 && own.length === 0) {
			throw refusal(
				context,
				`${here}: nothing to change`,
				'Add at least one change (paper, grain, grammage, size or colors), or remove the entry.',
			);
		}
		if (Object.keys(changes).length > 0) components.push({ ref, changes });
		files.push(...own);
	}
	return { body, variants, components, files };
}

// ----- the two sources -----

function productFromFields(entry: IDataObject, raw: IDataObject | undefined): ProductInput {
	const list = (collection: unknown, key: string) =>
		(((collection ?? {}) as IDataObject)[key] ?? []) as IDataObject[];
	const rawVariants = list(raw?.variants, 'variant');
	return {
		product: { productTemplate: entry.productTemplate, additionalFields: entry.additionalFields },
		variants: list(entry.variants, 'variant').map((values, i) => ({
			values,
			nameMapped: String(rawVariants[i]?.name ?? '').startsWith('='),
		})),
		components: list(entry.components, 'component').map((change) => ({ change, files: [] })),
		files: list(entry.printDataFiles, 'file'),
	};
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
function productFromJson(
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

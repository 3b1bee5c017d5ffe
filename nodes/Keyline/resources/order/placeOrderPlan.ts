/**
 * Reads and checks everything Place Order (One Step) will send, before the first request: a
 * mistake in product 3 must not leave a half-built cart behind. Products come from the fields
 * or as JSON with Keyline's own field names; both go through the same checks, and each error
 * names the field (as the user wrote it) and the product.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { parseJsonParameter, toPositiveInteger } from '../../../shared/validation';
import { customReferences, MAX_CUSTOM_REFERENCES } from '../../shared/fields';
import { addressFromValues } from '../address/fields';
import { cartBody } from '../cart/fields';
import { recipientFromValues } from '../recipient/set';

/** A component of the product: by position (1 = first) or by name. */
export type ComponentRef = { position: number } | { name: string };

export interface FilePlan {
	body: IDataObject;
	/** Absent: the file belongs to the whole product. */
	component?: ComponentRef;
}

export interface VariantPlan {
	name?: string;
	circulation: number;
}

export interface ComponentPlan {
	ref: ComponentRef;
	changes: IDataObject;
}

export interface ProductPlan {
	body: IDataObject;
	variants: VariantPlan[];
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

export const NAME_MAX = 200;
export const PRINT_DATA_FILE_KINDS = ['original', 'processed', 'imposed'];
export const COLOR_FAMILIES = ['CMYK', 'HKS', 'Pantone', 'custom'];
const URI = /^[a-z][a-z\d+.-]*:\/\/\S+$/i;

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const shown = (value: unknown) => {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `"${String(text).slice(0, 60)}"`;
};

type Fail = (message: string, description?: string) => NodeOperationError;

/** Where the products come from: the names errors use for their fields, and what to fix. */
interface Source {
	/** `Product 2` or `Products (JSON), product 2`. */
	prefix: (index: number) => string;
	label: (key: string) => string;
	fix: string;
}

const FIELD_LABELS: Record<string, string> = {
	product_template_id: 'Product Template ID',
	order_number: 'Order Number',
	name: 'Name',
	circulation: 'Circulation',
	net_total: 'Net Total (Cents)',
	custom_references: 'Custom References',
	component: 'Component',
	paper_name: 'Paper Name',
	grain: 'Grain',
	grammage: 'Grammage',
	closed_dimensions: 'Width (mm) and Height (mm)',
	front_colors: 'Front Colors',
	back_colors: 'Back Colors',
	uri: 'URI',
	kind: 'Kind',
	filesize: 'File Size (Bytes)',
	first_page: 'First Page',
	last_page: 'Last Page',
};

const FROM_FIELDS: Source = {
	prefix: (index) => `Product ${index + 1}`,
	label: (key) => FIELD_LABELS[key] ?? key,
	fix: 'Fix it under Products.',
};

const PRODUCT_KEYS = [
	'product_template_id',
	'order_number',
	'name',
	'circulation',
	'net_total',
	'custom_references',
	'variants',
	'components',
	'print_data_files',
];
const VARIANT_KEYS = ['name', 'circulation'];
const COMPONENT_KEYS = [
	'component',
	'paper_name',
	'grain',
	'grammage',
	'closed_dimensions',
	'front_colors',
	'back_colors',
	'print_data_files',
];
const FILE_KEYS = ['uri', 'kind', 'filesize', 'first_page', 'last_page', 'component'];

const FROM_JSON: Source = {
	prefix: (index) => `Products (JSON), product ${index + 1}`,
	label: (key) => `"${key}"`,
	fix: `Each product is an object with the keys ${PRODUCT_KEYS.join(', ')}; see the field's description.`,
};

/** Reads the whole order; throws the first problem found, naming the field. */
export function readOrderPlan(context: IExecuteSingleFunctions): OrderPlan {
	const fail: Fail = (message, description) =>
		new NodeOperationError(context.getNode(), message, {
			itemIndex: context.getItemIndex(),
			description,
		});
	const customerId = toPositiveInteger(context, context.getNodeParameter('customerId', ''), 'Customer ID', '206');
	const recipient = readRecipient(context, fail);
	const carrierId = toPositiveInteger(context, context.getNodeParameter('carrierId', ''), 'Carrier ID', '43');
	const billingAddress = readAddress(context, fail, 'billingAddress', 'Billing Address', false);
	const deliveryAddress = readAddress(context, fail, 'deliveryAddress', 'Delivery Address', true);
	const products = readProducts(context, fail);
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
	fail: Fail,
	parameter: string,
	entry: string,
	label: string,
	needs: string,
): IDataObject {
	const value = (context.getNodeParameter(parameter, {}) as IDataObject)?.[entry];
	const found = Array.isArray(value) ? value[0] : value;
	if (!isRecord(found)) {
		throw fail(`${label} is missing`, `Add it under ${label} with ${needs}: Keyline needs it to place the order.`);
	}
	return found;
}

function readRecipient(context: IExecuteSingleFunctions, fail: Fail): IDataObject {
	const person = group(context, fail, 'recipient', 'person', 'Recipient', 'First Name, Last Name and Email');
	return recipientFromValues(context, person, 'Recipient');
}

function readAddress(
	context: IExecuteSingleFunctions,
	fail: Fail,
	parameter: string,
	label: string,
	delivery: boolean,
): IDataObject {
	const values = group(context, fail, parameter, 'address', label, 'Addressee, Zip Code, Town and Country Code');
	return addressFromValues(context, values, { delivery, label });
}

// ----- products -----

function readProducts(context: IExecuteSingleFunctions, fail: Fail): ProductPlan[] {
	const fromJson = context.getNodeParameter('productsInput', 'fields') === 'json';
	let raw: unknown[];
	let source: Source;
	if (fromJson) {
		source = FROM_JSON;
		const parsed = parseJsonParameter(context, 'productsJson', 'Products (JSON)');
		if (parsed === undefined || parsed === null) {
			throw fail('Products (JSON) is empty', 'Give a list of products, e.g. map {{ $json.body.products }} from a Webhook.');
		}
		raw = Array.isArray(parsed) ? parsed : [parsed];
	} else {
		source = FROM_FIELDS;
		const entries = ((context.getNodeParameter('products', {}) as IDataObject).product ?? []) as IDataObject[];
		raw = entries.map((entry, index) => productFromFields(context, fail, entry, index));
	}
	if (raw.length === 0) {
		throw fail(
			fromJson ? 'Products (JSON) has no products' : 'No products',
			fromJson ? 'Give a list with at least one product.' : 'Add at least one product under Products.',
		);
	}
	return raw.map((product, index) => readProduct(fail, source, product, index));
}

/** Fields of one product entry in Keyline's shape, so both sources share one set of checks. */
function productFromFields(
	context: IExecuteSingleFunctions,
	fail: Fail,
	entry: IDataObject,
	index: number,
): IDataObject {
	const extra = (entry.additionalFields ?? {}) as IDataObject;
	const product: IDataObject = {
		product_template_id: entry.productTemplateId,
		order_number: entry.orderNumber,
	};
	if ('name' in extra) product.name = extra.name;
	if ('circulation' in extra) product.circulation = extra.circulation;
	if ('netTotal' in extra) product.net_total = extra.netTotal;
	try {
		const references = customReferences(context, extra);
		if (references) product.custom_references = references;
	} catch (error) {
		throw fail(`Product ${index + 1}: ${(error as Error).message}`, (error as NodeOperationError).description ?? undefined);
	}
	const variants = ((entry.variants as IDataObject | undefined)?.variant ?? []) as IDataObject[];
	// A variant's name field is always there: left empty, Keyline names the variant.
	if (variants.length) {
		product.variants = variants.map((v) => ({ name: isBlank(v.name) ? undefined : v.name, circulation: v.circulation }));
	}
	const components = ((entry.components as IDataObject | undefined)?.component ?? []) as IDataObject[];
	if (components.length) {
		product.components = components.map((c) => {
			const changes = (c.changes ?? {}) as IDataObject;
			const component: IDataObject = { component: c.component };
			if ('paperName' in changes) component.paper_name = changes.paperName;
			if ('grain' in changes) component.grain = changes.grain;
			if ('grammage' in changes) component.grammage = changes.grammage;
			if ('width' in changes || 'height' in changes) {
				component.closed_dimensions = [changes.width ?? null, changes.height ?? null];
			}
			if ('frontColors' in changes) component.front_colors = changes.frontColors;
			if ('backColors' in changes) component.back_colors = changes.backColors;
			return component;
		});
	}
	const files = ((entry.printDataFiles as IDataObject | undefined)?.file ?? []) as IDataObject[];
	if (files.length) {
		product.print_data_files = files.map((f) => {
			const more = (f.additionalFields ?? {}) as IDataObject;
			const file: IDataObject = { uri: f.uri, kind: f.kind };
			if ('component' in more) file.component = more.component;
			if ('filesize' in more) file.filesize = more.filesize;
			if ('firstPage' in more) file.first_page = more.firstPage;
			if ('lastPage' in more) file.last_page = more.lastPage;
			return file;
		});
	}
	return product;
}

/** Checks of one product, with `where` ("Product 2, variant 1") in front of each message. */
class Checker {
	constructor(
		private readonly fail: Fail,
		private readonly source: Source,
		readonly where: string,
	) {}

	at(where: string): Checker {
		return new Checker(this.fail, this.source, `${this.where}, ${where}`);
	}

	error(message: string, description = this.source.fix): NodeOperationError {
		return this.fail(`${this.where}: ${message}`, description);
	}

	label(key: string): string {
		return this.source.label(key);
	}

	/** Rejects keys nothing reads (a typo would otherwise be ignored without a word). */
	knownKeys(record: IDataObject, keys: string[]) {
		if (this.source !== FROM_JSON) return;
		const unknown = Object.keys(record).filter((key) => !keys.includes(key));
		if (unknown.length) {
			throw this.error(
				`unknown key "${unknown[0]}"`,
				`The keys that can be given here are ${keys.join(', ')}. Map your data to them, e.g. with a Set node or an expression.`,
			);
		}
	}

	record(value: unknown, what: string): IDataObject {
		if (!isRecord(value)) throw this.error(`${what} must be an object, not ${shown(value)}`);
		return value;
	}

	list(value: unknown, key: string): unknown[] {
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) throw this.error(`${this.label(key)} must be a list, not ${shown(value)}`);
		return value;
	}

	/** A positive whole number from a number or a numeric string; undefined when not given. */
	positive(record: IDataObject, key: string, min = 1): number | undefined {
		const value = record[key];
		if (isBlank(value)) return undefined;
		const text = String(value).trim();
		if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
			throw this.error(
				`${this.label(key)} must be a ${min === 0 ? 'whole number of 0 or more' : 'positive whole number'}, not ${shown(value)}`,
			);
		}
		return Number(text);
	}

	/** Trimmed text; `max` only where Keyline documents a limit. */
	text(record: IDataObject, key: string, max = Infinity): string | undefined {
		const value = record[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string' && typeof value !== 'number') {
			throw this.error(`${this.label(key)} must be text, not ${shown(value)}`);
		}
		const text = String(value).trim();
		if (text === '') throw this.error(`${this.label(key)} is empty`, `Fill it in or remove it. ${this.source.fix}`);
		if (text.length > max) {
			throw this.error(`${this.label(key)} is ${text.length} characters long: Keyline takes at most ${max}`);
		}
		return text;
	}

	/** Position (a whole number, 1 = first) or name of a component. */
	componentRef(record: IDataObject, key = 'component'): ComponentRef | undefined {
		const value = record[key];
		if (isBlank(value)) return undefined;
		if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
			const position = Number(value);
			if (!Number.isInteger(position) || position < 1) {
				throw this.error(`${this.label(key)} must be a position from 1 or a name, not ${shown(value)}`);
			}
			return { position };
		}
		if (typeof value !== 'string') {
			throw this.error(`${this.label(key)} must be a position from 1 or a name, not ${shown(value)}`);
		}
		return { name: value.trim() };
	}

	colors(record: IDataObject, key: string): string[] | undefined {
		const value = record[key];
		if (value === undefined) return undefined;
		let colors: unknown[];
		if (Array.isArray(value)) colors = value;
		else if (typeof value === 'string') {
			if (value.trim().toLowerCase() === 'none') return [];
			colors = value.split(',').map((c) => c.trim()).filter(Boolean);
			if (colors.length === 0) {
				throw this.error(`${this.label(key)} is empty`, 'Give colors like CMYK/Black, Pantone/83, or none for an unprinted side.');
			}
		} else throw this.error(`${this.label(key)} must be a list of colors, not ${shown(value)}`);
		for (const color of colors) {
			const match = typeof color === 'string' ? /^([^/]+)\/(.+)$/.exec(color.trim()) : null;
			if (!match || !COLOR_FAMILIES.includes(match[1])) {
				throw this.error(
					`${this.label(key)}: ${shown(color)} is not a color Keyline knows`,
					`Give each color as Family/Name with the family ${COLOR_FAMILIES.join(', ')}, e.g. CMYK/Black or Pantone/83.`,
				);
			}
		}
		return (colors as string[]).map((c) => c.trim());
	}
}

function readProduct(fail: Fail, source: Source, raw: unknown, index: number): ProductPlan {
	const check = new Checker(fail, source, source.prefix(index));
	const record = check.record(raw, 'the product');
	check.knownKeys(record, PRODUCT_KEYS);
	const body: IDataObject = {};
	const templateId = check.positive(record, 'product_template_id');
	const orderNumber = isBlank(record.order_number) ? undefined : check.text(record, 'order_number');
	if (templateId === undefined && orderNumber === undefined) {
		throw check.error(
			`${check.label('product_template_id')} or ${check.label('order_number')} is needed`,
			'Keyline adds products from the templates the print shop set up: give the template ID or its order number, as agreed with the print shop.',
		);
	}
	if (templateId !== undefined) body.product_template_id = templateId;
	if (orderNumber !== undefined) body.order_number = orderNumber;
	const name = check.text(record, 'name', NAME_MAX);
	if (name !== undefined) body.name = name;
	const netTotal = check.positive(record, 'net_total');
	if (netTotal !== undefined) body.net_total = netTotal;
	const references = readReferences(check, record.custom_references);
	if (references) body.custom_references = references;

	const variants = check.list(record.variants, 'variants').map((entry, i) => {
		const at = check.at(`variant ${i + 1}`);
		const variant = at.record(entry, 'a variant');
		at.knownKeys(variant, VARIANT_KEYS);
		const circulation = at.positive(variant, 'circulation');
		if (circulation === undefined) throw at.error(`${at.label('circulation')} is needed`);
		const variantName = at.text(variant, 'name', NAME_MAX);
		return variantName === undefined ? { circulation } : { name: variantName, circulation };
	});
	const names = variants.map((v) => v.name).filter((n): n is string => n !== undefined);
	const repeated = names.find((n, i) => names.indexOf(n) !== i);
	if (repeated !== undefined) {
		throw check.error(`two variants are named "${repeated}"`, 'Each variant of a product needs its own name.');
	}
	const circulation = check.positive(record, 'circulation');
	if (circulation !== undefined && variants.length > 0) {
		throw check.error(
			`give ${check.label('circulation')} or variants, not both`,
			"With variants, the product's circulation is the sum of theirs: set each variant's circulation instead.",
		);
	}
	if (circulation !== undefined) body.circulation = circulation;

	const files: FilePlan[] = check
		.list(record.print_data_files, 'print_data_files')
		.map((entry, i) => readFile(check.at(`print data file ${i + 1}`), entry, true));
	const components = check.list(record.components, 'components').map((entry, i) => {
		const at = check.at(`component change ${i + 1}`);
		const component = at.record(entry, 'a component change');
		at.knownKeys(component, COMPONENT_KEYS);
		const ref = at.componentRef(component);
		if (ref === undefined) {
			throw at.error(`${at.label('component')} is empty`, 'Give the position of the component in the product (1 = first) or its name.');
		}
		const changes: IDataObject = {};
		const paper = at.text(component, 'paper_name', NAME_MAX);
		if (paper !== undefined) changes.paper_name = paper;
		if (!isBlank(component.grain)) {
			if (component.grain !== 'short' && component.grain !== 'long') {
				throw at.error(`${at.label('grain')} must be short or long, not ${shown(component.grain)}`);
			}
			changes.grain = component.grain;
		}
		const grammage = at.positive(component, 'grammage');
		if (grammage !== undefined) changes.grammage = grammage;
		if (component.closed_dimensions !== undefined) changes.closed_dimensions = readDimensions(at, component.closed_dimensions);
		for (const key of ['front_colors', 'back_colors']) {
			const colors = at.colors(component, key);
			if (colors !== undefined) changes[key] = colors;
		}
		const nested = at
			.list(component.print_data_files, 'print_data_files')
			.map((file, j) => ({ ...readFile(at.at(`print data file ${j + 1}`), file, false), component: ref }));
		if (Object.keys(changes).length === 0 && nested.length === 0) {
			throw at.error('nothing to change', 'Add at least one change (paper, grain, grammage, size or colors), or remove the entry.');
		}
		files.push(...nested);
		return { ref, changes };
	});
	return { body, variants, components: components.filter((c) => Object.keys(c.changes).length > 0), files };
}

function readReferences(check: Checker, value: unknown): IDataObject | undefined {
	if (value === undefined || value === null) return undefined;
	const label = check.label('custom_references');
	if (!isRecord(value)) throw check.error(`${label} must be an object of keys and values, not ${shown(value)}`);
	const entries = Object.entries(value);
	if (entries.length > MAX_CUSTOM_REFERENCES) {
		throw check.error(`${label} has ${entries.length} entries: Keyline keeps at most ${MAX_CUSTOM_REFERENCES}`, 'Remove some, or combine them into one value.');
	}
	for (const [key, reference] of entries) {
		if (key.trim() === '') throw check.error(`${label}: a key is empty`);
		if (typeof reference !== 'string' && typeof reference !== 'number') {
			throw check.error(`${label}: the value of "${key}" must be text or a number, not ${shown(reference)}`);
		}
		if (String(reference).trim() === '') throw check.error(`${label}: the value of "${key}" is empty`);
	}
	return entries.length ? (value as IDataObject) : undefined;
}

function readDimensions(check: Checker, value: unknown): number[] {
	const label = check.label('closed_dimensions');
	const bad = () =>
		check.error(`${label} must be two positive whole numbers (width and height in mm), not ${shown(value)}`);
	if (!Array.isArray(value) || value.length !== 2) throw bad();
	return value.map((n) => {
		const text = typeof n === 'number' || typeof n === 'string' ? String(n).trim() : '';
		if (!/^\d+$/.test(text) || Number(text) < 1) throw bad();
		return Number(text);
	});
}

function readFile(check: Checker, raw: unknown, componentAllowed: boolean): FilePlan {
	const file = check.record(raw, 'a print data file');
	check.knownKeys(file, componentAllowed ? FILE_KEYS : FILE_KEYS.filter((k) => k !== 'component'));
	const uri = check.text(file, 'uri');
	if (uri === undefined) throw check.error(`${check.label('uri')} is empty`, 'Give the full address of the file, e.g. https://example.com/flyer.pdf.');
	if (!URI.test(uri)) {
		throw check.error(
			`${check.label('uri')} ${shown(uri)} is not a full address`,
			'Keyline fetches the file from it: give it with its protocol, e.g. https://example.com/flyer.pdf.',
		);
	}
	const kind = isBlank(file.kind) ? undefined : String(file.kind).trim();
	if (kind === undefined || !PRINT_DATA_FILE_KINDS.includes(kind)) {
		throw check.error(
			kind === undefined
				? `${check.label('kind')} is needed`
				: `${check.label('kind')} must be ${PRINT_DATA_FILE_KINDS.join(', ')}, not ${shown(kind)}`,
			'original is the file as designed; processed and imposed are files already prepared for print.',
		);
	}
	const body: IDataObject = { uri, kind };
	const filesize = check.positive(file, 'filesize', 0);
	if (filesize !== undefined) body.filesize = filesize;
	const first = check.positive(file, 'first_page');
	const last = check.positive(file, 'last_page');
	if (first !== undefined && last !== undefined && last < first) {
		throw check.error(`${check.label('last_page')} (${last}) comes before ${check.label('first_page')} (${first})`);
	}
	if (first !== undefined) body.first_page = first;
	if (last !== undefined) body.last_page = last;
	const component = componentAllowed ? check.componentRef(file) : undefined;
	return component ? { body, component } : { body };
}

/**
 * Reads and checks everything Place Order (One Step) will send, before the first request: a
 * mistake in product 3 must not leave a half-built cart behind. Each part is built by its own
 * resource's builder (Recipient, Address, Product, Variant, Component, Print Data File), so a
 * rule lives in one place. Products come from the fields or as JSON with Keyline's key names;
 * JSON is first put into the fields' shape (placeOrderJson.ts), so both take the same path, and
 * every error says which product (and variant, component change or file) it is about.
 */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { isRecord, refusal, toPositiveInteger } from '../../../shared/validation';
import { withErrorPrefix } from '../../shared/fields';
import { addressFromValues } from '../address/fields';
import { newCartFields } from '../cart/fields';
import { componentBody } from '../component/fields';
import { printDataFileBody } from '../printDataFile/fields';

import { productBody, templateReference } from '../product/fields';
import { recipientFromValues } from '../recipient/set';
import { newVariantBody } from '../variant/fields';
import { given, jsonProducts, productFromJson, shown } from './placeOrderJson';

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
export interface ProductInput {
	/** Product Template and Additional Fields. */
	product: IDataObject;
	/** `nameMapped`: the name came from an expression, so an empty one is refused. */
	variants: Array<{ values: IDataObject; nameMapped: boolean }>;
	/** A component change, with the files for that component (JSON can nest them there). */
	components: Array<{ change: IDataObject; files: IDataObject[] }>;
	files: IDataObject[];
}

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
	const cart = newCartFields(
		context,
		context.getNodeParameter('additionalFields', {}) as IDataObject,
	);
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
		// Each product is read and built before the next: the first mistake is the one reported.
		return jsonProducts(context).map((raw, index) => {
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

/** One product: checked in the order its parts are given, each error naming the part. */
function buildProduct(
	context: IExecuteSingleFunctions,
	where: string,
	input: ProductInput,
): ProductPlan {
	const body = withErrorPrefix(context, where, () => ({
		...templateReference(context, input.product.productTemplate),
		...productBody(context, (input.product.additionalFields ?? {}) as IDataObject),
	}));
	const variants = buildVariants(context, where, input.variants);
	if (body.circulation !== undefined && variants.length > 0) {
		throw refusal(
			context,
			`${where}: give Circulation or Variants, not both`,
			"With variants, the product's circulation is the sum of theirs: set each variant's circulation instead.",
		);
	}
	const files = input.files.map((values, i) =>
		buildFile(context, `${where}, print data file ${i + 1}`, values),
	);
	const components: ComponentPlan[] = [];
	for (const [i, entry] of input.components.entries()) {
		const built = buildComponentChange(context, `${where}, component change ${i + 1}`, entry);
		if (built.change) components.push(built.change);
		// Files are added in this order: the product's, then each change's.
		files.push(...built.files);
	}
	return { body, variants, components, files };
}

/** The product's variants; each needs its own name. */
function buildVariants(
	context: IExecuteSingleFunctions,
	where: string,
	input: ProductInput['variants'],
): IDataObject[] {
	const variants = input.map(({ values, nameMapped }, i) =>
		withErrorPrefix(context, `${where}, variant ${i + 1}`, () =>
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
	return variants;
}

/**
 * A component change with the files given for that component. A change of files only (no other
 * change) sends no PATCH: `change` is then absent.
 */
function buildComponentChange(
	context: IExecuteSingleFunctions,
	here: string,
	{ change, files }: ProductInput['components'][number],
): { change?: ComponentPlan; files: FilePlan[] } {
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
	const own = files.map((values, j) =>
		buildFile(context, `${here}, print data file ${j + 1}`, values, ref),
	);
	const changed = Object.keys(changes).length > 0;
	if (!changed && own.length === 0) {
		throw refusal(
			context,
			`${here}: nothing to change`,
			'Add at least one change (paper, grain, grammage, size or colors), or remove the entry.',
		);
	}
	return changed ? { change: { ref, changes }, files: own } : { files: own };
}

// ----- the fields as entered (JSON: placeOrderJson.ts) -----

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

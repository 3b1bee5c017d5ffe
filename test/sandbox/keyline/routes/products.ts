/**
 * Products, their variants and components. Carts can change them; orders only read them, so the
 * read routes are built once for both parents and the write routes only for carts.
 */
import type { Route } from '../../core';
import {
	created,
	findComponent,
	findParent,
	findProduct,
	findVariant,
	noContent,
	ok,
	type Ctx,
	type ParentKind,
} from '../context';
import * as render from '../render';
import { findTemplate, KEYLINE_PRODUCT_TEMPLATES, type ProductTemplate } from '../seed';
import type { Product, Variant } from '../store';
import { MSG, requireParam, unprocessable, Validator } from '../validation';

const NAME = { min: 1, max: 200 } as const;

/** A name may be changed but not removed: `null` is blank. */
function readName(v: Validator): string | undefined {
	if (v.has('name') && v.input.name === null) {
		v.add('name', MSG.blank);
		return undefined;
	}
	return v.string('name', NAME) ?? undefined;
}

/** GET products / product / components / component, for carts and orders alike. */
export function productReadRoutes(ctx: Ctx, kind: ParentKind): Route[] {
	const products = `/${kind}/:parent_id/products`;
	const product = `${products}/:product_id`;
	const components = `${product}/components`;
	const lookup = (req: Parameters<Route['handler']>[0], p: Record<string, string>) =>
		findProduct(findParent(ctx, kind, req, p.parent_id).record, p.product_id);
	return [
		{
			method: 'GET',
			pattern: products,
			handler: (req, p) =>
				ok(findParent(ctx, kind, req, p.parent_id).record.products.map(render.product)),
		},
		{ method: 'GET', pattern: product, handler: (req, p) => ok(render.product(lookup(req, p))) },
		{
			method: 'GET',
			pattern: components,
			handler: (req, p) => ok(lookup(req, p).components.map(render.component)),
		},
		{
			method: 'GET',
			pattern: `${components}/:component_id`,
			handler: (req, p) => ok(render.component(findComponent(lookup(req, p), p.component_id))),
		},
	];
}

/** Picks the template from `product_template_id` and/or `order_number` (either is required). */
function resolveTemplate(v: Validator): ProductTemplate | undefined {
	const id = v.integer('product_template_id');
	const orderNumber = v.string('order_number');
	if (!v.ok) return undefined;
	if (id == null && !orderNumber) {
		v.add('product_template', MSG.blank);
		return undefined;
	}
	const byId = id != null ? findTemplate(id) : undefined;
	const byNumber = orderNumber ? findTemplate(undefined, orderNumber) : undefined;
	if (id != null && !byId) v.add('product_template', 'No product template found with given id');
	else if (orderNumber && !byNumber)
		v.add('product_template', 'No product template found with given order number');
	else if (byId && byNumber && byId !== byNumber)
		v.add('order_number', 'passt nicht zur angegebenen Produktvorlage');
	return byId ?? byNumber;
}

/** `circulation` on a product sets its only variant (or creates one when none is left). */
function applyCirculation(ctx: Ctx, product: Product, circulation: number): void {
	if (product.variants.length === 1) product.variants[0].circulation = circulation;
	else product.variants.push({ id: ctx.store.nextId('variant'), name: 'Standard', circulation });
}

export function cartProductRoutes(ctx: Ctx): Route[] {
	const products = '/carts/:parent_id/products';
	const product = `${products}/:product_id`;
	const lookup = (req: Parameters<Route['handler']>[0], p: Record<string, string>) => {
		const parent = findParent(ctx, 'carts', req, p.parent_id);
		return { parent, product: findProduct(parent.record, p.product_id) };
	};
	return [
		{
			method: 'POST',
			pattern: products,
			handler: (req, p) => {
				const parent = findParent(ctx, 'carts', req, p.parent_id);
				const v = new Validator(requireParam(req, 'product'));
				const template = resolveTemplate(v);
				const name = readName(v);
				const netTotal = v.integer('net_total', { min: 1 });
				const circulation = v.integer('circulation', { min: 1 });
				const refs = v.customReferences('custom_references');
				v.check();
				const created_ = ctx.store.createProduct(template!, circulation ?? undefined);
				if (name !== undefined) created_.name = name;
				if (netTotal != null) created_.locked_net_cents = netTotal;
				if (refs !== undefined) created_.custom_references = refs;
				parent.record.products.push(created_);
				parent.touch();
				return created(render.product(created_));
			},
		},
		{
			method: 'PATCH',
			pattern: product,
			handler: (req, p) => {
				const { parent, product: target } = lookup(req, p);
				const v = new Validator(requireParam(req, 'product'));
				const name = readName(v);
				const netTotal = v.integer('net_total', { min: 1 });
				const circulation = v.integer('circulation', { min: 1 });
				const refs = v.customReferences('custom_references');
				// With several variants the total is theirs to define; one number cannot be split.
				if (circulation != null && target.variants.length > 1) {
					v.add('circulation', 'kann nicht gesetzt werden, wenn das Produkt mehrere Varianten hat');
				}
				v.check();
				if (circulation != null) applyCirculation(ctx, target, circulation);
				if (name !== undefined) target.name = name;
				// Setting net_total locks the price; null unlocks it back to the template's price.
				if (netTotal !== undefined) target.locked_net_cents = netTotal;
				if (refs !== undefined) target.custom_references = refs;
				target.updated_at = ctx.store.now();
				parent.touch();
				return noContent();
			},
		},
		{
			method: 'DELETE',
			pattern: product,
			handler: (req, p) => {
				const { parent, product: target } = lookup(req, p);
				parent.record.products.splice(parent.record.products.indexOf(target), 1);
				parent.touch();
				return noContent();
			},
		},
		...variantRoutes(ctx, lookup),
		...componentWriteRoutes(ctx, lookup),
	];
}

type Lookup = (
	req: Parameters<Route['handler']>[0],
	p: Record<string, string>,
) => { parent: ReturnType<typeof findParent>; product: Product };

function variantRoutes(ctx: Ctx, lookup: Lookup): Route[] {
	const variants = '/carts/:parent_id/products/:product_id/variants';
	const variant = `${variants}/:variant_id`;
	/** Name and circulation of a variant; the name must be unique within the product. */
	const read = (product: Product, input: Record<string, unknown>, self?: Variant) => {
		const v = new Validator(input);
		const name = readName(v);
		const circulation = v.integer('circulation', { min: 1 });
		if (name !== undefined && product.variants.some((x) => x !== self && x.name === name))
			v.add('name', MSG.taken);
		v.check();
		return { name, circulation };
	};
	const touch = (parent: ReturnType<typeof findParent>, product: Product) => {
		product.updated_at = ctx.store.now();
		parent.touch();
	};
	return [
		{
			method: 'GET',
			pattern: variants,
			handler: (req, p) => ok(lookup(req, p).product.variants.map(render.variant)),
		},
		{
			method: 'POST',
			pattern: variants,
			handler: (req, p) => {
				const { parent, product } = lookup(req, p);
				const { name, circulation } = read(product, requireParam(req, 'variant'));
				let defaultName = `Variante ${product.variants.length + 1}`;
				for (
					let n = product.variants.length + 2;
					product.variants.some((x) => x.name === defaultName);
					n++
				) {
					defaultName = `Variante ${n}`;
				}
				const created_: Variant = {
					id: ctx.store.nextId('variant'),
					name: name ?? defaultName,
					circulation: circulation ?? 1000,
				};
				product.variants.push(created_);
				touch(parent, product);
				return created(render.variant(created_));
			},
		},
		{
			method: 'GET',
			pattern: variant,
			handler: (req, p) => ok(render.variant(findVariant(lookup(req, p).product, p.variant_id))),
		},
		{
			method: 'PATCH',
			pattern: variant,
			handler: (req, p) => {
				const { parent, product } = lookup(req, p);
				const target = findVariant(product, p.variant_id);
				const { name, circulation } = read(product, requireParam(req, 'variant'), target);
				if (name !== undefined) target.name = name;
				if (circulation != null) target.circulation = circulation;
				touch(parent, product);
				return noContent();
			},
		},
		{
			method: 'DELETE',
			pattern: variant,
			handler: (req, p) => {
				const { parent, product } = lookup(req, p);
				const target = findVariant(product, p.variant_id);
				product.variants.splice(product.variants.indexOf(target), 1);
				touch(parent, product);
				return noContent();
			},
		},
	];
}

function componentWriteRoutes(ctx: Ctx, lookup: Lookup): Route[] {
	return [
		{
			method: 'PATCH',
			pattern: '/carts/:parent_id/products/:product_id/components/:component_id',
			handler: (req, p) => {
				const { parent, product } = lookup(req, p);
				const target = findComponent(product, p.component_id);
				const v = new Validator(requireParam(req, 'component'));
				const name = readName(v);
				const paperName = v.string('paper_name', { max: 200 });
				const dimensions = v.dimensions('closed_dimensions');
				const grain = v.oneOf('grain', ['short', 'long'] as const);
				const front = v.colors('front_colors');
				const back = v.colors('back_colors');
				const grammage = v.integer('grammage', { min: 1 });
				v.check();
				if (name !== undefined) target.name = name;
				if (paperName !== undefined) target.paper_name = paperName;
				if (dimensions) target.closed_dimensions = dimensions;
				if (grain !== undefined) target.grain = grain;
				if (front) target.front_colors = front;
				if (back) target.back_colors = back;
				if (grammage !== undefined) target.grammage = grammage;
				target.updated_at = ctx.store.now();
				product.updated_at = target.updated_at;
				parent.touch();
				return noContent();
			},
		},
	];
}

/** Exposed for the in-process seeding of orders. */
export function templateFor(id?: number, orderNumber?: string): ProductTemplate {
	const template =
		id !== undefined || orderNumber !== undefined
			? findTemplate(id, orderNumber)
			: KEYLINE_PRODUCT_TEMPLATES[0];
	if (!template) unprocessable({ product_template: ['No product template found with given id'] });
	return template;
}

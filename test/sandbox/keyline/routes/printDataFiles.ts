/**
 * Print data files. They hang off four places (cart product, cart component, order product,
 * order component) with one shape and one behaviour, so the routes are generated here once.
 * A product's list holds all its files (every file has a `product_id`); a component's list only
 * those with its `component_id`.
 */
import type { ApiRequest, Route } from '../../core';
import {
	created,
	findComponent,
	findParent,
	findPrintDataFile,
	findProduct,
	noContent,
	ok,
	type Ctx,
	type ParentKind,
	type ParentRef,
} from '../context';
import * as render from '../render';
import { PRINT_DATA_FILE_KINDS, type PrintDataFile, type Product } from '../store';
import { MSG, requireParam, Validator } from '../validation';

/** uri and kind are required on create and update alike (so the doc says for PATCH too). */
function readFile(input: Record<string, unknown>) {
	const v = new Validator(input);
	const uri = v.string('uri', { required: true });
	const kind = v.oneOf('kind', PRINT_DATA_FILE_KINDS, { required: true });
	const filesize = v.integer('filesize', { min: 0 });
	const firstPage = v.integer('first_page', { min: 1 });
	const lastPage = v.integer('last_page', { min: 1 });
	if (firstPage != null && lastPage != null && lastPage < firstPage)
		v.add('last_page', MSG.gte(firstPage));
	v.check();
	return { uri: uri!, kind: kind!, filesize, first_page: firstPage, last_page: lastPage };
}

interface Scope {
	parent: ParentRef;
	product: Product;
	/** null at product level. */
	componentId: number | null;
	files: PrintDataFile[];
}

export function printDataFileRoutes(ctx: Ctx, kind: ParentKind): Route[] {
	const routes: Route[] = [];
	for (const level of ['product', 'component'] as const) {
		const list =
			`/${kind}/:parent_id/products/:product_id` +
			(level === 'component' ? '/components/:component_id' : '') +
			'/print_data_files';
		const one = `${list}/:print_data_file_id`;

		const scope = (req: ApiRequest, p: Record<string, string>): Scope => {
			const parent = findParent(ctx, kind, req, p.parent_id);
			const product = findProduct(parent.record, p.product_id);
			const componentId = level === 'component' ? findComponent(product, p.component_id).id : null;
			const files =
				componentId === null
					? product.print_data_files
					: product.print_data_files.filter((f) => f.component_id === componentId);
			return { parent, product, componentId, files };
		};
		const touch = (s: Scope) => {
			s.product.updated_at = ctx.store.now();
			s.parent.touch();
		};

		routes.push(
			{
				method: 'GET',
				pattern: list,
				handler: (req, p) => ok(scope(req, p).files.map(render.printDataFile)),
			},
			{
				method: 'POST',
				pattern: list,
				handler: (req, p) => {
					const s = scope(req, p);
					const input = requireParam(req, 'print_data_file');
					s.parent.assertWritable();
					const fields = readFile(input);
					const file = ctx.store.createPrintDataFile(s.product, s.componentId, {
						uri: fields.uri,
						kind: fields.kind,
						filesize: fields.filesize ?? undefined,
						first_page: fields.first_page ?? null,
						last_page: fields.last_page ?? null,
					});
					touch(s);
					return created(render.printDataFile(file));
				},
			},
			{
				method: 'GET',
				pattern: one,
				handler: (req, p) =>
					ok(render.printDataFile(findPrintDataFile(scope(req, p).files, p.print_data_file_id))),
			},
			{
				method: 'PATCH',
				pattern: one,
				handler: (req, p) => {
					const s = scope(req, p);
					const file = findPrintDataFile(s.files, p.print_data_file_id);
					const input = requireParam(req, 'print_data_file');
					s.parent.assertWritable();
					const fields = readFile(input);
					// A new file behind the record has to be processed again.
					if (fields.uri !== file.uri) file.state = 'newly_uploaded';
					file.uri = fields.uri;
					file.kind = fields.kind;
					if (fields.filesize !== undefined) file.filesize = fields.filesize ?? 0;
					if (fields.first_page !== undefined) file.first_page = fields.first_page;
					if (fields.last_page !== undefined) file.last_page = fields.last_page;
					file.updated_at = ctx.store.now();
					touch(s);
					return noContent();
				},
			},
			{
				method: 'DELETE',
				pattern: one,
				handler: (req, p) => {
					const s = scope(req, p);
					const file = findPrintDataFile(s.files, p.print_data_file_id);
					s.parent.assertWritable();
					s.product.print_data_files.splice(s.product.print_data_files.indexOf(file), 1);
					touch(s);
					return noContent();
				},
			},
		);
	}
	return routes;
}

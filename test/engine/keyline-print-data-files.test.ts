/**
 * Print data files through n8n-core's engine against the Keyline sandbox: all 20 endpoints
 * (5 operations × cart/order × product/component), request log checked, and the errors.
 */
import {
	KEYLINE_PRODUCT_TEMPLATES,
	KEYLINE_SANDBOX_API_KEY as OWNER,
	type PrintDataFile,
} from '../sandbox/keyline';
import { useKeylineSandbox } from '../harness/sandboxes';
import { KEYLINE_BASE as BASE, keylineResource } from './fixtures';

const BROCHURE = KEYLINE_PRODUCT_TEMPLATES.find((t) => t.id === 503)!;

type Parent = 'cart' | 'order';
type AttachedTo = 'product' | 'component';

describe('Keyline node: print data file', () => {
	const sandbox = useKeylineSandbox();
	const { run, apiRequests } = keylineResource(sandbox, 'printDataFile');
	const log = () => apiRequests().map((r) => `${r.method} ${r.path}`);

	/**
	 * A brochure (two components) in a cart or an order with two files: one for the product, one
	 * for its first component (the cover). Orders come from `seedOrder`, carts straight from the store.
	 */
	function seed(parent: Parent, attachedTo: AttachedTo = 'product', orderState?: 'completed') {
		let parentPath: string;
		let parentParams: Record<string, string>;
		let product;
		if (parent === 'order') {
			const order = sandbox.seedOrder({
				state: orderState,
				products: [{ productTemplateId: 503, printDataFiles: [{}, { componentIndex: 0 }] }],
			});
			product = order.products[0];
			parentPath = `/orders/${order.id}`;
			parentParams = { parent: 'order', orderId: String(order.id) };
		} else {
			const cart = sandbox.store.createCart(OWNER);
			product = sandbox.store.createProduct(BROCHURE);
			cart.products.push(product);
			sandbox.store.createPrintDataFile(product, null, {
				kind: 'original',
				uri: 'https://example.com/print-data/brochure.pdf',
				filesize: 123467,
			});
			sandbox.store.createPrintDataFile(product, product.components[0].id, {
				kind: 'original',
				uri: 'https://example.com/print-data/cover.pdf',
				filesize: 2345,
			});
			parentPath = `/carts/${cart.id}`;
			parentParams = { parent: 'cart', cartId: String(cart.id) };
		}
		const component = product.components[0];
		const [productFile, componentFile] = product.print_data_files as [PrintDataFile, PrintDataFile];
		const onComponent = attachedTo === 'component';
		return {
			product,
			component,
			productFile,
			componentFile,
			/** The file this scope's Get, Update and Delete work on. */
			file: onComponent ? componentFile : productFile,
			params: {
				...parentParams,
				productId: String(product.id),
				attachedTo,
				...(onComponent ? { componentId: String(component.id) } : {}),
			},
			files: `${BASE}${parentPath}/products/${product.id}${onComponent ? `/components/${component.id}` : ''}/print_data_files`,
		};
	}

	beforeEach(() => sandbox.reset());

	const SCOPES: Array<[string, Parent, AttachedTo]> = [
		['a cart product', 'cart', 'product'],
		['a cart component', 'cart', 'component'],
		['an order product', 'order', 'product'],
		['an order component', 'order', 'component'],
	];

	describe.each(SCOPES)('of %s', (_name, parent, attachedTo) => {
		it('Get Many lists the files with their state', async () => {
			const s = seed(parent, attachedTo);
			const { items, error } = await run({ operation: 'getAll', ...s.params });
			expect(error).toBeUndefined();
			// A product's list holds its components' files too; a component's only its own.
			const expected =
				attachedTo === 'product' ? [s.productFile, s.componentFile] : [s.componentFile];
			expect(items.map((i) => i.json.id)).toEqual(expected.map((f) => f.id));
			expect(items[items.length - 1].json).toMatchObject({
				product_id: s.product.id,
				component_id: s.component.id,
				kind: 'original',
				state: 'newly_uploaded',
				uri: s.componentFile.uri,
			});
			expect(log()).toEqual([`GET ${s.files}`]);
		});

		it('Create sends the print_data_file wrapper and outputs the new file', async () => {
			const s = seed(parent, attachedTo);
			const { items, error } = await run({
				operation: 'create',
				...s.params,
				uri: ' https://files.example.com/jobs/4711/brochure-print.pdf ',
				kind: 'processed',
				additionalFields: { fileSize: 2450000, firstPage: 3, lastPage: 10 },
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				product_id: s.product.id,
				component_id: attachedTo === 'component' ? s.component.id : null,
				kind: 'processed',
				state: 'newly_uploaded',
				uri: 'https://files.example.com/jobs/4711/brochure-print.pdf',
				filesize: 2450000,
				first_page: 3,
				last_page: 10,
			});
			expect(log()).toEqual([`POST ${s.files}`]);
			expect(apiRequests()[0].json).toEqual({
				print_data_file: {
					uri: 'https://files.example.com/jobs/4711/brochure-print.pdf',
					kind: 'processed',
					filesize: 2450000,
					first_page: 3,
					last_page: 10,
				},
			});
			expect(s.product.print_data_files.map((f) => f.id)).toContain(items[0].json.id);
		});

		it('Get outputs the file with its state', async () => {
			const s = seed(parent, attachedTo);
			sandbox.setPrintDataFileState(s.file.id, 'processing');
			const { items, error } = await run({
				operation: 'get',
				...s.params,
				printDataFileId: String(s.file.id),
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				id: s.file.id,
				product_id: s.product.id,
				kind: 'original',
				state: 'processing',
				uri: s.file.uri,
			});
			expect(log()).toEqual([`GET ${s.files}/${s.file.id}`]);
		});

		it('Update of other fields re-sends the current URI and kind, and outputs the file read again', async () => {
			const s = seed(parent, attachedTo);
			sandbox.setPrintDataFileState(s.file.id, 'processed');
			const { items, error } = await run({
				operation: 'update',
				...s.params,
				printDataFileId: String(s.file.id),
				updateFields: { fileSize: 999000, firstPage: 2, lastPage: 4 },
			});
			expect(error).toBeUndefined();
			const one = `${s.files}/${s.file.id}`;
			expect(log()).toEqual([`GET ${one}`, `PATCH ${one}`, `GET ${one}`]);
			expect(apiRequests()[1].json).toEqual({
				print_data_file: {
					filesize: 999000,
					first_page: 2,
					last_page: 4,
					uri: s.file.uri,
					kind: 'original',
				},
			});
			// Same URI: the file is not processed again.
			expect(items[0].json).toMatchObject({
				id: s.file.id,
				filesize: 999000,
				first_page: 2,
				last_page: 4,
				uri: s.file.uri,
				state: 'processed',
			});
		});

		it('Delete outputs the file read just before, and removes it', async () => {
			const s = seed(parent, attachedTo);
			const { items, error } = await run({
				operation: 'delete',
				...s.params,
				printDataFileId: String(s.file.id),
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				deleted: true,
				id: s.file.id,
				uri: s.file.uri,
				state: 'newly_uploaded',
			});
			const one = `${s.files}/${s.file.id}`;
			expect(log()).toEqual([`GET ${one}`, `DELETE ${one}`]);
			expect(s.product.print_data_files.map((f) => f.id)).not.toContain(s.file.id);
			expect(s.product.print_data_files).toHaveLength(1);
		});
	});

	it('Update with a new URI keeps the kind, and Keyline starts the file over as newly_uploaded', async () => {
		const s = seed('order', 'component');
		sandbox.setPrintDataFileState(s.file.id, 'processed');
		const { items, error } = await run({
			operation: 'update',
			...s.params,
			printDataFileId: String(s.file.id),
			updateFields: { uri: 'sftp://files.example.com/jobs/cover-v2.pdf' },
		});
		expect(error).toBeUndefined();
		expect(apiRequests()[1].json).toEqual({
			print_data_file: { uri: 'sftp://files.example.com/jobs/cover-v2.pdf', kind: 'original' },
		});
		expect(items[0].json).toMatchObject({
			uri: 'sftp://files.example.com/jobs/cover-v2.pdf',
			kind: 'original',
			state: 'newly_uploaded',
		});
	});

	it('Update with URI and kind given sends them without reading the file first', async () => {
		const s = seed('cart');
		const { error } = await run({
			operation: 'update',
			...s.params,
			printDataFileId: String(s.file.id),
			updateFields: { uri: 'ftp://ftp.example.com/in/brochure.pdf', kind: 'imposed' },
		});
		expect(error).toBeUndefined();
		const one = `${s.files}/${s.file.id}`;
		expect(log()).toEqual([`PATCH ${one}`, `GET ${one}`]);
		expect(apiRequests()[0].json).toEqual({
			print_data_file: { uri: 'ftp://ftp.example.com/in/brochure.pdf', kind: 'imposed' },
		});
	});

	it("Update of one end of the page range is checked against the file's other end, before the PATCH", async () => {
		const s = seed('cart');
		s.file.first_page = 3;
		s.file.last_page = 10;
		const { error } = await run({
			operation: 'update',
			...s.params,
			printDataFileId: String(s.file.id),
			updateFields: { lastPage: 2 },
		});
		expect(error?.message).toBe('Last Page (2) is before First Page (3)');
		expect(error?.description).toContain("The file's First Page is 3 and is kept");
		expect(log()).toEqual([`GET ${s.files}/${s.file.id}`]);
		sandbox.clearRequests();
		const ok = await run({
			operation: 'update',
			...s.params,
			printDataFileId: String(s.file.id),
			updateFields: { lastPage: 12 },
		});
		expect(ok.error).toBeUndefined();
		expect(ok.items[0].json).toMatchObject({ first_page: 3, last_page: 12 });
	});

	it('Update with no field asks for one, without sending anything', async () => {
		const s = seed('cart');
		const { error } = await run({
			operation: 'update',
			...s.params,
			printDataFileId: String(s.file.id),
			updateFields: {},
		});
		expect(error?.message).toBe('Nothing to update');
		expect(error?.description).toBe('Add at least one field under Update Fields.');
		expect(apiRequests()).toHaveLength(0);
	});

	it('Create accepts web and FTP addresses', async () => {
		const s = seed('cart');
		const uris = [
			'http://example.com/a.pdf',
			'https://example.com/a.pdf?token=x',
			'ftp://ftp.example.com/a.pdf',
			'ftps://ftp.example.com/a.pdf',
			'sftp://user@files.example.com:2222/a.pdf',
		];
		const { items, error } = await run(
			{ operation: 'create', ...s.params, uri: '={{ $json.uri }}', kind: 'original' },
			uris.map((uri) => ({ uri })),
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.uri)).toEqual(uris);
	});

	it.each([
		[
			'a URI without protocol',
			{ uri: 'example.com/brochure.pdf' },
			'URI "example.com/brochure.pdf" is not a full web or FTP address',
		],
		[
			'a local file',
			{ uri: 'file:///home/me/brochure.pdf' },
			'URI "file:///home/me/brochure.pdf" is not a full web or FTP address',
		],
		[
			'a mail address',
			{ uri: 'mailto:print@example.com' },
			'URI "mailto:print@example.com" is not a full web or FTP address',
		],
		[
			'a URI with a space',
			{ uri: 'https://example.com/my brochure.pdf' },
			'URI "https://example.com/my brochure.pdf" is not a full web or FTP address',
		],
		['an empty URI', { uri: '={{ "" }}' }, 'URI is empty'],
		[
			'an unknown kind',
			{ kind: '={{ "pdf" }}' },
			'Kind "pdf" is not one of original, processed, imposed',
		],
		[
			'a negative file size',
			{ additionalFields: { fileSize: -1 } },
			'File Size must be a whole number of 0 or more, not "-1"',
		],
		[
			'a fractional file size',
			{ additionalFields: { fileSize: 1.5 } },
			'File Size must be a whole number of 0 or more, not "1.5"',
		],
		[
			'page 0',
			{ additionalFields: { firstPage: 0 } },
			'First Page must be a whole number of 1 or more, not "0"',
		],
		[
			'a page that is text',
			{ additionalFields: { lastPage: '={{ "ten" }}' } },
			'Last Page must be a whole number of 1 or more, not "ten"',
		],
		[
			'a range ending before it starts',
			{ additionalFields: { firstPage: 3, lastPage: 2 } },
			'Last Page (2) is before First Page (3)',
		],
		[
			'a product ID that is a reference',
			{ productId: 'KEY-BRO-A4' },
			'Product ID must be a positive whole number, not "KEY-BRO-A4"',
		],
		[
			'an empty component ID',
			{ attachedTo: 'component', componentId: '={{ "" }}' },
			'Component ID is empty',
		],
		[
			'an order ID that is not a number',
			{ parent: 'order', orderId: '14011a' },
			'Order ID must be a positive whole number, not "14011a"',
		],
	])('Create refuses %s before sending, naming the field', async (_name, change, message) => {
		const s = seed('cart');
		const { error } = await run({
			operation: 'create',
			...s.params,
			uri: 'https://example.com/a.pdf',
			kind: 'original',
			...change,
		});
		expect(error?.message).toBe(message);
		expect(String(error?.description)).not.toBe('');
		expect(apiRequests()).toHaveLength(0);
	});

	it.each(['get', 'update', 'delete'])(
		'%s refuses a print data file ID that is not a positive whole number before sending',
		async (operation) => {
			const s = seed('order', 'component');
			const { error } = await run({
				operation,
				...s.params,
				printDataFileId: '-871',
				updateFields: { fileSize: 1 },
			});
			expect(error?.message).toBe('Print Data File ID must be a positive whole number, not "-871"');
			expect(apiRequests()).toHaveLength(0);
		},
	);

	it('Update refuses a bad URI before reading or sending anything', async () => {
		const s = seed('order');
		const { error } = await run({
			operation: 'update',
			...s.params,
			printDataFileId: String(s.file.id),
			updateFields: { uri: 'www.example.com/new.pdf' },
		});
		expect(error?.message).toBe('URI "www.example.com/new.pdf" is not a full web or FTP address');
		expect(apiRequests()).toHaveLength(0);
	});

	it("A 422 shows each field with Keyline's German words", async () => {
		const s = seed('cart', 'component');
		sandbox.addFault({
			kind: 'status',
			status: 422,
			method: 'POST',
			path: '/print_data_files$',
			body: { errors: { uri: ['muss ausgefüllt werden'], kind: ['ist kein gültiger Wert'] } },
		} as never);
		const { error } = await run({
			operation: 'create',
			...s.params,
			uri: 'https://example.com/a.pdf',
			kind: 'original',
		});
		expect(error?.message).toBe(
			'Keyline: uri: muss ausgefüllt werden; kind: ist kein gültiger Wert',
		);
		expect(error?.httpCode).toBe('422');
		expect(String(error?.description)).toContain(`HTTP 422 to POST ${s.files.slice(BASE.length)}`);
	});

	it('A completed order takes no more files: create, update and delete read as Keyline refused them; get still works', async () => {
		const s = seed('order', 'product', 'completed');
		let { error } = await run({
			operation: 'create',
			...s.params,
			uri: 'https://example.com/late.pdf',
			kind: 'original',
		});
		expect(error?.message).toBe('Keyline: Der Auftrag kann nicht mehr geändert werden');
		expect(error?.httpCode).toBe('422');
		expect(String(error?.description)).toContain(
			`Keyline answered HTTP 422 to POST ${s.files.slice(BASE.length)}`,
		);
		({ error } = await run({
			operation: 'update',
			...s.params,
			printDataFileId: String(s.file.id),
			updateFields: { fileSize: 1 },
		}));
		expect(error?.message).toBe('Keyline: Der Auftrag kann nicht mehr geändert werden');
		({ error } = await run({
			operation: 'delete',
			...s.params,
			printDataFileId: String(s.file.id),
		}));
		expect(error?.message).toBe('Keyline: Der Auftrag kann nicht mehr geändert werden');
		expect(s.product.print_data_files).toHaveLength(2);
		const got = await run({ operation: 'get', ...s.params, printDataFileId: String(s.file.id) });
		expect(got.items[0].json).toMatchObject({ id: s.file.id, filesize: 123467 });
	});

	it('A missing file, component or product is named in the error, and nothing is deleted', async () => {
		const s = seed('cart');
		let { error } = await run({ operation: 'delete', ...s.params, printDataFileId: '999' });
		expect(error?.message).toBe("Keyline: Couldn't find PrintDataFile with 'id'=999");
		expect(error?.httpCode).toBe('404');
		expect(String(error?.description)).toContain('Check the ID');
		expect(apiRequests().filter((r) => r.method === 'DELETE')).toHaveLength(0);
		({ error } = await run({
			operation: 'getAll',
			...s.params,
			attachedTo: 'component',
			componentId: '4242',
		}));
		expect(error?.message).toBe("Keyline: Couldn't find Component with 'id'=4242");
		({ error } = await run({
			operation: 'get',
			...s.params,
			productId: '4242',
			printDataFileId: String(s.file.id),
		}));
		expect(error?.message).toBe("Keyline: Couldn't find Product with 'id'=4242");
		// The product's own file is not one of the component's.
		({ error } = await run({
			operation: 'get',
			...s.params,
			attachedTo: 'component',
			componentId: String(s.component.id),
			printDataFileId: String(s.productFile.id),
		}));
		expect(error?.message).toBe(
			`Keyline: Couldn't find PrintDataFile with 'id'=${s.productFile.id}`,
		);
	});

	it('Get Many with a limit returns that many; a product without files gives no items', async () => {
		const s = seed('order');
		let { items } = await run({ operation: 'getAll', ...s.params, returnAll: false, limit: 1 });
		expect(items.map((i) => i.json.id)).toEqual([s.productFile.id]);
		s.product.print_data_files.length = 0;
		const result = await run({ operation: 'getAll', ...s.params, returnAll: true });
		expect(result.error).toBeUndefined();
		({ items } = result);
		expect(items).toHaveLength(0);
	});

	it('With Continue On Fail, a bad item fails alone and the others go on', async () => {
		const s = seed('order', 'component');
		const { items } = await run(
			{ operation: 'get', ...s.params, printDataFileId: '={{ $json.file }}' },
			[
				{ file: s.componentFile.id },
				{ file: 'cover.pdf' },
				{ file: 999 },
				{ file: s.componentFile.id },
			],
			true,
		);
		expect(items).toHaveLength(4);
		expect(items[0].json).toMatchObject({ id: s.componentFile.id, state: 'newly_uploaded' });
		expect(items[1].json.error).toBe(
			'Print Data File ID must be a positive whole number, not "cover.pdf"',
		);
		expect(items[2].json.error).toBe("Keyline: Couldn't find PrintDataFile with 'id'=999");
		expect(items[3].json.id).toBe(s.componentFile.id);
		expect(apiRequests()).toHaveLength(3);
	});
});

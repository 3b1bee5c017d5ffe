/**
 * A print data file is the same record in four places (a product or one of its components, in a
 * cart or an order): one path, one set of location fields, one set of file fields, one body.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { refusal, toWholeNumber } from '../../../shared/validation';

/** `{attachment}` is `/components/{componentId}` or nothing, by Attached To. */
export const FILES_PATH = '{parent}/products/{productId}{attachment}/print_data_files';
export const FILE_PATH = `${FILES_PATH}/{printDataFileId}`;

export const KINDS = ['original', 'processed', 'imposed'] as const;
/** The addresses let through: web and FTP, never local files or mail links. */
const PROTOCOLS = ['http:', 'https:', 'ftp:', 'ftps:', 'sftp:'];
const URI_EXAMPLE = 'https://example.com/print/brochure.pdf';

type Show = Record<string, string[]>;

const uriField: INodeProperties = {
	displayName: 'URI',
	name: 'uri',
	type: 'string',
	default: '',
	placeholder: `e.g. ${URI_EXAMPLE}`,
	description:
		'The full address Keyline downloads the file from, including the protocol (http, https, ftp, ftps or sftp)',
};

const kindField: INodeProperties = {
	displayName: 'Kind',
	name: 'kind',
	type: 'options',
	options: [
		{
			name: 'Original',
			value: 'original',
			description: 'The file as it was supplied, before any processing',
		},
		{
			name: 'Processed',
			value: 'processed',
			description: 'The file after processing, e.g. checked and converted for print',
		},
		{
			name: 'Imposed',
			value: 'imposed',
			description: 'The pages already arranged on the print sheet',
		},
	],
	default: 'original',
	description: 'What stage of print preparation the file is at',
};

/** URI and Kind, required, without displayOptions: Create and Place Order (One Step) show them. */
export const requiredFileValues: INodeProperties[] = [
	{ ...uriField, required: true },
	{ ...kindField, required: true },
];

/** URI and Kind: required top-level fields on Create. */
export function requiredFileFields(show: Show): INodeProperties[] {
	return requiredFileValues.map((field) => ({ ...field, displayOptions: { show } }));
}

/** A whole number from `min` up, `min` by default. */
const wholeNumberField = (
	displayName: string,
	name: string,
	min: number,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: min, numberPrecision: 0 },
	default: min,
	description,
});

const fileSizeField = wholeNumberField(
	'File Size',
	'fileSize',
	0,
	'The size of the file in bytes, e.g. 2450000 for about 2.5 MB',
);
const firstPageField = wholeNumberField(
	'First Page',
	'firstPage',
	1,
	'The first page of the PDF to print; counting starts at 1',
);
const lastPageField = wholeNumberField(
	'Last Page',
	'lastPage',
	1,
	'The last page of the PDF to print; not before First Page',
);

/** File Size and the page range: the optional fields of Create. */
export const optionalFileFields: INodeProperties[] = [fileSizeField, firstPageField, lastPageField];

/** All five fields, optional on Update, with what a changed URI does. */
export const updateFileFields: INodeProperties[] = [
	fileSizeField,
	firstPageField,
	kindField,
	lastPageField,
	{
		...uriField,
		description:
			'The full address Keyline downloads the file from, including the protocol (http, https, ftp, ftps or sftp). A new URI makes Keyline process the file again: its state goes back to newly_uploaded.',
	},
];

function checkUri(context: IExecuteSingleFunctions, value: unknown): string {
	const uri = String(value ?? '').trim();
	const hint = `Keyline downloads the file from this address, so give it in full with its protocol, e.g. ${URI_EXAMPLE} (http, https, ftp, ftps and sftp work).`;
	if (uri === '') throw refusal(context, 'URI is empty', hint);
	let url: URL | undefined;
	try {
		url = new URL(uri);
	} catch {
		url = undefined;
	}
	if (!url || !PROTOCOLS.includes(url.protocol) || url.hostname === '' || /\s/.test(uri)) {
		throw refusal(context, `URI "${uri.slice(0, 100)}" is not a full web or FTP address`, hint);
	}
	return uri;
}

function checkKind(context: IExecuteSingleFunctions, value: unknown): string {
	const kind = String(value ?? '').trim();
	if (!(KINDS as readonly string[]).includes(kind)) {
		throw refusal(
			context,
			kind === ''
				? 'Kind is empty'
				: `Kind "${kind.slice(0, 60)}" is not one of ${KINDS.join(', ')}`,
			'Pick Original, Processed or Imposed, or map one of original, processed, imposed.',
		);
	}
	return kind;
}

function wholeNumber(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
	min: number,
	example: string,
): number {
	return toWholeNumber(context, value, {
		label,
		min,
		description: `Enter ${label} as digits only, e.g. ${example}, or remove the field.`,
	});
}

/**
 * Keyline refuses a range that ends before it starts. `kept` names the end that was not given
 * on an update and is the file's current one.
 */
export function checkPageRange(
	context: IExecuteSingleFunctions,
	first: unknown,
	last: unknown,
	kept?: 'First Page' | 'Last Page',
): void {
	if (typeof first !== 'number' || typeof last !== 'number' || last >= first) return;
	throw refusal(
		context,
		`Last Page (${last}) is before First Page (${first})`,
		kept
			? `The file's ${kept} is ${kept === 'First Page' ? first : last} and is kept. Give both First Page and Last Page, or a page that fits.`
			: 'Last Page must be the same as First Page or after it, e.g. First Page 3 and Last Page 10.',
	);
}

/**
 * The `print_data_file` object of the body from the node's fields (`uri`, `kind`, `fileSize`,
 * `firstPage`, `lastPage`), each checked before anything is sent. Absent fields stay absent.
 */
export function printDataFileBody(
	context: IExecuteSingleFunctions,
	fields: IDataObject,
): IDataObject {
	const file: IDataObject = {};
	if (fields.uri !== undefined) file.uri = checkUri(context, fields.uri);
	if (fields.kind !== undefined) file.kind = checkKind(context, fields.kind);
	if (fields.fileSize !== undefined) {
		file.filesize = wholeNumber(context, fields.fileSize, 'File Size', 0, '2450000');
	}
	if (fields.firstPage !== undefined) {
		file.first_page = wholeNumber(context, fields.firstPage, 'First Page', 1, '3');
	}
	if (fields.lastPage !== undefined) {
		file.last_page = wholeNumber(context, fields.lastPage, 'Last Page', 1, '10');
	}
	checkPageRange(context, file.first_page, file.last_page);
	return file;
}

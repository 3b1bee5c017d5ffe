/**
 * What an image for a card must be: the bytes of a PNG, JPEG, GIF, WebP or BMP file. A text
 * file, a PDF or an HTML page given as a photo is refused before anything is sent, naming what
 * it is, instead of printing a card with a broken picture.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

const SIGNATURES: Array<[kind: string, test: (bytes: Buffer) => boolean]> = [
	[
		'PNG',
		(b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
	],
	['JPEG', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
	['GIF', (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))],
	[
		'WebP',
		(b) =>
			b.subarray(0, 4).toString('latin1') === 'RIFF' &&
			b.subarray(8, 12).toString('latin1') === 'WEBP',
	],
	['BMP', (b) => b.subarray(0, 2).toString('latin1') === 'BM'],
];

/** The image format of these bytes, or undefined when they are not an image. */
export function imageKind(bytes: Buffer): string | undefined {
	return SIGNATURES.find(([, test]) => test(bytes))?.[0];
}

/** What some bytes that are not an image look like, for the refusal: "a PDF", "text", … */
function describeBytes(bytes: Buffer): string {
	const head = bytes.subarray(0, 64).toString('latin1');
	if (head.startsWith('%PDF')) return 'a PDF';
	if (/^\s*<(!doctype html|html)/i.test(head)) return 'an HTML page';
	if (/^\s*<svg|^\s*<\?xml/i.test(head)) return 'SVG or XML (give a PNG or JPEG instead)';
	if (bytes.length === 0) return 'empty';
	// eslint-disable-next-line no-control-regex
	return /^[\x09\x0a\x0d\x20-\x7e]*$/.test(head) ? 'text' : 'not a known image format';
}

/**
 * The bytes, when they are an image; else a refusal for this item naming the field, where the
 * bytes came from (the binary property with its file name and type, the URL) and what they are.
 */
export function requireImage(
	context: IExecuteSingleFunctions,
	bytes: Buffer,
	label: string,
	source: { binary?: { name: string; file: IBinaryData }; url?: string },
): Buffer {
	if (imageKind(bytes)) return bytes;
	const from = source.binary
		? `The binary property "${source.binary.name}"${source.binary.file.fileName ? ` (${source.binary.file.fileName}, ${source.binary.file.mimeType})` : ` (${source.binary.file.mimeType})`}`
		: source.url
			? `The file at ${source.url}`
			: 'The Base64 given';
	throw new NodeOperationError(context.getNode(), `${label}: ${from} is not an image`, {
		itemIndex: context.getItemIndex(),
		description: `It is ${describeBytes(bytes)}. Give a PNG or JPEG image, e.g. the photo read by an HTTP Request (response format: file) or a Read/Write Files node.`,
	});
}

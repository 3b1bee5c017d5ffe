/**
 * Just enough image handling for the sandbox: Base64 image checks (PNG/JPEG by magic bytes) and
 * small but valid PNGs for card previews, built with node's zlib (Node 20 has no zlib.crc32).
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

export type Rgb = readonly [number, number, number];

/** An 8-bit RGB PNG whose pixel colours come from `pixel(x, y)`. */
export function makePng(
	width: number,
	height: number,
	pixel: (x: number, y: number) => Rgb,
): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: truecolour
	// compression, filter and interlace stay 0
	const rows = Buffer.alloc((width * 3 + 1) * height);
	let offset = 0;
	for (let y = 0; y < height; y++) {
		rows[offset++] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			const [r, g, b] = pixel(x, y);
			rows[offset++] = r;
			rows[offset++] = g;
			rows[offset++] = b;
		}
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(rows)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** A 2×2 PNG that image fields accept; handy for tests of nodes. */
export const INSTANTCARD_SAMPLE_PNG_BASE64 = makePng(2, 2, (x, y) =>
	(x + y) % 2 ? [255, 255, 255] : [20, 80, 160],
).toString('base64');

export function imageKind(data: Buffer): 'png' | 'jpeg' | undefined {
	if (
		data.length >= 8 &&
		data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
	)
		return 'png';
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
	return undefined;
}

/**
 * Decodes a Base64 image value (optionally a `data:` URL) and returns its canonical Base64, or
 * undefined when it is not Base64 of a PNG or JPEG. Buffer.from ignores bad characters, so the
 * alphabet is checked first: a file path or URL sent by mistake must fail, not decode to junk.
 */
export function normaliseBase64Image(value: string): string | undefined {
	let text = value.trim();
	const dataUrl = /^data:[\w.+/-]*(?:;[\w=.-]+)*;base64,/i.exec(text);
	if (dataUrl) text = text.slice(dataUrl[0].length);
	text = text.replace(/\s+/g, '');
	if (text === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
	const data = Buffer.from(text, 'base64');
	if (!imageKind(data)) return undefined;
	return data.toString('base64');
}

/** A cheap 32-bit hash so that a preview changes when the card's data changes. */
function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return h >>> 0;
}

/**
 * A card-sized preview (CR80 proportions, 86×54 px): a coloured band derived from the card's
 * data over a white body, so tests can tell previews of different data apart.
 */
export function cardPreviewPng(
	orientation: 'portrait' | 'landscape',
	seed: string,
	side: 'front' | 'back',
): string {
	const [width, height] = orientation === 'portrait' ? [54, 86] : [86, 54];
	const h = hash(`${side}:${seed}`);
	const band: Rgb = [h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff];
	const bandHeight = Math.round(height / 4);
	return makePng(width, height, (_x, y) => (y < bandHeight ? band : [250, 250, 250])).toString(
		'base64',
	);
}

/**
 * The preview answer carries the card's images as Base64 (`front`, and `back` for two-sided
 * templates). They become n8n binary data, which the editor shows and later nodes (email, Drive)
 * take as files; the JSON keeps the rest and leaves the Base64 out unless asked.
 */
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { routeOf } from '../../../shared/route';

const SIDES = ['front', 'back'] as const;

/** Bytes and type of one side: Base64 or a data: URL; PNG as documented, JPEG tolerated. */
function decodeImage(
	value: unknown,
): { data: Buffer; mimeType: string; extension: string } | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const base64 = value
		.trim()
		.replace(/^data:[^;,]+;base64,/, '')
		.replace(/\s+/g, '');
	const data = Buffer.from(base64, 'base64');
	if (data.length === 0) return undefined;
	if (data[0] === 0xff && data[1] === 0xd8)
		return { data, mimeType: 'image/jpeg', extension: 'jpg' };
	return { data, mimeType: 'image/png', extension: 'png' };
}

/** postReceive: images → binary properties `front`/`back`; JSON without Base64 by default. */
export async function outputPreview(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = routeOf(this).ids.cardId;
	const includeBase64 = this.getNodeParameter('previewOptions.includeBase64', false) === true;
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const answer = (item.json ?? {}) as IDataObject;
		const json: IDataObject = { card_id: id };
		for (const [key, value] of Object.entries(answer)) {
			if (!includeBase64 && (SIDES as readonly string[]).includes(key)) continue;
			json[key] = value;
		}
		const binary: IBinaryKeyData = {};
		for (const side of SIDES) {
			const image = decodeImage(answer[side]);
			if (!image) continue;
			binary[side] = await this.helpers.prepareBinaryData(
				image.data,
				`card-${id}-${side}.${image.extension}`,
				image.mimeType,
			);
		}
		out.push({ ...item, json, ...(Object.keys(binary).length ? { binary } : {}) });
	}
	return out;
}

const show = { resource: ['card'], operation: ['preview'] };

export const cardPreviewDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'previewOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include Base64 in JSON',
				name: 'includeBase64',
				type: 'boolean',
				default: false,
				description:
					'Whether to also output the images as Base64 text in the JSON (front, back). They are always output as files (binary properties front and back).',
			},
		],
	},
];

/**
 * How a card's field values are entered (Create and Update) and turned into `card[data]`:
 * either the chosen template's fields as inputs (resource mapper), or raw JSON for expressions.
 * The API wants one object per field keyed by its token, as a JSON string, with images as Base64.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	ResourceMapperValue,
} from 'n8n-workflow';

import { requestTimeout } from '../../../shared/timeouts';
import { requireImage } from '../../shared/image';
import { parseJsonParameter } from '../../../shared/validation';
import { instantCardCall } from '../../shared/call';
import { IMAGE_FIELD_PREFIX } from '../cardTemplate/fields';

export function cardDataProperties(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Card Data',
			name: 'cardDataMode',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				{
					name: 'Map Template Fields',
					value: 'fields',
					description: "Fill in the chosen template's fields one by one",
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'Give all values as one JSON object, e.g. from an expression',
				},
			],
			default: 'fields',
		},
		{
			displayName: 'Fields',
			name: 'cardFields',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			displayOptions: { show: { ...show, cardDataMode: ['fields'] } },
			typeOptions: {
				loadOptionsDependsOn: ['cardTemplateId.value'],
				resourceMapper: {
					resourceMapperMethod: 'getCardTemplateFields',
					mode: 'add',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: true,
					supportAutoMap: true,
					// n8n's own red "no fields" error would also show before a template is chosen
					// ("This card template has no variable fields. Retry" under "Choose a card
					// template first"): the notice getCardTemplateFields returns says which case it is.
					hideNoDataError: true,
				},
			},
			description:
				'Image fields take the name of a binary property of the input item (e.g. data), an image URL, or Base64',
		},
		{
			displayName: 'Card Data (JSON)',
			name: 'cardDataJson',
			type: 'json',
			required: true,
			default: '{\n  "first_name": "",\n  "last_name": ""\n}',
			displayOptions: { show: { ...show, cardDataMode: ['json'] } },
			description:
				"The card's field values keyed by template field token. Images as Base64. Card Template → Get Fields lists the tokens.",
		},
	];
}

/** `card[data]` from values keyed by token: one object per field, as a JSON string. */
export function toCardData(context: IExecuteSingleFunctions, data: unknown, label: string): string {
	let entries: IDataObject[];
	if (Array.isArray(data)) entries = data as IDataObject[];
	else if (data && typeof data === 'object') {
		// {"first_name": "Ada", "photo": "..."} is the natural way to write it: one entry per field.
		entries = Object.entries(data as IDataObject).map(([token, value]) => ({ [token]: value }));
	} else {
		throw new NodeOperationError(context.getNode(), `${label} must be a JSON object or array`, {
			itemIndex: context.getItemIndex(),
			description:
				'Give the card\'s field values keyed by the template field token, e.g. {"first_name": "Ada", "last_name": "Lovelace"}.',
		});
	}
	for (const entry of entries) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new NodeOperationError(
				context.getNode(),
				`${label} holds an entry that is not an object`,
				{
					itemIndex: context.getItemIndex(),
					description: 'Each entry must look like {"first_name": "Ada"}.',
				},
			);
		}
	}
	return JSON.stringify(entries);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** An image field's value as the Base64 the API wants: from a binary property, a URL or Base64. */
async function imageBase64(
	context: IExecuteSingleFunctions,
	value: string,
	label: string,
): Promise<string> {
	const text = value.trim();
	const item = context.getInputData();
	const file = item.binary?.[text];
	if (file) {
		const bytes = await context.helpers.getBinaryDataBuffer(text);
		return requireImage(context, bytes, label, { binary: { name: text, file } }).toString('base64');
	}
	if (/^https?:\/\//i.test(text)) {
		const body = (await context.helpers.httpRequest({
			url: text,
			encoding: 'arraybuffer',
			json: false,
			timeout: requestTimeout(context),
		})) as Buffer;
		return requireImage(context, Buffer.from(body), label, { url: text }).toString('base64');
	}
	const dataUrl = /^data:[^;,]+;base64,(.*)$/s.exec(text);
	const base64 = (dataUrl ? dataUrl[1] : text).replace(/\s+/g, '');
	if (base64.length >= 16 && BASE64.test(base64)) {
		requireImage(context, Buffer.from(base64, 'base64'), label, {});
		return base64;
	}
	const binaryNames = Object.keys(item.binary ?? {});
	throw new NodeOperationError(
		context.getNode(),
		`${label}: "${text.slice(0, 40)}" is not an image`,
		{
			itemIndex: context.getItemIndex(),
			description: `Give the name of a binary property of the input item${
				binaryNames.length ? ` (this item has: ${binaryNames.join(', ')})` : ' (this item has none)'
			}, an image URL starting with https://, or the image as Base64.`,
		},
	);
}

/** Reads the Card Data parameters of the current item and returns `card[data]`. */
export async function readCardData(context: IExecuteSingleFunctions): Promise<string> {
	if (context.getNodeParameter('cardDataMode', 'fields') === 'json') {
		const data = parseJsonParameter(context, 'cardDataJson', 'Card Data (JSON)');
		return toCardData(context, data ?? {}, 'Card Data (JSON)');
	}
	const mapped = context.getNodeParameter('cardFields', {}) as Partial<ResourceMapperValue>;
	const schema = mapped.schema ?? [];
	let values: IDataObject = { ...(mapped.value ?? {}) };
	if (mapped.mappingMode === 'autoMapInputData') {
		// Input fields named like a template field token fill it.
		const input = context.getInputData().json;
		values = {};
		for (const field of schema) {
			const token = field.id.startsWith(IMAGE_FIELD_PREFIX)
				? field.id.slice(IMAGE_FIELD_PREFIX.length)
				: field.id;
			if (input[token] !== undefined && input[token] !== null)
				values[field.id] = input[token] as string;
		}
	}
	const data: IDataObject = {};
	for (const [id, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue; // left empty: not sent
		if (id.startsWith(IMAGE_FIELD_PREFIX)) {
			const token = id.slice(IMAGE_FIELD_PREFIX.length);
			const label =
				schema.find((f) => f.id === id)?.displayName.replace(/ \(image:.*$/, '') ?? token;
			data[token] = await imageBase64(context, String(value), label);
		} else {
			data[id] = typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
	}
	return toCardData(context, data, 'Card Data');
}

/** A template's fields as card data names them: their tokens, and which hold images. */
interface TemplateFields {
	/** The tokens to show; `accepted` also holds the legacy tokens the API still takes. */
	tokens: string[];
	accepted: string[];
	images: string[];
}

/** Template fields read in the last few runs, by execution, node and template: read once a run. */
const recentlyRead = new Map<string, Promise<TemplateFields>>();
const KEPT_RUNS = 50;

async function fieldsOf(context: IExecuteSingleFunctions, templateId: number) {
	const execution = context.getExecutionId();
	const key = `${execution}|${context.getNode().name}|${templateId}`;
	let fields = execution ? recentlyRead.get(key) : undefined;
	if (!fields) {
		fields = instantCardCall(context, 'GET', `/card_templates/${templateId}/fields`).then(
			(answer) => {
				const list = Array.isArray(answer) ? (answer as IDataObject[]) : [];
				const names = (field: IDataObject) =>
					[field.token, field.legacy_token].filter((t): t is string => typeof t === 'string');
				return {
					tokens: list.map((field) => names(field)[0]).filter((t) => t !== undefined),
					accepted: list.flatMap(names),
					images: list
						.filter((field) => String(field.type ?? '').toLowerCase() === 'image')
						.flatMap(names),
				};
			},
		);
		if (execution) {
			recentlyRead.set(key, fields);
			fields.catch(() => recentlyRead.delete(key));
			if (recentlyRead.size > KEPT_RUNS) recentlyRead.delete(recentlyRead.keys().next().value!);
		}
	}
	return await fields;
}

/**
 * Refuses card data with a field the template does not have, naming the template's fields
 * (InstantCard would store the card without it, and the value would be lost unnoticed), and an
 * image field whose Base64 is not an image.
 */
export async function checkTemplateFields(
	context: IExecuteSingleFunctions,
	templateId: number,
	cardData: string,
	label: string,
): Promise<void> {
	const entries = (JSON.parse(cardData) as IDataObject[]).flatMap((entry) => Object.entries(entry));
	if (entries.length === 0) return;
	const { tokens, accepted, images } = await fieldsOf(context, templateId);
	const unknown = entries.map(([token]) => token).filter((token) => !accepted.includes(token));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			context.getNode(),
			`${label}: card template ${templateId} has no field ${unknown.map((t) => `"${t}"`).join(', ')}`,
			{
				itemIndex: context.getItemIndex(),
				description: tokens.length
					? `Its fields are: ${tokens.join(', ')}. Use these tokens (Card Template → Get Fields lists them with their labels).`
					: 'This template has no variable fields: leave Card Data empty.',
			},
		);
	}
	for (const [token, value] of entries) {
		if (images.includes(token) && typeof value === 'string' && value !== '') {
			requireImage(context, Buffer.from(value, 'base64'), `${label} "${token}"`, {});
		}
	}
}

/** The label of the card data as the editor shows it, for refusals. */
export const cardDataLabel = (context: IExecuteSingleFunctions): string =>
	context.getNodeParameter('cardDataMode', 'fields') === 'json' ? 'Card Data (JSON)' : 'Card Data';

/**
 * A card template's variable fields, as n8n resource-mapper fields: choosing a template in the
 * editor lists its fields as inputs. Image fields get ids prefixed `image:` so that at run time
 * their values are known to be images (a binary property, a URL or Base64) without asking the
 * API again.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { instantCardCall } from '../../shared/call';

export const IMAGE_FIELD_PREFIX = 'image:';

export function toMapperField(field: IDataObject): ResourceMapperField {
	const token = String(field.token ?? field.legacy_token ?? '');
	const label = String(field.label ?? token);
	const isImage = String(field.type ?? 'text').toLowerCase() === 'image';
	return {
		id: isImage ? `${IMAGE_FIELD_PREFIX}${token}` : token,
		displayName: isImage ? `${label} (image: binary property name, URL or Base64)` : label,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: 'string',
	};
}

export async function getCardTemplateFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const templateId = String(
		this.getCurrentNodeParameter('cardTemplateId', { extractValue: true }) ?? '',
	).trim();
	if (!/^\d+$/.test(templateId)) {
		return {
			fields: [],
			emptyFieldsNotice: 'Choose a card template first: its fields appear here.',
		};
	}
	const fields = (await instantCardCall(
		this,
		'GET',
		`/card_templates/${templateId}/fields`,
	)) as IDataObject[];
	return {
		fields: (Array.isArray(fields) ? fields : []).map(toMapperField),
		emptyFieldsNotice: 'This template has no variable fields.',
	};
}

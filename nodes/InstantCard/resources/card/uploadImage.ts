/**
 * Puts a file from the input item into an image field of a card: `POST /cards/{id}/image` as
 * multipart form-data with `card[token]` and `card[file]`.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { requireImage } from '../../shared/image';

const show = { resource: ['card'], operation: ['uploadImage'] };

/**
 * preSend: builds the multipart body. A spec FormData (Node's own) is re-readable, so unlike a
 * `form-data` stream n8n can send it again after a re-login; the upload changes one field
 * only, so sending it twice is harmless anyway.
 */
export async function buildImageUpload(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	const token = String(this.getNodeParameter('imageField', '') ?? '').trim();
	if (!token) {
		throw new NodeOperationError(this.getNode(), 'Image Field is empty', {
			itemIndex: this.getItemIndex(),
			description:
				"Enter the token of the template's image field, e.g. photo. Card Template → Get Fields lists them.",
		});
	}
	const property = String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	const binary = this.getInputData().binary ?? {};
	const file = binary[property];
	if (!property || !file) {
		const names = Object.keys(binary);
		throw new NodeOperationError(
			this.getNode(),
			`The input item has no binary property "${property}"`,
			{
				itemIndex: this.getItemIndex(),
				description: names.length
					? `Set Input Binary Field to one of: ${names.join(', ')}.`
					: 'This item holds no file. Read one first, e.g. with an HTTP Request (response format: file) or a Read/Write Files node.',
			},
		);
	}
	const data = requireImage(
		this,
		await this.helpers.getBinaryDataBuffer(property),
		'Input Binary Field',
		{
			binary: { name: property, file },
		},
	);
	const mimeType = file.mimeType || 'application/octet-stream';
	const form = new FormData();
	form.append('card[token]', token);
	form.append(
		'card[file]',
		new Blob([data], { type: mimeType }),
		file.fileName ?? `${token}.${file.fileExtension ?? 'png'}`,
	);
	options.body = form;
	// The multipart boundary is set by the HTTP client; a fixed Content-Type would lack it.
	if (options.headers) {
		for (const name of Object.keys(options.headers)) {
			if (name.toLowerCase() === 'content-type') delete options.headers[name];
		}
	}
	return options;
}

export const cardUploadImageDescription: INodeProperties[] = [
	{
		displayName: 'Image Field',
		name: 'imageField',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. photo',
		displayOptions: { show },
		description:
			"The token of the template's image field to fill, e.g. photo. Card Template → Get Fields lists the fields.",
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show },
		hint: 'The name of the input binary field holding the image (PNG or JPEG)',
		description: 'The binary property of the input item that holds the image file',
	},
];

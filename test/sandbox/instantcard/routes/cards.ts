/** Cards: drafts, updates, finalization, search, preview, image upload and print history. */
import type { UploadedFile } from '../../core';
import type { ApiRequest, Route } from '../../core';
import { badRequest, deleteRoute, invalid, listRoute, notFound, ok, type Ctx } from '../context';
import { findCard, intValue, isObject, paginate, rejectUnknown, requireHash } from '../context';
import { cardPreviewPng, imageKind, normaliseBase64Image } from '../images';
import * as render from '../render';
import type { CardTemplate } from '../seed';
import type { Card, CardData } from '../store';

const imageError = (token: string) =>
	`Field '${token}' must be a Base64-encoded PNG or JPEG image (optionally a data: URL)`;

/** Splits one `card[data]` element into token/value pairs: `{token, value}` or `{<token>: value}`. */
function pairsOf(element: Record<string, unknown>): Array<[string, unknown]> {
	const keys = Object.keys(element);
	if (
		keys.includes('token') &&
		keys.includes('value') &&
		keys.every((k) => ['token', 'value'].includes(k))
	) {
		return [[String(element.token), element.value]];
	}
	return Object.entries(element);
}

/**
 * Reads `card[data]`: a JSON string (form-data, as the seed sends it) or an already-parsed array
 * (JSON bodies), one object per variable field keyed by its token. Returns the fields to set;
 * every problem is collected into one 400.
 */
export function parseCardData(raw: unknown, template: CardTemplate): CardData {
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			invalid([`card[data] is not valid JSON (${(error as Error).message})`]);
		}
	}
	if (!Array.isArray(parsed)) {
		invalid(['card[data] must be a JSON array of objects, e.g. [{"first_name":"Ada"}]']);
	}
	const errors: string[] = [];
	const out: CardData = {};
	parsed.forEach((element, index) => {
		if (!isObject(element)) {
			errors.push(`card[data] element ${index} is not an object`);
			return;
		}
		for (const [token, value] of pairsOf(element)) {
			const field = template.fields.find((f) => f.token === token);
			if (!field) {
				errors.push(`Unknown field '${token}'`);
				continue;
			}
			if (value === null) {
				out[token] = null;
			} else if (field.type === 'image') {
				const image = typeof value === 'string' ? normaliseBase64Image(value) : undefined;
				if (image === undefined) errors.push(imageError(token));
				else out[token] = image;
			} else if (['string', 'number', 'boolean'].includes(typeof value)) {
				out[token] = String(value);
			} else {
				errors.push(`Field '${token}' must be text`);
			}
		}
	});
	if (errors.length > 0) invalid(errors);
	return out;
}

function templateOf(ctx: Ctx, raw: unknown): CardTemplate {
	const id = intValue(raw);
	if (raw === undefined || raw === null || raw === '') invalid(["Card template can't be blank"]);
	const template = id === undefined ? undefined : ctx.store.template(id);
	if (!template) notFound('Card template not found');
	return template;
}

/** `card[...]` of the request, with only the keys given permitted. */
function cardHash(req: ApiRequest, allowed: readonly string[]): Record<string, unknown> {
	const input = requireHash(req.params, 'card');
	rejectUnknown(input, allowed, 'card');
	return input;
}

function touch(ctx: Ctx, card: Card): Card {
	card.updated_at = ctx.store.now();
	return card;
}

export function cardRoutes(ctx: Ctx): Route[] {
	// Always `ctx.store`: reset() swaps the store after these routes were built.
	const show = (card: Card, withImages = false) => ok(render.card(ctx.store, card, withImages));
	return [
		listRoute(
			'/cards',
			() => ctx.store.cards.values(),
			(c) => render.card(ctx.store, c),
		),
		// Before `/cards/:id`, which would otherwise take "search" for an id.
		{
			method: 'GET',
			pattern: '/cards/search',
			handler: (req) => {
				const term =
					typeof req.params.term === 'string' ? req.params.term.trim().toLowerCase() : '';
				if (!term) badRequest("Missing parameter 'term'");
				const hits = [...ctx.store.cards.values()].filter((c) => {
					const template = ctx.store.template(c.card_template_id);
					return Object.entries(c.data).some(
						([token, value]) =>
							value !== null &&
							template?.fields.find((f) => f.token === token)?.type !== 'image' &&
							value.toLowerCase().includes(term),
					);
				});
				return ok(paginate(hits, req.query).map((c) => render.card(ctx.store, c)));
			},
		},
		{
			method: 'POST',
			pattern: '/cards',
			handler: (req) => {
				const input = cardHash(req, ['card_template_id', 'data']);
				const template = templateOf(ctx, input.card_template_id);
				if (input.data === undefined || input.data === '') invalid(["Data can't be blank"]);
				const data = parseCardData(input.data, template);
				return show(ctx.store.createCard(template.id, data));
			},
		},
		{ method: 'GET', pattern: '/cards/:id', handler: (_req, p) => show(findCard(ctx, p.id)) },
		{
			method: 'PATCH',
			pattern: '/cards/:id',
			handler: (req, p) => {
				const card = findCard(ctx, p.id);
				const input = cardHash(req, ['card_template_id', 'data']);
				const changesTemplate = input.card_template_id !== undefined;
				if (!changesTemplate && (input.data === undefined || input.data === ''))
					invalid(["Data can't be blank"]);
				const template = changesTemplate
					? templateOf(ctx, input.card_template_id)
					: (ctx.store.template(card.card_template_id) as CardTemplate);
				const updates = input.data === undefined ? {} : parseCardData(input.data, template);
				if (changesTemplate) {
					// Values of fields the new template lacks cannot be printed: drop them.
					const tokens = new Set(template.fields.map((f) => f.token));
					card.data = Object.fromEntries(Object.entries(card.data).filter(([t]) => tokens.has(t)));
					card.card_template_id = template.id;
				}
				// Changed fields only: the rest of the card keeps its values.
				Object.assign(card.data, updates);
				return show(touch(ctx, card));
			},
		},
		deleteRoute('/cards/:id', (id) => ctx.store.deleteCard(findCard(ctx, id))),
		{
			method: 'PATCH',
			pattern: '/cards/:id/finalize',
			handler: (_req, p) => {
				const card = findCard(ctx, p.id);
				if (!Object.values(card.data).some((v) => v !== null && v !== ''))
					invalid(['Card has no data']);
				if (card.status !== 'finalized') {
					card.status = 'finalized';
					touch(ctx, card);
				}
				// The one answer that carries the images' Base64 (seed).
				return show(card, true);
			},
		},
		{
			method: 'GET',
			pattern: '/cards/:id/preview',
			handler: (_req, p) => {
				const card = findCard(ctx, p.id);
				const template = ctx.store.template(card.card_template_id) as CardTemplate;
				const seed = `${card.id}:${JSON.stringify(card.data)}`;
				return ok({
					preview_available: true,
					front: cardPreviewPng(template.orientation, seed, 'front'),
					back: template.two_sided ? cardPreviewPng(template.orientation, seed, 'back') : null,
					orientation: template.orientation,
				});
			},
		},
		{
			method: 'GET',
			pattern: '/cards/:id/print_history',
			handler: (_req, p) => {
				const card = findCard(ctx, p.id);
				return ok((ctx.store.history.get(card.id) ?? []).map(render.printHistory));
			},
		},
		{
			method: 'POST',
			pattern: '/cards/:id/image',
			handler: (req, p) => {
				const card = findCard(ctx, p.id);
				const input = cardHash(req, ['token', 'file']);
				const token = typeof input.token === 'string' ? input.token.trim() : '';
				if (!token) invalid(["Token can't be blank"]);
				const field = ctx.store
					.template(card.card_template_id)
					?.fields.find((f) => f.token === token);
				if (!field) invalid([`Unknown field '${token}'`]);
				if (field.type !== 'image') invalid([`Field '${token}' is not an image field`]);
				const file = input.file as UploadedFile | undefined;
				if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data))
					invalid(['card[file] must be an uploaded file (multipart/form-data)']);
				if (!imageKind(file.data)) invalid([`card[file] must be a PNG or JPEG image`]);
				card.data[token] = file.data.toString('base64');
				return show(touch(ctx, card));
			},
		},
	];
}

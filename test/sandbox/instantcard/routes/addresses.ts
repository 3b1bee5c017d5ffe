/**
 * Saved shipping addresses and contacts. An address may link one contact; the address endpoints
 * also take a nested `address[contact][...]` (the seed: addresses accept every contact field).
 */
import type { Route } from '../../core';
import { badRequest, deleteRoute, invalid, notFound, ok, type Ctx } from '../context';
import { boolValue, intValue, isObject, rejectUnknown, requireHash, text } from '../context';
import { findAddress, findContact, listRoute } from '../context';
import * as render from '../render';
import type { Address, Contact } from '../store';

const CONTACT_KEYS = [
	'full_name',
	'email',
	'phone_number',
	'alt_email',
	'alt_phone_number',
] as const;
/** Saved addresses spell address1/address2 without underscore (connector, old server). */
const ADDRESS_TEXT_KEYS = [
	'address1',
	'address2',
	'city',
	'state',
	'zip_code',
	'country',
	'label',
	'organization_name',
] as const;
const ADDRESS_KEYS = [...ADDRESS_TEXT_KEYS, 'primary', 'contact_id', 'contact'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Applies contact fields (validated together); `prefix` names them in messages. */
function applyContact(
	ctx: Ctx,
	contact: Contact,
	input: Record<string, unknown>,
	prefix: string,
): Contact {
	rejectUnknown(input, CONTACT_KEYS, prefix);
	const next = { ...contact };
	for (const key of CONTACT_KEYS) {
		if (input[key] !== undefined) (next as Record<string, unknown>)[key] = text(input[key]) ?? null;
	}
	const errors: string[] = [];
	if (!next.email) errors.push("Email can't be blank");
	else if (!EMAIL.test(next.email)) errors.push('Email is invalid');
	if (next.alt_email && !EMAIL.test(next.alt_email)) errors.push('Alt email is invalid');
	if (errors.length > 0) invalid(errors);
	next.updated_at = ctx.store.now();
	return Object.assign(contact, next);
}

function newContact(ctx: Ctx): Contact {
	const now = ctx.store.now();
	return {
		id: 0, // assigned once valid
		full_name: null,
		email: '',
		alt_email: null,
		phone_number: null,
		alt_phone_number: null,
		created_at: now,
		updated_at: now,
	};
}

function saveContact(ctx: Ctx, contact: Contact): Contact {
	if (contact.id === 0) contact.id = ctx.store.nextId('contact');
	ctx.store.contacts.set(contact.id, contact);
	return contact;
}

/** Validates and applies `address[...]`; a nested contact is created or, if linked, updated. */
function applyAddress(ctx: Ctx, address: Address, input: Record<string, unknown>): Address {
	const { store } = ctx;
	rejectUnknown(input, ADDRESS_KEYS, 'address');
	const next = { ...address };
	for (const key of ADDRESS_TEXT_KEYS) {
		if (input[key] !== undefined) next[key] = (text(input[key]) ?? null) as string;
	}
	const errors: string[] = [];
	if (input.primary !== undefined) {
		const primary = boolValue(input.primary);
		if (primary === undefined) errors.push('Primary must be true or false');
		else next.primary = primary;
	}
	if (input.contact_id !== undefined) {
		const raw = text(input.contact_id);
		const id = raw === null ? null : intValue(raw);
		if (id === undefined) errors.push('Contact must be a contact id');
		else if (id !== null && !store.contacts.has(id)) notFound(`Contact ${id} not found`);
		else next.contact_id = id;
	}
	if (!next.address1) errors.push("Address1 can't be blank");
	if (!next.city) errors.push("City can't be blank");
	if (!next.zip_code) errors.push("Zip code can't be blank");
	if (!next.country) errors.push("Country can't be blank");
	if (errors.length > 0) invalid(errors);

	let contact: Contact | undefined;
	if (input.contact !== undefined) {
		if (!isObject(input.contact)) invalid(['address[contact] must be a hash of contact fields']);
		if (input.contact_id !== undefined && next.contact_id !== null)
			invalid(['Send either address[contact_id] or address[contact], not both']);
		const linked = next.contact_id === null ? undefined : store.contacts.get(next.contact_id);
		// Validate on a copy: a 400 must leave the linked contact unchanged.
		contact = applyContact(
			ctx,
			linked ? { ...linked } : newContact(ctx),
			input.contact,
			'address[contact]',
		);
	}
	if (contact) next.contact_id = saveContact(ctx, contact).id;
	if (next.primary)
		for (const other of store.addresses.values())
			if (other.id !== address.id) other.primary = false;
	next.updated_at = store.now();
	return Object.assign(address, next);
}

export function addressRoutes(ctx: Ctx): Route[] {
	// Always `ctx.store`: reset() swaps the store after these routes were built.
	const showAddress = (a: Address) => ok(render.address(ctx.store, a));
	const showContact = (c: Contact) => ok(render.contact(ctx.store, c));
	return [
		listRoute(
			'/addresses',
			() => ctx.store.addresses.values(),
			(a) => render.address(ctx.store, a),
		),
		{
			method: 'GET',
			pattern: '/addresses/:id',
			handler: (_req, p) => showAddress(findAddress(ctx, p.id)),
		},
		{
			method: 'POST',
			pattern: '/addresses',
			handler: (req) => {
				const now = ctx.store.now();
				const draft: Address = {
					id: 0,
					organization_name: null,
					label: null,
					primary: false,
					address1: '',
					address2: null,
					city: '',
					state: null,
					zip_code: '',
					country: '',
					contact_id: null,
					created_at: now,
					updated_at: now,
				};
				const address = applyAddress(ctx, draft, requireHash(req.params, 'address'));
				address.id = ctx.store.nextId('address');
				ctx.store.addresses.set(address.id, address);
				return showAddress(address);
			},
		},
		{
			method: 'PATCH',
			pattern: '/addresses/:id',
			handler: (req, p) => {
				const address = findAddress(ctx, p.id);
				return showAddress(applyAddress(ctx, address, requireHash(req.params, 'address')));
			},
		},
		deleteRoute('/addresses/:id', (id) => ctx.store.deleteAddress(findAddress(ctx, id))),
		listRoute(
			'/contacts',
			() => ctx.store.contacts.values(),
			(c) => render.contact(ctx.store, c),
		),
		{
			method: 'GET',
			pattern: '/contacts/:id',
			handler: (_req, p) => showContact(findContact(ctx, p.id)),
		},
		{
			method: 'POST',
			pattern: '/contacts',
			handler: (req) => {
				const contact = applyContact(
					ctx,
					newContact(ctx),
					requireHash(req.params, 'contact'),
					'contact',
				);
				return showContact(saveContact(ctx, contact));
			},
		},
		{
			method: 'PATCH',
			pattern: '/contacts/:id',
			handler: (req, p) => {
				const contact = findContact(ctx, p.id);
				const input = requireHash(req.params, 'contact');
				// Validate on a copy so a 400 changes nothing.
				return showContact(
					Object.assign(contact, applyContact(ctx, { ...contact }, input, 'contact')),
				);
			},
		},
		deleteRoute('/contacts/:id', (id) => {
			const contact = findContact(ctx, id);
			if ([...ctx.store.addresses.values()].some((a) => a.contact_id === contact.id)) {
				badRequest('Contact is associated with an addresses');
			}
			ctx.store.contacts.delete(contact.id);
		}),
	];
}

/**
 * Who and where: the cart's customer and recipient, and the carrier and addresses that carts and
 * orders share (one implementation, parameterised by the parent kind).
 */
import type { Route } from '../../core';
import {
	created,
	findCart,
	findParent,
	noContent,
	notFound,
	ok,
	type Ctx,
	type ParentKind,
} from '../context';
import * as render from '../render';
import { KEYLINE_CARRIERS, KEYLINE_CUSTOMERS } from '../seed';
import type { Address } from '../store';
import { COUNTRY_CODES, MSG, requireParam, unprocessable, Validator } from '../validation';

/** Reads an Address; the delivery address also takes the contact phone and e-mail. */
export function readAddress(input: Record<string, unknown>, withContact: boolean): Address {
	const v = new Validator(input);
	const addressee = v.string('addressee', { required: true, min: 1 });
	const street = v.string('street');
	const number = v.string('number');
	const addition = v.string('addition');
	const zip = v.string('zip_code', { required: true });
	const town = v.string('town', { required: true, min: 1 });
	const country = v.string('country_code', { required: true });
	if (typeof country === 'string' && !COUNTRY_CODES.has(country.toUpperCase()))
		v.add('country_code', MSG.inclusion);
	const address: Address = {
		addressee: addressee ?? '',
		street: street ?? null,
		number: number ?? null,
		addition: addition ?? null,
		zip_code: zip ?? '',
		town: town ?? '',
		country_code: (country ?? '').toUpperCase(),
	};
	if (withContact) {
		address.delivery_contact_phone = v.phone('delivery_contact_phone') ?? null;
		address.delivery_contact_email = v.email('delivery_contact_email') ?? null;
	}
	v.check();
	return address;
}

/** Resolves `{"<key>": {"id": …}}` to a catalogue entry, or 422 with the doc's carrier wording. */
function readCatalogueId<T extends { id: number }>(
	input: Record<string, unknown>,
	key: string,
	label: string,
	catalogue: readonly T[],
): T {
	const v = new Validator(input);
	const id = v.integer('id', { required: true });
	v.check();
	const found = catalogue.find((c) => c.id === id);
	if (!found) unprocessable({ [key]: [`No ${label} found with given id`] });
	return found;
}

export function customerRoutes(ctx: Ctx): Route[] {
	const path = '/carts/:cart_id/customer';
	return [
		{
			method: 'GET',
			pattern: path,
			handler: (req, p) => {
				const cart = findCart(ctx, req, p.cart_id);
				if (cart.customer_id === null) notFound('No customer information stored with this cart');
				return ok({ customer: render.customer(cart.customer_id) });
			},
		},
		{
			method: 'POST',
			pattern: path,
			handler: (req, p) => {
				const cart = findCart(ctx, req, p.cart_id);
				const found = readCatalogueId(
					requireParam(req, 'customer'),
					'customer',
					'customer',
					KEYLINE_CUSTOMERS,
				);
				cart.customer_id = found.id;
				cart.updated_at = ctx.store.now();
				return created({ customer: render.customer(found.id) });
			},
		},
		{
			method: 'DELETE',
			pattern: path,
			handler: (req, p) => {
				const cart = findCart(ctx, req, p.cart_id);
				if (cart.customer_id === null) notFound('No customer information stored with this cart');
				cart.customer_id = null;
				cart.updated_at = ctx.store.now();
				return noContent();
			},
		},
	];
}

export function recipientRoutes(ctx: Ctx): Route[] {
	const path = '/carts/:cart_id/recipient';
	return [
		{
			method: 'GET',
			pattern: path,
			handler: (req, p) => {
				const cart = findCart(ctx, req, p.cart_id);
				if (!cart.recipient) notFound('No recipient information stored with this cart');
				return ok({ recipient: { ...cart.recipient } });
			},
		},
		{
			method: 'POST',
			pattern: path,
			handler: (req, p) => {
				const cart = findCart(ctx, req, p.cart_id);
				const input = requireParam(req, 'recipient');
				// "a recipient can only be set AFTER a customer has been set"
				if (cart.customer_id === null) {
					unprocessable({
						customer: ['muss gesetzt sein, bevor ein Empfänger gesetzt werden kann'],
					});
				}
				const v = new Validator(input);
				const firstName = v.string('first_name', { required: true });
				const name = v.string('name', { required: true });
				const email = v.email('email', { required: true });
				const phone = v.phone('phone');
				v.check();
				cart.recipient = {
					first_name: firstName!,
					name: name!,
					email: email!,
					phone: phone ?? null,
				};
				cart.updated_at = ctx.store.now();
				return created({ recipient: { ...cart.recipient } });
			},
		},
		{
			method: 'DELETE',
			pattern: path,
			handler: (req, p) => {
				const cart = findCart(ctx, req, p.cart_id);
				if (!cart.recipient) notFound('No recipient information stored with this cart');
				cart.recipient = null;
				cart.updated_at = ctx.store.now();
				return noContent();
			},
		},
	];
}

/** `/carts/{id}/carrier` and `/orders/{id}/carrier`. */
export function carrierRoutes(ctx: Ctx, kind: ParentKind): Route[] {
	const path = `/${kind}/:parent_id/carrier`;
	const noCarrier = () =>
		notFound(`No carrier definition stored with this ${kind === 'carts' ? 'cart' : 'order'}`);
	return [
		{
			method: 'GET',
			pattern: path,
			handler: (req, p) => {
				const { record } = findParent(ctx, kind, req, p.parent_id);
				if (record.carrier_id === null) noCarrier();
				return ok({ carrier: render.carrier(record.carrier_id) });
			},
		},
		{
			method: 'POST',
			pattern: path,
			handler: (req, p) => {
				const parent = findParent(ctx, kind, req, p.parent_id);
				const input = requireParam(req, 'carrier');
				parent.assertWritable();
				const found = readCatalogueId(input, 'carrier', 'carrier', KEYLINE_CARRIERS);
				parent.record.carrier_id = found.id;
				parent.touch();
				return created({ carrier: render.carrier(found.id) });
			},
		},
		{
			method: 'DELETE',
			pattern: path,
			handler: (req, p) => {
				const parent = findParent(ctx, kind, req, p.parent_id);
				if (parent.record.carrier_id === null) noCarrier();
				parent.assertWritable();
				parent.record.carrier_id = null;
				parent.touch();
				return noContent();
			},
		},
	];
}

/** `/{carts|orders}/{id}/{billing_address|delivery_address}`. */
export function addressRoutes(
	ctx: Ctx,
	kind: ParentKind,
	field: 'billing_address' | 'delivery_address',
): Route[] {
	const path = `/${kind}/:parent_id/${field}`;
	const withContact = field === 'delivery_address';
	const missing = () =>
		notFound(
			`No ${field.replace('_', ' ')} stored with this ${kind === 'carts' ? 'cart' : 'order'}`,
		);
	return [
		{
			method: 'GET',
			pattern: path,
			handler: (req, p) => {
				const { record } = findParent(ctx, kind, req, p.parent_id);
				if (!record[field]) missing();
				return ok({ [field]: render.address(record[field], withContact) });
			},
		},
		{
			method: 'POST',
			pattern: path,
			handler: (req, p) => {
				const parent = findParent(ctx, kind, req, p.parent_id);
				const input = requireParam(req, field);
				parent.assertWritable();
				parent.record[field] = readAddress(input, withContact);
				parent.touch();
				return created({ [field]: render.address(parent.record[field], withContact) });
			},
		},
		{
			method: 'DELETE',
			pattern: path,
			handler: (req, p) => {
				const parent = findParent(ctx, kind, req, p.parent_id);
				if (!parent.record[field]) missing();
				parent.assertWritable();
				parent.record[field] = null;
				parent.touch();
				return noContent();
			},
		},
	];
}

/** Address operations through n8n-core's engine against the InstantCard sandbox. */
import { expectOneItem, rl, useInstantCardAddressBook } from './fixtures';

describe('InstantCard node: Address', () => {
	const book = useInstantCardAddressBook();
	const { sandbox, run, seedContacts, seedAddresses, apiRequests, searcher, onAddress } = book;
	const { ORG, SEEDED_ADDRESS, SEEDED_CONTACT } = book;

	const address = { resource: 'address' };
	/** Address → Create with only the required fields, a contact left to the caller. */
	const minimalCreate = {
		...address,
		operation: 'create',
		address1: '1 A St',
		city: 'X',
		zipCode: '1',
		country: 'US',
	};

	it('Create sends address[address1] (no underscore) and every field given, without a contact', async () => {
		const { items, error } = await run({
			...address,
			operation: 'create',
			address1: '1 Infinite Loop',
			address2: 'Building 2',
			city: 'Cupertino',
			state: 'CA',
			zipCode: '95014',
			country: 'US',
			contactMode: 'none',
			additionalFields: { label: 'Campus', organizationName: 'Acme Inc.', primary: true },
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', `${ORG}/addresses`);
		expect(request.contentType).toContain('application/x-www-form-urlencoded');
		expect(request.form).toEqual({
			'address[address1]': '1 Infinite Loop',
			'address[address2]': 'Building 2',
			'address[city]': 'Cupertino',
			'address[state]': 'CA',
			'address[zip_code]': '95014',
			'address[country]': 'US',
			'address[label]': 'Campus',
			'address[organization_name]': 'Acme Inc.',
			'address[primary]': 'true',
		});
		expectOneItem(items, {
			id: expect.any(Number),
			address1: '1 Infinite Loop',
			zip_code: '95014',
			label: 'Campus',
			primary: true,
			contact_id: null,
		});
	});

	it('Create leaves unset optional fields out (never sends them empty)', async () => {
		const { error } = await run({
			...address,
			operation: 'create',
			address1: '1 Infinite Loop',
			address2: '  ',
			city: 'Cupertino',
			zipCode: '01234',
			country: 'US',
			additionalFields: { label: '' },
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', `${ORG}/addresses`);
		expect(Object.keys(request.form).sort()).toEqual(
			['address[address1]', 'address[city]', 'address[country]', 'address[zip_code]'].sort(),
		);
		expect(request.form['address[zip_code]']).toBe('01234');
	});

	it('Create links an existing contact with address[contact_id]', async () => {
		const { items, error } = await run({
			...address,
			operation: 'create',
			address1: '5 Elm St',
			city: 'Austin',
			zipCode: '78701',
			country: 'US',
			contactMode: 'existing',
			contactId: rl(SEEDED_CONTACT),
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', `${ORG}/addresses`);
		expect(request.form['address[contact_id]']).toBe(String(SEEDED_CONTACT));
		expect(Object.keys(request.form).filter((k) => k.startsWith('address[contact]'))).toEqual([]);
		expect(items[0].json.contact_id).toBe(SEEDED_CONTACT);
		expect((items[0].json.contact as Record<string, unknown>).email).toBe(
			'grace.hopper@sandbox.test',
		);
	});

	it('Create makes a new contact in the same call with address[contact][...]', async () => {
		const contactsBefore = sandbox.store.contacts.size;
		const { items, error } = await run({
			...address,
			operation: 'create',
			address1: '10 Downing St',
			city: 'London',
			zipCode: 'SW1A 2AA',
			country: 'GB',
			contactMode: 'new',
			contactFullName: 'Ada Lovelace',
			contactEmail: ' ada@example.com ',
			contactPhoneNumber: '+44 20 7946 0000',
		});
		expect(error).toBeUndefined();
		const requests = apiRequests();
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${ORG}/addresses`]); // one call only
		expect(requests[0].form).toEqual(
			expect.objectContaining({
				'address[contact][full_name]': 'Ada Lovelace',
				'address[contact][email]': 'ada@example.com',
				'address[contact][phone_number]': '+44 20 7946 0000',
			}),
		);
		expect(requests[0].form['address[contact_id]']).toBeUndefined();
		expect(sandbox.store.contacts.size).toBe(contactsBefore + 1);
		const contact = items[0].json.contact as Record<string, unknown>;
		expect(contact).toEqual(
			expect.objectContaining({ full_name: 'Ada Lovelace', email: 'ada@example.com' }),
		);
		expect(items[0].json.contact_id).toBe(contact.id);
	});

	it('Create checks the new contact email, required fields and the contact ID before sending', async () => {
		const base = { ...minimalCreate };
		const badEmail = await run({
			...base,
			contactMode: 'new',
			contactFullName: 'Ada',
			contactEmail: 'ada@example',
		});
		expect(badEmail.error?.message).toBe(
			'Contact Email is not a valid email address: "ada@example"',
		);
		const noName = await run({
			...base,
			contactMode: 'new',
			contactFullName: '={{ " " }}',
			contactEmail: 'ada@example.com',
		});
		expect(noName.error?.message).toBe('Contact Full Name is empty');
		const badContact = await run({
			...base,
			contactMode: 'existing',
			contactId: rl('={{ "abc" }}'),
		});
		expect(badContact.error?.message).toBe('Contact ID must be a positive whole number, not "abc"');
		const noCity = await run({ ...base, city: '={{ $json.city }}' }); // an expression that gives nothing
		expect(noCity.error?.message).toBe('City is empty');
		expect(apiRequests()).toHaveLength(0);
	});

	it('a literal non-numeric ID is refused by n8n itself before the run starts', async () => {
		await expect(onAddress('get', '12a')).rejects.toThrow('Address ID must be a whole number');
		await expect(
			run({ resource: 'contact', operation: 'delete', contactId: rl('abc') }),
		).rejects.toThrow('Contact ID must be a whole number');
		expect(apiRequests()).toHaveLength(0);
	});

	it("Create shows the API's validation words", async () => {
		const { error } = await run({
			...minimalCreate,
			contactMode: 'existing',
			contactId: rl(999999),
		});
		expect(error).toEqual(
			expect.objectContaining({
				httpCode: '404',
				message: 'InstantCard: Contact 999999 not found',
			}),
		);
	});

	it('Get returns the address with its contact', async () => {
		const { items, error } = await onAddress('get', SEEDED_ADDRESS);
		expect(error).toBeUndefined();
		expect(sandbox.requestsTo('GET', `${ORG}/addresses/${SEEDED_ADDRESS}`)).toHaveLength(1);
		expectOneItem(items, {
			id: SEEDED_ADDRESS,
			label: 'Head office',
			address1: '1200 Congress Ave',
			contact_id: SEEDED_CONTACT,
		});
	});

	it('Get refuses a bad address ID before sending, and shows the API text for an unknown one', async () => {
		const bad = await onAddress('get', '={{ "12a" }}');
		expect(bad.error?.message).toBe('Address ID must be a positive whole number, not "12a"');
		expect(apiRequests()).toHaveLength(0);
		const unknown = await onAddress('get', 999999);
		expect(unknown.error).toEqual(
			expect.objectContaining({ httpCode: '404', message: 'InstantCard: Address not found' }),
		);
	});

	it('Get Many pages with page/page_size until a short page', async () => {
		seedAddresses(149); // 150 with the seeded one: a full page of 100, then 50
		const all = await run({ ...address, operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(150);
		expect(new Set(all.items.map((i) => i.json.id)).size).toBe(150);
		const requests = sandbox.requestsTo('GET', `${ORG}/addresses`);
		expect(requests.map((r) => r.query)).toEqual([
			{ page: '1', page_size: '100' },
			{ page: '2', page_size: '100' },
		]);

		sandbox.clearRequests();
		const limited = await run({ ...address, operation: 'getAll', returnAll: false, limit: 3 });
		expect(limited.items.map((i) => i.json.id)).toEqual([
			SEEDED_ADDRESS,
			SEEDED_ADDRESS + 1,
			SEEDED_ADDRESS + 2,
		]);
		expect(sandbox.requestsTo('GET', `${ORG}/addresses`).map((r) => r.query)).toEqual([
			{ page: '1', page_size: '3' },
		]);
	});

	it('Get Many with fewer addresses than a page makes one request', async () => {
		const { items } = await run({ ...address, operation: 'getAll', returnAll: true });
		expect(items).toHaveLength(1);
		expect(sandbox.requestsTo('GET', `${ORG}/addresses`)).toHaveLength(1);
	});

	it('Update PATCHes only the fields set, and can link another contact', async () => {
		const [otherContact] = seedContacts(1);
		const { items, error } = await onAddress('update', SEEDED_ADDRESS, {
			contactUpdate: 'existing',
			contactId: rl(otherContact),
			updateFields: { address1: '1201 Congress Ave', zipCode: '78702', primary: false },
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('PATCH', `${ORG}/addresses/${SEEDED_ADDRESS}`);
		expect(request.contentType).toContain('application/x-www-form-urlencoded');
		expect(request.form).toEqual({
			'address[address1]': '1201 Congress Ave',
			'address[zip_code]': '78702',
			'address[primary]': 'false',
			'address[contact_id]': String(otherContact),
		});
		expect(items[0].json).toEqual(
			expect.objectContaining({
				id: SEEDED_ADDRESS,
				address1: '1201 Congress Ave',
				city: 'Austin',
				contact_id: otherContact,
				primary: false,
			}),
		);
	});

	it('Update with nothing to change, or a bad ID, sends nothing', async () => {
		const nothing = await onAddress('update', SEEDED_ADDRESS, { updateFields: { label: '' } });
		expect(nothing.error?.message).toBe('Nothing to update');
		const badId = await onAddress('update', '={{ "x" }}', { updateFields: { city: 'Dallas' } });
		expect(badId.error?.message).toBe('Address ID must be a positive whole number, not "x"');
		const badContact = await onAddress('update', SEEDED_ADDRESS, {
			contactUpdate: 'existing',
			contactId: rl('={{ 0 }}'),
		});
		expect(badContact.error?.message).toBe(
			'Linked Contact ID must be a positive whole number, not "0"',
		);
		expect(apiRequests()).toHaveLength(0);
	});

	it('Delete reads the address first and outputs { deleted: true, id, ...what was deleted }', async () => {
		const { items, error } = await onAddress('delete', SEEDED_ADDRESS);
		expect(error).toBeUndefined();
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${ORG}/addresses/${SEEDED_ADDRESS}`,
			`DELETE ${ORG}/addresses/${SEEDED_ADDRESS}`,
		]);
		expectOneItem(items, {
			deleted: true,
			id: SEEDED_ADDRESS,
			label: 'Head office',
			address1: '1200 Congress Ave',
			city: 'Austin',
		});
		expect(items[0].json.result).toBeUndefined();
		expect(sandbox.store.addresses.has(SEEDED_ADDRESS)).toBe(false);
	});

	it('Delete of an unknown address says so and sends no DELETE; a bad ID sends nothing', async () => {
		const unknown = await onAddress('delete', 999999);
		expect(unknown.error).toEqual(
			expect.objectContaining({ httpCode: '404', message: 'InstantCard: Address not found' }),
		);
		expect(sandbox.requestsTo('DELETE')).toHaveLength(0);
		sandbox.clearRequests();
		const bad = await onAddress('delete', '={{ -1 }}');
		expect(bad.error?.message).toBe('Address ID must be a positive whole number, not "-1"');
		expect(apiRequests()).toHaveLength(0);
	});

	it('Delete with several items outputs each deleted address, and with Continue On Fail an error item for a missing one', async () => {
		const [a, b] = seedAddresses(2);
		const { items, error } = await run(
			{ ...address, operation: 'delete', addressId: rl('={{ $json.id }}') },
			[{ id: a }, { id: 999999 }, { id: 'abc' }, { id: b }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items[0].json).toEqual(
			expect.objectContaining({ deleted: true, id: a, label: 'Branch 1' }),
		);
		expect(items[1].json.error).toBe('InstantCard: Address not found');
		expect(items[2].json.error).toBe('Address ID must be a positive whole number, not "abc"');
		expect(items[3].json).toEqual(
			expect.objectContaining({ deleted: true, id: b, label: 'Branch 2' }),
		);
		expect(
			sandbox
				.requestsTo('DELETE')
				.map((r) => r.path)
				.sort(),
		).toEqual([`${ORG}/addresses/${a}`, `${ORG}/addresses/${b}`].sort());
	});

	it('Delete survives a token that expires between the read and the DELETE (one re-login, one DELETE)', async () => {
		sandbox.addFault({ kind: 'expireToken', method: 'DELETE', path: '/addresses/' });
		const logins = sandbox.loginCount;
		const { items, error } = await onAddress('delete', SEEDED_ADDRESS);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(
			expect.objectContaining({ deleted: true, id: SEEDED_ADDRESS, label: 'Head office' }),
		);
		expect(sandbox.loginCount).toBe(logins + 1);
		expect(sandbox.requestsTo('DELETE').map((r) => r.status)).toEqual([401, 200]);
	});

	it('a failing DELETE after the read outputs nothing and keeps the API text', async () => {
		sandbox.addFault({
			kind: 'status',
			status: 500,
			body: { error: 'Internal Server Error' },
			method: 'DELETE',
		});
		const { items, error } = await onAddress('delete', SEEDED_ADDRESS);
		expect(items).toHaveLength(0);
		expect(error).toEqual(
			expect.objectContaining({ httpCode: '500', message: 'InstantCard: Internal Server Error' }),
		);
		expect(sandbox.store.addresses.has(SEEDED_ADDRESS)).toBe(true);
	});

	it('API validation lists are shown in its own words', async () => {
		sandbox.addFault({
			kind: 'status',
			status: 400,
			body: { error: ['Zip code is invalid', 'State is invalid'] },
			method: 'POST',
			path: '/addresses$',
		});
		const { error } = await run({ ...minimalCreate });
		expect(error).toEqual(
			expect.objectContaining({
				httpCode: '400',
				message: 'InstantCard: Zip code is invalid; State is invalid',
			}),
		);
	});

	it('searchAddresses lists "Label — street, city", filters and pages', async () => {
		seedAddresses(60);
		const listSearch = await searcher();
		const first = await listSearch('searchAddresses');
		expect(first.results[0]).toEqual({
			name: 'Head office — 1200 Congress Ave, Austin',
			value: String(SEEDED_ADDRESS),
		});
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch('searchAddresses', undefined, first.paginationToken);
		expect(second.results).toHaveLength(11);
		expect(second.paginationToken).toBeUndefined();
		const filtered = await listSearch('searchAddresses', 'congress');
		expect(filtered.results.map((r) => r.value)).toEqual([String(SEEDED_ADDRESS)]);
		expect(sandbox.requestsTo('GET', `${ORG}/addresses`).map((r) => r.query)).toEqual([
			{ page: '1', page_size: '50' },
			{ page: '2', page_size: '50' },
			{ page: '1', page_size: '50' },
		]);
	});
});

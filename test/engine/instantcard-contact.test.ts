/** Contact operations through n8n-core's engine against the InstantCard sandbox. */
import { rl, useInstantCardAddressBook } from './fixtures';

describe('InstantCard node: Contact', () => {
	const book = useInstantCardAddressBook();
	const { sandbox, run, seedContacts, seedAddresses, apiRequests, searcher, onContact } = book;
	const { ORG, SEEDED_ADDRESS, SEEDED_CONTACT } = book;

	const contact = { resource: 'contact' };

	it('Create sends contact[...] form fields and returns the contact', async () => {
		const { items, error } = await run({
			...contact,
			operation: 'create',
			fullName: 'Katherine Johnson',
			email: 'kj@example.com',
			phoneNumber: '+1 757 555 0100',
			additionalFields: { altEmail: 'katherine@example.org', altPhoneNumber: '+1 757 555 0101' },
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('POST', `${ORG}/contacts`);
		expect(request.contentType).toContain('application/x-www-form-urlencoded');
		expect(request.form).toEqual({
			'contact[full_name]': 'Katherine Johnson',
			'contact[email]': 'kj@example.com',
			'contact[phone_number]': '+1 757 555 0100',
			'contact[alt_email]': 'katherine@example.org',
			'contact[alt_phone_number]': '+1 757 555 0101',
		});
		expect(items[0].json).toEqual(
			expect.objectContaining({
				id: expect.any(Number),
				full_name: 'Katherine Johnson',
				email: 'kj@example.com',
				addresses: [],
			}),
		);
	});

	it('Create leaves unset optional fields out', async () => {
		await run({
			...contact,
			operation: 'create',
			fullName: 'Ada',
			email: 'ada@example.com',
			phoneNumber: '',
		});
		const [request] = sandbox.requestsTo('POST', `${ORG}/contacts`);
		expect(request.form).toEqual({
			'contact[full_name]': 'Ada',
			'contact[email]': 'ada@example.com',
		});
	});

	it('Create checks the email addresses and required fields before sending', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[
				{ fullName: 'Ada', email: 'ada at example.com' },
				'Email is not a valid email address: "ada at example.com"',
			],
			[{ fullName: 'Ada', email: '={{ $json.email }}' }, 'Email is empty'],
			[{ fullName: '={{ "  " }}', email: 'ada@example.com' }, 'Full Name is empty'],
			[
				{ fullName: 'Ada', email: 'ada@example.com', additionalFields: { altEmail: 'nope@' } },
				'Alternative Email is not a valid email address: "nope@"',
			],
		];
		for (const [fields, message] of cases) {
			const { error } = await run({ ...contact, operation: 'create', ...fields });
			expect(error?.message).toBe(message);
		}
		expect(apiRequests()).toHaveLength(0);
	});

	it('Get returns the contact with its linked addresses; a bad ID sends nothing', async () => {
		const { items } = await onContact('get', SEEDED_CONTACT);
		expect(items[0].json).toEqual(
			expect.objectContaining({ id: SEEDED_CONTACT, full_name: 'Grace Hopper' }),
		);
		expect((items[0].json.addresses as Array<{ id: number }>).map((a) => a.id)).toEqual([
			SEEDED_ADDRESS,
		]);
		expect(sandbox.requestsTo('GET', `${ORG}/contacts/${SEEDED_CONTACT}`)).toHaveLength(1);

		sandbox.clearRequests();
		const bad = await onContact('get', '={{ 5001.5 }}');
		expect(bad.error?.message).toBe('Contact ID must be a positive whole number, not "5001.5"');
		expect(apiRequests()).toHaveLength(0);
		const unknown = await onContact('get', 999999);
		expect(unknown.error).toEqual(
			expect.objectContaining({ httpCode: '404', message: 'InstantCard: Contact not found' }),
		);
	});

	it('Get Many pages until a short page, and honours the limit', async () => {
		seedContacts(100); // 101 with the seeded one
		const all = await run({ ...contact, operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(101);
		expect(sandbox.requestsTo('GET', `${ORG}/contacts`).map((r) => r.query)).toEqual([
			{ page: '1', page_size: '100' },
			{ page: '2', page_size: '100' },
		]);
		sandbox.clearRequests();
		const limited = await run({ ...contact, operation: 'getAll', returnAll: false, limit: 2 });
		expect(limited.items.map((i) => i.json.full_name)).toEqual(['Grace Hopper', 'Person 1']);
		expect(sandbox.requestsTo('GET', `${ORG}/contacts`).map((r) => r.query)).toEqual([
			{ page: '1', page_size: '2' },
		]);
	});

	it('Update PATCHes only the fields set', async () => {
		const { items, error } = await onContact('update', SEEDED_CONTACT, {
			updateFields: {
				email: 'grace@navy.example',
				altPhoneNumber: '+1 512 555 0199',
				fullName: '',
			},
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requestsTo('PATCH', `${ORG}/contacts/${SEEDED_CONTACT}`);
		expect(request.form).toEqual({
			'contact[email]': 'grace@navy.example',
			'contact[alt_phone_number]': '+1 512 555 0199',
		});
		expect(items[0].json).toEqual(
			expect.objectContaining({
				id: SEEDED_CONTACT,
				full_name: 'Grace Hopper',
				email: 'grace@navy.example',
				alt_phone_number: '+1 512 555 0199',
			}),
		);
	});

	it('Update checks emails and that something changes, before sending', async () => {
		const bad = await onContact('update', SEEDED_CONTACT, { updateFields: { altEmail: 'x@y' } });
		expect(bad.error?.message).toBe('Alternative Email is not a valid email address: "x@y"');
		const nothing = await onContact('update', SEEDED_CONTACT, { updateFields: {} });
		expect(nothing.error?.message).toBe('Nothing to update');
		expect(apiRequests()).toHaveLength(0);
	});

	it('Delete of an unlinked contact outputs { deleted: true, id, ...what was deleted }', async () => {
		const [id] = seedContacts(1);
		const { items, error } = await onContact('delete', id);
		expect(error).toBeUndefined();
		expect(apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET ${ORG}/contacts/${id}`,
			`DELETE ${ORG}/contacts/${id}`,
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(
			expect.objectContaining({
				deleted: true,
				id,
				full_name: 'Person 1',
				email: 'person1@example.com',
			}),
		);
		expect(items[0].json.result).toBeUndefined();
		expect(sandbox.store.contacts.has(id)).toBe(false);
	});

	it('Delete of a contact an address links to explains in plain words, naming the address', async () => {
		const { items, error } = await onContact('delete', SEEDED_CONTACT);
		expect(items).toHaveLength(0);
		expect(error).toEqual(
			expect.objectContaining({
				name: 'NodeApiError',
				httpCode: '400',
				message:
					'This contact is still linked to an address (#3001 Head office — 1200 Congress Ave, Austin) — delete that address or link it to another contact first',
			}),
		);
		expect(error?.description).toContain('Contact is associated with an addresses');
		expect(error?.description).toContain('Nothing was deleted');
		expect(sandbox.store.contacts.has(SEEDED_CONTACT)).toBe(true);
	});

	it('the linked-contact message names several addresses', async () => {
		const [a, b] = seedAddresses(2);
		for (const id of [a, b]) sandbox.store.addresses.get(id)!.contact_id = SEEDED_CONTACT;
		const { error } = await onContact('delete', SEEDED_CONTACT);
		expect(error?.message).toBe(
			`This contact is still linked to 3 addresses (#3001 Head office — 1200 Congress Ave, Austin; #${a} Branch 1 — 1 Main St, Springfield; #${b} Branch 2 — 2 Main St, Springfield) — delete those addresses or link them to another contact first`,
		);
	});

	it('the linked-contact message still explains when the linked addresses cannot be read', async () => {
		// The first GET (before the DELETE) passes; the one that looks up the linked addresses fails.
		sandbox.addFault({
			kind: 'status',
			status: 500,
			method: 'GET',
			path: `/contacts/${SEEDED_CONTACT}$`,
			skip: 1,
		});
		const { error } = await onContact('delete', SEEDED_CONTACT);
		expect(error?.message).toBe(
			'This contact is still linked to an address — delete that address or link it to another contact first',
		);
		expect(error?.httpCode).toBe('400');
	});

	it('after relinking the address, the contact can be deleted', async () => {
		const [other] = seedContacts(1);
		const relink = await run({
			resource: 'address',
			operation: 'update',
			addressId: rl(SEEDED_ADDRESS),
			contactUpdate: 'existing',
			contactId: rl(other),
		});
		expect(relink.error).toBeUndefined();
		const { items, error } = await onContact('delete', SEEDED_CONTACT);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(
			expect.objectContaining({ deleted: true, id: SEEDED_CONTACT, full_name: 'Grace Hopper' }),
		);
	});

	it('Delete with Continue On Fail: deleted, linked, unknown and bad items side by side', async () => {
		const [free] = seedContacts(1);
		const { items, error } = await run(
			{ ...contact, operation: 'delete', contactId: rl('={{ $json.id }}') },
			[{ id: free }, { id: SEEDED_CONTACT }, { id: 999999 }, { id: '' }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items[0].json).toEqual(expect.objectContaining({ deleted: true, id: free }));
		expect(items[1].json.error).toBe(
			'This contact is still linked to an address (#3001 Head office — 1200 Congress Ave, Austin) — delete that address or link it to another contact first',
		);
		expect(items[2].json.error).toBe('InstantCard: Contact not found');
		expect(items[3].json.error).toBe('Contact ID is empty');
		expect(sandbox.requestsTo('DELETE').map((r) => r.path)).toEqual(
			expect.arrayContaining([`${ORG}/contacts/${free}`, `${ORG}/contacts/${SEEDED_CONTACT}`]),
		);
		expect(sandbox.requestsTo('DELETE')).toHaveLength(2);
	});

	it('Create with Continue On Fail keeps good items and reports the bad email', async () => {
		const { items, error } = await run(
			{
				...contact,
				operation: 'create',
				fullName: '={{ $json.name }}',
				email: '={{ $json.email }}',
			},
			[
				{ name: 'Ada', email: 'ada@example.com' },
				{ name: 'Bad', email: 'bad.example.com' },
			],
			true,
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(
			expect.objectContaining({ full_name: 'Ada', id: expect.any(Number) }),
		);
		expect(items[1].json.error).toBe('Email is not a valid email address: "bad.example.com"');
		expect(sandbox.requestsTo('POST', `${ORG}/contacts`)).toHaveLength(1);
	});

	it('searchContacts lists "Full Name <email>" and filters', async () => {
		seedContacts(2);
		const listSearch = await searcher();
		const all = await listSearch('searchContacts');
		expect(all.results).toEqual([
			{ name: 'Grace Hopper <grace.hopper@sandbox.test>', value: String(SEEDED_CONTACT) },
			{ name: 'Person 1 <person1@example.com>', value: String(SEEDED_CONTACT + 1) },
			{ name: 'Person 2 <person2@example.com>', value: String(SEEDED_CONTACT + 2) },
		]);
		expect(all.paginationToken).toBeUndefined();
		const filtered = await listSearch('searchContacts', 'PERSON2@');
		expect(filtered.results.map((r) => r.value)).toEqual([String(SEEDED_CONTACT + 2)]);
		expect(sandbox.requestsTo('GET', `${ORG}/contacts`)[0].query).toEqual({
			page: '1',
			page_size: '50',
		});
	});
});

/**
 * The editor in a real browser (Debian's Chromium, playwright-core): the journeys a user takes
 * with the package in a real n8n, each asserting what is on the screen and saving a screenshot
 * under test/platforms/screens/ (see browser.ts).
 *
 * One n8n, both sandboxes and one browser page for the file; every journey has its own workflow
 * (made through the public API with the nodes already in it), opens it, and leaves nothing open
 * behind: a journey that fails does not decide the next one.
 */
import { randomUUID } from 'node:crypto';

import type { INodeTypeDescription } from 'n8n-workflow';
import type { Locator } from 'playwright-core';

import { N8nClient } from '../e2e/client';
import { CUSTOM } from '../e2e/n8n';
import { instantCardCredential, keylineCredential, useSandboxes } from '../harness/sandboxes';
import {
	INSTANTCARD_CARD_TEMPLATES,
	INSTANTCARD_SANDBOX_LOGIN,
	INSTANTCARD_SHIPPING_PROVIDERS,
} from '../sandbox/instantcard';
import { KEYLINE_CARRIERS, KEYLINE_CUSTOMERS, KEYLINE_PRODUCT_TEMPLATES } from '../sandbox/keyline';
import {
	canvasDrawn,
	canvasNode,
	dismiss,
	fetchTestEvent,
	nodeParameters,
	notices,
	openEditor,
	openNode,
	openWorkflow,
	screenshot,
	STEP_MS,
	visit,
	waitFor,
	drawnImage,
	type Editor,
} from './browser';

// A journey takes 10–40 s; loading the editor first, or a machine under load, takes longer.
jest.setTimeout(180_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SPENDS_MONEY = 'This spends money.';

describe('the editor in a real browser', () => {
	const { ic, kl } = useSandboxes();
	let n8n: N8nClient;
	let editor: Editor;

	// The credentials the nodes use, and one copy of each for the Test button journey (which
	// saves wrong secrets in it).
	const icCredential = () => instantCardCredential(ic);
	const klCredential = () => keylineCredential(kl);
	const icTested = () => ({ ...icCredential(), id: 'icTestButton', name: 'InstantCard tested' });
	const klTested = () => ({ ...klCredential(), id: 'klTestButton', name: 'Keyline tested' });

	beforeAll(async () => {
		n8n = await N8nClient.start({
			credentials: [icCredential(), klCredential(), icTested(), klTested()],
			apiKey: 'browser journeys',
		});
		editor = await openEditor(n8n.baseUrl);
	}, 240_000);
	afterAll(async () => {
		await editor?.close();
		n8n?.stop();
	});
	// Whatever a journey left open is closed before the next one.
	afterEach(async () => {
		if (editor) await dismiss(editor.page);
	});

	/**
	 * A journey's body: when it fails, the screen as it was is saved as `failed-<test name>.png`
	 * next to the other pictures, to see what the browser showed.
	 */
	const journey =
		<A extends unknown[]>(body: (...args: A) => Promise<void>) =>
		async (...args: A) => {
			try {
				await body(...args);
			} catch (error) {
				const name = (expect.getState().currentTestName ?? 'journey')
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-')
					.replace(/^-|-$/g, '')
					.slice(0, 80)
					.replace(/-$/, '');
				await screenshot(editor.page, `failed-${name}`).catch(() => undefined);
				throw error;
			}
		};

	const uses = {
		instantCard: () => ({ instantCardApi: { id: icCredential().id, name: icCredential().name } }),
		keyline: () => ({ keylineApi: { id: klCredential().id, name: klCredential().name } }),
	};
	const node = (
		name: string,
		type: string,
		position: [number, number],
		parameters: Json,
		credentials?: Json,
	) => ({
		id: randomUUID(),
		name,
		type,
		typeVersion: 1,
		position,
		parameters,
		...(credentials ? { credentials } : {}),
	});
	const instantCard = (name: string, position: [number, number], parameters: Json) =>
		node(name, `${CUSTOM}.instantCard`, position, parameters, uses.instantCard());
	const keyline = (name: string, position: [number, number], parameters: Json) =>
		node(name, `${CUSTOM}.keyline`, position, parameters, uses.keyline());
	const manualTrigger = (position: [number, number] = [0, 0]) =>
		node("When clicking 'Execute workflow'", 'n8n-nodes-base.manualTrigger', position, {});
	const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
	/** Connects the named nodes one after the other. */
	const chain = (...names: string[]) =>
		Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
		);

	/** Saves a workflow in n8n through the public API; its ID. */
	const createWorkflow = async (name: string, nodes: Json[], connections: Json = {}) => {
		const created = await n8n.api<{ id: string }>('POST', '/workflows', {
			name,
			nodes,
			connections,
			settings: { executionOrder: 'v1' },
		});
		return created.id;
	};

	it(
		'InstantCard Card → Create: the template picker lists the sandbox’s templates, and the chosen template’s fields appear',
		journey(async () => {
			const id = await createWorkflow(
				'Order an ID card',
				[
					manualTrigger(),
					instantCard('Create Card', [220, 0], { resource: 'card', operation: 'create' }),
					instantCard('Preview Card', [440, 0], {
						resource: 'card',
						operation: 'preview',
						cardId: byId('={{ $json.id }}'),
					}),
					instantCard('Finalize Card', [660, 0], {
						resource: 'card',
						operation: 'finalize',
						cardId: byId('={{ $json.card_id }}'),
					}),
					instantCard('Create Print Job', [880, 0], {
						resource: 'printJob',
						operation: 'create',
						addressMode: 'saved',
						addressId: byId([...ic.store.addresses.keys()][0]),
						shippingProviderId: byId(INSTANTCARD_SHIPPING_PROVIDERS[0].id),
						cardIds: "={{ $('Create Card').item.json.id }}",
					}),
				],
				chain(
					"When clicking 'Execute workflow'",
					'Create Card',
					'Preview Card',
					'Finalize Card',
					'Create Print Job',
				),
			);
			const { page } = editor;
			await openWorkflow(editor, id);
			for (const name of ['Create Card', 'Preview Card', 'Finalize Card', 'Create Print Job'])
				await canvasNode(page, name).waitFor();
			await canvasDrawn(page);
			// No template yet: n8n marks the node as not ready (its issues marker).
			const issues = canvasNode(page, 'Create Card').locator('[data-test-id="node-issues"]');
			await issues.waitFor();

			await openNode(page, 'Create Card');
			const form = nodeParameters(page);
			// No template yet: the form says to choose one, and does not claim the template has no fields.
			await form.getByText('Choose a card template first: its fields appear here.').waitFor();
			expect(await form.getByText(/has no variable fields/).count()).toBe(0);

			await form.locator('[data-test-id="rlc-input"]').click();
			const items = page.locator('[data-test-id="rlc-item"]');
			await items.first().waitFor();
			const listed = await items.allInnerTexts();
			expect(listed).toHaveLength(INSTANTCARD_CARD_TEMPLATES.length);
			for (const template of INSTANTCARD_CARD_TEMPLATES)
				expect(listed.some((text) => text.includes(template.name))).toBe(true);
			await screenshot(page, 'instantcard-card-template-picker');

			const template = INSTANTCARD_CARD_TEMPLATES.find((t) => t.two_sided)!;
			await items.filter({ hasText: template.name }).click();
			const mapper = form.locator('[data-test-id="resource-mapper-container"]');
			for (const field of template.fields) {
				const input = mapper.locator(
					`[data-test-id="parameter-input-${field.type === 'image' ? `image:${field.token}` : field.token}"]`,
				);
				await input.waitFor();
				await mapper.getByText(field.label, { exact: false }).first().waitFor();
			}
			expect(await mapper.locator('[data-test-id^="remove-field-button-"]').count()).toBe(
				template.fields.length,
			);
			await expect(mapper.innerText()).resolves.toContain(
				'Photo (image: binary property name, URL or Base64)',
			);
			const name = form.locator('[data-test-id="parameter-input-member_name"] input');
			await name.fill('Ada Lovelace');
			await name.blur();
			await screenshot(page, 'instantcard-card-fields');

			// Back on the canvas with the template chosen: the workflow as the README shows it.
			await dismiss(page);
			// An empty spot of the canvas: nothing selected, no node's hover toolbar.
			await page.mouse.click(640, 200);
			await canvasDrawn(page);
			await issues.waitFor({ state: 'detached' });
			await screenshot(page, 'instantcard-workflow-canvas');
		}),
	);

	it(
		'InstantCard Card → Preview: Execute step shows the front and back images in the binary view',
		journey(async () => {
			const template = INSTANTCARD_CARD_TEMPLATES.find((t) => t.two_sided)!;
			const [cardId] = ic.seedCards(1, template.id);
			const id = await createWorkflow('Preview a card', [
				instantCard('Preview Card', [0, 0], {
					resource: 'card',
					operation: 'preview',
					cardId: byId(cardId),
				}),
			]);
			const { page } = editor;
			await openWorkflow(editor, id);
			const ndv = await openNode(page, 'Preview Card');
			await ndv.locator('[data-test-id="node-execute-button"]').click();
			const output = ndv.locator('[data-test-id="output-panel"]');
			await output.locator('[data-test-id="node-run-status-success"]').waitFor();
			// The binary view: both sides, as PNG files.
			await output.locator('[data-test-id="radio-button-binary"]').click();
			const text = await output.innerText();
			for (const side of ['front', 'back']) {
				expect(text).toContain(`card-${cardId}-${side}.png`);
			}
			expect(text.match(/image\/png/g)).toHaveLength(2);
			expect(
				ic.requestsTo(
					'GET',
					`/api/v2/organizations/${INSTANTCARD_SANDBOX_LOGIN.organizationId}/cards/${cardId}/preview`,
				),
			).toEqual([expect.objectContaining({ status: 200 })]);
			await screenshot(page, 'instantcard-preview-binary');

			// Each image opens and is a real picture (the browser decoded it).
			for (const side of ['front', 'back']) {
				const card = output.locator('[data-test-id^="ndv-binary-data_"]').filter({ hasText: side });
				await card.first().locator('[data-test-id="ndv-view-binary-data"]').click();
				const image = output.locator('img[src*="/rest/binary-data"]');
				await image.waitFor();
				expect((await drawnImage(image)).width).toBeGreaterThan(0);
				await screenshot(page, `instantcard-preview-${side}`);
				await output.getByText('Back to list').click();
			}
		}),
	);

	describe('the money notices', () => {
		/** Every form that spends money: the node, its operation, and the switch that does it. */
		const MONEY = [
			{ name: 'Submit Print Job', type: 'instantCard', resource: 'printJob', operation: 'submit' },
			{
				name: 'Create Print Job',
				type: 'instantCard',
				resource: 'printJob',
				operation: 'create',
				toggle: 'submitAfterCreate',
			},
			{ name: 'Add Funds', type: 'instantCard', resource: 'organization', operation: 'addFunds' },
			{ name: 'Check Out', type: 'keyline', resource: 'cart', operation: 'checkout' },
			{
				name: 'Place Order',
				type: 'keyline',
				resource: 'order',
				operation: 'placeOrder',
				toggle: 'placeTheOrder',
			},
		];
		const picture = (name: string) => `money-${name.toLowerCase().replace(/ /g, '-')}`;
		let workflowId: string;
		beforeAll(async () => {
			workflowId = await createWorkflow(
				'Money',
				MONEY.map((form, i) =>
					(form.type === 'keyline' ? keyline : instantCard)(
						form.name,
						[(i % 3) * 220, Math.floor(i / 3) * 220],
						{
							resource: form.resource,
							operation: form.operation,
						},
					),
				),
			);
		});

		it('the journeys below open every form the package shows a money notice on', async () => {
			const types = await n8n.editorFile<INodeTypeDescription[]>('/types/nodes.json');
			const described = types
				// The package's nodes (n8n adds a copy of each action node as an AI tool, `…Tool`).
				.filter((type) => type.name.startsWith(`${CUSTOM}.`) && !type.name.endsWith('Tool'))
				.flatMap((type) =>
					type.properties
						.filter((p) => p.type === 'notice' && p.displayName.startsWith(SPENDS_MONEY))
						.flatMap((p) => {
							const { resource = [], operation = [], ...switches } = p.displayOptions?.show ?? {};
							return resource.flatMap((r) =>
								operation.map((o) =>
									[type.name.slice(CUSTOM.length + 1), r, o, ...Object.keys(switches)].join(' '),
								),
							);
						}),
				);
			expect(described.sort()).toEqual(
				MONEY.map((f) =>
					[f.type, f.resource, f.operation, ...(f.toggle ? [f.toggle] : [])].join(' '),
				).sort(),
			);
		});

		/** The open form's "This spends money." notices: there is one, an orange (warning) box. */
		const expectOneMoneyNotice = async () => {
			const money = notices(editor.page, SPENDS_MONEY);
			await money.first().waitFor();
			expect(await money.count()).toBe(1);
			expect(await money.first().getAttribute('class')).toMatch(/warning/);
			return money;
		};

		it.each(MONEY.filter((form) => !form.toggle).map((form) => [form.name, form] as const))(
			'%s: the form shows the notice as it opens',
			journey(async (name) => {
				await openWorkflow(editor, workflowId);
				await openNode(editor.page, name);
				await expectOneMoneyNotice();
				await screenshot(editor.page, picture(name));
			}),
		);

		it.each(MONEY.filter((form) => form.toggle).map((form) => [form.name, form.toggle!] as const))(
			'%s: no notice while the switch is off; turning %s on shows it',
			journey(async (name, toggleName) => {
				await openWorkflow(editor, workflowId);
				const { page } = editor;
				await openNode(page, name);
				const toggle = nodeParameters(page).locator(
					`[data-test-id="parameter-input-${toggleName}"] .el-switch`,
				);
				await toggle.waitFor();
				expect(await notices(page, SPENDS_MONEY).count()).toBe(0);
				await toggle.click();
				const money = await expectOneMoneyNotice();
				await money.scrollIntoViewIfNeeded();
				await screenshot(page, picture(name));
				// Off again: the notice goes.
				await toggle.click();
				await money.waitFor({ state: 'detached' });
			}),
		);
	});

	it(
		'Keyline Order → Place Order (One Step): the form with customer, carrier, recipient, addresses and products',
		journey(async () => {
			const customer = KEYLINE_CUSTOMERS[0];
			const carrier = KEYLINE_CARRIERS[0];
			const product = KEYLINE_PRODUCT_TEMPLATES[0];
			const id = await createWorkflow(
				'Place a print order',
				[
					manualTrigger(),
					keyline('Place Order', [220, 0], {
						resource: 'order',
						operation: 'placeOrder',
						customerId: String(customer.id),
						carrierId: String(carrier.id),
						recipient: {
							person: { firstName: 'Erika', lastName: 'Mustermann', email: 'erika@example.com' },
						},
						products: {
							product: [
								{
									productTemplate: { __rl: true, mode: 'orderNumber', value: product.order_number },
									additionalFields: { circulation: 500 },
								},
							],
						},
					}),
				],
				chain("When clicking 'Execute workflow'", 'Place Order'),
			);
			const { page } = editor;
			await openWorkflow(editor, id);
			await openNode(page, 'Place Order');
			const form = nodeParameters(page);
			await form.getByText('Customer ID', { exact: true }).waitFor();
			for (const label of [
				'Carrier ID',
				'Recipient',
				'Billing Address',
				'Delivery Address',
				'Specify Products',
				'Products',
				'Product Template',
				'Variants',
				'Component Changes',
				'Print Data Files',
				'Place the Order',
			])
				await form.getByText(label, { exact: true }).first().waitFor();
			// The values the workflow holds are the form's.
			await expect(
				form.locator('[data-test-id="parameter-input-customerId"] input').inputValue(),
			).resolves.toBe(String(customer.id));
			await expect(
				form.locator('[data-test-id="parameter-input-carrierId"] input').inputValue(),
			).resolves.toBe(String(carrier.id));
			expect(await form.locator('input[value="Erika"]').count()).toBe(1);
			expect(await form.locator(`input[value="${product.order_number}"]`).count()).toBe(1);
			// What it does is said up front; with Place the Order off nothing is spent.
			await notices(page, 'Builds a new cart from the fields below.').waitFor();
			expect(await notices(page, SPENDS_MONEY).count()).toBe(0);
			await screenshot(page, 'keyline-place-order-form');
		}),
	);

	describe('the triggers’ Fetch Test Event', () => {
		it(
			'InstantCard Trigger: a sample built from the newest print job',
			journey(async () => {
				const job = ic.seedPrintJob({ cardCount: 2, status: 'Finished' }) as { id: number };
				const id = await createWorkflow('InstantCard print jobs', [
					node(
						'InstantCard Trigger',
						`${CUSTOM}.instantCardTrigger`,
						[0, 0],
						{ events: ['printJobFinished', 'cardPrinted'] },
						uses.instantCard(),
					),
				]);
				const { page } = editor;
				await openWorkflow(editor, id);
				const output = await fetchTestEvent(page, 'InstantCard Trigger');
				await expect(
					output.locator('[data-test-id="run-data-item-count"]').innerText(),
				).resolves.toMatch(/^2 items/);
				const note = `A sample to map fields with, built from print job #${job.id} (the newest): not a real event.`;
				await output.getByText(note).first().waitFor();
				const text = await output.innerText();
				for (const shown of ['printJobFinished', 'cardPrinted', 'Finished', 'Printed'])
					expect(text).toContain(shown);
				await screenshot(page, 'instantcard-trigger-test-event');
			}),
		);

		it(
			'Keyline Trigger: a sample built from the order it watches',
			journey(async () => {
				const order = kl.seedOrder({ products: [{ printDataFiles: [{}] }] });
				const id = await createWorkflow('Keyline orders', [
					node(
						'Keyline Trigger',
						`${CUSTOM}.keylineTrigger`,
						[0, 0],
						{ events: ['orderStateChanged'], watch: 'named', orders: String(order.id) },
						uses.keyline(),
					),
				]);
				const { page } = editor;
				await openWorkflow(editor, id);
				const output = await fetchTestEvent(page, 'Keyline Trigger');
				await output
					.getByText(`A sample to map fields with, built from order ${order.id}: not a real event.`)
					.waitFor();
				const text = await output.innerText();
				expect(text).toContain('orderStateChanged');
				expect(text).toContain(String(order.id));
				expect(kl.requestsTo('GET', `/api/v2/inbox/orders/${order.id}`).length).toBeGreaterThan(0);
				await screenshot(page, 'keyline-trigger-test-event');
			}),
		);
	});

	describe('the credentials’ Test', () => {
		/** Opens a credential's form, as a click on it in the credentials list does. */
		const openCredential = async (id: string) => {
			await visit(editor, `/home/credentials/${id}`);
			const modal = editor.page.locator('[data-test-id="editCredential-modal"]');
			await modal.locator('[data-test-id="credential-save-button"]').waitFor();
			return modal;
		};
		/** Types a secret into a field and saves, which tests the credential. */
		const saveWith = async (modal: Locator, field: string, value: string) => {
			await modal.locator(`[data-test-id="parameter-input-${field}"] input`).fill(value);
			await modal.locator('[data-test-id="credential-save-button"]').click();
		};
		/**
		 * Opens the failed test's "More details" until they show `text` (the banner is drawn again
		 * when the saved credential comes back, which can close details opened just before).
		 */
		const details = async (modal: Locator, text: string) => {
			const message = modal.getByText(text, { exact: false });
			await waitFor(
				`the test's details say "${text}"`,
				async () => {
					if (await message.isVisible()) return true;
					const more = modal.getByText('More details');
					if (await more.isVisible()) await more.click();
					return await message.isVisible();
				},
				(shown) => shown,
			);
		};
		const failed = (modal: Locator) => modal.getByText('Couldn’t connect with these settings');
		const succeeded = (modal: Locator) => modal.getByText('Connection tested successfully');

		it(
			'InstantCard: a wrong password is refused in plain words, the right one connects',
			journey(async () => {
				const modal = await openCredential(icTested().id);
				const logins = ic.loginCount;
				await saveWith(modal, 'password', 'Not-The-Password-9');
				await failed(modal).waitFor();
				await details(modal, 'InstantCard refused the login for cards@sandbox.test');
				expect(await modal.getByText('Not-The-Password-9').count()).toBe(0);
				expect(ic.loginCount).toBeGreaterThan(logins);
				await screenshot(editor.page, 'instantcard-credential-bad-password');

				const before = ic.loginCount;
				await saveWith(modal, 'password', String(icTested().data.password));
				await succeeded(modal).waitFor();
				expect(await failed(modal).count()).toBe(0);
				expect(ic.loginCount).toBeGreaterThan(before);
				await screenshot(editor.page, 'instantcard-credential-tested');
			}),
		);

		it(
			'Keyline: a rejected API key is said so, the right one connects',
			journey(async () => {
				const modal = await openCredential(klTested().id);
				const tests = () => kl.requestsTo('GET', '/api/v2/inbox/carts/0');
				const before = tests().length;
				await saveWith(modal, 'apiKey', 'a'.repeat(64));
				await failed(modal).waitFor();
				await details(modal, 'Keyline rejected this API key (403');
				expect(tests().at(-1)?.status).toBe(403);
				expect(tests().length).toBeGreaterThan(before);
				await screenshot(editor.page, 'keyline-credential-bad-key');

				await saveWith(modal, 'apiKey', String(klTested().data.apiKey));
				await succeeded(modal).waitFor();
				expect(tests().at(-1)?.status).not.toBe(403);
				await screenshot(editor.page, 'keyline-credential-tested');
			}),
		);
	});

	describe('the node panel', () => {
		/** Opens the node panel on a new workflow (a Manual Trigger only) and searches it. */
		const search = async (words: string) => {
			const { page } = editor;
			await openWorkflow(editor, await createWorkflow(`Node panel: ${words}`, [manualTrigger()]));
			await page.locator('[data-test-id="node-creator-plus-button"]').click();
			await page.locator('[data-test-id="node-creator-search-bar"]').fill(words);
			return page.locator('[data-test-id="node-creator"]');
		};
		/** The panel's entry of a node, by its name. */
		const entry = (panel: Locator, name: string) =>
			panel
				.locator('[data-test-id="item-iterator-item"]')
				.filter({ has: panel.page().getByText(name, { exact: true }) });
		/** The icon file of an entry, once the browser has drawn it. */
		const iconOf = async (item: Locator) => (await drawnImage(item.locator('img').first())).path;

		it.each([
			['InstantCard', 'instantCard', 'instantcard', 'Create a card', 'Card', 'Create'],
			[
				'Keyline',
				'keyline',
				'keyline',
				'Place an order in one step',
				'Order',
				'Place Order (One Step)',
			],
		])(
			'finds %s with its light and dark icons, and adds it from its actions',
			journey(async (name, type, icon, action, resource, operation) => {
				const { page } = editor;
				const panel = await search(name);
				const item = entry(panel, name);
				await item.waitFor();
				expect(await iconOf(item)).toMatch(new RegExp(`/${icon}\\.svg$`));
				await screenshot(page, `node-panel-${icon}`);
				await page.emulateMedia({ colorScheme: 'dark' });
				try {
					const dark = new RegExp(`/${icon}\\.dark\\.svg$`);
					await waitFor(
						'the dark icon',
						async () => await iconOf(item),
						(file) => dark.test(file),
					);
					await screenshot(page, `node-panel-${icon}-dark`);
				} finally {
					await page.emulateMedia({ colorScheme: 'light' });
				}

				// Enter opens its actions (and its trigger's); choosing one adds the node with it set.
				await page.locator('[data-test-id="node-creator-search-bar"]').press('Enter');
				await panel.getByText(/^Triggers \(\d+\)$/).waitFor();
				await panel.getByText(action, { exact: true }).click();
				const ndv = page.locator('[data-test-id="ndv"]');
				await ndv.locator('[data-test-id="node-title-container"]', { hasText: action }).waitFor();
				const shown = async (parameter: string) =>
					await ndv.locator(`[data-test-id="parameter-input-${parameter}"] input`).inputValue();
				expect(await shown('resource')).toBe(resource);
				expect(await shown('operation')).toBe(operation);
				expect(
					await page
						.locator(`[data-test-id="canvas-node"][data-node-type="${CUSTOM}.${type}"]`)
						.count(),
				).toBe(1);
				await screenshot(page, `node-panel-${icon}-added`);
			}),
		);

		it.each([
			['badge', 'InstantCard'],
			['print shop', 'Keyline'],
		])(
			'the words people search with: "%s" finds %s',
			journey(async (words, name) => {
				const panel = await search(words);
				await entry(panel, name).waitFor({ timeout: STEP_MS });
			}),
		);
	});
});

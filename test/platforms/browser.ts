/**
 * The n8n editor in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download), logged in as the owner of an N8nClient's n8n, moving between workflows the way the
 * editor itself does, and saving screenshots by name.
 *
 * Loading the editor costs 15–25 s on a 2-core machine (hundreds of script files), so a suite
 * loads it once and then moves between workflows in the page (the editor's own router), as a
 * user clicking through the app does. A page in an unknown state (a journey failed halfway) is
 * reloaded at the next workflow.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { OWNER } from '../e2e/client';

/** Debian's Chromium (`apt-get install chromium`; scripts/install-platforms.sh). */
export const CHROMIUM = '/usr/bin/chromium';

/** Where screenshots go (ignored by git). */
export const SCREENS = path.resolve(__dirname, 'screens');

/**
 * The screenshots the README shows, committed under docs/images. `npm run pictures` runs the
 * browser suite with README_PICTURES=update, which writes them there again from what it sees.
 */
export const README_PICTURES = [
	'instantcard-workflow-canvas',
	'instantcard-card-fields',
	'instantcard-preview-binary',
	'keyline-place-order-form',
	'instantcard-trigger-test-event',
];
export const PICTURES = path.resolve(__dirname, '..', '..', 'docs', 'images');

/** The viewport every screenshot has. */
export const VIEWPORT = { width: 1280, height: 800 };

/** How long one step (a click, a field appearing) may take. */
export const STEP_MS = 20_000;
/** How long loading the whole editor may take. */
export const LOAD_MS = 90_000;

// Without the background-networking flags Chromium calls Google's services at start, and on a
// closed network those connections are refused and retried.
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Editor {
	page: Page;
	context: BrowserContext;
	/** `http://127.0.0.1:<port>` */
	baseUrl: string;
	close(): Promise<void>;
}

/**
 * Chromium with a fresh profile, signed in to the n8n at `baseUrl` as the owner through the
 * sign-in page.
 */
export async function openEditor(baseUrl: string): Promise<Editor> {
	const profile = mkdtempSync(path.join(tmpdir(), 'n8n-browser-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: ARGS,
		viewport: VIEWPORT,
		deviceScaleFactor: 1,
		colorScheme: 'light',
	});
	const close = async () => {
		await context.close().catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	};
	try {
		context.setDefaultTimeout(STEP_MS);
		context.setDefaultNavigationTimeout(LOAD_MS);
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${baseUrl}/signin`);
		await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
		await page.locator('input[name="password"]').fill(OWNER.password);
		await page.locator('[data-test-id="form-submit-button"]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: LOAD_MS });
		return { page, context, baseUrl, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/**
 * Saves a PNG of the page (or of one element) as `test/platforms/screens/<name>.png`; returns
 * its path. Names are kebab-case words, e.g. `instantcard-card-fields`.
 */
export async function screenshot(page: Page, name: string, element?: Locator): Promise<string> {
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new Error(`not a screenshot name: ${name}`);
	mkdirSync(SCREENS, { recursive: true });
	const file = path.join(SCREENS, `${name}.png`);
	// The caret blinks and toasts ("Node executed successfully") come and go: left out, so a
	// picture shows the same each run.
	const options = {
		path: file,
		animations: 'disabled' as const,
		caret: 'hide' as const,
		style: '.el-notification { display: none !important; }',
	};
	if (element) await element.screenshot(options);
	else await page.screenshot(options);
	if (process.env.README_PICTURES === 'update' && README_PICTURES.includes(name)) {
		mkdirSync(PICTURES, { recursive: true });
		copyFileSync(file, path.join(PICTURES, `${name}.png`));
	}
	return file;
}

/** Whether the editor's app is loaded in the page (so its router can move to another view). */
async function appLoaded(page: Page): Promise<boolean> {
	if (!page.url().startsWith('http')) return false;
	return await page
		.locator('#app [data-test-id="main-sidebar-settings"]')
		.count()
		.then((count) => count > 0)
		.catch(() => false);
}

/**
 * Moves to a path of the editor: with the editor's own router when the app is loaded and idle
 * (as a click on a link does), else by loading the page.
 */
export async function visit(editor: Editor, pathname: string): Promise<void> {
	const { page } = editor;
	await dismiss(page);
	const idle =
		(await appLoaded(page)) &&
		(await page.locator('[data-test-id="ndv"]:visible, [role="dialog"]:visible').count()) === 0;
	if (idle) {
		// What the router does on a link's click: a new history entry, then it renders the view.
		const to = JSON.stringify(pathname);
		await page.evaluate(
			`history.pushState({}, '', ${to}); dispatchEvent(new PopStateEvent('popstate', { state: {} }))`,
		);
	} else {
		await page.goto(`${editor.baseUrl}${pathname}`);
	}
}

/** Closes what a journey may have left open (node details, a modal, the node panel). */
export async function dismiss(page: Page): Promise<void> {
	for (let i = 0; i < 3; i++) {
		const open = page.locator(
			'[data-test-id="ndv"]:visible, [role="dialog"]:visible, [data-test-id="node-creator"]:visible',
		);
		if ((await open.count().catch(() => 0)) === 0) return;
		await page.keyboard.press('Escape').catch(() => undefined);
		await page.waitForTimeout(300);
	}
}

/** Opens a workflow by its ID and waits for its nodes on the canvas. */
export async function openWorkflow(editor: Editor, id: string): Promise<void> {
	await visit(editor, `/workflow/${id}`);
	const page = editor.page;
	const loaded = () =>
		page
			.locator('[data-test-id="canvas-node"]')
			.first()
			.waitFor({ timeout: LOAD_MS })
			.then(() => page.waitForURL((url) => url.pathname === `/workflow/${id}`));
	try {
		await loaded();
	} catch {
		// The router did not get there (a broken page): load it.
		await page.goto(`${editor.baseUrl}/workflow/${id}`);
		await loaded();
	}
}

/** A node on the canvas, by its name. */
export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** Waits until every node on the canvas has its icon drawn (for a picture of the canvas). */
export async function canvasDrawn(page: Page): Promise<void> {
	const icons = page.locator('[data-test-id="canvas-node"] img');
	for (let i = 0; i < (await icons.count()); i++) await drawnImage(icons.nth(i));
}

/** Opens a node's details (its form) by double-clicking it on the canvas; returns the panel. */
export async function openNode(page: Page, name: string): Promise<Locator> {
	await dismiss(page);
	await canvasNode(page, name).dblclick();
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.locator('[data-test-id="node-title-container"]', { hasText: name }).waitFor();
	return ndv;
}

/**
 * Opens a trigger's details, runs its Fetch Test Event and shows the result as a table; returns
 * the output panel.
 */
export async function fetchTestEvent(page: Page, name: string): Promise<Locator> {
	const ndv = await openNode(page, name);
	const fetch = ndv.locator('[data-test-id="node-execute-button"]');
	expect(await fetch.innerText()).toContain('Fetch Test Event');
	await fetch.click();
	const output = ndv.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="node-run-status-success"]').waitFor();
	await output.locator('[data-test-id="radio-button-table"]').click();
	return output;
}

/** The form of the open node: its parameters, as shown. */
export function nodeParameters(page: Page): Locator {
	return page.locator('[data-test-id="ndv"] [data-test-id="node-parameters"]');
}

/** The notices of the open node's form that begin with `start`. */
export function notices(page: Page, start: string): Locator {
	return nodeParameters(page)
		.locator('.notice')
		.filter({ hasText: new RegExp(`^\\s*${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

/** Polls `read` until `accept` holds, for up to `timeoutMs`; the last value read. */
export async function waitFor<T>(
	what: string,
	read: () => Promise<T>,
	accept: (value: T) => boolean,
	timeoutMs = STEP_MS,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value: T | undefined;
	let failure: unknown;
	for (;;) {
		try {
			value = await read();
			failure = undefined;
			if (accept(value)) return value;
		} catch (error) {
			failure = error;
		}
		if (Date.now() > deadline)
			throw new Error(
				`${what}: not so after ${timeoutMs} ms (last: ${failure ? String(failure) : JSON.stringify(value)})`,
			);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** An image once the browser has decoded it: its file's path and its width in pixels. */
export async function drawnImage(image: Locator): Promise<{ path: string; width: number }> {
	return await waitFor(
		'the image is drawn',
		async () =>
			await image.evaluate((element) => {
				const img = element as unknown as { src: string; naturalWidth: number; complete: boolean };
				return { path: new URL(img.src).pathname, width: img.complete ? img.naturalWidth : 0 };
			}),
		(drawn) => drawn.width > 0,
	);
}

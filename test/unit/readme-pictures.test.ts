/**
 * The README's pictures are screens of the real editor that the browser suite takes
 * (`npm run pictures` writes them again): each one it shows is committed and on the suite's list,
 * and each one on the list is shown.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { PICTURES, README_PICTURES } from '../platforms/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const shown = [...README.matchAll(/!\[[^\]]*\]\(docs\/images\/([^)]+)\.png\)/g)].map((m) => m[1]);

describe('README pictures', () => {
	it('shows exactly the screens the browser suite writes for it', () => {
		expect([...new Set(shown)].sort()).toEqual([...README_PICTURES].sort());
	});

	it.each(README_PICTURES)('%s is committed, a PNG, and small', (name) => {
		const file = path.join(PICTURES, `${name}.png`);
		expect(existsSync(file)).toBe(true);
		expect(readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(statSync(file).size).toBeLessThan(200_000);
	});
});

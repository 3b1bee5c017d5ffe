/**
 * The README's table of where each endpoint lives is the one generated from the built nodes'
 * descriptions (`npm run endpoints` regenerates it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { endpointTable, END, START } from '../../scripts/endpoints';

describe('README: where each endpoint lives', () => {
	it('is the table generated from the descriptions', () => {
		const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
		const shown = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
		expect(shown).toBe(endpointTable());
	});

	it('names a file that exists for every operation', () => {
		const rows = endpointTable().split('\n').slice(2);
		expect(rows.length).toBeGreaterThanOrEqual(70);
		for (const row of rows) expect(row).toMatch(/\| `nodes\/[^`]+\/index\.ts`/);
	});
});

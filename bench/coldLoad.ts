/**
 * Package cold load: what n8n pays to load this package at start-up. Each run is a fresh node
 * process that requires n8n-core (not timed), builds a PackageDirectoryLoader over the package
 * directory (reads package.json, not timed) and times `loadAll()`: requiring every node and
 * credential listed in package.json's `n8n` block, codex files, icon paths, description checks.
 * The figure is the median over the runs. For scale, the same over a minimal package written to
 * a temporary folder (one tiny node, one tiny credential): the loader's own floor.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const NODE24 = path.join(ROOT, '.n8n-e2e', 'runtime', 'node_modules', 'node', 'bin', 'node');

export interface ColdLoad {
	/** Median of the runs, milliseconds spent in `loadAll()`. */
	medianMs: number;
	minMs: number;
	maxMs: number;
	runs: number;
	nodes: number;
	credentials: number;
	/** The package's own JS modules in require.cache after `loadAll()` (not those in node_modules). */
	modules: number;
}

/** Runs in the fresh process: argv[1] is n8n-core's entry, argv[2] the package directory. */
const CHILD = `
const [coreEntry, dir] = process.argv.slice(1);
const { PackageDirectoryLoader } = require(coreEntry);
const { realpathSync } = require('node:fs');
const path = require('node:path');
const root = realpathSync(dir);
(async () => {
	const loader = new PackageDirectoryLoader(dir);
	const start = process.hrtime.bigint();
	await loader.loadAll();
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	const own = (file) => file.startsWith(root + path.sep) && !file.slice(root.length).split(path.sep).includes('node_modules');
	const modules = Object.keys(require.cache).filter((file) => own(file) && file.endsWith('.js')).length;
	process.stdout.write(JSON.stringify({
		ms,
		nodes: Object.keys(loader.nodeTypes).length,
		credentials: Object.keys(loader.credentialTypes).length,
		modules,
	}));
})().catch((error) => { console.error(error); process.exit(1); });
`;

async function once(nodeBinary: string, dir: string) {
	const child = spawn(nodeBinary, ['-e', CHILD, require.resolve('n8n-core'), dir], {
		cwd: ROOT,
		env: { ...process.env, N8N_LOG_LEVEL: 'silent', NODE_OPTIONS: '' },
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (status !== 0) throw new Error(`cold-load run exited ${status}: ${stderr.trim()}`);
	return JSON.parse(stdout) as { ms: number; nodes: number; credentials: number; modules: number };
}

/**
 * Loads `dir` (default: the repo, i.e. the built dist/ through package.json) `runs` times, each
 * in a fresh `nodeBinary` process (default: the node running the bench).
 */
export async function benchColdLoad(
	options: { dir?: string; runs?: number; nodeBinary?: string } = {},
): Promise<ColdLoad> {
	const { dir = ROOT, runs = 15, nodeBinary = process.execPath } = options;
	if (dir === ROOT && !existsSync(path.join(ROOT, 'dist'))) {
		throw new Error('dist/ is missing: run `npm run build` first.');
	}
	await once(nodeBinary, dir); // warm the disk cache; not counted
	const results = [];
	for (let i = 0; i < runs; i++) results.push(await once(nodeBinary, dir));
	results.sort((a, b) => a.ms - b.ms);
	const mid = results[Math.floor(results.length / 2)];
	return {
		medianMs: mid.ms,
		minMs: results[0].ms,
		maxMs: results[results.length - 1].ms,
		runs,
		nodes: mid.nodes,
		credentials: mid.credentials,
		modules: mid.modules,
	};
}

/** A minimal community package (one small node, one small credential), for comparison. */
export function writeMinimalPackage(): { dir: string; remove: () => void } {
	const dir = mkdtempSync(path.join(tmpdir(), 'cold-load-minimal-'));
	mkdirSync(path.join(dir, 'dist', 'nodes', 'Tiny'), { recursive: true });
	mkdirSync(path.join(dir, 'dist', 'credentials'), { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-tiny',
			version: '0.0.1',
			n8n: {
				n8nNodesApiVersion: 1,
				nodes: ['dist/nodes/Tiny/Tiny.node.js'],
				credentials: ['dist/credentials/TinyApi.credentials.js'],
			},
		}),
	);
	writeFileSync(
		path.join(dir, 'dist', 'nodes', 'Tiny', 'Tiny.node.js'),
		`'use strict';
class Tiny {
	constructor() {
		this.description = {
			displayName: 'Tiny', name: 'tiny', group: ['transform'], version: 1,
			description: 'Tiny', defaults: { name: 'Tiny' }, inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'tinyApi', required: true }],
			properties: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
		};
	}
	async execute() { return [this.getInputData()]; }
}
exports.Tiny = Tiny;
`,
	);
	writeFileSync(
		path.join(dir, 'dist', 'nodes', 'Tiny', 'Tiny.node.json'),
		JSON.stringify({ node: 'n8n-nodes-tiny.tiny', categories: ['Miscellaneous'], resources: {} }),
	);
	writeFileSync(
		path.join(dir, 'dist', 'credentials', 'TinyApi.credentials.js'),
		`'use strict';
class TinyApi {
	constructor() {
		this.name = 'tinyApi';
		this.displayName = 'Tiny API';
		this.properties = [{ displayName: 'Key', name: 'key', type: 'string', typeOptions: { password: true }, default: '' }];
	}
}
exports.TinyApi = TinyApi;
`,
	);
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The build after type checking (`npm run build`: `gulp clean`, `tsc --emitDeclarationOnly`,
 * `gulp build`).
 *
 * n8n loads a package by requiring each file package.json's `n8n` block lists; a module per
 * source file (one per operation) made that ~150 requires and most of the package's load time.
 * So all nodes and credentials are bundled into ONE CommonJS module, dist/bundle.js, and each
 * listed file (dist/nodes/X/X.node.js, dist/credentials/X.credentials.js) is a one-line shim
 * re-exporting its class from it. One bundle, not one per entry: module-level state (login and
 * key caches, the secrets registry, hand-off maps, money memory) must exist once, shared by the
 * credentials and the nodes. The shims stay where n8n looks: the codex (X.node.json) and the
 * icon paths (`file:../../icons/...`) resolve from the listed file's folder.
 */
const { readFileSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');
const { src, dest, series, parallel } = require('gulp');

const pkg = require('./package.json');

const DIST = path.join(__dirname, 'dist');
const BUNDLE = path.join(DIST, 'bundle.js');

/** Each listed entry: its built path, its source and the class n8n expects in it. */
function entries() {
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((built) => {
		const relative = path.relative('dist', built).replace(/\.js$/, '');
		// n8n instantiates the class named like the file: X.node.js → X, X.credentials.js → X.
		const className = path.basename(built).split('.')[0];
		return { built: path.join(__dirname, built), source: `./${relative}`, className };
	});
}

function clean(done) {
	rmSync(DIST, { recursive: true, force: true });
	done();
}

async function bundle() {
	const esbuild = require('esbuild');
	const list = entries();
	await esbuild.build({
		stdin: {
			contents: list.map((e) => `export { ${e.className} } from '${e.source}';`).join('\n'),
			resolveDir: __dirname,
			sourcefile: 'bundle-entry.ts',
			loader: 'ts',
		},
		absWorkingDir: __dirname,
		outfile: BUNDLE,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		tsconfig: path.join(__dirname, 'tsconfig.json'),
		// n8n-workflow (and anything else imported by name) is n8n's, resolved at run time.
		packages: 'external',
		// Cold load (bench/coldLoad.ts): n8n parses the whole bundle at start-up, so fewer bytes
		// (no comments or indentation, shorter syntax) load faster. Identifiers are not minified:
		// stack traces keep their function names.
		minifyWhitespace: true,
		minifySyntax: true,
		// No keepNames: its __name() call for every function (450 of them) ran at load, ~10% of
		// the bundle's cost. Without minifyIdentifiers esbuild renames a name only on a clash
		// between modules (known2); n8n reads only the classes' names (constructor.name), and
		// classNames() below checks those.
		keepNames: false,
		sourcemap: false,
		legalComments: 'none',
		logLevel: 'warning',
	});
	asciiOnly(BUNDLE);
	classNames(list);
	for (const e of list) {
		let to = path.relative(path.dirname(e.built), BUNDLE).split(path.sep).join('/');
		if (!to.startsWith('.')) to = `./${to}`;
		mkdirSync(path.dirname(e.built), { recursive: true });
		writeFileSync(
			e.built,
			`'use strict';\n// Built by gulpfile.js: the class is in ${to}, shared by all nodes and credentials.\nexports.${e.className} = require('${to}').${e.className};\n`,
		);
	}
}

/** n8n records each class's constructor.name: every listed class must keep its own name. */
function classNames(list) {
	delete require.cache[BUNDLE];
	const bundled = require(BUNDLE);
	delete require.cache[BUNDLE];
	for (const { className } of list) {
		const name = bundled[className]?.name;
		if (name !== className) throw new Error(`bundle.js: class ${className} is named ${name}`);
	}
}

/**
 * esbuild escapes non-ASCII characters in strings, templates and names, not in regular
 * expression literals (Keyline's German messages: /ist nicht gültig/) or the comments it keeps.
 * One such character makes V8 hold and scan the whole bundle as a two-byte string, a few ms more
 * per load. Escaped here as \uXXXX: in a regex it matches the same text with or without the u
 * flag (only the regex's `source` spelling changes, and nothing reads it); in a comment it is
 * text.
 */
function asciiOnly(file) {
	const ts = require('typescript');
	const nonAscii = /[^\x00-\x7f]/g;
	const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
	const text = readFileSync(file, 'utf8');
	if (!/[^\x00-\x7f]/.test(text)) return;
	const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
	const edits = new Map();
	const comments = (ranges) => {
		for (const { pos, end } of ranges ?? []) {
			const comment = text.slice(pos, end);
			if (/[^\x00-\x7f]/.test(comment))
				edits.set(pos, { end, text: comment.replace(nonAscii, escape) });
		}
	};
	const visit = (node) => {
		comments(ts.getLeadingCommentRanges(text, node.pos));
		comments(ts.getTrailingCommentRanges(text, node.end));
		if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && /[^\x00-\x7f]/.test(node.text)) {
			const start = node.getStart(tree);
			if (text.slice(start, node.end) !== node.text) throw new Error(`bundle.js: ${node.text}?`);
			const escaped = node.text.replace(nonAscii, (c, at) => {
				// After a backslash (\ü) the escape would read \\u00fc: not the same pattern.
				if (node.text[at - 1] === '\\') throw new Error(`bundle.js: \\${c} in ${node.text}`);
				return escape(c);
			});
			edits.set(start, { end: node.end, text: escaped });
		}
		ts.forEachChild(node, visit);
	};
	visit(tree);
	let out = text;
	for (const [start, edit] of [...edits].sort((a, b) => b[0] - a[0])) {
		out = out.slice(0, start) + edit.text + out.slice(edit.end);
	}
	writeFileSync(file, out);
	const left = out.match(nonAscii);
	if (left) {
		console.warn(
			`bundle.js: ${left.length} non-ASCII characters left (${left.slice(0, 5).join(' ')}): slower load`,
		);
	}
}

/** n8n reads a node's codex from X.node.json beside the listed X.node.js. */
function codex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

/** n8n loads icons from dist/, at the `file:` paths relative to the listed files. */
function nodeIcons() {
	return src('nodes/**/*.{png,svg}', { allowEmpty: true, encoding: false }).pipe(
		dest('dist/nodes'),
	);
}
function icons() {
	return src('icons/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}
const buildIcons = parallel(nodeIcons, icons);

exports.clean = clean;
exports['build:icons'] = buildIcons;
exports.build = series(bundle, parallel(codex, buildIcons));

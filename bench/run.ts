/**
 * `npm run bench`: builds nothing (run `npm run build` first), measures, prints the figures:
 * the package's cold load in n8n-core's PackageDirectoryLoader, what a trigger poll costs, how
 * many expressions a one-ID Get evaluates per item, and (unless `--quick`) per-item node time
 * beside n8n's HTTP Request node in a real n8n. `--cold-load`: only the cold load;
 * `--side-by-side`: only the real-n8n comparison.
 */
process.env.N8N_LOG_LEVEL = 'silent';

async function main() {
	if (!process.argv.includes('--side-by-side')) await inProcess();
	if (process.argv.includes('--quick') || process.argv.includes('--cold-load')) return;
	await sideBySide();
}

/** What needs no real n8n: cold load, trigger polls, expressions per item. */
async function inProcess() {
	const { benchColdLoad, writeMinimalPackage, NODE24 } = await import('./coldLoad');
	const { existsSync } = await import('node:fs');
	const coldLoad = (label: string, f: Awaited<ReturnType<typeof benchColdLoad>>) =>
		console.log(
			`${label}: ${f.medianMs.toFixed(1)} ms median (min ${f.minMs.toFixed(1)}, max ${f.maxMs.toFixed(1)}; ${f.runs} runs; ${f.nodes} nodes, ${f.credentials} credentials, ${f.modules} JS modules)`,
		);
	coldLoad(
		`Package cold load (PackageDirectoryLoader, fresh process, Node ${process.versions.node})`,
		await benchColdLoad(),
	);
	if (existsSync(NODE24)) {
		coldLoad(
			'Package cold load (PackageDirectoryLoader, fresh process, n8n runtime Node 24)',
			await benchColdLoad({ nodeBinary: NODE24 }),
		);
	}
	const minimal = writeMinimalPackage();
	try {
		coldLoad(
			`Minimal package for scale (1 tiny node, 1 tiny credential, Node ${process.versions.node})`,
			await benchColdLoad({ dir: minimal.dir }),
		);
	} finally {
		minimal.remove();
	}
	if (process.argv.includes('--cold-load')) return;
	console.log();

	const { benchTriggers } = await import('./triggers');
	const figures = await benchTriggers();
	const width = Math.max(...figures.map((f) => f.scenario.length));
	console.log(`${'Trigger poll'.padEnd(width)}  requests/poll  ms/poll  items/poll`);
	for (const f of figures) {
		console.log(
			`${f.scenario.padEnd(width)}  ${String(f.requestsPerPoll).padStart(13)}  ${f.msPerPoll.toFixed(1).padStart(7)}  ${String(f.itemsPerPoll).padStart(10)}`,
		);
	}

	const { benchExpressions } = await import('./expressions');
	const expressions = await benchExpressions();
	const w = Math.max(...expressions.map((f) => f.scenario.length));
	console.log(
		`\n${'Node, 50 items (in process)'.padEnd(w)}  expressions/item  of them {{ $json.id }}  ms/item`,
	);
	for (const f of expressions) {
		console.log(
			`${f.scenario.padEnd(w)}  ${f.perItem.toFixed(1).padStart(16)}  ${f.userPerItem.toFixed(1).padStart(21)}  ${f.msPerItem.toFixed(2).padStart(7)}`,
		);
	}
}

async function sideBySide() {
	console.log(
		'\nSide by side with the HTTP Request node in a real n8n (n8n execute; a few minutes)...',
	);
	const { benchAgainstHttpRequest } = await import('./n8n');
	const sideBySide = await benchAgainstHttpRequest();
	if (typeof sideBySide === 'string') {
		console.log(`skipped: ${sideBySide}`);
		return;
	}
	const v = Math.max(...sideBySide.map((f) => f.scenario.length));
	console.log(
		`${'Node time per item, real n8n'.padEnd(v)}  items  package ms  HTTP Request ms  (of it Login)  ratio  requests/item (package, HTTP)`,
	);
	for (const f of sideBySide) {
		console.log(
			`${f.scenario.padEnd(v)}  ${String(f.items).padStart(5)}  ${f.packageMsPerItem.toFixed(2).padStart(10)}  ${f.httpMsPerItem.toFixed(2).padStart(15)}  ${f.loginMsPerItem.toFixed(2).padStart(13)}  ${(f.packageMsPerItem / f.httpMsPerItem).toFixed(1).padStart(5)}×  ${f.packageRequestsPerItem.toFixed(2)}, ${f.httpRequestsPerItem.toFixed(2)}`,
		);
	}
	console.log(
		"HTTP Request for InstantCard: its Login node and the GET (the package's node logs in itself);\n" +
			"'token in Header Auth': the GET alone, the token in a Header Auth credential (not something a\n" +
			'user can keep, the token expires): both sides then read a credential on every request.',
	);
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

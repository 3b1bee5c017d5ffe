/**
 * `npm run bench`: builds nothing (run `npm run build` first), measures, prints the figures:
 * what a trigger poll costs, and how many expressions a one-ID Get evaluates per item.
 */
process.env.N8N_LOG_LEVEL = 'silent';

async function main() {
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
	console.log(`\n${'Node, 50 items (in process)'.padEnd(w)}  expressions/item  of them {{ $json.id }}  ms/item`);
	for (const f of expressions) {
		console.log(
			`${f.scenario.padEnd(w)}  ${f.perItem.toFixed(1).padStart(16)}  ${f.userPerItem.toFixed(1).padStart(21)}  ${f.msPerItem.toFixed(2).padStart(7)}`,
		);
	}
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

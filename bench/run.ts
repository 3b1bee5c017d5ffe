/** `npm run bench`: builds nothing (run `npm run build` first), measures, prints the figures. */
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
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

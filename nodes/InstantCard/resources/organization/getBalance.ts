import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * A money value as a number: 250, "250.00", "$1,234.50", "USD 12.00", "-3.10". Undefined when it
 * is not plainly one amount, so that nothing wrong is computed from it.
 */
export function moneyAmount(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value
		.trim()
		.replace(/^[A-Za-z]{3}\s*/, '')
		.replace(/\s*[A-Za-z]{3}$/, '')
		.replace(/[$€£,\s]/g, '');
	if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
	return Number(text);
}

/** postReceive: keeps `balance` as the API gives it and adds `balance_amount` as a number. */
export async function outputBalance(items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const answer = item.json as unknown;
		// A bare amount is possible too (the answer's shape is not documented).
		const json: IDataObject =
			answer && typeof answer === 'object' && !Array.isArray(answer)
				? { ...(answer as IDataObject) }
				: { balance: answer as string };
		const amount = moneyAmount(json.balance);
		if (amount !== undefined) json.balance_amount = amount;
		return { ...item, json };
	});
}

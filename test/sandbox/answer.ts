/** How the sandbox tests read an answer: status, headers, the text, and the JSON when it is JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	json: Json;
}

export async function readAnswer(res: Response): Promise<Answer> {
	const text = await res.text();
	let json: Json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		// HTML pages and garbled bodies from faults: tests read `text`.
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** A `/__control/...` answer: always JSON (or empty), so a body that does not parse fails the test. */
export async function readControlAnswer(res: Response): Promise<Answer> {
	const text = await res.text();
	return {
		status: res.status,
		headers: res.headers,
		text,
		json: text ? JSON.parse(text) : undefined,
	};
}

/** An HTML page (echo or maintenance fault) with this status. */
export function expectHtmlPage(answer: Answer, status: number): void {
	expect(answer.status).toBe(status);
	expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
	expect(answer.text).toMatch(/^<!DOCTYPE html>/);
}

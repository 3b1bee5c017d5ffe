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

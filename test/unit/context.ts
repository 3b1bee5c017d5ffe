/**
 * A stand-in for the node context n8n hands the code under test: its parameters, the node, the
 * item index and the node's static data. Only what pure helpers read; nothing of n8n runs.
 */
import type { IDataObject, INode } from 'n8n-workflow';

export const NODE: INode = {
	id: 'unit',
	name: 'Unit',
	type: 'n8n-nodes-instantcard-keyline.unit',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface FakeContext {
	getNode(): INode;
	getItemIndex(): number;
	getNodeParameter(name: string, fallback?: unknown, options?: { extractValue?: boolean }): unknown;
	getWorkflowStaticData(type: string): IDataObject;
	/** The node's static data, as the code under test left it. */
	staticData: IDataObject;
}

/**
 * `parameters` are the node's values; a resource-locator value (`{ __rl, value }`) gives its
 * `value` when asked with `extractValue`, as n8n does.
 */
export function fakeContext(parameters: Record<string, unknown> = {}, itemIndex = 0): FakeContext {
	const staticData: IDataObject = {};
	return {
		staticData,
		getNode: () => NODE,
		getItemIndex: () => itemIndex,
		getNodeParameter: (name, fallback, options) => {
			const value = name in parameters ? parameters[name] : fallback;
			if (options?.extractValue && value && typeof value === 'object' && '__rl' in value) {
				return (value as unknown as { value: unknown }).value;
			}
			return value;
		},
		getWorkflowStaticData: () => staticData,
	};
}

/** What `work` threw (fails the test when it threw nothing). */
export function thrown(work: () => unknown): Error & Record<string, unknown> {
	try {
		work();
	} catch (error) {
		return error as Error & Record<string, unknown>;
	}
	throw new Error('expected an error, none was thrown');
}

/** What the promise rejected with (fails the test when it resolved). */
export async function rejected(work: Promise<unknown>): Promise<Error & Record<string, unknown>> {
	try {
		await work;
	} catch (error) {
		return error as Error & Record<string, unknown>;
	}
	throw new Error('expected a rejection, the promise resolved');
}

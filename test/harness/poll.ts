/**
 * Polls a trigger of the BUILT package the way an active workflow in n8n does: n8n-core's
 * `PollContext` on a `Workflow` whose static data lives across polls, the first poll after a
 * (re)start being the activation poll. What n8n's database holds is modelled apart from memory:
 * n8n saves static data after the activation poll and after every poll that emitted items, and
 * nowhere else (a poll that returns null or throws saves nothing). `restart()` builds a new
 * Workflow from what was saved, as n8n does when it starts again.
 */
import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { StoredCredential, TestCredentialsHelper } from './credentials-helper';
import { loadPackage } from './load';
import { additionalData, helperWith, packageNode } from './run';

export interface TriggerOptions {
	/** Node type without the package prefix: `instantCardTrigger`, `keylineTrigger`. */
	type: string;
	parameters: INodeParameters;
	credentials: StoredCredential[];
	helper?: TestCredentialsHelper;
	/** Node name (its static data key is `node:<name>`). */
	name?: string;
}

export interface PollResult {
	items: INodeExecutionData[];
	/** null: the poll returned nothing. */
	returned: INodeExecutionData[][] | null;
	error?: Error & Record<string, unknown>;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

export class TriggerHarness {
	/** Static data as n8n's database holds it. */
	saved: IDataObject = {};
	workflow!: Workflow;
	/** Polls run (all modes), activation polls, polls that emitted, polls that threw. */
	counts = { polls: 0, activations: 0, emitted: 0, failed: 0 };
	private activated = false;
	/** How n8n activated the workflow: first `activate`, `init` after a restart, `update` after an edit. */
	private activation: WorkflowActivateMode = 'activate';
	private node: INode;

	private constructor(
		private readonly options: TriggerOptions,
		readonly helper: TestCredentialsHelper,
	) {
		this.node = packageNode({
			...options,
			id: 'trigger',
			name: options.name ?? 'Trigger',
			position: [0, 0],
		});
	}

	static async create(options: TriggerOptions): Promise<TriggerHarness> {
		const harness = new TriggerHarness(
			options,
			await helperWith(options.credentials, options.helper),
		);
		await harness.build();
		return harness;
	}

	private async build(staticData: IDataObject = {}): Promise<void> {
		const { nodeTypes } = await loadPackage();
		this.workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'trigger test',
			nodes: [copy(this.node)],
			connections: {},
			nodeTypes,
			active: true,
			staticData: staticData as never,
			settings: { executionOrder: 'v1' },
		});
	}

	private async nodeType(): Promise<INodeType> {
		const { nodeTypes } = await loadPackage();
		return nodeTypes.getByNameAndVersion(this.node.type, 1) as INodeType;
	}

	private context(mode: 'trigger' | 'manual', activation: WorkflowActivateMode): PollContext {
		const node = this.workflow.getNode(this.node.name) as INode;
		const hooks = new ExecutionLifecycleHooks(mode, `poll-${this.counts.polls}`, {
			nodes: [node],
		} as never);
		return new PollContext(
			this.workflow,
			node,
			additionalData(this.helper, hooks),
			mode,
			activation,
		);
	}

	/** One poll, as n8n's schedule (or the activation) runs it. Errors are returned, not thrown. */
	async poll(): Promise<PollResult> {
		// n8n keeps the poll functions of the activation for every later poll.
		const activation = this.activation;
		const isActivation = !this.activated;
		this.counts.polls++;
		const type = await this.nodeType();
		try {
			const returned = await type.poll!.call(this.context('trigger', activation));
			this.activated = true;
			if (isActivation) this.counts.activations++;
			if (returned !== null) this.counts.emitted++;
			// n8n saves after the activation poll and whenever a poll emits.
			if (isActivation || returned !== null) this.save();
			return { returned, items: returned?.[0] ?? [] };
		} catch (error) {
			// A failed activation poll fails the activation: n8n tries to activate again later.
			this.counts.failed++;
			return { returned: null, items: [], error: error as PollResult['error'] };
		}
	}

	/** Two polls started together (n8n's schedule does not wait for a slow poll). */
	async pollTwiceAtOnce(): Promise<[PollResult, PollResult]> {
		this.activated = true;
		return await Promise.all([this.poll(), this.poll()]);
	}

	/** "Fetch Test Event" in the editor: manual mode, on the workflow as saved. */
	async fetchTestEvent(): Promise<PollResult> {
		const type = await this.nodeType();
		this.counts.polls++;
		try {
			const returned = await type.poll!.call(this.context('manual', 'manual'));
			return { returned, items: returned?.[0] ?? [] };
		} catch (error) {
			return { returned: null, items: [], error: error as PollResult['error'] };
		}
	}

	private save(): void {
		this.saved = copy(this.workflow.staticData as IDataObject);
	}

	/** n8n stopped and started again: memory is gone, the database's static data is loaded. */
	async restart(activation: WorkflowActivateMode = 'init'): Promise<void> {
		this.activated = false;
		this.activation = activation;
		await this.build(copy(this.saved));
	}

	/**
	 * The active workflow edited and saved: n8n activates it again with the new parameters and
	 * the static data of its database.
	 */
	async setParameters(parameters: INodeParameters): Promise<void> {
		this.node = { ...this.node, parameters };
		this.options.parameters = parameters;
		await this.restart('update');
	}

	/** The node's state in memory (what the next poll starts from). */
	get state(): IDataObject | undefined {
		return copy((this.workflow.staticData as IDataObject)[`node:${this.node.name}`] as IDataObject)
			?.state as IDataObject | undefined;
	}

	/** The node's state as saved in the "database". */
	get savedState(): IDataObject | undefined {
		return (this.saved[`node:${this.node.name}`] as IDataObject | undefined)?.state as
			| IDataObject
			| undefined;
	}
}

/** The `json` of each item. */
export const jsonOf = (result: PollResult) => result.items.map((item) => item.json);

/** A trigger event as the tests read it: any field. */
export type EventJson = IDataObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The events a poll emitted. */
export const eventsOf = (result: PollResult) => jsonOf(result) as EventJson[];

/** Each event as [event, id, previousState, state]. */
export const brief = (result: PollResult) =>
	eventsOf(result).map((e) => [e.event, e.id, e.previousState, e.state]);

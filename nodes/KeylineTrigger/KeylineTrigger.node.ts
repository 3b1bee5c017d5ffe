import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { keylineFingerprint } from '../../credentials/keylineKey';
import type { SavedState } from '../shared/polling';
import {
	exclusive,
	listEntries,
	PollOutcome,
	readState,
	settleEach,
	stateFilter,
	STATE_VERSION,
} from '../shared/polling';
import { getOrder, newScan, scanOrders, type OrderAnswer, type ScanState } from './discovery';
import {
	compareOrder,
	ORDER_STATES,
	orderOf,
	PRINT_DATA_FILE_STATES,
	settled,
	type OrderEvents,
	type OrderSnapshot,
} from './orders';
import { sampleEvents } from './sample';

/** Orders one trigger may name (each costs one request per poll). */
const MAX_NAMED_ORDERS = 200;
/** Orders found by discovery that are kept at most; past this the oldest are forgotten. */
const MAX_WATCHED_ORDERS = 1000;
/** Order reads at a time. */
const CONCURRENCY = 4;

interface KeylineState extends SavedState {
	/** Watched orders by ID. */
	orders: Record<string, OrderSnapshot>;
	/** Discovery, or the search for named references. */
	scan?: ScanState;
	/** Named references found, reference → order ID. */
	refs?: Record<string, number>;
}

interface Named {
	ids: number[];
	references: string[];
}

/** "14011, S28H7Q" → IDs and references; anything else is named as what it is not. */
function namedOrders(context: IPollFunctions, value: unknown): Named {
	const named: Named = { ids: [], references: [] };
	for (const entry of listEntries(value)) {
		if (/^\d+$/.test(entry) && Number(entry) > 0 && Number.isSafeInteger(Number(entry))) {
			named.ids.push(Number(entry));
		} else if (/^[0-9A-Z]{6}$/i.test(entry)) {
			named.references.push(entry.toUpperCase());
		} else {
			throw new NodeOperationError(
				context.getNode(),
				`Orders: "${entry.slice(0, 60)}" is neither an order ID nor a reference`,
				{
					description:
						'Enter order IDs (digits, e.g. 14011) or references (six letters and digits, e.g. S28H7Q), separated by commas.',
				},
			);
		}
	}
	if (named.ids.length + named.references.length > MAX_NAMED_ORDERS) {
		throw new NodeOperationError(
			context.getNode(),
			`Orders: ${named.ids.length + named.references.length} entries, at most ${MAX_NAMED_ORDERS} can be watched`,
			{ description: 'Each one costs one request per poll. Split them over several triggers.' },
		);
	}
	return named;
}

function orderIdParameter(context: IPollFunctions, name: string, label: string): number {
	const value = context.getNodeParameter(name, 0) as unknown;
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} must be an order ID, not "${String(value)}"`,
			{
				description:
					'Enter the ID of a recent order of this API key, e.g. 14011: probing starts there.',
			},
		);
	}
	return id;
}

export class KeylineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keyline Trigger',
		name: 'keylineTrigger',
		icon: { light: 'file:../../icons/keyline.svg', dark: 'file:../../icons/keyline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ($parameter["events"] || []).map(e => e.replace(/([A-Z])/g, " $1").toLowerCase()).join(", ") }}',
		description:
			'Starts the workflow when a Keyline order or one of its print data files changes state, or a new order appears',
		defaults: { name: 'Keyline Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'keylineApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'New Order',
						value: 'newOrder',
						description: 'An order appeared (only when watching all orders of the API key)',
					},
					{
						name: 'Order State Changed',
						value: 'orderStateChanged',
						description: 'An order moved to another state (all, or only the states chosen below)',
					},
					{
						name: 'Print Data File State Changed',
						value: 'printDataFileStateChanged',
						description:
							"A print data file of an order's product or component was added or moved to another state",
					},
				],
				default: ['orderStateChanged'],
				description:
					'What to be told about. Each item says which event it is in its "event" field.',
			},
			{
				displayName: 'Only Into Order States',
				name: 'orderStates',
				type: 'multiOptions',
				displayOptions: { show: { events: ['orderStateChanged'] } },
				options: ORDER_STATES.map((state) => ({
					name: state.charAt(0).toUpperCase() + state.slice(1),
					value: state,
				})),
				default: [],
				description:
					'Report a state change only when the order moves into one of these. Leave empty for every change.',
			},
			{
				displayName: 'Only Into File States',
				name: 'fileStates',
				type: 'multiOptions',
				displayOptions: { show: { events: ['printDataFileStateChanged'] } },
				options: PRINT_DATA_FILE_STATES.map((state) => ({
					name: (state.charAt(0).toUpperCase() + state.slice(1)).replace(/_/g, ' '),
					value: state,
				})),
				default: [],
				description:
					'Report a print data file only when it moves into one of these. Leave empty for every change.',
			},
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Orders I Name',
						value: 'named',
						description: 'The orders entered below, by ID or reference',
					},
					{
						name: 'All Orders of the API Key',
						value: 'discover',
						description:
							'Every order this API key can read, found by trying order IDs upwards from a start (the Inbox API cannot list orders)',
					},
				],
				default: 'named',
			},
			{
				displayName: 'Orders',
				name: 'orders',
				type: 'string',
				displayOptions: { show: { watch: ['named'] } },
				default: '',
				// Checked when the trigger runs ("Orders is empty"), not marked required: n8n would
				// disable Fetch Test Event without saying which field is missing.
				placeholder: 'e.g. 14011, 14012, S28H7Q',
				description: `Order IDs or references (six letters and digits), separated by commas; at most ${MAX_NAMED_ORDERS}, each costs one request per poll. An expression may give a list. A reference made of digits only is read as an ID.`,
			},
			{
				displayName: 'Find References From Order ID',
				name: 'referenceSearchFrom',
				type: 'number',
				displayOptions: { show: { watch: ['named'] } },
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Only needed for references: the Inbox API cannot look an order up by reference, so the trigger tries order IDs upwards from this one until it has found each. Enter the ID of an order placed before them.',
			},
			{
				displayName: 'Start From Order ID',
				name: 'startOrderId',
				type: 'number',
				displayOptions: { show: { watch: ['discover'] } },
				typeOptions: { minValue: 1 },
				default: 1,
				required: true,
				description:
					'The ID of a recent order of this API key. Orders from here on are watched; IDs are tried upwards from it, a few per poll, so start close to the newest order.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing Orders',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether orders that already existed when the trigger started are reported when first seen, as if they were new. Off: they are only noted, and their changes are reported from then on.',
					},
					{
						displayName: 'Look-Ahead (Order IDs)',
						name: 'lookAhead',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1000 },
						default: 50,
						description:
							"How far above the newest order found to look for the next one. Raise it when many other customers' orders come between yours.",
						displayOptions: { show: { '/watch': ['discover'] } },
					},
					{
						displayName: 'Order IDs Tried per Poll',
						name: 'probesPerPoll',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100 },
						default: 10,
						description:
							'Requests one poll may spend trying order IDs to find new orders (or named references)',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as string[];
		if (events.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Choose at least one event under Trigger On');
		}
		const watch = this.getNodeParameter('watch', 'named') as string;
		if (watch === 'named' && events.includes('newOrder')) {
			throw new NodeOperationError(
				this.getNode(),
				'New Order needs Watch set to All Orders of the API Key',
				{
					description:
						'Orders you name exist already. To hear of orders as they are placed, watch all orders of the API key.',
				},
			);
		}
		const named =
			watch === 'named' ? namedOrders(this, this.getNodeParameter('orders', '')) : undefined;
		if (named && named.ids.length + named.references.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Orders is empty', {
				description: 'Enter the IDs or references of the orders to watch, e.g. 14011, S28H7Q.',
			});
		}
		const start = named
			? named.references.length > 0
				? orderIdParameter(this, 'referenceSearchFrom', 'Find References From Order ID')
				: 0
			: orderIdParameter(this, 'startOrderId', 'Start From Order ID');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const limits = {
			probes: Math.max(1, Math.floor(Number(options.probesPerPoll ?? 10)) || 10),
			lookAhead: Math.max(1, Math.floor(Number(options.lookAhead ?? 50)) || 50),
		};
		const orderEvents: OrderEvents = {
			newOrder: events.includes('newOrder'),
			stateChanged: events.includes('orderStateChanged'),
			states: stateFilter(this, 'orderStates', 'Only Into Order States', ORDER_STATES),
			fileChanged: events.includes('printDataFileStateChanged'),
			fileStates: stateFilter(this, 'fileStates', 'Only Into File States', PRINT_DATA_FILE_STATES),
		};
		if (this.getMode() === 'manual') return await sampleEvents(this, events, named, start);
		return await exclusive(
			this,
			async () =>
				await pollChanges(this, {
					watch,
					named,
					start,
					limits,
					orderEvents,
					emitExisting: options.emitExisting === true,
				}),
		);
	}
}

interface Settings {
	watch: string;
	named?: Named;
	start: number;
	limits: { probes: number; lookAhead: number };
	orderEvents: OrderEvents;
	emitExisting: boolean;
}

async function pollChanges(
	context: IPollFunctions,
	settings: Settings,
): Promise<INodeExecutionData[][] | null> {
	const { named, orderEvents: events } = settings;
	const credentials = await context.getCredentials('keylineApi');
	// Another API key or URL is another account: its orders start over with a baseline. The
	// fingerprint is a hash, so the state never holds the key.
	const scope = `${settings.watch}|${keylineFingerprint(credentials)}`;
	const outcome = new PollOutcome();
	const saved = readState<KeylineState>(context, scope);
	const state: KeylineState = saved ?? {
		version: STATE_VERSION,
		scope,
		baselineAt: outcome.seenAt,
		orders: {},
	};
	// Another start for discovery searches again from there, with a new baseline: orders found
	// again are then taken as existing, not reported as new a second time.
	const rescan = !named && state.scan !== undefined && state.scan.start !== settings.start;
	if (rescan) state.baselineAt = outcome.seenAt;
	// The baseline's time by Keyline's clock (created_at is by that clock too), from this poll's
	// first answer.
	let dated = saved !== undefined && !rescan;
	const noteDate = (answer: OrderAnswer) => {
		if (dated || !answer.date || Number.isNaN(Date.parse(answer.date))) return;
		state.baselineAt = new Date(answer.date).toISOString();
		dated = true;
	};
	const orders = state.orders;
	/** Orders compared in this poll (each once). */
	const compared = new Set<string>();

	/** Whether an order first seen is reported as new, or only noted as it is. */
	const isNew = (order: IDataObject) => {
		if (settings.emitExisting) return true;
		if (named) return false;
		const created = Date.parse(String(order.created_at ?? ''));
		return Number.isFinite(created) && created >= Date.parse(state.baselineAt);
	};
	/** Keeps what can still change; a named order that cannot is marked done (not read again). */
	const keep = (key: string, snapshot: OrderSnapshot) => {
		if (!settled(snapshot, events)) orders[key] = snapshot;
		else if (named) orders[key] = { s: snapshot.s, r: snapshot.r, f: {}, done: true };
		else delete orders[key];
	};

	// The orders to read: the named ones (references found included), or those discovered.
	let toRead: number[];
	if (named) {
		state.refs = Object.fromEntries(
			Object.entries(state.refs ?? {}).filter(([reference]) =>
				named.references.includes(reference),
			),
		);
		const ids = new Set([...named.ids, ...Object.values(state.refs)]);
		for (const key of Object.keys(orders)) if (!ids.has(Number(key))) delete orders[key];
		toRead = [...ids].filter((id) => !orders[String(id)]?.done);
	} else {
		toRead = Object.keys(orders).map(Number);
	}
	toRead.sort((a, b) => a - b);
	const reads = await settleEach(toRead, CONCURRENCY, async (id) => await getOrder(context, id));
	for (const { entry: id, value: answer, error } of reads) {
		const key = String(id);
		if (error !== undefined || !answer) {
			outcome.fail(error);
			continue;
		}
		noteDate(answer);
		if (answer.status === 404) {
			if (named) {
				outcome.fail(
					new NodeOperationError(context.getNode(), `Order ${id} was not found`, {
						description:
							'Check the order ID, and that the order belongs to the account of the API key (Keyline answers 404 for orders of other accounts).',
					}),
				);
			} else {
				// Discovered before, gone for this key now: nothing more to hear of it.
				delete orders[key];
			}
			continue;
		}
		const order = orderOf(answer.body);
		const before = orders[key];
		keep(key, compareOrder(outcome, events, order, before, !before && isNew(order)));
		compared.add(key);
	}

	// Finding orders: all of the key's (discover), or the named references not found yet.
	const unresolved = named ? named.references.filter((reference) => !state.refs?.[reference]) : [];
	if (!named || unresolved.length > 0) {
		if (!state.scan || state.scan.start !== settings.start) state.scan = newScan(settings.start);
		const result = await scanOrders(
			context,
			state.scan,
			settings.limits,
			(found) => {
				const order = orderOf(found.body);
				const key = String(found.id);
				if (compared.has(key)) return;
				if (named) {
					const reference = String(order.reference ?? '').toUpperCase();
					if (!unresolved.includes(reference) || orders[key]) return;
					state.refs = { ...state.refs, [reference]: found.id };
				}
				keep(key, compareOrder(outcome, events, order, orders[key], !orders[key] && isNew(order)));
				compared.add(key);
			},
			noteDate,
		);
		if (result.error) outcome.fail(result.error);
		if (named && named.references.every((reference) => state.refs?.[reference])) delete state.scan;
	} else {
		delete state.scan;
	}

	// Bounded: past the limit, the oldest discovered orders are forgotten.
	const keys = Object.keys(orders)
		.map(Number)
		.sort((a, b) => a - b);
	for (const id of keys.slice(0, Math.max(0, keys.length - MAX_WATCHED_ORDERS)))
		delete orders[String(id)];
	return outcome.finish(context, state);
}

/**
 * The trigger's parameters, read and checked once per poll (also for "Fetch Test Event", so a
 * mistake shows there first): which events, which orders, where probing starts, and the limits.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listEntries, stateFilter } from '../shared/polling';
import { toWholeNumber } from '../shared/validation';
import { ORDER_STATES, PRINT_DATA_FILE_STATES, type OrderEvents } from './orders';

/** Orders one trigger may name (each costs one request per poll). */
export const MAX_NAMED_ORDERS = 200;

export interface Named {
	ids: number[];
	references: string[];
}

export interface Settings {
	/** The events chosen under Trigger On, as their option values. */
	events: string[];
	watch: string;
	/** The orders named, when watching named orders. */
	named?: Named;
	/** Where probing starts: Start From Order ID, Find References From Order ID, or 0 (none). */
	start: number;
	limits: { probes: number; lookAhead: number };
	orderEvents: OrderEvents;
	emitExisting: boolean;
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
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	// Digits only: Number() would also read "0x10" as 16 and "1e3" as 1000.
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} must be an order ID, not "${text.slice(0, 60)}"`,
			{
				description:
					'Enter the ID of a recent order of this API key as digits, e.g. 14011: probing starts there.',
			},
		);
	}
	return Number(text);
}

/** Trigger On and Watch: refuses a choice that could never report anything. */
function chosenEvents(context: IPollFunctions): { events: string[]; watch: string } {
	const events = context.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event under Trigger On');
	}
	const watch = context.getNodeParameter('watch', 'named') as string;
	if (watch === 'named' && events.includes('newOrder')) {
		throw new NodeOperationError(
			context.getNode(),
			'New Order needs Watch set to All Orders of the API Key',
			{
				description:
					'Orders you name exist already. To hear of orders as they are placed, watch all orders of the API key.',
			},
		);
	}
	return { events, watch };
}

/** The orders named (when watching named orders) and the order ID probing starts from. */
function watchedOrders(context: IPollFunctions, watch: string): { named?: Named; start: number } {
	const named =
		watch === 'named' ? namedOrders(context, context.getNodeParameter('orders', '')) : undefined;
	if (named && named.ids.length + named.references.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Orders is empty', {
			description: 'Enter the IDs or references of the orders to watch, e.g. 14011, S28H7Q.',
		});
	}
	// Only references need probing when orders are named: IDs are read directly.
	const start = named
		? named.references.length > 0
			? orderIdParameter(context, 'referenceSearchFrom', 'Find References From Order ID')
			: 0
		: orderIdParameter(context, 'startOrderId', 'Start From Order ID');
	return { named, start };
}

/** Every parameter of the trigger, checked, in the order the editor shows them. */
export function readSettings(context: IPollFunctions): Settings {
	const { events, watch } = chosenEvents(context);
	const { named, start } = watchedOrders(context, watch);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const limits = {
		probes: toWholeNumber(context, options.probesPerPoll ?? 10, {
			label: 'Order IDs Tried per Poll',
			min: 1,
			max: 100,
			description: 'How many requests one poll may spend looking for orders, e.g. 10.',
		}),
		lookAhead: toWholeNumber(context, options.lookAhead ?? 50, {
			label: 'Look-Ahead (Order IDs)',
			min: 1,
			max: 1000,
			description: 'How far above the newest order found to look for the next one, e.g. 50.',
		}),
	};
	const orderEvents: OrderEvents = {
		newOrder: events.includes('newOrder'),
		stateChanged: events.includes('orderStateChanged'),
		states: stateFilter(context, 'orderStates', 'Only Into Order States', ORDER_STATES),
		fileChanged: events.includes('printDataFileStateChanged'),
		fileStates: stateFilter(context, 'fileStates', 'Only Into File States', PRINT_DATA_FILE_STATES),
	};
	return {
		events,
		watch,
		named,
		start,
		limits,
		orderEvents,
		emitExisting: options.emitExisting === true,
	};
}

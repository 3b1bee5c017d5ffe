/** What the description of every node of this package says the same way. */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** A trigger's subtitle: its chosen events in words, e.g. "print job finished, card failed". */
export const EVENTS_SUBTITLE =
	'={{ ($parameter["events"] || []).map(e => e.replace(/([A-Z])/g, " $1").toLowerCase()).join(", ") }}';

/** An action node's subtitle: "get: cart". */
export const OPERATION_SUBTITLE = '={{ $parameter["operation"] + ": " + $parameter["resource"] }}';

/** The Resource selector of an action node, listing `resources` as the editor shows them. */
export function resourceSelector(
	resources: Array<{ name: string; value: string }>,
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources,
		default: defaultValue,
	};
}

/** A trigger's "Trigger On": its events, each item saying which one in its `event` field. */
export function triggerOn(events: INodePropertyOptions[], defaultEvent: string): INodeProperties {
	return {
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: events,
		default: [defaultEvent],
		description: 'What to be told about. Each item says which event it is in its "event" field.',
	};
}

/**
 * "Only Into …": the states into which a move is reported, e.g. Only Into Statuses for Print Job
 * Status Changed. Empty: every change.
 */
export function onlyInto(
	field: { displayName: string; name: string; event: string; description: string },
	options: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'multiOptions',
		displayOptions: { show: { events: [field.event] } },
		options,
		default: [],
		description: field.description,
	};
}

/** How every notice of an operation or switch that spends money begins. */
export const SPENDS_MONEY = 'This spends money.';

/**
 * The notice on the form of every operation, and under every switch, that spends money (Submit,
 * Submit After Creating, Add Funds, Check Out, Place the Order): the same orange box, said the
 * same way, wherever the decision is made.
 */
export function moneyNotice(
	name: string,
	what: string,
	show: NonNullable<IDisplayOptions['show']>,
): INodeProperties {
	return {
		displayName: `${SPENDS_MONEY} ${what}`,
		name,
		type: 'notice',
		default: '',
		displayOptions: { show },
	};
}

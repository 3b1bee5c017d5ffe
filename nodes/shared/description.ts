/** What the description of every node of this package says the same way. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

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

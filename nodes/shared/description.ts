/** What the description of every node of this package says the same way. */
import type { INodeProperties } from 'n8n-workflow';

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

/**
 * A value an item's preSend step hands to its postReceive step (a record read before it is
 * deleted, the checked plan of a one-step order). RoutingNode passes each item's one context
 * object to both, so it is the key; taking the value forgets it.
 */
export function itemHandOff<T>() {
	const values = new WeakMap<object, T>();
	return {
		put(context: object, value: T): void {
			values.set(context, value);
		},
		take(context: object): T | undefined {
			const value = values.get(context);
			values.delete(context);
			return value;
		},
	};
}

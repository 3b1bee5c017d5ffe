/**
 * Orders options by display name, for the editor's alphabetical lists built when n8n loads the
 * package. Not `localeCompare`: the first call in a process loads ICU's collation data, which
 * costs more than loading the rest of the package. For display names (letters, digits, spaces,
 * unique ignoring case) this is the same order.
 */
export function byDisplayName(a: { displayName: string }, b: { displayName: string }): number {
	const x = a.displayName.toLowerCase();
	const y = b.displayName.toLowerCase();
	return x < y ? -1 : x > y ? 1 : 0;
}

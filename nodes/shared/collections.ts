/**
 * Additional Fields and Update Fields, each one property for every operation that has it: n8n
 * resolves a parameter once per item for every property of its name (expressions inside a
 * collection included), so five copies cost five times. Each option is shown for the resources
 * it belongs to (`/resource`); an option two resources share is one option.
 */
import type { INodeProperties } from 'n8n-workflow';

import { byDisplayName } from './sort';

export type OptionsOf = Array<[resource: string, options: INodeProperties[]]>;

const DISPLAY_NAMES = { additionalFields: 'Additional Fields', updateFields: 'Update Fields' };

/**
 * One collection from the options of each resource, shown for those resources' `operations`.
 * Options of the same name must be the same field; where their words differ (description,
 * placeholder), `shared` gives the ones that fit all.
 */
export function oneCollection(
	name: keyof typeof DISPLAY_NAMES,
	operations: string[],
	optionsOf: OptionsOf,
	shared: Record<string, Pick<INodeProperties, 'description' | 'placeholder'>> = {},
): INodeProperties {
	const merged = new Map<string, { option: INodeProperties; resources: string[] }>();
	for (const [resource, options] of optionsOf) {
		for (const option of options) {
			const known = merged.get(option.name);
			if (!known) {
				merged.set(option.name, { option, resources: [resource] });
				continue;
			}
			const same = (o: INodeProperties) =>
				JSON.stringify({ ...o, description: undefined, placeholder: undefined });
			if (same(known.option) !== same(option)) {
				throw new Error(`${name}: two different options named ${option.name}`);
			}
			const worded = (o: INodeProperties) => `${o.description}|${o.placeholder}`;
			if (worded(known.option) !== worded(option) && !shared[option.name]) {
				throw new Error(`${name}: give one description for ${option.name}`);
			}
			if (!known.resources.includes(resource)) known.resources.push(resource);
		}
	}
	const options = [...merged.values()]
		.map(({ option, resources }) => ({
			...option,
			...shared[option.name],
			displayOptions: { show: { '/resource': resources } },
		}))
		.sort(byDisplayName);
	const resources = [...new Set(optionsOf.map(([resource]) => resource))];
	return {
		displayName: DISPLAY_NAMES[name],
		name,
		displayOptions: { show: { resource: resources, operation: operations } },
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

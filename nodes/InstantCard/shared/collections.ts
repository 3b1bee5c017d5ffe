/**
 * One "Update Fields" and one "Additional Fields" for all resources. n8n reads a parameter once
 * for every property of its name, on every item, expressions inside a collection included; so
 * the resources' collections are one property whose options each show for their own resource
 * (`'/resource'`). Option names never repeat across resources, so a saved value keeps its
 * shape and meaning.
 */
import type { INodeProperties } from 'n8n-workflow';

export function oneCollection(
	base: Pick<INodeProperties, 'displayName' | 'name' | 'placeholder'>,
	operation: string,
	optionsByResource: Record<string, INodeProperties[]>,
): INodeProperties {
	const options: INodeProperties[] = [];
	for (const [resource, resourceOptions] of Object.entries(optionsByResource)) {
		for (const option of resourceOptions) {
			if (options.some((known) => known.name === option.name)) {
				throw new Error(`${base.name}: the option ${option.name} of ${resource} is taken`);
			}
			options.push({ ...option, displayOptions: { show: { '/resource': [resource] } } });
		}
	}
	return {
		...base,
		type: 'collection',
		default: {},
		displayOptions: { show: { resource: Object.keys(optionsByResource), operation: [operation] } },
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

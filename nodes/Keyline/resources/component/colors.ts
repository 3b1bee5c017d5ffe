/**
 * The inks of a component's side. Keyline takes them as `Family/Name` strings (`CMYK/Cyan`,
 * `Pantone/83`, `custom/superdark`); here each is picked as a family and a name, CMYK from its
 * four process colors. An empty list clears a side, so it is sent only when asked for by name.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { refusal } from '../../../shared/validation';

export const CMYK_COLORS = ['Cyan', 'Magenta', 'Yellow', 'Black'] as const;
const SPOT_FAMILIES = ['HKS', 'Pantone', 'custom'] as const;
const UNPRINTED = 'none';

export function colorsOption(name: string, side: 'front' | 'back'): INodeProperties {
	const Side = side === 'front' ? 'Front' : 'Back';
	return {
		displayName: `${Side} Colors`,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Color',
		default: {},
		description: `The colors printed on the ${side}. They replace the current ones, so list all of them: e.g. CMYK "All Four" plus Pantone 83. To leave the ${side} unprinted, add one color with Family "No Colors (Unprinted)".`,
		options: [
			{
				displayName: 'Color',
				name: 'color',
				values: [
					{
						displayName: 'Family',
						name: 'family',
						type: 'options',
						options: [
							{ name: 'CMYK', value: 'CMYK', description: 'The four process colors' },
							{
								name: 'Custom',
								value: 'custom',
								description: 'A color the print shop knows by its name',
							},
							{ name: 'HKS', value: 'HKS', description: 'An HKS spot color, by its number' },
							{
								name: 'No Colors (Unprinted)',
								value: UNPRINTED,
								description: `Clears the colors: the ${side} stays unprinted. Cannot be combined with other colors.`,
							},
							{
								name: 'Pantone',
								value: 'Pantone',
								description: 'A Pantone spot color, by its number',
							},
						],
						default: 'CMYK',
					},
					{
						displayName: 'Process Color',
						name: 'processColor',
						type: 'options',
						options: [
							{ name: 'All Four (Cyan, Magenta, Yellow, Black)', value: 'all' },
							{ name: 'Black', value: 'Black' },
							{ name: 'Cyan', value: 'Cyan' },
							{ name: 'Magenta', value: 'Magenta' },
							{ name: 'Yellow', value: 'Yellow' },
						],
						default: 'all',
						description: 'Which of the four process colors: all four, or one of them',
						displayOptions: { show: { family: ['CMYK'] } },
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. 83',
						description:
							'The color within its family: its number for HKS (e.g. 43) or Pantone (e.g. 83), its name for a custom color (e.g. superdark)',
						displayOptions: { show: { family: [...SPOT_FAMILIES] } },
					},
				],
			},
		],
	};
}

/**
 * The side's colors as Keyline's strings, or [] for "No Colors (Unprinted)". A field added without
 * any color is refused: an empty list would clear the side without anyone asking for it.
 */
export function colorsValue(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string[] {
	const entries = (((value ?? {}) as IDataObject).color ?? []) as IDataObject[];
	const side = label.startsWith('Front') ? 'front' : 'back';
	if (!Array.isArray(entries) || entries.length === 0) {
		throw refusal(
			context,
			`${label} has no color`,
			`Add the ${side}'s colors. To clear them, add one color with Family "No Colors (Unprinted)". To keep them as they are, remove ${label}.`,
		);
	}
	if (entries.some((entry) => entry.family === UNPRINTED)) {
		if (entries.length > 1) {
			throw refusal(
				context,
				`${label}: "No Colors (Unprinted)" cannot be combined with other colors`,
				`Keep only "No Colors (Unprinted)" to clear the ${side}, or remove it to print the other colors.`,
			);
		}
		return [];
	}
	const colors: string[] = [];
	for (const [index, entry] of entries.entries()) {
		const family = String(entry.family ?? 'CMYK');
		const which = `${label}: color ${index + 1}`;
		if (family === 'CMYK') {
			const processColor = String(entry.processColor ?? 'all');
			if (processColor === 'all') colors.push(...CMYK_COLORS.map((c) => `CMYK/${c}`));
			else if ((CMYK_COLORS as readonly string[]).includes(processColor))
				colors.push(`CMYK/${processColor}`);
			else {
				throw refusal(
					context,
					`${which} is CMYK "${processColor.slice(0, 60)}", which is not a process color`,
					`CMYK has ${CMYK_COLORS.join(', ')}. Use Pantone, HKS or Custom for other colors.`,
				);
			}
		} else if ((SPOT_FAMILIES as readonly string[]).includes(family)) {
			const name = String(entry.name ?? '').trim();
			if (name === '') {
				throw refusal(
					context,
					`${which} (${family === 'custom' ? 'Custom' : family}) has no name`,
					'Enter the color within its family, e.g. 83 for Pantone 83, or remove the color.',
				);
			}
			colors.push(`${family}/${name}`);
		} else {
			throw refusal(
				context,
				`${which} has the family "${family.slice(0, 60)}", which Keyline does not know`,
				'Choose CMYK, HKS, Pantone or Custom.',
			);
		}
	}
	return [...new Set(colors)];
}

/** A Keyline component side's colors as Keyline's `Family/Name` strings (nodes/Keyline/resources/component/colors.ts). */
import { colorsValue } from '../../nodes/Keyline/resources/component/colors';
import { fakeContext, thrown } from './context';

const context = fakeContext() as unknown as Parameters<typeof colorsValue>[0];
const colors = (...color: Array<Record<string, unknown>>) =>
	colorsValue(context, { color }, 'Front Colors');

describe('colorsValue', () => {
	it('gives the four process colors for CMYK "All Four" (the default)', () => {
		expect(colors({ family: 'CMYK', processColor: 'all' })).toEqual([
			'CMYK/Cyan',
			'CMYK/Magenta',
			'CMYK/Yellow',
			'CMYK/Black',
		]);
		expect(colors({})).toEqual(['CMYK/Cyan', 'CMYK/Magenta', 'CMYK/Yellow', 'CMYK/Black']);
	});

	it('gives one process color, and spot colors by family and name, in the order given', () => {
		expect(
			colors(
				{ family: 'CMYK', processColor: 'Black' },
				{ family: 'Pantone', name: ' 83 ' },
				{ family: 'HKS', name: '43' },
				{ family: 'custom', name: 'superdark' },
			),
		).toEqual(['CMYK/Black', 'Pantone/83', 'HKS/43', 'custom/superdark']);
	});

	it('lists a color given twice once', () => {
		expect(
			colors({ family: 'CMYK', processColor: 'all' }, { family: 'CMYK', processColor: 'Cyan' }),
		).toEqual(['CMYK/Cyan', 'CMYK/Magenta', 'CMYK/Yellow', 'CMYK/Black']);
	});

	it('gives an empty list for "No Colors (Unprinted)"', () => {
		expect(colors({ family: 'none' })).toEqual([]);
	});

	it('refuses "No Colors" combined with other colors', () => {
		expect(
			thrown(() => colors({ family: 'none' }, { family: 'Pantone', name: '83' })).message,
		).toBe('Front Colors: "No Colors (Unprinted)" cannot be combined with other colors');
	});

	it('refuses a field added without any color, naming the side', () => {
		const error = thrown(() => colorsValue(context, {}, 'Back Colors'));
		expect(error.message).toBe('Back Colors has no color');
		expect(error.description).toBe(
			'Add the back\'s colors. To clear them, add one color with Family "No Colors (Unprinted)". To keep them as they are, remove Back Colors.',
		);
		expect(thrown(() => colorsValue(context, undefined, 'Front Colors')).message).toBe(
			'Front Colors has no color',
		);
	});

	it('refuses a spot color without a name, naming the color by its place', () => {
		expect(
			thrown(() => colors({ family: 'CMYK' }, { family: 'Pantone', name: '  ' })).message,
		).toBe('Front Colors: color 2 (Pantone) has no name');
		expect(thrown(() => colors({ family: 'custom' })).message).toBe(
			'Front Colors: color 1 (Custom) has no name',
		);
	});

	it('refuses a CMYK color that is not a process color, and a family Keyline does not know', () => {
		expect(thrown(() => colors({ family: 'CMYK', processColor: 'Orange' })).message).toBe(
			'Front Colors: color 1 is CMYK "Orange", which is not a process color',
		);
		expect(thrown(() => colors({ family: 'RAL', name: '3020' })).message).toBe(
			'Front Colors: color 1 has the family "RAL", which Keyline does not know',
		);
	});
});

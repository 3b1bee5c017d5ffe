/** A component's fields and its `component` body: Update and Place Order (One Step) share them. */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { nameValue, wholeNumber } from '../product/checks';
import { colorsOption, colorsValue } from './colors';
import { refusal } from '../../../shared/validation';

/** The fields a component can change, as options of a collection. */
export const componentFieldOptions: INodeProperties[] = [
	colorsOption('backColors', 'back'),
	{
		displayName: 'Closed Height (Millimeters)',
		name: 'closedHeight',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 0,
		placeholder: 'e.g. 210',
		description:
			'Height of the closed (folded) component in millimeters. Give Closed Width (Millimeters) with it.',
	},
	{
		displayName: 'Closed Width (Millimeters)',
		name: 'closedWidth',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 0,
		placeholder: 'e.g. 148',
		description:
			'Width of the closed (folded) component in millimeters. Give Closed Height (Millimeters) with it.',
	},
	colorsOption('frontColors', 'front'),
	{
		displayName: 'Grain',
		name: 'grain',
		type: 'options',
		options: [
			{
				name: 'Long Grain',
				value: 'long',
				description: 'The paper fibres run parallel to the long side (Schmalbahn)',
			},
			{
				name: 'Short Grain',
				value: 'short',
				description: 'The paper fibres run parallel to the short side (Breitbahn)',
			},
		],
		default: 'long',
		description: 'The direction of the paper fibres',
	},
	{
		displayName: 'Grammage (GSM)',
		name: 'grammage',
		type: 'number',
		typeOptions: { numberPrecision: 0 },
		default: 0,
		placeholder: 'e.g. 135',
		description: 'The paper weight in grams per square meter (g/m²), a whole number',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Umschlag',
		description: "The component's name, up to 200 characters",
	},
	{
		displayName: 'Paper Name',
		name: 'paperName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Arctic White',
		description: 'The paper to print on, up to 200 characters',
	},
];

const GRAINS = ['long', 'short'];

/** The `component` object from the fields above, each value checked before sending. */
export function componentBody(context: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const component: IDataObject = {};
	if (fields.name !== undefined) component.name = nameValue(context, fields.name, 'Name');
	if (fields.paperName !== undefined) {
		component.paper_name = nameValue(context, fields.paperName, 'Paper Name');
	}
	const hasWidth = fields.closedWidth !== undefined;
	const hasHeight = fields.closedHeight !== undefined;
	if (hasWidth !== hasHeight) {
		const [given, missing] = hasWidth ? ['Width', 'Height'] : ['Height', 'Width'];
		throw refusal(
			context,
			`Closed ${missing} (Millimeters) is missing: Keyline takes the closed dimensions as width and height together`,
			`Add Closed ${missing} (Millimeters) beside Closed ${given} (Millimeters), e.g. 148 × 210 for A5 portrait.`,
		);
	}
	if (hasWidth) {
		component.closed_dimensions = [
			wholeNumber(context, fields.closedWidth, 'Closed Width (Millimeters)', '148'),
			wholeNumber(context, fields.closedHeight, 'Closed Height (Millimeters)', '210'),
		];
	}
	if (fields.grain !== undefined) {
		if (!GRAINS.includes(String(fields.grain))) {
			throw refusal(
				context,
				`Grain must be long or short, not "${String(fields.grain).slice(0, 60)}"`,
				'Choose Long Grain or Short Grain.',
			);
		}
		component.grain = fields.grain;
	}
	if (fields.grammage !== undefined) {
		component.grammage = wholeNumber(context, fields.grammage, 'Grammage (GSM)', '135');
	}
	if (fields.frontColors !== undefined) {
		component.front_colors = colorsValue(context, fields.frontColors, 'Front Colors');
	}
	if (fields.backColors !== undefined) {
		component.back_colors = colorsValue(context, fields.backColors, 'Back Colors');
	}
	return component;
}

import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { EVENTS_SUBTITLE, onlyInto, triggerOn } from '../shared/description';
import { exclusive } from '../shared/polling';
import { ORDER_STATES, PRINT_DATA_FILE_STATES } from './orders';
import { pollChanges } from './poll';
import { sampleEvents } from './sample';
import { MAX_NAMED_ORDERS, readSettings } from './settings';

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export class KeylineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keyline Trigger',
		name: 'keylineTrigger',
		icon: { light: 'file:../../icons/keyline.svg', dark: 'file:../../icons/keyline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when a Keyline order or one of its print data files changes state, or a new order appears',
		defaults: { name: 'Keyline Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'keylineApi', required: true }],
		properties: [
			triggerOn(
				[
					{
						name: 'New Order',
						value: 'newOrder',
						description: 'An order appeared (only when watching all orders of the API key)',
					},
					{
						name: 'Order State Changed',
						value: 'orderStateChanged',
						description: 'An order moved to another state (all, or only the states chosen below)',
					},
					{
						name: 'Print Data File State Changed',
						value: 'printDataFileStateChanged',
						description:
							"A print data file of an order's product or component was added or moved to another state",
					},
				],
				'orderStateChanged',
			),
			onlyInto(
				{
					displayName: 'Only Into Order States',
					name: 'orderStates',
					event: 'orderStateChanged',
					description:
						'Report a state change only when the order moves into one of these. Leave empty for every change.',
				},
				ORDER_STATES.map((state) => ({ name: capitalized(state), value: state })),
			),
			onlyInto(
				{
					displayName: 'Only Into File States',
					name: 'fileStates',
					event: 'printDataFileStateChanged',
					description:
						'Report a print data file only when it moves into one of these. Leave empty for every change.',
				},
				PRINT_DATA_FILE_STATES.map((state) => ({
					name: capitalized(state).replace(/_/g, ' '),
					value: state,
				})),
			),
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Orders I Name',
						value: 'named',
						description: 'The orders entered below, by ID or reference',
					},
					{
						name: 'All Orders of the API Key',
						value: 'discover',
						description:
							'Every order this API key can read, found by trying order IDs upwards from a start (the Inbox API cannot list orders)',
					},
				],
				default: 'named',
			},
			{
				displayName: 'Orders',
				name: 'orders',
				type: 'string',
				displayOptions: { show: { watch: ['named'] } },
				default: '',
				// Checked when the trigger runs ("Orders is empty"), not marked required: n8n would
				// disable Fetch Test Event without saying which field is missing.
				placeholder: 'e.g. 14011, 14012, S28H7Q',
				description: `Order IDs or references (six letters and digits), separated by commas; at most ${MAX_NAMED_ORDERS}, each costs one request per poll. An expression may give a list. A reference made of digits only is read as an ID.`,
			},
			{
				displayName: 'Find References From Order ID',
				name: 'referenceSearchFrom',
				type: 'number',
				displayOptions: { show: { watch: ['named'] } },
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Only needed for references: the Inbox API cannot look an order up by reference, so the trigger tries order IDs upwards from this one until it has found each. Enter the ID of an order placed before them.',
			},
			{
				displayName: 'Start From Order ID',
				name: 'startOrderId',
				type: 'number',
				displayOptions: { show: { watch: ['discover'] } },
				typeOptions: { minValue: 1 },
				default: 1,
				required: true,
				description:
					'The ID of a recent order of this API key. Orders from here on are watched; IDs are tried upwards from it, a few per poll, so start close to the newest order.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing Orders',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether orders that already existed when the trigger started are reported when first seen, as if they were new. Off: they are only noted, and their changes are reported from then on.',
					},
					{
						displayName: 'Look-Ahead (Order IDs)',
						name: 'lookAhead',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 1000 },
						default: 50,
						description:
							"How far above the newest order found to look for the next one. Raise it when many other customers' orders come between yours.",
						displayOptions: { show: { '/watch': ['discover'] } },
					},
					{
						displayName: 'Order IDs Tried per Poll',
						name: 'probesPerPoll',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100 },
						default: 10,
						description:
							'Requests one poll may spend trying order IDs to find new orders (or named references)',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// Parameters are checked first, so "Fetch Test Event" shows a mistake too.
		const settings = readSettings(this);
		// "Fetch Test Event" in the editor: a sample, the saved state left alone.
		if (this.getMode() === 'manual') {
			return await sampleEvents(this, settings.events, settings.named, settings.start);
		}
		return await exclusive(this, async () => await pollChanges(this, settings));
	}
}

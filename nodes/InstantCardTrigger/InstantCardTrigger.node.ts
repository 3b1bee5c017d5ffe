import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { EVENTS_SUBTITLE, onlyInto, triggerOn } from '../shared/description';
import { PRINT_JOB_STATUSES } from '../InstantCard/resources/printJob/helpers';
import { exclusive, idList } from '../shared/polling';
import { pollChanges } from './poll';
import { sampleEvents } from './sample';

/** Cards whose print history one trigger may watch (one request each per poll). */
const MAX_WATCHED_CARDS = 100;

export class InstantCardTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InstantCard Trigger',
		name: 'instantCardTrigger',
		icon: {
			light: 'file:../../icons/instantcard.svg',
			dark: 'file:../../icons/instantcard.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when an InstantCard print job or card changes: created, status changed, finished, card printed or failed, print history changed',
		defaults: { name: 'InstantCard Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'instantCardApi', required: true }],
		properties: [
			triggerOn(
				[
					{
						name: 'Card Failed',
						value: 'cardFailed',
						description: 'A card of a print job could not be printed',
					},
					{
						name: 'Card Printed',
						value: 'cardPrinted',
						description: 'A card of a print job was printed and sent',
					},
					{
						name: 'Print History Changed',
						value: 'printHistoryChanged',
						description:
							'A watched card got a new print history entry, or an entry changed. A watched card that no longer exists is reported once (event "watchedCardNotFound").',
					},
					{
						name: 'Print Job Created',
						value: 'printJobCreated',
						description: 'A new print job appeared',
					},
					{
						name: 'Print Job Finished',
						value: 'printJobFinished',
						description: 'A print job reached Finished',
					},
					{
						name: 'Print Job Status Changed',
						value: 'printJobStatusChanged',
						description:
							'A print job moved to another status (all, or only the statuses chosen below)',
					},
				],
				'printJobStatusChanged',
			),
			onlyInto(
				{
					displayName: 'Only Into Statuses',
					name: 'statuses',
					event: 'printJobStatusChanged',
					description:
						'Report a status change only when the job moves into one of these. Leave empty for every change.',
				},
				PRINT_JOB_STATUSES.map((status) => ({ name: status.replace(/_/g, ' '), value: status })),
			),
			{
				displayName: 'Card IDs',
				name: 'cardIds',
				type: 'string',
				displayOptions: { show: { events: ['printHistoryChanged'] } },
				default: '',
				// Checked when the trigger runs ("Card IDs is empty"), not marked required: n8n would
				// disable Fetch Test Event without saying which field is missing.
				placeholder: 'e.g. 264561, 264562',
				description: `The cards whose print history to watch, separated by commas (at most ${MAX_WATCHED_CARDS}; each costs one request per poll). An expression may give a list.`,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Existing on First Poll',
						name: 'emitExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation reports what exists already, as if it were new. Off: it only notes how things are, and reports changes from then on.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as string[];
		if (events.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Choose at least one event under Trigger On');
		}
		const historyWanted = events.includes('printHistoryChanged');
		const cardIds = historyWanted
			? idList(
					this,
					this.getNodeParameter('cardIds', ''),
					'Card IDs',
					'264561, 264562',
					MAX_WATCHED_CARDS,
				)
			: [];
		if (historyWanted && cardIds.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Card IDs is empty', {
				description:
					'Enter the IDs of the cards whose print history to watch, e.g. 264561, 264562.',
			});
		}
		// "Fetch Test Event" in the editor: a sample, the saved state left alone.
		if (this.getMode() === 'manual') return await sampleEvents(this, events, cardIds);
		return await exclusive(this, async () => await pollChanges(this, events, cardIds));
	}
}

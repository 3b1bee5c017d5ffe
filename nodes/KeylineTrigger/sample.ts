/**
 * "Fetch Test Event": one item per chosen event, built from a real order when one can be read
 * (the first named, else the discovery's start), else from the example order of Keyline's
 * documentation (saying so when a named order was not found). Same shape as real events, each
 * marked `sample: true` with a note; the saved state is neither read nor changed.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { PollOutcome } from '../shared/polling';
import { getOrder } from './discovery';
import { orderOf } from './orders';

/** The address of Keyline's documented example order (billing and delivery alike). */
const EXAMPLE_ADDRESS = {
	addressee: 'Keyline\r\nc/o Crispy Mountain GmbH',
	street: 'Emmerich-Josef-Str.',
	number: '1a',
	addition: 'Hinterhaus',
	zip_code: '55116',
	town: 'Mainz',
	country_code: 'DE',
};

/** The documentation's example order (GET /orders/{id}), unwrapped. */
const EXAMPLE_ORDER = {
	order: {
		id: 14014,
		due_at: '2017-11-09T17:00:00.000+01:00',
		custom_offer_text: 'Special Offer',
		reference: 'S28H7Q',
		state: 'confirmed',
		updated_at: '2017-11-03T16:46:10.317+01:00',
		created_at: '2017-11-03T15:24:05.173+01:00',
		custom_references: { PO: 7891234 },
		carrier: { id: 43, name: 'Paket DHL' },
		delivery_address: { ...EXAMPLE_ADDRESS },
		recipient: { first_name: 'Bran', name: 'Starko', email: 'bs@stark.com', phone: '+441123123' },
		billing_address: { ...EXAMPLE_ADDRESS },
		products: [
			{
				product: {
					id: 21219,
					reference: 'GVESNT',
					name: 'Aufkleber',
					circulation_sum: 1000,
					net_total: { cent_amount: 14128, currency: 'EUR' },
					custom_references: { PO: 7891234 },
					components: [],
					variants: [{ variant: { id: 44163, name: 'Standard', circulation: 1000 } }],
					updated_at: '2017-11-03T16:46:03.899+01:00',
					created_at: '2017-11-03T16:46:03.899+01:00',
				},
			},
		],
		print_data_files: [
			{
				print_data_file: {
					id: 880,
					product_id: 21219,
					component_id: null,
					kind: 'original',
					state: 'processing',
					uri: 'https://example.com/print-data/GVESNT.pdf',
					filesize: 123467,
					first_page: null,
					last_page: null,
					created_at: '2017-09-08T14:20:57.183+02:00',
					updated_at: '2017-09-08T14:20:57.183+02:00',
				},
			},
		],
	},
};

const ORDER_PATH = ['draft', 'confirmed', 'completed', 'archived'];
const FILE_PATH = ['newly_uploaded', 'processing', 'processed'];
const before = (path: string[], state: string) => {
	const at = path.indexOf(state);
	return at > 0 ? path[at - 1] : null;
};

export async function sampleEvents(
	context: IPollFunctions,
	events: string[],
	named: { ids: number[] } | undefined,
	start: number,
): Promise<INodeExecutionData[][]> {
	const { order, note } = await sampleOrder(context, named, start);
	const outcome = new PollOutcome();
	for (const event of events) {
		if (event === 'printDataFileStateChanged') emitFileSample(outcome, order);
		else emitOrderSample(outcome, event, order);
	}
	return [outcome.markSamples(note)];
}

/**
 * The order samples are built from, and a note saying which: a real one where it can be read,
 * so the fields mapped are the user's own; else the documentation's example.
 */
async function sampleOrder(
	context: IPollFunctions,
	named: { ids: number[] } | undefined,
	start: number,
): Promise<{ order: IDataObject; note: string }> {
	const id = named ? named.ids[0] : start;
	const answer = id ? await getOrder(context, id) : undefined;
	const found = !!answer && answer.status !== 404;
	const order = orderOf(found ? answer.body : EXAMPLE_ORDER);
	const note = found
		? `A sample to map fields with, built from order ${id}: not a real event.`
		: id
			? `Order ${id} was not found for this API key (Keyline answered 404): this sample is the example order from Keyline's documentation, to map fields with. Check the order ID${named ? ' under Orders' : ''}.`
			: "A sample to map fields with, built from the example order of Keyline's documentation: not a real event.";
	return { order, note };
}

const referenceOf = (record: IDataObject | undefined) =>
	typeof record?.reference === 'string' ? record.reference : null;

/** The order's first file (an order without files borrows the example's), as a file event. */
function emitFileSample(outcome: PollOutcome, order: IDataObject): void {
	const files = (order.print_data_files as IDataObject[] | undefined) ?? [];
	const file = files[0] ?? (orderOf(EXAMPLE_ORDER).print_data_files as IDataObject[])[0];
	const products = (order.products as IDataObject[] | undefined) ?? [];
	const product = products.find((p) => p.id === file.product_id);
	outcome.emit(
		{
			event: 'printDataFileStateChanged',
			resource: 'printDataFile',
			id: Number(file.id),
			reference: referenceOf(product),
			previousState: before(FILE_PATH, String(file.state)),
			state: String(file.state),
		},
		{
			orderId: Number(order.id),
			orderReference: referenceOf(order),
			productId: file.product_id ?? null,
			componentId: file.component_id ?? null,
			printDataFile: file,
			order,
		},
	);
}

/** An order event; its previous state is the one before on the usual path. */
function emitOrderSample(outcome: PollOutcome, event: string, order: IDataObject): void {
	const state = String(order.state);
	outcome.emit(
		{
			event,
			resource: 'order',
			id: Number(order.id),
			reference: referenceOf(order),
			previousState: event === 'newOrder' ? null : before(ORDER_PATH, state),
			state,
		},
		{ order },
	);
}

/**
 * Finding orders nobody named. The Inbox API has no list of orders, only `GET /orders/{id}`, and
 * order IDs are given out in ascending order across all of the print shop's customers: an ID
 * this API key may not read (another customer's order, or one not placed yet) answers 404 alike.
 *
 * So the trigger probes IDs, a bounded number per poll:
 * - `known` is the highest ID found so far. IDs above it are probed in a look-ahead window: the
 *   first few every poll (a new order is most likely just above the last one), the rest of the
 *   window in turns, so a run of other customers' orders does not hide the next one of ours.
 * - A hit at `h` proves every ID below `h` was given out before it. Each such ID not settled yet
 *   is probed once more after the hit: a 404 then is final (not ours), an order then is found.
 *   `verified` is the highest ID up to which every ID is settled.
 *
 * Limits (documented in the README): an order of ours lying further above the newest one than
 * the look-ahead window is not found until an order within the window is; a new order is found
 * within (window ÷ probes per poll) polls at worst; an ID whose order is still being written when
 * probed after a higher one was found is taken as not ours.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { KEYLINE } from '../Keyline/shared/api';
import { keylineResponse } from '../Keyline/shared/call';
import { shapeOrder } from '../Keyline/resources/order/orderOutput';
import { notTheApisAnswer } from '../shared/errors';

export interface ScanState extends IDataObject {
	/** The Start From Order ID the scan was set up with: another value starts the scan over. */
	start: number;
	/** Every ID up to here is settled. */
	verified: number;
	/** The highest ID found. */
	known: number;
	/** Where the turns through the far part of the window stand. */
	rotor: number;
}

export function newScan(start: number): ScanState {
	return { start, verified: start - 1, known: start - 1, rotor: 0 };
}

export interface ScanLimits {
	/** Requests one poll may spend. */
	probes: number;
	/** IDs above the newest order that are probed. */
	lookAhead: number;
}

export interface OrderAnswer {
	id: number;
	/** 200 or 404; anything else throws. */
	status: number;
	body: unknown;
	/** The answer's Date header: the server's clock. */
	date?: string;
}

/**
 * `GET /orders/{id}`. A 404 is an answer here (not this key's order, or none yet), so it comes
 * back with its Date header instead of as an error; other failures throw in Keyline's words.
 */
export async function getOrder(context: IPollFunctions, id: number): Promise<OrderAnswer> {
	const path = `/orders/${id}`;
	const response = await keylineResponse(context, { method: 'GET', path }, [404]);
	if (response.statusCode < 300) {
		// An order without its ID or state is a failed read, never an order in state "".
		const order = shapeOrder(response.body);
		if (Number(order.id) !== id || typeof order.state !== 'string' || !order.state.trim()) {
			throw notTheApisAnswer(
				context,
				KEYLINE,
				{ method: 'GET', url: path },
				{
					status: response.statusCode,
					kind: 'JSON that is not this order (no ID or state)',
					expected: 'order',
					body: response.body,
				},
			);
		}
	}
	const date = response.headers?.date;
	return {
		id,
		status: response.statusCode,
		body: response.body,
		date: typeof date === 'string' ? date : undefined,
	};
}

/**
 * Probes within `limits`, changing `scan` in place as each probe settles, and hands every order
 * found to `onFound` in the order found. A failed probe (anything but 404) ends the scan there
 * and is returned: what was settled before it stands.
 */
export async function scanOrders(
	context: IPollFunctions,
	scan: ScanState,
	limits: ScanLimits,
	onFound: (found: OrderAnswer) => void,
	onAnswer: (answer: OrderAnswer) => void = () => {},
): Promise<{ probes: number; error?: Error }> {
	let probes = 0;
	const probe = async (id: number): Promise<OrderAnswer | undefined> => {
		probes++;
		const answer = await getOrder(context, id);
		onAnswer(answer);
		return answer.status === 404 ? undefined : answer;
	};
	try {
		while (probes < limits.probes) {
			if (scan.verified < scan.known) {
				const id = scan.verified + 1;
				if (id < scan.known) {
					const found = await probe(id);
					if (found) onFound(found);
				}
				scan.verified = id;
				continue;
			}
			const head = Math.max(1, Math.min(Math.ceil(limits.probes / 2), limits.lookAhead));
			const far = limits.lookAhead - head;
			let hit = false;
			for (let i = 0; probes < limits.probes && i < head + far; i++) {
				let id: number;
				if (i < head) id = scan.known + 1 + i;
				else {
					id = scan.known + 1 + head + (scan.rotor % far);
					scan.rotor = (scan.rotor + 1) % far;
				}
				const found = await probe(id);
				if (found) {
					onFound(found);
					scan.known = id;
					hit = true;
					break;
				}
			}
			if (!hit) break;
		}
	} catch (error) {
		return { probes, error: error as Error };
	}
	return { probes };
}

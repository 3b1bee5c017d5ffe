/**
 * Place Order (One Step): the declarative request creates the cart (its preSend checks every
 * input first); its postReceive fills the cart step by step, validates it and, only when Place
 * the Order is on and Keyline finds the cart complete, checks it out once.
 *
 * Order of the steps: customer before recipient (Keyline refuses a recipient on a cart without
 * a customer), then carrier, addresses, each product with its variants, component changes and
 * print data files, then GET /checkout, then POST /checkout. A failing step stops the item with
 * the step's name and the cart's ID: the cart is kept, so nothing entered is lost.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError, toApiError } from '../../../shared/errors';
import { createdEarlier, isMoneyOutcome, noteCreated } from '../../../shared/money';
import { KEYLINE, sendRequest } from '../../shared/api';
import { keylineRequest, keylineResponse, type KeylineRequest } from '../../shared/call';
import { unwrap } from '../../shared/output';
import { checkOutCartOnce, placedOrder } from '../cart/checkout';
import { checkoutReport } from '../cart/validate';
import type { ComponentRef, OrderPlan } from './placeOrderPlan';
import { readOrderPlan } from './placeOrderPlan';
import { sumNetTotals } from './orderOutput';
import { itemHandOff } from '../../../shared/handOff';
import { isRecord } from '../../../shared/validation';

/** The checked plan of each item, from its preSend to its postReceive (one context per item). */
const plans = itemHandOff<OrderPlan>();

/** preSend of POST /carts: checks everything, then sends the cart's own fields. */
export async function planPlaceOrder(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const plan = readOrderPlan(this);
	plans.put(this, plan);
	options.body = Object.keys(plan.cart).length ? { cart: plan.cart } : {};
	return options;
}

interface CartRef {
	id: number;
	reference: unknown;
}

function keptDescription(cart: CartRef): string {
	return `Cart ${cart.id} (reference ${String(cart.reference)}) holds everything up to this step and was kept, so nothing is lost: fix the cause, then finish it with the Cart operations and Cart → Check Out, or remove it with Cart → Delete. Running this node again builds a new cart.`;
}

/** A failed step, named, with the cart that was kept. */
function stepFailed(context: IExecuteSingleFunctions, step: string, cart: CartRef, error: unknown) {
	const { message, description } = error as { message?: string; description?: string | null };
	return new NodeOperationError(
		context.getNode(),
		`${step} failed (cart ${cart.id} kept): ${message ?? String(error)}`,
		{
			itemIndex: context.getItemIndex(),
			description: `${description ? `${description} ` : ''}${keptDescription(cart)}`,
		},
	);
}

/** The checkout may have gone through even though no answer said so: say how to find out. */
function checkoutFailed(context: IExecuteSingleFunctions, cart: CartRef, error: unknown) {
	const { message, description, httpCode } = error as {
		message?: string;
		description?: string | null;
		httpCode?: string | null;
	};
	const refused = httpCode !== undefined && httpCode !== null && /^4\d\d$/.test(httpCode);
	const next = refused
		? `Nothing was ordered. ${keptDescription(cart)}`
		: `It is not certain whether the order was placed. Before trying again, run Cart → Get for cart ${cart.id}: a checked-out cart gives its order ID. Do not simply run this node again: it builds a new cart and could order twice.`;
	return new NodeOperationError(
		context.getNode(),
		`Checking out failed (cart ${cart.id}): ${message ?? String(error)}`,
		{
			itemIndex: context.getItemIndex(),
			description: `${description ? `${description} ` : ''}${next}`,
		},
	);
}

const componentLabel = (ref: ComponentRef) =>
	'position' in ref ? `component ${ref.position}` : `component "${ref.name}"`;

/** The component a position or name points at, among those the new product has. */
function findComponent(
	product: IDataObject,
	ref: ComponentRef,
	productNumber: number,
): IDataObject {
	const components = (Array.isArray(product.components) ? product.components : []).filter(isRecord);
	const found =
		'position' in ref
			? components[ref.position - 1]
			: components.find(
					(c) =>
						String(c.name ?? '')
							.trim()
							.toLowerCase() === ref.name.toLowerCase(),
				);
	if (!found || found.id === undefined) {
		const has = components.map((c, i) => `${i + 1} "${String(c.name)}"`).join(', ') || 'none';
		throw new Error(
			`product ${productNumber} (${String(product.name)}) has no ${componentLabel(ref)}; its components are: ${has}`,
		);
	}
	return found;
}

/** postReceive of POST /carts: every other step. */
export async function completePlaceOrder(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		const error = toApiError(
			this,
			KEYLINE,
			{
				response: {
					status: response.statusCode,
					data: response.body,
					headers: response.headers as IDataObject,
				},
			},
			{ method: 'POST', url: '/carts' },
		) as NodeOperationError;
		throw new NodeOperationError(this.getNode(), `Creating the cart failed: ${error.message}`, {
			itemIndex: this.getItemIndex(),
			description: `${error.description ?? ''} Nothing was created.`.trim(),
		});
	}
	const plan = plans.take(this) ?? readOrderPlan(this);
	const created = unwrap(response.body);
	const id = isRecord(created) ? Number(created.id) : NaN;
	if (!Number.isSafeInteger(id) || id < 1) {
		throw new NodeOperationError(this.getNode(), 'Keyline answered the new cart without its ID', {
			itemIndex: this.getItemIndex(),
			description: 'Nothing else was sent. Look for the new cart in Keyline, or try again.',
		});
	}
	const cart: CartRef = { id, reference: (created as IDataObject).reference };
	const base = `/carts/${id}`;

	const send = async (step: string, request: KeylineRequest): Promise<unknown> => {
		try {
			return unwrap(await keylineRequest(this, request));
		} catch (error) {
			throw stepFailed(this, step, cart, error);
		}
	};

	await send('Setting the customer', {
		method: 'POST',
		path: `${base}/customer`,
		body: { customer: { id: plan.customerId } },
	});
	await send('Setting the recipient', {
		method: 'POST',
		path: `${base}/recipient`,
		body: { recipient: plan.recipient },
	});
	await send('Setting the carrier', {
		method: 'POST',
		path: `${base}/carrier`,
		body: { carrier: { id: plan.carrierId } },
	});
	await send('Setting the billing address', {
		method: 'POST',
		path: `${base}/billing_address`,
		body: { billing_address: plan.billingAddress },
	});
	await send('Setting the delivery address', {
		method: 'POST',
		path: `${base}/delivery_address`,
		body: { delivery_address: plan.deliveryAddress },
	});

	for (const [index, spec] of plan.products.entries()) {
		const n = index + 1;
		// `send` gives the answer unwrapped: the product itself.
		const product = (await send(`Adding product ${n}`, {
			method: 'POST',
			path: `${base}/products`,
			body: { product: spec.body },
		})) as IDataObject;
		const path = `${base}/products/${String(product.id)}`;

		// A new product comes with Keyline's default variant: the first variant given takes it over.
		const existing = (Array.isArray(product.variants) ? product.variants : []).filter(isRecord);
		for (const [i, variant] of spec.variants.entries()) {
			const current = existing[i];
			if (current) {
				await send(`Setting variant ${i + 1} of product ${n}`, {
					method: 'PATCH',
					path: `${path}/variants/${String(current.id)}`,
					body: { variant: { ...variant } },
				});
			} else {
				await send(`Adding variant ${i + 1} of product ${n}`, {
					method: 'POST',
					path: `${path}/variants`,
					body: { variant: { ...variant } },
				});
			}
		}
		if (spec.variants.length > 0) {
			for (const extra of existing.slice(spec.variants.length)) {
				await send(`Removing the template's variant "${String(extra.name)}" of product ${n}`, {
					method: 'DELETE',
					path: `${path}/variants/${String(extra.id)}`,
				});
			}
		}

		const component = (ref: ComponentRef, step: string) => {
			try {
				return findComponent(product, ref, n);
			} catch (error) {
				throw stepFailed(this, step, cart, error);
			}
		};
		for (const change of spec.components) {
			const step = `Changing ${componentLabel(change.ref)} of product ${n}`;
			const target = component(change.ref, step);
			await send(step, {
				method: 'PATCH',
				path: `${path}/components/${String(target.id)}`,
				body: { component: change.changes },
			});
		}
		for (const [i, file] of spec.files.entries()) {
			const where = file.component ? ` to ${componentLabel(file.component)}` : '';
			const step = `Adding print data file ${i + 1}${where} of product ${n}`;
			const filesPath = file.component
				? `${path}/components/${String(component(file.component, step).id)}/print_data_files`
				: `${path}/print_data_files`;
			await send(step, { method: 'POST', path: filesPath, body: { print_data_file: file.body } });
		}
	}

	let validation;
	try {
		validation = await keylineResponse(this, { method: 'GET', path: `${base}/checkout` }, [422]);
	} catch (error) {
		throw stepFailed(this, 'Validating the cart', cart, error);
	}
	const { ready, missing, errors } = checkoutReport(validation);

	if (!plan.placeTheOrder) {
		const listed = await send("Reading the cart's products", {
			method: 'GET',
			path: `${base}/products`,
		});
		const products = (Array.isArray(listed) ? listed : []).filter(isRecord);
		return [
			{
				json: {
					cart_id: cart.id,
					cart_reference: cart.reference as string,
					placed: false,
					ready,
					missing,
					errors,
					products,
					net_total: sumNetTotals(products),
				},
			},
		];
	}

	if (errors.length > 0) {
		const said = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
		throw new NodeOperationError(
			this.getNode(),
			`Cart ${cart.id} was built but not ordered: Keyline says ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
			{
				itemIndex: this.getItemIndex(),
				description: `Keyline's check of the cart: ${said}. Nothing was ordered. ${keptDescription(cart)} Cart → Validate tells when it is complete.`,
			},
		);
	}

	noteCreated(this, CART_TO_ORDER, JSON.stringify(cart));
	return await checkOutOnce(this, cart);
}

/** The cart an item's one-step order built and was checking out, for a retry of the node. */
const CART_TO_ORDER = 'keyline:placeOrderCart';

/**
 * The checkout: sent once (the 301 is not followed); an unclear failure is read back from the
 * cart (see `spendOnce`); a clear refusal keeps the cart and says so.
 */
async function checkOutOnce(
	context: IExecuteSingleFunctions,
	cart: CartRef,
): Promise<INodeExecutionData[]> {
	const checkoutPath = `/carts/${cart.id}/checkout`;
	let placed;
	try {
		placed = await checkOutCartOnce(
			context,
			String(cart.id),
			async () =>
				placedOrder(
					Number(cart.id),
					await keylineResponse(context, { method: 'POST', path: checkoutPath }),
				),
			(order) => order,
		);
	} catch (error) {
		if (isMoneyOutcome(error)) throw asNodeError(context, error);
		throw checkoutFailed(context, cart, error);
	}
	return [{ json: { ...placed, cart_reference: (cart.reference as string) ?? null } }];
}

/**
 * The node's request path for Place Order. A retry of the node (Retry On Fail) after the item
 * reached its checkout does not build another cart: it goes on with the cart it built, whose
 * checkout it reads back before sending anything, so nothing is ordered twice.
 */
export async function placeOrderOnce(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const earlier = createdEarlier(this, CART_TO_ORDER);
	if (earlier === undefined) return await sendRequest.call(this, requestData);
	return await checkOutOnce(this, JSON.parse(earlier) as CartRef);
}

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
import type {
	ComponentPlan,
	ComponentRef,
	FilePlan,
	OrderPlan,
	ProductPlan,
} from './placeOrderPlan';
import { readOrderPlan } from './placeOrderPlan';
import { sumNetTotals } from './orderOutput';
import { itemHandOff } from '../../../shared/handOff';
import { isRecord } from '../../../shared/validation';

/** The checked plan of each item, from its preSend to its postReceive (one context per item). */
const plans = itemHandOff<OrderPlan>();

/** preSend of POST /carts: checks everything; the POST has no body (the cart's fields follow). */
export async function planPlaceOrder(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const plan = readOrderPlan(this);
	plans.put(this, plan);
	delete options.body;
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

/**
 * postReceive of POST /carts: every other step, in the order Keyline accepts them (customer
 * before recipient), each failure naming its step and keeping the cart.
 */
export async function completePlaceOrder(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	refuseFailedCreation(this, response);
	const plan = plans.take(this) ?? readOrderPlan(this);
	const build = startBuild(this, plan, response);

	await setCartFields(build);
	await setCustomer(build);
	await setRecipient(build);
	await setCarrier(build);
	await setAddresses(build);
	for (const [index, product] of plan.products.entries()) {
		await addProduct(build, product, index + 1);
	}

	const report = await validateCart(build);
	if (!plan.placeTheOrder) return await reportCart(build, report);
	refuseIncompleteCart(build, report);
	// Noted before the checkout is sent: a retry of the node goes on with this cart.
	noteCreated(this, CART_TO_ORDER, JSON.stringify(build.cart));
	return await checkOutOnce(this, build.cart);
}

/** One item's cart while it is built: what every step needs. */
interface CartBuild {
	context: IExecuteSingleFunctions;
	plan: OrderPlan;
	cart: CartRef;
	/** `/carts/{id}`: the path every step's request starts with. */
	base: string;
}

/** A product just added to the cart, as Keyline answered it. */
interface AddedProduct {
	/** The answer, unwrapped: the product with its components and template variants. */
	product: IDataObject;
	/** 1 = first, as the step names say it. */
	number: number;
	/** `/carts/{id}/products/{productId}`. */
	path: string;
}

type CheckoutReport = ReturnType<typeof checkoutReport>;

/** POST /carts was refused: nothing exists yet, so there is no cart to keep. */
function refuseFailedCreation(context: IExecuteSingleFunctions, response: IN8nHttpFullResponse) {
	if (response.statusCode < 400) return;
	const error = toApiError(
		context,
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
	throw new NodeOperationError(context.getNode(), `Creating the cart failed: ${error.message}`, {
		itemIndex: context.getItemIndex(),
		description: `${error.description ?? ''} Nothing was created.`.trim(),
	});
}

/** The new cart from Keyline's answer; without its ID no other step can be sent. */
function startBuild(
	context: IExecuteSingleFunctions,
	plan: OrderPlan,
	response: IN8nHttpFullResponse,
): CartBuild {
	const created = unwrap(response.body);
	const id = isRecord(created) ? Number(created.id) : NaN;
	if (!Number.isSafeInteger(id) || id < 1) {
		throw new NodeOperationError(
			context.getNode(),
			'Keyline answered the new cart without its ID',
			{
				itemIndex: context.getItemIndex(),
				description: 'Nothing else was sent. Look for the new cart in Keyline, or try again.',
			},
		);
	}
	const cart: CartRef = { id, reference: (created as IDataObject).reference };
	return { context, plan, cart, base: `/carts/${id}` };
}

/** One step's request; its answer unwrapped. A failure names the step and keeps the cart. */
async function send(build: CartBuild, step: string, request: KeylineRequest): Promise<unknown> {
	try {
		return unwrap(await keylineRequest(build.context, request));
	} catch (error) {
		throw stepFailed(build.context, step, build.cart, error);
	}
}

/** The offer text, due date and custom references, with the documented cart update. */
async function setCartFields(build: CartBuild): Promise<void> {
	if (Object.keys(build.plan.cart).length === 0) return;
	await send(build, 'Setting the offer text, due date and custom references', {
		method: 'PATCH',
		path: build.base,
		body: { cart: build.plan.cart },
	});
}

async function setCustomer(build: CartBuild): Promise<void> {
	await send(build, 'Setting the customer', {
		method: 'POST',
		path: `${build.base}/customer`,
		body: { customer: { id: build.plan.customerId } },
	});
}

async function setRecipient(build: CartBuild): Promise<void> {
	await send(build, 'Setting the recipient', {
		method: 'POST',
		path: `${build.base}/recipient`,
		body: { recipient: build.plan.recipient },
	});
}

async function setCarrier(build: CartBuild): Promise<void> {
	await send(build, 'Setting the carrier', {
		method: 'POST',
		path: `${build.base}/carrier`,
		body: { carrier: { id: build.plan.carrierId } },
	});
}

async function setAddresses(build: CartBuild): Promise<void> {
	await send(build, 'Setting the billing address', {
		method: 'POST',
		path: `${build.base}/billing_address`,
		body: { billing_address: build.plan.billingAddress },
	});
	await send(build, 'Setting the delivery address', {
		method: 'POST',
		path: `${build.base}/delivery_address`,
		body: { delivery_address: build.plan.deliveryAddress },
	});
}

/** Product `number` (1 = first): the product, then its variants, component changes and files. */
async function addProduct(build: CartBuild, spec: ProductPlan, number: number): Promise<void> {
	const product = (await send(build, `Adding product ${number}`, {
		method: 'POST',
		path: `${build.base}/products`,
		body: { product: spec.body },
	})) as IDataObject;
	const added: AddedProduct = {
		product,
		number,
		path: `${build.base}/products/${String(product.id)}`,
	};
	await setVariants(build, added, spec.variants);
	await changeComponents(build, added, spec.components);
	await addPrintDataFiles(build, added, spec.files);
}

/**
 * A new product comes with its template's variants: the variants given take them over in order,
 * and the template's variants left over are removed (none given: the template's stay).
 */
async function setVariants(
	build: CartBuild,
	added: AddedProduct,
	variants: IDataObject[],
): Promise<void> {
	const { product, number: n, path } = added;
	const existing = (Array.isArray(product.variants) ? product.variants : []).filter(isRecord);
	for (const [i, variant] of variants.entries()) {
		const current = existing[i];
		if (current) {
			await send(build, `Setting variant ${i + 1} of product ${n}`, {
				method: 'PATCH',
				path: `${path}/variants/${String(current.id)}`,
				body: { variant: { ...variant } },
			});
		} else {
			await send(build, `Adding variant ${i + 1} of product ${n}`, {
				method: 'POST',
				path: `${path}/variants`,
				body: { variant: { ...variant } },
			});
		}
	}
	if (variants.length === 0) return;
	for (const extra of existing.slice(variants.length)) {
		await send(build, `Removing the template's variant "${String(extra.name)}" of product ${n}`, {
			method: 'DELETE',
			path: `${path}/variants/${String(extra.id)}`,
		});
	}
}

async function changeComponents(
	build: CartBuild,
	added: AddedProduct,
	changes: ComponentPlan[],
): Promise<void> {
	for (const change of changes) {
		const step = `Changing ${componentLabel(change.ref)} of product ${added.number}`;
		const target = componentOf(build, added, change.ref, step);
		await send(build, step, {
			method: 'PATCH',
			path: `${added.path}/components/${String(target.id)}`,
			body: { component: change.changes },
		});
	}
}

/** Each file goes to the whole product, or to the component it names. */
async function addPrintDataFiles(
	build: CartBuild,
	added: AddedProduct,
	files: FilePlan[],
): Promise<void> {
	for (const [i, file] of files.entries()) {
		const where = file.component ? ` to ${componentLabel(file.component)}` : '';
		const step = `Adding print data file ${i + 1}${where} of product ${added.number}`;
		const filesPath = file.component
			? `${added.path}/components/${String(componentOf(build, added, file.component, step).id)}/print_data_files`
			: `${added.path}/print_data_files`;
		await send(build, step, {
			method: 'POST',
			path: filesPath,
			body: { print_data_file: file.body },
		});
	}
}

/** The component a step is about; one the product lacks fails that step (cart kept). */
function componentOf(
	build: CartBuild,
	added: AddedProduct,
	ref: ComponentRef,
	step: string,
): IDataObject {
	try {
		return findComponent(added.product, ref, added.number);
	} catch (error) {
		throw stepFailed(build.context, step, build.cart, error);
	}
}

/** GET /checkout: its 422 is Keyline's list of what the cart lacks, not a failure. */
async function validateCart(build: CartBuild): Promise<CheckoutReport> {
	let validation;
	try {
		validation = await keylineResponse(
			build.context,
			{ method: 'GET', path: `${build.base}/checkout` },
			[422],
		);
	} catch (error) {
		throw stepFailed(build.context, 'Validating the cart', build.cart, error);
	}
	return checkoutReport(validation);
}

/** Place the Order off: the cart as built, Keyline's check of it, its products and their total. */
async function reportCart(
	build: CartBuild,
	{ ready, missing, errors }: CheckoutReport,
): Promise<INodeExecutionData[]> {
	const listed = await send(build, "Reading the cart's products", {
		method: 'GET',
		path: `${build.base}/products`,
	});
	const products = (Array.isArray(listed) ? listed : []).filter(isRecord);
	return [
		{
			json: {
				id: build.cart.id,
				cart_id: build.cart.id,
				cart_reference: build.cart.reference as string,
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

/** Place the Order on but Keyline finds the cart incomplete: nothing is sent, the cart is kept. */
function refuseIncompleteCart(build: CartBuild, { missing, errors }: CheckoutReport): void {
	if (errors.length === 0) return;
	const { context, cart } = build;
	const said = errors.map((error) => `${error.field}: ${error.message}`).join('; ');
	const english = errors
		.map((error) => `${error.field}: ${'message_en' in error ? error.message_en : error.message}`)
		.join('; ');
	throw new NodeOperationError(
		context.getNode(),
		`Cart ${cart.id} was built but not ordered: Keyline says ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
		{
			itemIndex: context.getItemIndex(),
			description: `Keyline's check of the cart: ${said}.${english !== said ? ` In English: ${english}.` : ''} Nothing was ordered. ${keptDescription(cart)} Cart → Validate tells when it is complete.`,
		},
	);
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

/** Additional Fields and Update Fields of every Keyline operation that has them (see oneCollection). */
import { oneCollection } from '../../shared/collections';
import { cartFieldOptions } from './cart/fields';
import { componentFieldOptions } from './component/fields';
import { optionalFileFields, updateFileFields } from './printDataFile/fields';
import { productFieldOptions } from './product/fields';
import { PHONE_FIELD } from './recipient/contact';
import { withClearOption } from '../shared/update';
import { VARIANT_CIRCULATION, VARIANT_NAME } from './variant/fields';

export const additionalFields = oneCollection(
	'additionalFields',
	['create', 'placeOrder', 'add', 'set'],
	[
		['cart', cartFieldOptions],
		['order', cartFieldOptions],
		['printDataFile', optionalFileFields],
		['product', productFieldOptions],
		['recipient', [PHONE_FIELD]],
	],
);

export const updateFields = oneCollection(
	'updateFields',
	['update'],
	[
		['cart', withClearOption(cartFieldOptions)],
		['component', componentFieldOptions],
		['printDataFile', updateFileFields],
		['product', withClearOption(productFieldOptions)],
		['variant', [VARIANT_CIRCULATION, VARIANT_NAME] as typeof componentFieldOptions],
	],
	{
		name: {
			description:
				"The new name, up to 200 characters: a product's name in the order, a component's, or what tells a variant apart (e.g. a language)",
			placeholder: 'e.g. Sticker',
		},
		circulation: {
			description:
				'How many copies to print. A product with several variants takes the circulation of each variant instead (Variant → Update).',
		},
	},
);

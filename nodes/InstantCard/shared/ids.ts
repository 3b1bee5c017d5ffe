/**
 * The IDs of InstantCard records as users see them: the label an error names and an example of
 * the digits it takes. Each is checked to be a positive whole number before anything is sent.
 */
import type { IdSpec } from '../../shared/route';

export const INSTANTCARD_IDS = {
	cardId: { label: 'Card ID', example: '264561' },
	printJobId: { label: 'Print Job ID', example: '81001' },
	/** A card of a print job (Remove Card): a card ID, in its own field. */
	printJobCardId: { label: 'Card ID', example: '264561' },
	addressId: { label: 'Address ID', example: '3001' },
	contactId: { label: 'Contact ID', example: '5001' },
	cardTemplateId: { label: 'Card Template ID', example: '1001' },
	shippingProviderId: { label: 'Shipping Provider ID', example: '2' },
} satisfies Record<string, IdSpec>;

export type InstantCardId = keyof typeof INSTANTCARD_IDS;

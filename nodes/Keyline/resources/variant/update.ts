import { updateBody } from '../../shared/update';
import { variantBody } from './fields';

export const buildUpdateBody = updateBody('variant', variantBody, {
	hint: 'Add Name or Circulation under Update Fields.',
});

import { updateBody } from '../../shared/update';
import { productBody } from './fields';

export const buildUpdateBody = updateBody('product', productBody);

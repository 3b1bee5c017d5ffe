import { updateBody } from '../../shared/update';
import { componentBody } from './fields';

export const buildUpdateBody = updateBody('component', componentBody);

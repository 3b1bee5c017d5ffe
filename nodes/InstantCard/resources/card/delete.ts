import type { INodeProperties } from 'n8n-workflow';

import { readRecordBeforeDelete } from '../../shared/deleted';
import { cardLocator } from './shared';

export const cardDeleteDescription: INodeProperties[] = [
	cardLocator('delete', '/cards/{{ $value }}', 'The card to delete', [readRecordBeforeDelete]),
];

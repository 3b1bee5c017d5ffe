import type { INodeProperties } from 'n8n-workflow';

import { cardLocator } from './shared';

export const cardGetDescription: INodeProperties[] = [cardLocator('get', '/cards/{{ $value }}')];

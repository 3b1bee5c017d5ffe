import type { INodeProperties } from 'n8n-workflow';

// Filled in by the order resource's operations.
export const orderDescription: INodeProperties[] = [];

import type { INodeProperties } from 'n8n-workflow';

// Filled in by the customer resource's operations.
export const customerDescription: INodeProperties[] = [];

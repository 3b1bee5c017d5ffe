import type { INodeProperties } from 'n8n-workflow';

// Filled in by the address resource's operations.
export const addressDescription: INodeProperties[] = [];

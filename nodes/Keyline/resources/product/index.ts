import type { INodeProperties } from 'n8n-workflow';

// Filled in by the product resource's operations.
export const productDescription: INodeProperties[] = [];

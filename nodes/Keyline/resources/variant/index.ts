import type { INodeProperties } from 'n8n-workflow';

// Filled in by the variant resource's operations.
export const variantDescription: INodeProperties[] = [];

import type { INodeProperties } from 'n8n-workflow';

// Filled in by the carrier resource's operations.
export const carrierDescription: INodeProperties[] = [];

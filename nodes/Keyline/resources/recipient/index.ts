import type { INodeProperties } from 'n8n-workflow';

// Filled in by the recipient resource's operations.
export const recipientDescription: INodeProperties[] = [];

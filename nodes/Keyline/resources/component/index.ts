import type { INodeProperties } from 'n8n-workflow';

// Filled in by the component resource's operations.
export const componentDescription: INodeProperties[] = [];

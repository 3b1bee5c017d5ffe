import type { INodeProperties } from 'n8n-workflow';

// Filled in by the printDataFile resource's operations.
export const printDataFileDescription: INodeProperties[] = [];

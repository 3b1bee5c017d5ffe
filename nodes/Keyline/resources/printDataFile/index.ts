import type { INodeProperties } from 'n8n-workflow';

import { keylineRoute } from '../../shared/route';
import { buildCreateBody, printDataFileCreateDescription } from './create';
import { FILE_PATH, FILES_PATH } from './fields';
import { printDataFileGetAllDescription } from './getAll';
import { buildUpdateBody } from './update';

export const printDataFileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['printDataFile'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Add a print data file',
				description:
					'Give a product or component the address of its print file (PDF). Keyline downloads and processes it; the output shows its state.',
				routing: keylineRoute('POST', FILES_PATH, { preSend: [buildCreateBody] }),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a print data file',
				description: 'Remove a print data file. The output shows what was deleted.',
				routing: keylineRoute('DELETE', FILE_PATH),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a print data file',
				description:
					'Get a print data file with its state: newly_uploaded, processing or processed',
				routing: keylineRoute('GET', FILE_PATH),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many print data files',
				description: 'List the print data files of a product or of one of its components',
				routing: keylineRoute('GET', FILES_PATH, { list: 'whole' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a print data file',
				description:
					"Change a print data file's URI, kind, size or pages. URI and kind you leave out are kept.",
				routing: keylineRoute('PATCH', FILE_PATH, { preSend: [buildUpdateBody] }),
			},
		],
		default: 'create',
	},
	...printDataFileCreateDescription,
	...printDataFileGetAllDescription,
];

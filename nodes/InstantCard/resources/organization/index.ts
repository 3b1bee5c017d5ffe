import type { INodeProperties } from 'n8n-workflow';

import { instantCardRoute, ORGANIZATION } from '../../shared/route';
import {
	buildAddFundsBody,
	organizationAddFundsDescription,
	outputAddFunds,
	sendAddFunds,
} from './addFunds';
import { outputBalance } from './getBalance';

export const organizationOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['organization'] } },
	options: [
		{
			name: 'Add Funds',
			value: 'addFunds',
			action: 'Add funds to the balance',
			// Same words as ADD_FUNDS_NOTICE (a literal, so that the linter can read it).
			description:
				"Charges the payment card and adds the amount to the organization's balance. Print jobs are paid from this balance.",
			routing: instantCardRoute('POST', '/add_funds', {
				form: buildAddFundsBody,
				postReceive: [outputAddFunds],
				send: sendAddFunds,
			}),
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get the organization',
			description: "Get the organization's name, settings and how many cards and templates it has",
			routing: instantCardRoute('GET', ORGANIZATION),
		},
		{
			name: 'Get Balance',
			value: 'getBalance',
			action: 'Get the balance',
			description: 'Get how much money the organization has left to pay for print jobs',
			routing: instantCardRoute('GET', '/balance', { postReceive: [outputBalance] }),
		},
		{
			name: 'Get Transactions',
			value: 'getTransactions',
			action: 'Get the financial transactions',
			description: 'List the payments into and charges from the balance, with receipts',
			// Paged like the other lists; a server that ignores page/page_size is detected by the hook.
			routing: instantCardRoute('GET', '/financial_transactions', { list: 'paged' }),
		},
	],
	default: 'get',
};

export const organizationFields: INodeProperties[] = [...organizationAddFundsDescription];

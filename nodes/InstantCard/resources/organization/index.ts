import type { INodeProperties } from 'n8n-workflow';

import { ORG } from '../../shared/api';
import { addFundsRouting, organizationAddFundsDescription } from './addFunds';
import { outputBalance } from './getBalance';
import { organizationGetTransactionsDescription } from './getTransactions';

const showOnlyForOrganization = { resource: ['organization'] };

export const organizationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForOrganization },
		options: [
			{
				name: 'Add Funds',
				value: 'addFunds',
				action: 'Add funds to the balance',
				// Same words as ADD_FUNDS_NOTICE (a literal, so that the linter can read it).
				description:
					"Charges the payment card and adds the amount to the organization's balance. Print jobs are paid from this balance.",
				routing: {
					...addFundsRouting,
					request: { ...addFundsRouting.request, url: `=${ORG}/add_funds` },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get the organization',
				description:
					"Get the organization's name, settings and how many cards and templates it has",
				routing: { request: { method: 'GET', url: `=${ORG}` } },
			},
			{
				name: 'Get Balance',
				value: 'getBalance',
				action: 'Get the balance',
				description: 'Get how much money the organization has left to pay for print jobs',
				routing: {
					request: { method: 'GET', url: `=${ORG}/balance` },
					output: { postReceive: [outputBalance] },
				},
			},
			{
				name: 'Get Transactions',
				value: 'getTransactions',
				action: 'Get the financial transactions',
				description: 'List the payments into and charges from the balance, with receipts',
				routing: { request: { method: 'GET', url: `=${ORG}/financial_transactions` } },
			},
		],
		default: 'get',
	},
	...organizationAddFundsDescription,
	...organizationGetTransactionsDescription,
];

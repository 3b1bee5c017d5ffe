/**
 * Searchable lists for the ID pickers. They call the API through the credential (n8n logs in as
 * for any request) and page with `page`/`page_size` where the endpoint pages.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { instantCardCall } from './call';

const LIST_PAGE_SIZE = 50;

export interface ListSearchSpec {
	/** Path under the organization, e.g. `/cards`. */
	path: string;
	/** Whether the endpoint takes page/page_size (else it answers everything at once). */
	paged: boolean;
	/** Turns one row into the entry users pick. */
	toItem: (row: IDataObject) => INodeListSearchItems;
	/** Query for a typed filter, e.g. `{ term }` on card search; else the filter runs locally. */
	filterQuery?: (filter: string) => { path: string; qs: IDataObject };
}

export async function instantCardList(
	context: ILoadOptionsFunctions,
	spec: ListSearchSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const remote = filter && spec.filterQuery ? spec.filterQuery(filter) : undefined;
	const rows = (await instantCardCall(context, 'GET', remote?.path ?? spec.path, {
		...(remote?.qs ?? {}),
		...(spec.paged ? { page, page_size: LIST_PAGE_SIZE } : {}),
	})) as IDataObject[];
	let results = (Array.isArray(rows) ? rows : []).map(spec.toItem);
	if (filter && !remote) {
		const needle = filter.toLowerCase();
		results = results.filter((r) => `${r.name} ${String(r.value)}`.toLowerCase().includes(needle));
	}
	return {
		results,
		paginationToken: spec.paged && rows.length === LIST_PAGE_SIZE ? String(page + 1) : undefined,
	};
}

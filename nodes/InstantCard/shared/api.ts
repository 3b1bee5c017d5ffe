import { pagedRequestHook, requestHook } from '../../shared/transport';

export const INSTANTCARD = { name: 'InstantCard' };

export const sendRequest = requestHook(INSTANTCARD);
export const sendPagedRequest = pagedRequestHook(INSTANTCARD);

/** InstantCard's writes take their fields as a form. */
export const FORM_HEADERS = { 'Content-Type': 'application/x-www-form-urlencoded' };

import { updateBody } from '../../shared/update';
import { checkPageRange, printDataFileBody } from './fields';

/**
 * Keyline requires uri and kind on every update. When the user changes only other fields, the
 * file's current ones are sent again (read first), so they stay as they are; a page range given
 * by one end is checked against the file's other end.
 */
export const buildUpdateBody = updateBody('print_data_file', printDataFileBody, {
	complete: async (context, file, current) => {
		const oneEndOfRange = (file.first_page === undefined) !== (file.last_page === undefined);
		if (file.uri !== undefined && file.kind !== undefined && !oneEndOfRange) return;
		const record = await current();
		if (file.first_page === undefined) {
			checkPageRange(context, record.first_page, file.last_page, 'First Page');
		} else if (file.last_page === undefined) {
			checkPageRange(context, file.first_page, record.last_page, 'Last Page');
		}
		file.uri ??= record.uri;
		file.kind ??= record.kind;
	},
});

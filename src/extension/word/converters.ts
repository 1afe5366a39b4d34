// The entry of the converters' own bundles (dist/convert.js, dist/web/convert.js), which the Word commands load
// the first time they run: mammoth, docx and unified's HTML tools stay out of the extension's start.
// The shim comes first, as in the extension's own bundle: the criteria schemas' validator reads `location` as it loads.
import '../web-shim';
export { importDocx, exportAccount } from '../../convert';
import '../web-shim-end';

// Imported last: give `location` back once the libraries have loaded (see web-shim.ts).
import { restoreLocation } from './web-shim';

restoreLocation();

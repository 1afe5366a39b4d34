import { version } from '../../package.json';

/** The package version, bundled in at build time. */
export const VERSION_TEXT: string = version;

// How a stretch of STARR work on the extension-host thread is logged. Tens of milliseconds are routine
// (the first analysis, a big file) and go to the debug level; a second or more froze the editor for the
// user, which is worth a warning.

/** Below this, work is not worth a line at all. */
const NOTE_MS = 50;
/** From this on, the user felt the editor stop. */
export const FROZE_MS = 1000;

export function blockEntry(what: string, ms: number): { level: 'debug' | 'warn'; message: string } | undefined {
  if (ms < NOTE_MS) return undefined;
  if (ms < FROZE_MS) return { level: 'debug', message: `${what} took ${ms.toFixed(1)} ms on the extension host` };
  return {
    level: 'warn',
    message: `${what} held up the editor for ${(ms / 1000).toFixed(1)} s. If this keeps happening, lower the "starr.largeFileThreshold" setting so big accounts are checked in the background.`,
  };
}

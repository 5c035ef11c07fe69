/**
 * SheetJS writes parser warnings to the console (“Bad uncompressed size”, code-page notes); they
 * would drown the clerk's progress lines. The pure reader (src/lib/read/workbook.ts) leaves the
 * console alone; the I/O edge that calls it decides to keep it quiet.
 */
type Log = typeof console.log;

/** For a process that only parses (a reader process): quiet for good. */
export function silenceConsole(): void {
  console.log = console.warn = console.error = console.info = console.debug = () => {};
}

/** Runs `fn` with the console quiet, and restores it afterwards. */
export function quietly<T>(fn: () => T): T {
  const saved = [console.log, console.warn, console.error] as [Log, Log, Log];
  console.log = console.warn = console.error = () => {};
  try {
    return fn();
  } finally {
    [console.log, console.warn, console.error] = saved;
  }
}

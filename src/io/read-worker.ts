/**
 * Reader process of the read pool (src/io/read-returns.ts), started with `child_process.fork`:
 * runs the pure `readReturnFile` on the bytes it is sent and, when given a cache folder, stores
 * the result there itself, so that serialising and compressing entries happens on the pool's
 * cores, not the main process. The pool bounds it: a heap limit given on its command line, and a
 * watchdog that kills it when one file takes too long.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unitIndex, type UnitIndex } from '../lib/recognise/unit-names.ts';
import { writeEntry } from './cache.ts';
import { INTERNAL_REASON, readOne, type FromReader, type ToReader } from './read-job.ts';
import { silenceConsole } from './quiet.ts';

// Only when started as the reader: importing this module (for its types, say) must not start one.
const isReader = process.send !== undefined && process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isReader) {
  // SheetJS writes parser warnings to the console; in a reader process they are noise on the clerk's screen.
  silenceConsole();
  const send = (msg: FromReader) => process.send!(msg);
  let index: UnitIndex = unitIndex([]);
  process.on('message', (msg: ToReader) => {
    if (msg.type === 'init') { index = unitIndex(msg.units); return; }
    const result = readOne(msg.bytes, msg.file, msg.period, index);
    if (msg.cache && result.account.reason !== INTERNAL_REASON) writeEntry(msg.cache.dir, msg.cache.key, result);
    send({ type: 'result', id: msg.id, result });
  });
  // The pool gone (killed, say): nothing more will come, so do not linger.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

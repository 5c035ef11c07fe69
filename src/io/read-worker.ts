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
  const send = (msg: FromReader, done?: () => void) => process.send!(msg, undefined, undefined, done);
  let index: UnitIndex = unitIndex([]);
  // The pool sends the next file while this one is read (READER_QUEUE). A large result goes out
  // through the pipe piece by piece as this process's event loop turns; the next file is started
  // only once it is all out, or a next file that hangs would keep it here, and the pool would blame
  // the file that was read for the time limit of the one after it.
  const jobs: Extract<ToReader, { type: 'job' }>[] = [];
  let sending = false;
  const next = () => {
    const job = sending ? undefined : jobs.shift();
    if (!job) return;
    const result = readOne(job.bytes, job.file, job.period, index);
    if (job.cache && result.account.reason !== INTERNAL_REASON) writeEntry(job.cache.dir, job.cache.key, result);
    sending = true;
    send({ type: 'result', id: job.id, result }, () => { sending = false; next(); });
  };
  process.on('message', (msg: ToReader) => {
    if (msg.type === 'init') { index = unitIndex(msg.units); return; }
    jobs.push(msg);
    next();
  });
  // The pool gone (killed, say): nothing more will come, so do not linger.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

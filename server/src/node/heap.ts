// How far V8 lets the server's heap grow between two full collections. The flag is the
// process's (the index workers' too), and unlike the heap size limits it is read at every
// collection, so it can be changed while the server runs.
import { setFlagsFromString } from 'node:v8';

/**
 * After a full collection V8 lets the heap grow to about four times what survived before the
 * next one: a check that analyses thousands of source sentences and drops them would hold
 * hundreds of megabytes of garbage. The server keeps it to this much more than survived.
 */
export const HEAP_GROWING_PERCENT = 35;

/**
 * While workers index a cold build, the heap keeps what it makes (the parts of the index), and
 * at 35% every few megabytes of growth cost a full collection, whose marking competes with the
 * workers for the cores. On the bench corpus of 10,000 sources this saves 0.2 s of the cold
 * index and 0.3 s of CPU, for 5 to 10 MB more at its peak (scripts/bench/HISTORY.md).
 */
const INDEXING_HEAP_GROWING_PERCENT = 100;

let indexing = 0;
const set = (percent: number) => setFlagsFromString(`--heap-growing-percent=${percent}`);

/** At start: the heap stays close to what is live. */
export function keepHeapSmall(): void { set(HEAP_GROWING_PERCENT); }

/**
 * The heap may grow further until `work` is over (until the last of several, if builds overlap).
 * It is small again once the last part is joined: a limit set at the next collection holds until
 * the one after, and a check right after the build would otherwise fill it with garbage.
 */
export async function whileIndexing<T>(work: Promise<T>): Promise<T> {
  if (indexing++ === 0) set(INDEXING_HEAP_GROWING_PERCENT);
  try { return await work; } finally { if (--indexing === 0) set(HEAP_GROWING_PERCENT); }
}

/**
 * Worker threads made from now on optimize their hot code on their own thread. An index worker's
 * first files run at baseline speed until V8 has optimized its hot functions, and with both
 * cores busy with workers, compile jobs on V8's background threads wait for a core while the
 * worker runs slow code. Compiling in the worker's own thread, at once, took 6-8% off two workers'
 * build in a harness (scripts/bench/HISTORY.md). The flag is read when a thread's isolate is made:
 * the server's own thread, made before, still compiles in the background, so a check is not held
 * up by a compile.
 */
export function workersOptimizeInline(): void { setFlagsFromString('--no-concurrent-recompilation'); }

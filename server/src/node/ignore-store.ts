// Ignored claims of one workspace folder, kept in <folder>/.corroborate/ignored.json so they
// survive restarts, travel with the project, and stay out of the user's settings.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { IgnoredClaim, sameClaim } from '../core/check/ignore';

export interface IgnoreEntry extends IgnoredClaim {
  /** the draft, relative to the workspace folder */
  readonly file: string;
  readonly added: string;
}

/**
 * Reads and writes run one after another: a claim ignored while the list is being read again
 * (a draft opened) is neither lost to the read nor written over by it.
 */
export class IgnoreStore {
  private entries: IgnoreEntry[] = [];
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(folder: string) {
    this.file = path.join(folder, '.corroborate', 'ignored.json');
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.queue.then(work, work);
    this.queue = done.catch(() => undefined);
    return done;
  }

  load(): Promise<string | undefined> { return this.inTurn(() => this.read()); }

  private async read(): Promise<string | undefined> {
    try {
      const raw = JSON.parse(await fs.readFile(this.file, 'utf8'));
      this.entries = Array.isArray(raw?.claims) ? raw.claims.filter((c: any) => c && typeof c.code === 'string' && typeof c.claim === 'string' && typeof c.file === 'string') : [];
      return undefined;
    } catch (e) {
      this.entries = [];
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : `cannot read ${this.file}: ${String(e)}`;
    }
  }

  list(): readonly IgnoreEntry[] { return this.entries; }

  has(file: string, key: IgnoredClaim): boolean {
    return this.entries.some((e) => e.file === file && sameClaim(e, key));
  }

  add(file: string, key: IgnoredClaim): Promise<void> {
    return this.inTurn(async () => {
      if (this.has(file, key)) return;
      this.entries.push({ file, ...key, added: new Date().toISOString() });
      await this.save();
    });
  }

  remove(file: string | undefined, key?: IgnoredClaim): Promise<number> {
    return this.inTurn(async () => {
      const before = this.entries.length;
      this.entries = this.entries.filter((e) => !((file === undefined || e.file === file) && (!key || sameClaim(e, key))));
      if (this.entries.length !== before) await this.save();
      return before - this.entries.length;
    });
  }

  /** Replaced whole (written beside it, then renamed): a reader never sees half a file. */
  private async save(): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const body = { version: 1, note: 'Claims Corroborate was told to ignore. Delete an entry to check it again.', claims: this.entries };
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify(body, null, 2)}\n`);
    await fs.rename(tmp, this.file);
  }
}

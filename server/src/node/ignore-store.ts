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

export class IgnoreStore {
  private entries: IgnoreEntry[] = [];
  readonly file: string;

  constructor(folder: string) {
    this.file = path.join(folder, '.corroborate', 'ignored.json');
  }

  async load(): Promise<string | undefined> {
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

  async add(file: string, key: IgnoredClaim): Promise<void> {
    if (this.has(file, key)) return;
    this.entries.push({ file, ...key, added: new Date().toISOString() });
    await this.save();
  }

  async remove(file: string | undefined, key?: IgnoredClaim): Promise<number> {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !((file === undefined || e.file === file) && (!key || sameClaim(e, key))));
    if (this.entries.length !== before) await this.save();
    return before - this.entries.length;
  }

  private async save(): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const body = { version: 1, note: 'Claims Corroborate was told to ignore. Delete an entry to check it again.', claims: this.entries };
    await fs.writeFile(this.file, `${JSON.stringify(body, null, 2)}\n`);
  }
}

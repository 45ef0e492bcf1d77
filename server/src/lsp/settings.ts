// Settings: one readonly object with every default filled in one place. Anything the client
// sends that does not parse is ignored field by field, never fatal.
import { CorpusSettings } from '../node/corpus-files';
import { ClaimKind } from '../core/check/types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  readonly corpus: CorpusSettings;
  readonly checks: Readonly<Record<ClaimKind, boolean>>;
  readonly severity: { readonly conflict: SeverityName; readonly unsupported: SeverityName };
  /** delay after the last keystroke before a check */
  readonly debounceMs: number;
  /** drafts larger than this are not checked (a message says so) */
  readonly maxDraftBytes: number;
  /** glob patterns (relative to the workspace folder) of documents not to check */
  readonly excludeDrafts: readonly string[];
}

export const DEFAULTS: Settings = {
  corpus: { paths: ['corpus'], include: [], exclude: [], maxFileBytes: 10 * 1048576 },
  checks: { figure: true, date: true, name: true, quote: true },
  severity: { conflict: 'error', unsupported: 'warning' },
  debounceMs: 150,
  maxDraftBytes: 2 * 1048576,
  excludeDrafts: [],
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Settings from the client's `corroborate` section (any shape), defaults for whatever is missing. */
export function resolveSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const corpus = obj(r.corpus);
  const checks = obj(r.checks);
  const severity = obj(r.severity);
  const documents = obj(r.documents);
  const strings = (v: unknown, d: readonly string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v as string[] : d);
  const num = (v: unknown, d: number, min: number, max: number) => (typeof v === 'number' && isFinite(v) ? Math.min(max, Math.max(min, v)) : d);
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const sev = (v: unknown, d: SeverityName) => (typeof v === 'string' && SEVERITIES.has(v) ? v as SeverityName : d);
  const paths = strings(corpus.paths, DEFAULTS.corpus.paths).filter((p) => p.trim());
  return {
    corpus: {
      paths: paths.length ? paths : DEFAULTS.corpus.paths,
      include: strings(corpus.include, DEFAULTS.corpus.include),
      exclude: strings(corpus.exclude, DEFAULTS.corpus.exclude),
      maxFileBytes: num(r.maxFileSizeMB, DEFAULTS.corpus.maxFileBytes / 1048576, 0.01, 1024) * 1048576,
    },
    checks: {
      figure: bool(checks.figures, true), date: bool(checks.dates, true), name: bool(checks.names, true), quote: bool(checks.quotes, true),
    },
    severity: { conflict: sev(severity.conflict, DEFAULTS.severity.conflict), unsupported: sev(severity.unsupported, DEFAULTS.severity.unsupported) },
    debounceMs: num(r.debounceMs, DEFAULTS.debounceMs, 0, 5000),
    maxDraftBytes: num(r.maxDraftSizeMB, DEFAULTS.maxDraftBytes / 1048576, 0.01, 1024) * 1048576,
    excludeDrafts: strings(documents.exclude, DEFAULTS.excludeDrafts),
  };
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {};
}

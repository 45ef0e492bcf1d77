// What the checker returns: one result per checked claim, supported or not, with its evidence.
// The diagnostic codes are a contract with editors and the scorer: change them nowhere else.

export const CODES = {
  conflictingFigure: 'conflicting-figure',
  conflictingDate: 'conflicting-date',
  conflictingName: 'conflicting-name',
  misattributedQuote: 'misattributed-quote',
  alteredQuote: 'altered-quote',
  unsupportedFigure: 'unsupported-figure',
  unsupportedDate: 'unsupported-date',
  unsupportedName: 'unsupported-name',
  unsupportedQuote: 'unsupported-quote',
} as const;

export type Code = (typeof CODES)[keyof typeof CODES];
export const ALL_CODES: readonly Code[] = Object.values(CODES);

export type ClaimKind = 'figure' | 'date' | 'name' | 'quote';
export type Verdict = 'supported' | 'conflict' | 'unsupported';

/** Conflicts are errors by default, unsupported claims warnings. */
export function isConflict(code: Code): boolean {
  return !code.startsWith('unsupported');
}

export interface Evidence {
  /** source sentence id in the index */
  readonly sentence: number;
  /** the file as shown to the user, and its URI when known */
  readonly path: string;
  readonly uri?: string;
  /** 1-based line */
  readonly line: number;
  /** the source sentence */
  readonly text: string;
  /** spans of `text` to emphasise: the value or words that match */
  readonly highlights: readonly { readonly start: number; readonly end: number }[];
}

export interface Fix {
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface ClaimResult {
  readonly kind: ClaimKind;
  readonly verdict: Verdict;
  /** set when the claim is flagged */
  readonly code?: Code;
  /** the flagged range (the wrong value; for a misattribution, the speaker) */
  readonly start: number;
  readonly end: number;
  /** the whole claim as written (may be wider than the range: a quotation and its speaker) */
  readonly claimStart: number;
  readonly claimEnd: number;
  /** one line: what the sources say and where */
  readonly message: string;
  /** what the sources give, for hovers ("1,500 French troops") */
  readonly sourceValue?: string;
  readonly evidence: readonly Evidence[];
  readonly fixes: readonly Fix[];
}

/**
 * Per-column facts recorded by a segment's first full count (issue 17, item 8: a typed change
 * recounted a 1,000,000-row segment in 5-10 s against 1 s). That count reads every row anyway, so
 * it also notes, for every column and every first row of an email, which types the cell does not
 * fit (whole number, number, yes/no, date) and how it reads as consent (no, or unreadable), with
 * the first misfitting values as examples. A later change of a typed field's column or type, or of
 * the consent column or its choice, is then answered by intersecting these sets with the contacts
 * (core/exports/facts-recount.ts) instead of reading the snapshot again. They are recorded at the
 * first count rather than at import, because the import is already over its own time target.
 * Only the email column decides which rows are first rows, so the facts belong to (segment, email).
 */
import { cellText } from '../upload/contact-builder';
import { convertValue, readConsentWord } from '../upload/value-conversion';
import { RowBits } from './row-bits';

/** The facts kept per column: a type the cell does not fit, or what it says as consent. */
export const factKinds = [
  'integer',
  'float',
  'boolean',
  'date',
  'consent-unreadable',
  'consent-no',
] as const;
export type FactKind = (typeof factKinds)[number];

/** A misfitting row and its value, cut to 201 characters (enough to tell a value over 200). */
interface ExampleRow {
  readonly row: number;
  readonly value: string;
}

export interface RowFact {
  /** The first rows of their email whose cell has this fact. */
  readonly rows: RowBits;
  /**
   * Those rows in order with their values, except a row whose value already has `repeatLimit`
   * rows here; at most `exampleRowLimit`. Enough to pick the examples a full count picks among
   * any subset of the rows, or to know that it cannot (core/exports/facts-recount.ts).
   */
  readonly examples: readonly ExampleRow[];
  /** Whether `examples` stopped at `exampleRowLimit` with rows left out. */
  readonly capped: boolean;
}

export interface ColumnFacts {
  /** The first row of each usable email: the contacts, before consent leaves any out. */
  readonly firstRows: RowBits;
  readonly columns: readonly Readonly<Record<FactKind, RowFact>>[];
}

export const repeatLimit = 4;
const exampleRowLimit = 64;

// Every number and date the converters read is written with digits and only these marks
// (core/upload/value-conversion.ts); anything else (a letter, "@") rules all three out without
// running them. tests/unit/exports-column-facts.test.ts holds this against the converters.
const notNumberOrDate = /[^\d\s'.,+\-eE:/TZ]/;
const digit = /\d/;

const bits = Object.fromEntries(factKinds.map((kind, at) => [kind, 1 << at])) as Record<
  FactKind,
  number
>;
const numericKinds = ['integer', 'float', 'date'] as const;
const notNumericBits = bits.integer | bits.float | bits.date;

/** The facts of one non-empty cell (as the engine reads it, trimmed), as bits of `factKinds`. */
export function cellFacts(text: string): number {
  let facts = notNumericBits;
  if (!notNumberOrDate.test(text) && digit.test(text)) {
    facts = 0;
    for (const type of numericKinds) if (!convertValue(text, type).ok) facts |= bits[type];
  }
  // readConsent is a consent word, else a date (yes); every boolean word is a consent word.
  const word = readConsentWord(text);
  const consent = word ?? ((facts & bits.date) === 0 ? 'yes' : undefined);
  if (word === undefined || !convertValue(text, 'boolean').ok) facts |= bits.boolean;
  if (consent === undefined) facts |= bits['consent-unreadable'];
  else if (consent === 'no') facts |= bits['consent-no'];
  return facts;
}

/**
 * The cell as the engine reads it (cellText), without running its regular expression for the
 * usual cell that starts and ends with a visible ASCII character, which trimming never removes.
 */
function trimmedCell(cells: readonly string[], index: number): string {
  const cell = cells[index] ?? '';
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? cell : cellText(cells, index);
}

/**
 * Columns repeat their values (tiers, scores, yes/no): each distinct value is judged once. A
 * column whose values keep missing (names, emails) stops looking them up.
 */
const memoLimit = 1024;
const memoMissLimit = 16 * memoLimit;

class ExampleRecorder {
  readonly examples: ExampleRow[] = [];
  capped = false;
  readonly #repeats = new Map<string, number>();

  offer(row: number, text: string): void {
    if (this.capped) return;
    const value = text.slice(0, 201);
    const repeats = this.#repeats.get(value) ?? 0;
    if (repeats >= repeatLimit) return;
    if (this.examples.length >= exampleRowLimit) {
      this.capped = true;
      return;
    }
    this.#repeats.set(value, repeats + 1);
    this.examples.push({ row, value });
  }
}

class ColumnRecorder {
  /** Each row's facts, one byte; turned into a set per fact at the end. */
  #facts: Uint8Array;
  readonly #examples = factKinds.map(() => new ExampleRecorder());
  #memo: Map<string, number> | undefined = new Map();
  #misses = 0;
  /** The facts whose examples are still open (most stop at their limit within a few rows). */
  #wanting = (1 << factKinds.length) - 1;

  constructor(expectedRows: number) {
    this.#facts = new Uint8Array(Math.max(expectedRows, 1024));
  }

  record(row: number, cells: readonly string[], index: number): void {
    const text = trimmedCell(cells, index);
    if (text === '') return;
    const facts = this.#factsOf(text);
    if (facts === 0) return;
    if (row >= this.#facts.length) {
      const bigger = new Uint8Array(this.#facts.length * 2);
      bigger.set(this.#facts);
      this.#facts = bigger;
    }
    this.#facts[row] = facts;
    const offered = facts & this.#wanting;
    if (offered === 0) return;
    for (let kind = 0; kind < factKinds.length; kind += 1) {
      if (((offered >> kind) & 1) === 0) continue;
      const recorder = this.#examples[kind] as ExampleRecorder;
      recorder.offer(row, text);
      if (recorder.capped) this.#wanting &= ~(1 << kind);
    }
  }

  #factsOf(text: string): number {
    const known = this.#memo?.get(text);
    if (known !== undefined) return known;
    const facts = cellFacts(text);
    if (this.#memo && this.#memo.size < memoLimit) this.#memo.set(text, facts);
    else if ((this.#misses += 1) > memoMissLimit) this.#memo = undefined;
    return facts;
  }

  facts(firstRows: RowBits, firstCount: number): Record<FactKind, RowFact> {
    const words = factKinds.map(() => new Uint32Array(Math.ceil(firstRows.rows / 32) + 1));
    for (let row = 0; row < firstRows.rows; row += 1) {
      const facts = this.#facts[row] ?? 0;
      if (facts === 0) continue;
      for (let kind = 0; kind < factKinds.length; kind += 1) {
        const set = words[kind] as Uint32Array;
        if ((facts >> kind) & 1) set[row >>> 5] = (set[row >>> 5] as number) | (1 << (row & 31));
      }
    }
    const facts = {} as Record<FactKind, RowFact>;
    factKinds.forEach((kind, at) => {
      const set = new RowBits(0, words[at], firstRows.rows);
      const { examples, capped } = this.#examples[at] as ExampleRecorder;
      // Empty sets and sets equal to every first row need no bits of their own.
      const count = set.count();
      const rows = count === 0 ? new RowBits(0) : count === firstCount ? firstRows : set;
      facts[kind] = { rows, examples, capped };
    });
    return facts;
  }
}

/** Records the facts as the count judges each row (core/upload/batch-source.ts `judged`). */
export interface ColumnFactsRecorder {
  readonly judged: (cells: readonly string[], firstOfEmail: boolean) => void;
  readonly finish: () => ColumnFacts;
}

export function recordColumnFacts(columnCount: number, expectedRows: number): ColumnFactsRecorder {
  const firstRows = new RowBits(expectedRows);
  const columns = Array.from({ length: columnCount }, () => new ColumnRecorder(expectedRows));
  return {
    judged(cells, firstOfEmail) {
      const row = firstRows.rows;
      firstRows.push(firstOfEmail);
      // Rows that can never be contacts are never asked about: no need to judge their cells.
      if (!firstOfEmail) return;
      for (let index = 0; index < columns.length; index += 1) {
        (columns[index] as ColumnRecorder).record(row, cells, index);
      }
    },
    finish() {
      const firstCount = firstRows.count();
      return { firstRows, columns: columns.map((column) => column.facts(firstRows, firstCount)) };
    },
  };
}

import { isValidEmail, normalizeEmail } from '../../shared/segments/email';
import { EmailIndex } from './email-index';
import {
  listedProblemLimit,
  type ImportCounts,
  type ImportProblem,
} from '../../shared/segments/import-report';

/**
 * A copy of a string that does not keep the string it was cut from alive. The parser's cells are
 * slices of the whole text chunk they came from; keeping one in a problem would keep that chunk.
 */
function detachString(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * Validates each data row by its email cell: counts valid, invalid, blank and duplicate addresses
 * (case-insensitive, first occurrence kept), and lists the first problems with their line numbers.
 * A row whose number of values differs from the header's is set aside: counted and listed, never
 * kept, since its values cannot be told apart (issue 12). Every row kept is counted in exactly
 * one of valid, invalid, blank and duplicates.
 */
export class SegmentValidator {
  private readonly counts = {
    rows: 0,
    valid: 0,
    invalid: 0,
    blank: 0,
    duplicates: 0,
    wrongFieldCount: 0,
  };
  private readonly problems: ImportProblem[] = [];
  private problemCount = 0;
  /** Email key to the line it first appeared on, for "duplicate of line 12". */
  private readonly firstLines = new EmailIndex();

  constructor(
    private readonly fieldCount: number,
    private readonly emailIndex: number | null,
  ) {}

  /** Room for about this many addresses (an estimate from the file's size). */
  expectRows(rows: number): void {
    this.firstLines.reserve(rows);
  }

  /** Checks a row; false when it is set aside (the wrong number of values) and must not be kept. */
  admit(line: number, cells: readonly string[]): boolean {
    if (cells.length !== this.fieldCount) {
      this.counts.wrongFieldCount += 1;
      this.note({
        kind: 'wrong-field-count',
        line,
        expected: this.fieldCount,
        actual: cells.length,
      });
      return false;
    }
    this.counts.rows += 1;
    if (this.emailIndex !== null) this.checkEmail(line, cells[this.emailIndex]);
    return true;
  }

  private checkEmail(line: number, cell: string | undefined): void {
    // judgeEmail's rules, without its result object: this runs once per row.
    const email = normalizeEmail(cell ?? '');
    if (email === '') {
      this.counts.blank += 1;
      this.note({ kind: 'blank-email', line });
      return;
    }
    let firstLine = this.firstLines.firstLineOrAddIfPlainValid(email, line);
    if (firstLine < 0) {
      if (!isValidEmail(email)) {
        this.counts.invalid += 1;
        this.note({ kind: 'invalid-email', line, value: detachString(email) });
        return;
      }
      firstLine = this.firstLines.firstLineOrAdd(email, line);
    }
    if (firstLine === 0) {
      this.counts.valid += 1;
      return;
    }
    this.counts.duplicates += 1;
    this.note({ kind: 'duplicate-email', line, value: detachString(email), firstLine });
  }

  /**
   * Counts and lists a problem. An important one (an unclosed quote, which explains every count
   * after it) is listed even when the list is full, in place of the last one.
   */
  note(problem: ImportProblem, important = false): void {
    this.problemCount += 1;
    if (this.problems.length < listedProblemLimit) this.problems.push(problem);
    else if (important) this.problems[listedProblemLimit - 1] = problem;
  }

  result(): {
    counts: ImportCounts;
    problems: ImportProblem[];
    problemCount: number;
  } {
    return {
      counts: { ...this.counts },
      problems: [...this.problems],
      problemCount: this.problemCount,
    };
  }
}

/**
 * Checks an automatic run must pass before it sends anything (issue 18, item 3). Nobody watches
 * an automatic run, so a broken export must not reach Autopilot: a file without its email column,
 * a profile count that fell by more than a fifth since the last run (usually a partial export), or
 * a mirror that would take more than a fifth of a list off. Each stop carries a plain sentence
 * for the notification and History, and its figures for the screens' own catalogs.
 */

/** More than this share lost stops the run: "more than a fifth". */
const allowedShareLost = { numerator: 1, denominator: 5 } as const;

export interface SegmentRunFacts {
  /** The segment's name as the person knows it, for the sentence. */
  readonly segmentName: string;
  /** The list the segment goes to. */
  readonly listName: string;
  /** The column the saved setup reads email addresses from. */
  readonly emailColumn: string;
  /** The new file's header cells. */
  readonly columns: readonly string[];
  /** Profiles (rows with an email) in the new file. */
  readonly profileCount: number;
  /** Profiles the last run of this setup sent for this segment; undefined before the first. */
  readonly lastProfileCount?: number;
  /** Contacts on the list now, and how many this run's mirror would take off it. */
  readonly listMemberCount?: number;
  readonly removals?: number;
}

export type GuardrailStop =
  | { readonly code: 'email-column-lost'; readonly message: string; readonly column: string }
  | {
      readonly code: 'profile-count-fell';
      readonly message: string;
      readonly before: number;
      readonly now: number;
    }
  | {
      readonly code: 'too-many-removals';
      readonly message: string;
      readonly removals: number;
      readonly listMemberCount: number;
    };

type GuardrailVerdict =
  | { readonly send: true }
  | { readonly send: false; readonly stops: readonly GuardrailStop[]; readonly message: string };

const count = new Intl.NumberFormat('en');

/** Same folding as the header fingerprint, so a re-cased or re-spaced column still counts. */
function foldColumn(column: string): string {
  return column.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function isMoreThanAllowedShare(part: number, whole: number): boolean {
  return part * allowedShareLost.denominator > whole * allowedShareLost.numerator;
}

// One decimal, so a share just over a fifth never reads as exactly "20%".
const share = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

function percent(part: number, whole: number): string {
  return share.format(part / whole);
}

export function emailColumnStop(
  facts: Pick<SegmentRunFacts, 'segmentName' | 'emailColumn' | 'columns'>,
): GuardrailStop | undefined {
  const wanted = foldColumn(facts.emailColumn);
  if (facts.columns.some((column) => foldColumn(column) === wanted)) return undefined;
  return {
    code: 'email-column-lost',
    column: facts.emailColumn,
    message:
      `The new file for "${facts.segmentName}" has no "${facts.emailColumn}" column, where ` +
      'this setup finds the email addresses, so nothing was sent. Check the export, or match ' +
      'the columns again.',
  };
}

function profileCountStop(facts: SegmentRunFacts): GuardrailStop | undefined {
  const before = facts.lastProfileCount;
  if (before === undefined || before === 0 || facts.profileCount >= before) return undefined;
  if (!isMoreThanAllowedShare(before - facts.profileCount, before)) return undefined;
  return {
    code: 'profile-count-fell',
    before,
    now: facts.profileCount,
    message:
      `The new file for "${facts.segmentName}" has ${count.format(facts.profileCount)} ` +
      `profiles, ${percent(before - facts.profileCount, before)} fewer than the ` +
      `${count.format(before)} of the last run, so nothing was sent. An export that stopped ` +
      'halfway often looks like this. If the segment really shrank, run it once by hand.',
  };
}

function removalsStop(facts: SegmentRunFacts): GuardrailStop | undefined {
  const removals = facts.removals ?? 0;
  const members = facts.listMemberCount ?? 0;
  if (removals === 0 || !isMoreThanAllowedShare(removals, members)) return undefined;
  return {
    code: 'too-many-removals',
    removals,
    listMemberCount: members,
    message:
      `This run would take ${count.format(removals)} of the ${count.format(members)} contacts ` +
      `off the list "${facts.listName}" (${percent(removals, Math.max(members, 1))}), so ` +
      'nothing was sent. If that is what you want, run it once by hand.',
  };
}

/**
 * Every stop for every segment of the run. One stop anywhere stops the whole run: sending some
 * segments and not others would leave the lists out of step with each other.
 */
export function checkRunGuardrails(segments: readonly SegmentRunFacts[]): GuardrailVerdict {
  const stops = segments.flatMap((facts) => {
    // Without its email column a file has no profiles: one sentence says it better than two.
    const lostEmail = emailColumnStop(facts);
    if (lostEmail !== undefined) return [lostEmail];
    return [profileCountStop(facts), removalsStop(facts)].filter(
      (stop): stop is GuardrailStop => stop !== undefined,
    );
  });
  if (stops.length === 0) return { send: true };
  return { send: false, stops, message: stops.map((stop) => stop.message).join(' ') };
}

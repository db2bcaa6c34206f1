import { describe, expect, it } from 'vitest';
import { checkRunGuardrails, type SegmentRunFacts } from '../../core/automation/run-guardrails';

const healthy: SegmentRunFacts = {
  segmentName: 'Weekly newsletter',
  listName: 'Newsletter',
  emailColumn: 'PrimaryEmail',
  columns: ['CustomerId', 'PrimaryEmail', 'FirstName'],
  profileCount: 1_000,
  lastProfileCount: 1_000,
  listMemberCount: 1_000,
  removals: 0,
};

describe('run guardrails', () => {
  it('a run like the last one sends', () => {
    expect(checkRunGuardrails([healthy])).toEqual({ send: true });
    // The column re-cased and re-spaced by the exporting tool is still the email column.
    expect(checkRunGuardrails([{ ...healthy, columns: [' primaryemail ', 'CustomerId'] }])).toEqual(
      { send: true },
    );
    // The first run has nothing to compare with.
    expect(checkRunGuardrails([{ ...healthy, lastProfileCount: undefined }]).send).toBe(true);
  });

  it('a file that lost its email column does not send and says why', () => {
    const verdict = checkRunGuardrails([
      { ...healthy, columns: ['CustomerId', 'FirstName'], profileCount: 0 },
    ]);
    expect(verdict).toEqual({
      send: false,
      stops: [expect.objectContaining({ code: 'email-column-lost', column: 'PrimaryEmail' })],
      message:
        'The new file for "Weekly newsletter" has no "PrimaryEmail" column, where this setup ' +
        'finds the email addresses, so nothing was sent. Check the export, or match the ' +
        'columns again.',
    });
  });

  it('a profile count that fell by more than a fifth does not send; exactly a fifth does', () => {
    expect(checkRunGuardrails([{ ...healthy, profileCount: 800 }]).send).toBe(true);
    const verdict = checkRunGuardrails([
      { ...healthy, profileCount: 799, lastProfileCount: 1_000 },
    ]);
    expect(verdict.send).toBe(false);
    if (verdict.send) return;
    expect(verdict.stops).toEqual([
      expect.objectContaining({ code: 'profile-count-fell', before: 1_000, now: 799 }),
    ]);
    expect(verdict.message).toBe(
      'The new file for "Weekly newsletter" has 799 profiles, 20.1% fewer than the 1,000 of the ' +
        'last run, so nothing was sent. An export that stopped halfway often looks like this. ' +
        'If the segment really shrank, run it once by hand.',
    );
    // Growth never stops a run.
    expect(checkRunGuardrails([{ ...healthy, profileCount: 5_000 }]).send).toBe(true);
  });

  it('a run that would take more than a fifth of the list off does not send', () => {
    expect(checkRunGuardrails([{ ...healthy, removals: 200 }]).send).toBe(true);
    const verdict = checkRunGuardrails([{ ...healthy, removals: 350, listMemberCount: 1_200 }]);
    expect(verdict.send).toBe(false);
    if (verdict.send) return;
    expect(verdict.stops).toEqual([
      expect.objectContaining({ code: 'too-many-removals', removals: 350, listMemberCount: 1_200 }),
    ]);
    expect(verdict.message).toBe(
      'This run would take 350 of the 1,200 contacts off the list "Newsletter" (29.2%), so ' +
        'nothing was sent. If that is what you want, run it once by hand.',
    );
  });

  it('one segment stopping stops the whole run, and every reason is told', () => {
    const verdict = checkRunGuardrails([
      healthy,
      { ...healthy, segmentName: 'VIP', listName: 'VIP', profileCount: 100, removals: 900 },
    ]);
    expect(verdict.send).toBe(false);
    if (verdict.send) return;
    expect(verdict.stops.map((stop) => stop.code)).toEqual([
      'profile-count-fell',
      'too-many-removals',
    ]);
    expect(verdict.message).toContain('"VIP" has 100 profiles, 90% fewer');
    expect(verdict.message).toContain('off the list "VIP"');
  });
});

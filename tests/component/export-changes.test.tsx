import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ExportSegmentInput } from '../../shared/model/exports';
import type { ExportPlanSummary } from '../../shared/model/export-plan';
import { ExportScreen } from '../../renderer/src/features/export/export-screen';
import {
  destination,
  fakeExportBridge,
  renderScreen,
  segment,
} from '../support/component/export-fake-bridge';

const weekly = segment(
  'weekly',
  ['Email', 'Name'],
  [
    ['anna@exemple.cat', 'Anna'],
    ['jordi@exemple.cat', 'Jordi'],
  ],
);

/** The engine's answer as main gives it once a destination is chosen: changes per segment. */
function planWithChanges(requests: ExportSegmentInput[]): ExportPlanSummary {
  return {
    segments: requests.map((request) => ({
      segmentId: request.segmentId,
      rows: 2,
      valid: 2,
      invalid: 0,
      duplicates: 0,
      optedOut: 0,
      unsubscribed: 0,
      misfits: [],
      changes: {
        new: 1,
        changed: 1,
        unchanged: 0,
        leaving: 3,
        knownMembers: 5,
        massRemoval: true,
      },
    })),
    totals: {
      rows: 2,
      valid: 2,
      invalid: 0,
      duplicates: 0,
      optedOut: 0,
      unsubscribed: 0,
      misfitValues: 0,
    },
    large: false,
  };
}

describe('Export screen: changes since the last export', () => {
  it('shows the counts, sends the mirror choice, and asks before a large removal', async () => {
    const fake = fakeExportBridge({ segments: [weekly], plan: planWithChanges });
    await renderScreen(<ExportScreen />, fake.bridge, 'en');
    const select = await screen.findByRole('combobox', { name: 'Send to' });
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    await userEvent.selectOptions(select, destination.displayName);
    await userEvent.click(await screen.findByRole('checkbox', { name: /weekly/ }));

    const table = await screen.findByTestId('export-changes');
    const row = within(table).getByRole('row', { name: /weekly/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '1', '0', '3', '0']);
    expect(screen.queryByText(/would take 3 of the 5 people/)).toBeNull();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Keep the list in step with the segment' }),
    );
    await waitFor(() =>
      expect(fake.calls.exportsPlan.mock.lastCall?.[0]).toMatchObject({
        destinationId: destination.id,
        sync: { mirror: true, full: false },
      }),
    );
    expect(await screen.findByText(/would take 3 of the 5 people/)).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: /Yes, this is right/ }));

    const exportButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' });
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    await userEvent.click(exportButton);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelector('[data-fact="changes"]')?.textContent).toBe(
      '1 new to the list, 1 changed (sent); 0 unchanged (not sent); 3 taken off the list',
    );
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /I understand/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm and send' }));
    await waitFor(() => expect(fake.calls.exportsStart).toHaveBeenCalledTimes(1));
    expect((fake.calls.exportsStart.mock.lastCall as unknown[] | undefined)?.[0]).toMatchObject({
      consent: { confirmed: true, profiles: 2, massRemoval: true },
      sync: { mirror: true, full: false },
    });
  });
});

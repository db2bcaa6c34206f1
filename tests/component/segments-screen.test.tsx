import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppShell } from '../../renderer/src/app/app-shell';
import { SegmentsScreen } from '../../renderer/src/features/segments/segments-screen';
import type { BridgeApi } from '../../shared/ipc/bridge-api';
import type {
  ImportOutcome,
  ImportProgress,
  SegmentSummary,
} from '../../shared/segments/segment-summary';
import { renderWithApp } from '../support/component/render-app';

function segment(overrides: Partial<SegmentSummary> = {}): SegmentSummary {
  return {
    id: 'seg-1',
    name: 'clients-catalunya',
    fileName: 'clients-catalunya.csv',
    size: 2048,
    importedAt: '2026-03-01T10:00:00.000Z',
    encoding: 'utf-8',
    delimiter: ';',
    hasBom: true,
    columns: ['Email', 'Nom', 'Cognoms'],
    emailColumn: 'Email',
    counts: { rows: 1234, valid: 1200, invalid: 20, blank: 4, duplicates: 10, wrongFieldCount: 1 },
    problems: [
      { kind: 'invalid-email', line: 5, value: 'mercè@@exemple' },
      { kind: 'duplicate-email', line: 7, value: 'ANNA@exemple.cat', firstLine: 3 },
      { kind: 'wrong-field-count', line: 9, expected: 3, actual: 2 },
    ],
    problemCount: 35,
    preview: [
      ['jordi@exemple.cat', 'Jordi', 'Puig'],
      ['anna@exemple.cat', 'Anna', 'Vidal'],
    ],
    ...overrides,
  };
}

const ok = <T,>(value: T) => ({ ok: true as const, value });

/** A bridge that records what the screen sends; event listeners are kept so tests can emit. */
function fakeBridge(initial: SegmentSummary[]) {
  let list = initial;
  const progressListeners: ((progress: ImportProgress) => void)[] = [];
  const openFilesListeners: ((event: { paths: string[] }) => void)[] = [];
  const chunks: { offset: number; data: string }[] = [];
  let finishTransfer: (outcome: ImportOutcome) => void = () => undefined;
  const bridge = {
    segmentsList: vi.fn(async () => ok(list)),
    // jsdom's files have no path, as in a browser: the bridge hands them back to be streamed.
    segmentsImportDropped: vi.fn(async (files: readonly File[]) =>
      ok({ imported: null, pathless: [...files] }),
    ),
    segmentsTransferBegin: vi.fn(async () => ok({ ok: true as const, transferId: 'transfer-1' })),
    segmentsTransferChunk: vi.fn(async (input: { offset: number; data: string }) => {
      chunks.push({ offset: input.offset, data: input.data });
      return ok({ received: input.offset + atob(input.data).length });
    }),
    segmentsTransferEnd: vi.fn(
      () =>
        new Promise<ReturnType<typeof ok<ImportOutcome>>>((resolve) => {
          finishTransfer = (outcome) => resolve(ok(outcome));
        }),
    ),
    segmentsTransferCancel: vi.fn(async () => ok(null)),
    segmentsRename: vi.fn(async (input: { id: string; name: string }) =>
      ok(segment({ ...list.find((item) => item.id === input.id), name: input.name })),
    ),
    segmentsRemove: vi.fn(async () => {
      list = [];
      return ok(null);
    }),
    segmentsReimport: vi.fn(async (input: { id: string; delimiter?: string }) => {
      const replaced = segment({ id: 'seg-2', delimiter: input.delimiter as ',' });
      list = [replaced];
      return ok({ ok: true as const, fileName: replaced.fileName, segment: replaced });
    }),
    segmentsImportPaths: vi.fn(async () => ok([] as ImportOutcome[])),
    segmentsBrowse: vi.fn(async () => ok([] as ImportOutcome[])),
    onSegmentsImportProgress: vi.fn((listener: (progress: ImportProgress) => void) => {
      progressListeners.push(listener);
      return () => undefined;
    }),
    onAppOpenFiles: vi.fn((listener: (event: { paths: string[] }) => void) => {
      openFilesListeners.push(listener);
      return () => undefined;
    }),
  };
  return {
    bridge: bridge as unknown as Partial<BridgeApi>,
    calls: bridge,
    chunks,
    setList: (next: SegmentSummary[]) => {
      list = next;
    },
    finishTransfer: (outcome: ImportOutcome) => finishTransfer(outcome),
    emitProgress: (progress: ImportProgress) => progressListeners.forEach((l) => l(progress)),
    openFiles: (paths: string[]) => openFilesListeners.forEach((l) => l({ paths })),
  };
}

function countOf(card: HTMLElement, name: string): string {
  return card.querySelector(`[data-count="${name}"] dd`)?.textContent ?? '';
}

describe('Segments screen', () => {
  it('shows each segment with its counts, format, preview and line-numbered problems', async () => {
    const fake = fakeBridge([segment()]);
    await renderWithApp(<SegmentsScreen />, fake.bridge);
    const card = await screen.findByRole('article', { name: 'clients-catalunya' });
    expect(countOf(card, 'rows')).toBe('1,234');
    expect(countOf(card, 'valid')).toBe('1,200');
    expect(countOf(card, 'invalid')).toBe('20');
    expect(countOf(card, 'duplicates')).toBe('10');
    expect(countOf(card, 'blank')).toBe('4');
    expect(countOf(card, 'wrongFieldCount')).toBe('1');
    expect(within(card).getByLabelText<HTMLSelectElement>('Separator').value).toBe(';');
    expect(within(card).getByText('with byte-order mark')).toBeTruthy();
    const preview = within(card).getByRole('region', { name: /Preview of the first rows/ });
    expect(within(preview).getAllByRole('row')).toHaveLength(3);
    const problems = within(card)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(problems).toEqual([
      'Line 5: “mercè@@exemple” is not a valid email address',
      'Line 7: “ANNA@exemple.cat” is a duplicate of line 3',
      'Line 9: 2 values where the header has 3',
    ]);
    expect(within(card).getByText('Showing the first 3 of 35 problems.')).toBeTruthy();
  });

  it('streams a dropped file to main in order, shows progress, then the new card', async () => {
    const fake = fakeBridge([]);
    await renderWithApp(<SegmentsScreen />, fake.bridge);
    await screen.findByText(/No segments yet/);
    const text = 'Email;Nom\n' + 'anna@exemple.cat;Anna\n'.repeat(40_000);
    const file = new File([text], 'gran.csv', { type: 'text/csv' });
    fireEvent.drop(screen.getByTestId('segment-drop-zone'), {
      dataTransfer: { files: [file], types: ['Files'] },
    });

    await waitFor(() => expect(fake.calls.segmentsTransferEnd).toHaveBeenCalledTimes(1));
    expect(fake.calls.segmentsTransferBegin).toHaveBeenCalledWith({
      fileName: 'gran.csv',
      size: file.size,
    });
    expect(fake.chunks.map((chunk) => chunk.offset)).toEqual([0, 524_288]);
    const binary = fake.chunks.map((chunk) => atob(chunk.data)).join('');
    const received = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    expect(new TextDecoder().decode(received)).toBe(text);

    act(() =>
      fake.emitProgress({
        importId: 'transfer-1',
        fileName: 'gran.csv',
        phase: 'reading',
        bytesRead: file.size / 2,
        totalBytes: file.size,
        rows: 20_000,
      }),
    );
    const bar = screen.getByRole('progressbar', { name: 'Reading “gran.csv”… 20,000 rows so far' });
    expect(bar.getAttribute('value')).toBe('50');

    const imported = segment({ id: 'transfer-1', name: 'gran', fileName: 'gran.csv' });
    fake.setList([imported]);
    await act(async () =>
      fake.finishTransfer({ ok: true, fileName: 'gran.csv', segment: imported }),
    );
    expect(await screen.findByRole('article', { name: 'gran' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Imported “gran”: 1,234 rows.')).toBeTruthy();
  });

  it('says in plain words why a file was not imported, in the person’s language', async () => {
    const fake = fakeBridge([]);
    fake.calls.segmentsTransferBegin.mockResolvedValueOnce(
      ok({
        ok: false as const,
        error: {
          code: 'too-large',
          message: 'English words from main',
          params: { fileName: 'enorme.csv', size: '3.1 GB', limit: '2 GB' },
        },
      }) as never,
    );
    await renderWithApp(<SegmentsScreen />, fake.bridge, 'ca');
    fireEvent.drop(screen.getByTestId('segment-drop-zone'), {
      dataTransfer: { files: [new File(['x'], 'enorme.csv')], types: ['Files'] },
    });
    const alert = await screen.findByText(/No s'ha importat «enorme.csv»/);
    expect(alert.parentElement?.textContent).toContain(
      'El fitxer fa 3.1 GB, més dels 2 GB que Segment Courier pot importar',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Descarta' }));
    expect(screen.queryByText(/No s'ha importat/)).toBeNull();
    expect(fake.calls.segmentsTransferChunk).not.toHaveBeenCalled();
  });

  it('renames in place, re-reads with another separator, and removes after confirming', async () => {
    const fake = fakeBridge([segment()]);
    await renderWithApp(<SegmentsScreen />, fake.bridge);
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: 'clients-catalunya' });

    const name = within(card).getByRole('textbox', { name: 'Segment name' });
    await user.clear(name);
    await user.type(name, 'Clients Girona{Enter}');
    expect(fake.calls.segmentsRename).toHaveBeenCalledWith({ id: 'seg-1', name: 'Clients Girona' });

    await user.selectOptions(within(card).getByLabelText('Separator'), ',');
    expect(fake.calls.segmentsReimport).toHaveBeenCalledWith({
      id: 'seg-1',
      encoding: 'utf-8',
      delimiter: ',',
    });
    const replaced = await screen.findByRole('article', { name: 'clients-catalunya' });
    await waitFor(() =>
      expect(within(replaced).getByLabelText<HTMLSelectElement>('Separator').value).toBe(','),
    );
    expect(document.activeElement).toBe(within(replaced).getByLabelText('Separator'));

    await user.click(within(replaced).getByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove “clients-catalunya”?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep it' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fake.calls.segmentsRemove).not.toHaveBeenCalled();

    await user.click(within(replaced).getByRole('button', { name: 'Remove' }));
    await user.click(screen.getByRole('button', { name: 'Remove segment' }));
    expect(fake.calls.segmentsRemove).toHaveBeenCalledWith({ id: 'seg-2' });
    expect(await screen.findByText('Removed “clients-catalunya”.')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('imports files opened with the app, from any screen, and Browse… is reachable by keyboard', async () => {
    const fake = fakeBridge([]);
    const waiting = [['/home/marta/at-start.csv'], ['/home/marta/segment.csv']];
    const appTakeOpenFiles = vi.fn(async () => ok({ paths: waiting.shift() ?? [] }));
    await renderWithApp(<AppShell initialScreen="history" />, { ...fake.bridge, appTakeOpenFiles });
    // Files waiting when the window opened: the shell switches to Segments and imports them.
    await waitFor(() =>
      expect(fake.calls.segmentsImportPaths).toHaveBeenCalledWith({
        paths: ['/home/marta/at-start.csv'],
      }),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Segments');
    // More files later: main says so, the shell takes them.
    act(() => fake.openFiles(['/home/marta/segment.csv']));
    await waitFor(() =>
      expect(fake.calls.segmentsImportPaths).toHaveBeenCalledWith({
        paths: ['/home/marta/segment.csv'],
      }),
    );
    expect(fake.calls.segmentsImportPaths).toHaveBeenCalledTimes(2);
    const user = userEvent.setup();
    const browse = screen.getByRole('button', { name: 'Browse…' });
    browse.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.calls.segmentsBrowse).toHaveBeenCalledTimes(1));
  });

  it('shows a first-start checklist that ticks itself off, and goes once all is done', async () => {
    const fake = fakeBridge([segment()]);
    const first = {
      ...fake.bridge,
      destinationsList: vi.fn(async () => ok([])),
      jobsList: vi.fn(async () => ok([])),
    } as unknown as Partial<BridgeApi>;
    const view = await renderWithApp(<AppShell initialScreen="segments" />, first);
    const checklist = await screen.findByRole('region', { name: 'Getting started' });
    const steps = within(checklist)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(steps).toEqual([
      expect.stringMatching(/^1Add the account .* \(to do\)Add a destination$/),
      expect.stringMatching(/^✓Add a segment.* \(done\)$/),
      expect.stringMatching(/^3Export the segment.* \(to do\)Start an export$/),
    ]);
    await userEvent
      .setup()
      .click(within(checklist).getByRole('button', { name: 'Add a destination' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Destinations');
    view.unmount();

    const everythingDone = {
      ...first,
      destinationsList: vi.fn(async () => ok([{ id: 'dest-1' }])),
      jobsList: vi.fn(async () => ok([{ id: 'job-1' }])),
    } as unknown as Partial<BridgeApi>;
    await renderWithApp(<SegmentsScreen />, everythingDone);
    await screen.findByRole('article', { name: 'clients-catalunya' });
    await waitFor(() => expect(everythingDone.jobsList).toHaveBeenCalled());
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });

  it('lists segments compactly: the newest with its details, the others on demand', async () => {
    const older = segment({ id: 'seg-old', name: 'older' });
    const newer = segment({ id: 'seg-new', name: 'newer' });
    const fake = fakeBridge([older, newer]);
    const navigate = vi.fn();
    await renderWithApp(<SegmentsScreen />, fake.bridge, 'en', {
      target: { screen: 'segments' },
      navigate,
    });
    const newest = await screen.findByRole('article', { name: 'newer' });
    const other = screen.getByRole('article', { name: 'older' });
    expect(within(newest).getByRole('region', { name: /Preview of the first rows/ })).toBeTruthy();
    expect(within(other).queryByRole('region', { name: /Preview of the first rows/ })).toBeNull();
    const show = within(other).getByRole('button', { name: 'Show details' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    const user = userEvent.setup();
    await user.click(show);
    expect(within(other).getByRole('region', { name: /Preview of the first rows/ })).toBeTruthy();
    expect(within(other).getByRole('button', { name: 'Hide details' })).toBeTruthy();

    await user.click(within(other).getByRole('button', { name: 'Export this segment' }));
    expect(navigate).toHaveBeenCalledWith({ screen: 'export', segmentIds: ['seg-old'] });
  });

  it('lets the person name the columns of a file without a header row', async () => {
    const headerless = segment({
      columns: ['Column 1', 'Column 2', 'Column 3'],
      headerless: true,
      emailColumn: 'Column 1',
    });
    const fake = fakeBridge([headerless]);
    await renderWithApp(<SegmentsScreen />, fake.bridge);
    const card = await screen.findByRole('article', { name: 'clients-catalunya' });
    const names = within(card).getByRole('group', { name: 'Column names' });
    const save = within(names).getByRole('button', { name: 'Save column names' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const second = within(names).getByLabelText('Column 2');
    expect(second.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(names).getByText('First value: Jordi')).toBeTruthy();
    const user = userEvent.setup();
    await user.clear(second);
    await user.type(second, 'Nom');
    await user.click(save);
    await waitFor(() =>
      expect(fake.calls.segmentsReimport).toHaveBeenCalledWith({
        id: 'seg-1',
        encoding: 'utf-8',
        delimiter: ';',
        columnNames: ['Column 1', 'Nom', 'Column 3'],
      }),
    );
  });

  it('offers no column names for a file that has a header row', async () => {
    await renderWithApp(<SegmentsScreen />, fakeBridge([segment()]).bridge);
    const card = await screen.findByRole('article', { name: 'clients-catalunya' });
    expect(within(card).queryByRole('group', { name: 'Column names' })).toBeNull();
  });

  it('takes files dropped anywhere on the window, from any screen', async () => {
    const fake = fakeBridge([]);
    await renderWithApp(<AppShell initialScreen="history" />, fake.bridge);
    const file = new File(['Email\nanna@exemple.cat\n'], 'dropped.csv', { type: 'text/csv' });
    fireEvent.drop(screen.getByRole('navigation'), {
      dataTransfer: { files: [file], types: ['Files'] },
    });
    await waitFor(() => expect(fake.calls.segmentsImportDropped).toHaveBeenCalledWith([file]));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Segments');
  });

  it('warns when no column looks like an email, and speaks Catalan', async () => {
    const fake = fakeBridge([segment({ emailColumn: null, problems: [], problemCount: 0 })]);
    await renderWithApp(<SegmentsScreen />, fake.bridge, 'ca');
    const card = await screen.findByRole('article', { name: 'clients-catalunya' });
    expect(within(card).getByText(/Cap columna no sembla una adreça electrònica/)).toBeTruthy();
    expect(countOf(card, 'rows')).toBe('1.234');
    expect(within(card).getByText("No s'ha trobat cap problema.")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Navega…' })).toBeTruthy();
  });
});

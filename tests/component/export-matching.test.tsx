import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportScreen } from '../../renderer/src/features/export/export-screen';
import type { ExportPlanSummary } from '../../shared/model/export-plan';
import { fakeExportBridge, renderScreen, segment } from '../support/component/export-fake-bridge';

const columnOf = (field: string) =>
  screen.getByRole<HTMLSelectElement>('combobox', { name: `Column for ${field}` });

async function chooseDestination() {
  const select = await screen.findByRole('combobox', { name: 'Send to' });
  await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
  await userEvent.selectOptions(select, 'Autopilot Barcelona');
}

async function chooseSegment(name: string) {
  await userEvent.click(await screen.findByRole('checkbox', { name: new RegExp(name) }));
}

describe('Export screen: matching', () => {
  it.each([
    {
      language: 'English (Dynamics 365 export)',
      columns: ['CustomerId', 'FirstName', 'LastName', 'PrimaryEmail', 'Telephone1'],
      row: ['c-1', 'Ann', 'Lee', 'ann@example.com', '555 0100'],
      expected: {
        Email: 'PrimaryEmail',
        'First name': 'FirstName',
        'Last name': 'LastName',
        Phone: 'Telephone1',
      },
    },
    {
      language: 'English (Outlook)',
      columns: ['Given Name', 'Surname', 'E-mail Address'],
      row: ['Ann', 'Lee', 'ann@example.com'],
      expected: { Email: 'E-mail Address', 'First name': 'Given Name', 'Last name': 'Surname' },
    },
    {
      language: 'Catalan',
      columns: ['Nom', 'Cognoms', 'Correu electrònic', 'Població'],
      row: ['Núria', 'Espert', 'nuria@exemple.cat', 'Lleida'],
      expected: {
        Email: 'Correu electrònic',
        'First name': 'Nom',
        'Last name': 'Cognoms',
        'Mailing city': 'Població',
      },
    },
    {
      language: 'Spanish',
      columns: ['Nombre', 'Apellidos', 'Correo electrónico', 'Empresa'],
      row: ['Lucía', 'García', 'lucia@ejemplo.es', 'Acme'],
      expected: {
        Email: 'Correo electrónico',
        'First name': 'Nombre',
        'Last name': 'Apellidos',
        Company: 'Empresa',
      },
    },
    {
      language: 'French',
      columns: ['Prénom', 'Nom', 'Courriel', 'Ville'],
      row: ['Chloé', 'Martin', 'chloe@exemple.fr', 'Lyon'],
      expected: {
        Email: 'Courriel',
        'First name': 'Prénom',
        'Last name': 'Nom',
        'Mailing city': 'Ville',
      },
    },
    {
      language: 'German, odd spacing and case',
      columns: ['  VORNAME ', 'Nach-name', 'E-Mail-Adresse', 'PLZ'],
      row: ['Jürgen', 'Weiß', 'juergen@beispiel.de', '10115'],
      expected: {
        Email: 'E-Mail-Adresse',
        'First name': '  VORNAME ',
        'Last name': 'Nach-name',
        'Mailing postal code': 'PLZ',
      },
    },
  ])('auto-matches $language headers, with sample values', async ({ columns, row, expected }) => {
    const fake = fakeExportBridge({ segments: [segment('contacts', columns, [row])] });
    await renderScreen(<ExportScreen />, fake.bridge);
    await chooseSegment('contacts');
    await screen.findByRole('table');
    for (const [field, column] of Object.entries(expected)) {
      expect(columnOf(field).value).toBe(column);
      const sample = row[columns.indexOf(column)] ?? '';
      expect(
        within(columnOf(field).closest('tr') as HTMLElement).getByText(sample.trim()),
      ).toBeTruthy();
    }
    expect(screen.getByText(/Matched automatically from the column names/)).toBeTruthy();
    await waitFor(() => expect(fake.calls.exportsPlan).toHaveBeenCalled());
    const [request] = fake.calls.exportsPlan.mock.lastCall?.[0].segments ?? [];
    expect(request?.mapping.email).toBe(expected.Email);
    expect(request?.listName).toBe('contacts');
  });

  it('asks for the email column when none looks like one, and counts nothing until it is chosen', async () => {
    const fake = fakeExportBridge({
      segments: [
        segment(
          'raw',
          ['Col A', 'Col B'],
          [
            ['x1', 'Anna'],
            ['x2', 'Jordi'],
          ],
        ),
      ],
    });
    await renderScreen(<ExportScreen />, fake.bridge);
    await chooseDestination();
    await chooseSegment('raw');
    await screen.findByRole('table');
    expect(columnOf('Email').value).toBe('');
    expect(screen.getByRole('alert').textContent).toContain(
      'Choose the column that holds the email address',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' }).disabled).toBe(true);
    // Issue 17, item 3: the blocker says which segment and links to its matching.
    const blocker = screen.getByRole('link', {
      name: 'Match the column that holds the email for “raw”.',
    });
    expect(blocker.getAttribute('href')).toBe('#matching');
    expect(fake.calls.exportsPlan).not.toHaveBeenCalled();

    await userEvent.selectOptions(columnOf('Email'), 'Col A');
    expect(screen.queryByText(/Choose the column that holds the email address/)).toBeNull();
    await waitFor(() => expect(fake.calls.exportsPlan).toHaveBeenCalled());
    expect(fake.calls.exportsPlan.mock.lastCall?.[0].segments[0]?.mapping.email).toBe('Col A');
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' }).disabled).toBe(
        false,
      ),
    );
  });

  it('flags one column feeding two fields and keeps it from being counted or sent', async () => {
    const fake = fakeExportBridge({
      segments: [segment('clients', ['Email', 'Nom'], [['anna@exemple.cat', 'Anna']])],
    });
    await renderScreen(<ExportScreen />, fake.bridge);
    await chooseDestination();
    await chooseSegment('clients');
    await screen.findByRole('table');
    await waitFor(() => expect(fake.calls.exportsPlan).toHaveBeenCalledTimes(1));

    await userEvent.selectOptions(columnOf('Last name'), 'Nom');
    const rows = screen.getAllByText(
      '“Nom” already feeds another field. One column can feed only one field.',
    );
    expect(rows).toHaveLength(2);
    expect(columnOf('Last name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export…' }).disabled).toBe(true);
    expect(fake.calls.exportsPlan).toHaveBeenCalledTimes(1);

    await userEvent.selectOptions(columnOf('Last name'), '');
    expect(screen.queryByText(/already feeds another field/)).toBeNull();
  });

  it('adds a new custom field with its type and shows how many values do not fit it', async () => {
    const plan = (
      segments: { segmentId: string; mapping: { custom: { name: string }[] } }[],
    ): ExportPlanSummary => {
      const custom = segments[0]?.mapping.custom.some((field) => field.name === 'Punts');
      const misfits = custom
        ? [
            {
              field: 'Punts',
              type: 'integer' as const,
              column: 'Punts',
              count: 2,
              examples: ['dotze', 'n/a'],
              suspicious: true,
            },
          ]
        : [];
      // Values that do not fit leave the value out, not the contact (issue 17, item 1).
      const valid = 3;
      const consent = { optedOut: 0, unsubscribed: 0 };
      return {
        segments: [
          { segmentId: 'punts', rows: 3, valid, invalid: 0, duplicates: 0, ...consent, misfits },
        ],
        totals: {
          rows: 3,
          valid,
          invalid: 0,
          duplicates: 0,
          ...consent,
          misfitValues: misfits.length > 0 ? 2 : 0,
        },
        large: false,
      };
    };
    const fake = fakeExportBridge({
      segments: [
        segment(
          'punts',
          ['Email', 'Punts'],
          [
            ['a@x.cat', '12'],
            ['b@x.cat', 'dotze'],
            ['c@x.cat', 'n/a'],
          ],
        ),
      ],
      plan,
    });
    await renderScreen(<ExportScreen />, fake.bridge);
    await chooseDestination();
    await chooseSegment('punts');
    await screen.findByRole('table');

    const add = screen.getByRole('form', { name: 'Add a field' });
    await userEvent.selectOptions(within(add).getByLabelText('Add a field'), 'A new custom field…');
    await userEvent.click(within(add).getByRole('button', { name: 'Add field' }));
    expect(within(add).getByRole('alert').textContent).toBe('Give the new field a name.');
    await userEvent.type(within(add).getByLabelText('New field name'), 'Punts');
    await userEvent.selectOptions(within(add).getByLabelText('Type'), 'whole number');
    await userEvent.click(within(add).getByRole('button', { name: 'Add field' }));

    await userEvent.selectOptions(columnOf('Punts'), 'Punts');
    const misfit = await screen.findByText(/values do not fit a whole number/);
    expect(misfit.textContent).toBe(
      '2 values do not fit a whole number, for example “dotze”, “n/a”. Their contacts are sent without them.',
    );
    expect(fake.calls.exportsPlan.mock.lastCall?.[0].segments[0]?.mapping.custom).toEqual([
      { name: 'Punts', type: 'integer', column: 'Punts' },
    ]);
    expect(screen.getByTestId('export-total').textContent).toContain('3 profiles in 1 segment');
    expect(columnOf('Punts').closest('tr')?.textContent).toContain(
      'new custom field, whole number',
    );
  });

  it('uses the matching remembered for files of this shape instead of guessing', async () => {
    const remembered = { email: 'Mail 2', standard: { FirstName: 'Nom' }, custom: [] };
    const fake = fakeExportBridge({
      segments: [
        segment('week-2', ['Mail 1', 'Mail 2', 'Nom'], [['old@x.cat', 'new@x.cat', 'Anna']]),
      ],
      remembered: { 'week-2': remembered },
    });
    await renderScreen(<ExportScreen />, fake.bridge);
    await chooseSegment('week-2');
    await screen.findByRole('table');
    expect(columnOf('Email').value).toBe('Mail 2');
    expect(columnOf('First name').value).toBe('Nom');
    expect(screen.getByText('Matched as last time for files with these columns.')).toBeTruthy();
  });

  it('matches once per shape when several segments share their columns', async () => {
    const columns = ['Email', 'First name'];
    const fake = fakeExportBridge({
      segments: [
        segment('barcelona', columns, [['a@x.cat', 'Anna']]),
        segment('girona', columns, [['b@x.cat', 'Berta']]),
        segment('lleida', ['Correu', 'Nom'], [['c@x.cat', 'Carla']]),
      ],
    });
    await renderScreen(<ExportScreen />, fake.bridge);
    await chooseSegment('barcelona');
    await chooseSegment('girona');
    await chooseSegment('lleida');
    // Two matching tables (the preview's table is the third one on the screen).
    await waitFor(() =>
      expect(document.querySelectorAll('table.export-matching-table')).toHaveLength(2),
    );
    expect(screen.getByRole('heading', { name: 'Columns of “barcelona”, “girona”' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Columns of “lleida”' })).toBeTruthy();
    await waitFor(() =>
      expect(
        fake.calls.exportsPlan.mock.lastCall?.[0].segments.map((item) => item.mapping.email),
      ).toEqual(['Email', 'Email', 'Correu']),
    );
  });
});

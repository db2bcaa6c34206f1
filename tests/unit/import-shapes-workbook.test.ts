import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSegmentLibrary } from '../../core/segments/segment-library';
import { describe, expect, it } from 'vitest';
import { workbookEntries, writeWorkbook, writeZip } from '../support/shape-fixtures';
import { people, useShapeFolders } from '../support/shape-reading';

const { at, read, failure, expectNothingImported } = useShapeFolders();

describe('Excel workbooks', () => {
  it('reads the sheet with an email header, cells as the sheet shows them', async () => {
    const file = await writeWorkbook(at('list.xlsx'), [
      { name: 'Notes', rows: [['Exported by Marta'], ['Do not edit']] },
      { name: 'Contacts', rows: people },
    ]);
    const segment = await read(file);
    expect(segment.shape).toEqual({ source: 'xlsx', sheet: 'Contacts', choices: ['Notes'] });
    expect(segment.columns).toEqual(['Email', 'Name', 'Joined', 'Spent', 'Phone']);
    expect(segment.report.preview).toEqual([
      ['ann@example.com', 'Ann', '2025-12-09', '1,234.50', '34600111222'],
      ['bob@example.com', 'Bob', '2024-01-01', '7.00', ''],
    ]);
    expect(segment.report.counts).toMatchObject({ rows: 2, valid: 2, wrongFieldCount: 0 });
  });

  it('reads the only sheet with rows, and the sheet the person names', async () => {
    const file = await writeWorkbook(at('two.xlsx'), [
      { name: 'Empty', rows: [] },
      {
        name: 'Leads',
        rows: [
          ['Name', 'Mail'],
          ['Carla', 'carla@example.com'],
        ],
      },
      { name: 'Extra', rows: [['Name'], ['Dani']], firstRow: 3 },
    ]);
    expect((await read(file, { choice: { sheet: 'Extra' } })).report.preview).toEqual([['Dani']]);
    const only = await writeWorkbook(at('only.xlsx'), [
      { name: 'Empty', rows: [] },
      {
        name: 'Leads',
        rows: [
          ['Name', 'Phone'],
          ['Carla', '555'],
        ],
      },
    ]);
    expect((await read(only)).shape).toEqual({ source: 'xlsx', sheet: 'Leads' });
    const unknown = await failure(file, { choice: { sheet: 'Nope' } });
    expect(unknown.code).toBe('workbook-unknown-sheet');
    expect(unknown.message).toContain('Leads, Extra');
  });

  it('refuses a workbook that holds only charts', async () => {
    const file = await writeWorkbook(at('charts.xlsx'), [], { chartSheets: ['Chart1'] });
    const refused = await failure(file);
    expect(refused.code).toBe('workbook-no-rows');
    expect(refused.message).toContain('may hold only charts');
    await expectNothingImported(file, 'workbook-no-rows');
  });

  it('refuses a password-protected workbook', async () => {
    // An encrypted .xlsx is an OLE2 compound file whose directory names an EncryptedPackage.
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    const directory = Buffer.alloc(512);
    ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, index) =>
      Buffer.from(name, 'utf16le').copy(directory, index * 128),
    );
    const file = at('secret.xlsx');
    await writeFile(file, Buffer.concat([header, directory, Buffer.alloc(4096, 0x5a)]));
    const refused = await failure(file);
    expect(refused.code).toBe('workbook-protected');
    expect(refused.message).toContain('protected with a password');
    await expectNothingImported(file, 'workbook-protected');
  });

  it('refuses an old .xls workbook with a sentence', async () => {
    const file = at('old.xls');
    const header = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    Buffer.from('Workbook', 'utf16le').copy(header, 512);
    await writeFile(file, header);
    expect((await failure(file)).code).toBe('workbook-old-format');
  });

  it('never expands entities a sheet declares (billion laughs)', async () => {
    const entries = workbookEntries([{ name: 'Sheet1', rows: [['Email'], ['a@example.com']] }]);
    const laughs = Array.from(
      { length: 9 },
      (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">${laughs}]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const file = await writeZip(
      at('laughs.xlsx'),
      entries.map((entry) =>
        entry.name.includes('worksheets/') ? { ...entry, data: bomb } : entry,
      ),
    );
    expect((await failure(file)).code).toBe('workbook-damaged');
  });
});

describe('another sheet, picked after the import', () => {
  it('replaces the segment with the chosen sheet’s rows, keeping its name', async () => {
    const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-shapes-library-'));
    const library = await createSegmentLibrary({ dataFolder });
    try {
      const file = await writeWorkbook(at('choose.xlsx'), [
        { name: 'Contacts', rows: [['Email'], ['ann@example.com']] },
        { name: 'Leads', rows: [['Email'], ['bob@example.com'], ['cai@example.com']] },
      ]);
      const [first] = await library.importPaths([file]);
      if (!first?.ok) throw new Error('import failed');
      expect(first.segment.shape).toMatchObject({ sheet: 'Contacts', choices: ['Leads'] });
      const leads = await library.reimport(first.segment.id, {}, { sheet: 'Leads' });
      if (!leads.ok) throw new Error(leads.error.message);
      expect(leads.segment).toMatchObject({ name: 'choose', counts: { rows: 2 } });
      expect(leads.segment.shape).toMatchObject({ sheet: 'Leads', choices: ['Contacts'] });
      // A re-read with another encoding keeps the sheet that was picked.
      const again = await library.reimport(leads.segment.id, { encoding: 'utf-8' });
      expect(again.ok && again.segment.shape?.sheet).toBe('Leads');
      expect((await library.list()).map((segment) => segment.shape?.sheet)).toEqual(['Leads']);
    } finally {
      await library.dispose();
      await rm(dataFolder, { recursive: true, force: true });
    }
  });
});

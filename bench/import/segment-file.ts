import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/**
 * A segment export as the benchmarks read it: a CI-style header, Catalan and Spanish accents,
 * quoted values with commas and doubled quotes, and a little dirt (one duplicate in 1,000 rows,
 * one invalid address in 997) so validation does its real work.
 */
function segmentRow(index: number): string {
  const email =
    index % 997 === 0
      ? `user${index}@exemple`
      : index % 1000 === 0
        ? `USER${index - 1}@exemple.cat`
        : `user${index}@exemple.cat`;
  return `${email},Àngel ${index % 100},Guimerà-Ñúñez,Girona,"Forn ""Cal Pep"", S.L.",${index}.50,"nota amb, coma"`;
}

const segmentHeader = 'Email,FirstName,LastName,City,Company,Amount,Notes';

export async function writeSegmentFile(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${segmentHeader}\n`);
  for (let start = 1; start <= rows; start += 10_000) {
    let chunk = '';
    for (let index = start; index < Math.min(start + 10_000, rows + 1); index += 1) {
      chunk += `${segmentRow(index)}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

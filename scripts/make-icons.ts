// Renders build/icon.svg (and build/icon-small.svg for the tiniest sizes) into every icon file the
// installers need, so packaging itself needs no image tool. Run after changing the SVG:
//   npx tsx scripts/make-icons.ts
// It rasterises with Debian's Chromium (the one the end-to-end tests use) and writes the .ico and
// .icns containers itself: both are simple indexes over PNG images.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';

const buildFolder = fileURLToPath(new URL('../build/', import.meta.url));

/** Sizes at or below this use the simplified mark: the trailing rows would only blur. */
const smallMarkUpTo = 32;
/** Linux wants one PNG per size in build/icons/NxN.png (electron-builder's hicolor set). */
export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Windows shows 16 to 256 from one .ico. */
export const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const;
/** macOS icon types that hold a PNG, with their pixel sizes (the @2x types reuse a bigger image). */
export const icnsEntries = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
] as const;

async function renderPng(browser: Browser, svg: string, size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  try {
    const sized = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
    await page.setContent(
      `<html style="background:transparent"><body style="margin:0">${sized}</body></html>`,
    );
    return await page.screenshot({ omitBackground: true, type: 'png' });
  } finally {
    await page.close();
  }
}

/** ICO: a 6-byte header, a 16-byte entry per image, then the PNGs (Windows Vista and later). */
function buildIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** ICNS: 'icns' and the total length, then per image its 4-letter type, its length and a PNG. */
function buildIcns(images: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((total, chunk) => total + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function renderAllSizes(browser: Browser): Promise<Map<number, Buffer>> {
  const [fullSvg, smallSvg] = await Promise.all([
    readFile(path.join(buildFolder, 'icon.svg'), 'utf8'),
    readFile(path.join(buildFolder, 'icon-small.svg'), 'utf8'),
  ]);
  const sizes = new Set<number>([...linuxSizes, ...icoSizes, 1024]);
  for (const [, size] of icnsEntries) sizes.add(size);
  const pngs = new Map<number, Buffer>();
  for (const size of [...sizes].sort((a, b) => a - b)) {
    pngs.set(size, await renderPng(browser, size <= smallMarkUpTo ? smallSvg : fullSvg, size));
  }
  return pngs;
}

function pngOf(pngs: Map<number, Buffer>, size: number): Buffer {
  const png = pngs.get(size);
  if (!png) throw new Error(`No ${size}px rendering`);
  return png;
}

async function main(): Promise<void> {
  // Loaded here so that tests can import the size tables and container writers without a browser.
  const { chromium } = await import('@playwright/test');
  const { chromiumLaunchOptions } = await import('../tests/support/chromium');
  const browser = await chromium.launch(chromiumLaunchOptions);
  let pngs: Map<number, Buffer>;
  try {
    pngs = await renderAllSizes(browser);
  } finally {
    await browser.close();
  }
  await mkdir(path.join(buildFolder, 'icons'), { recursive: true });
  await writeFile(path.join(buildFolder, 'icon.png'), pngOf(pngs, 1024));
  for (const size of linuxSizes) {
    await writeFile(path.join(buildFolder, 'icons', `${size}x${size}.png`), pngOf(pngs, size));
  }
  const ico = buildIco(icoSizes.map((size) => ({ size, png: pngOf(pngs, size) })));
  await writeFile(path.join(buildFolder, 'icon.ico'), ico);
  const icns = buildIcns(icnsEntries.map(([type, size]) => ({ type, png: pngOf(pngs, size) })));
  await writeFile(path.join(buildFolder, 'icon.icns'), icns);
  console.log(`Wrote build/icon.png, build/icons/*.png, build/icon.ico and build/icon.icns.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}

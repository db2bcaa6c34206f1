// Issue 15, item 7: no import circles, checked in `npm test`. Type-only imports count too: a
// circle of types still ties two files' meanings together. So do re-exports and dynamic
// `import()`s: TypeScript's own scanner reads them, and skips what only looks like an import in a
// comment or a string.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const layers = ['core', 'cli', 'electron', 'shared', 'renderer/src', 'emulator'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string, known: ReadonlySet<string>) {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((file) => known.has(file));
}

/** The files of `known` that `text` (the source of `file`) imports. */
function importTargets(file: string, text: string, known: ReadonlySet<string>): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.filter((imported) => imported.fileName.startsWith('.'))
    .map((imported) => resolveImport(file, imported.fileName, known))
    .filter((target): target is string => target !== undefined);
}

function importGraph(): Map<string, string[]> {
  const files = layers.flatMap((layer) => sourceFiles(path.join(root, layer)));
  const known = new Set(files);
  return new Map(
    files.map((file) => [file, importTargets(file, readFileSync(file, 'utf8'), known)]),
  );
}

/** Each circle once, as the files on it (Tarjan's strongly connected components). */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) visit(target);
      if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const circle: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      circle.push(path.relative(root, member));
    } while (member !== file);
    if (circle.length > 1 || graph.get(file)?.includes(file)) circles.push(circle.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

describe('import circles', () => {
  it('reads type imports, re-exports and dynamic imports, not comments or strings', () => {
    const at = (name: string) => path.join(root, 'core', name);
    const known = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => at(`${name}.ts`)));
    const source = [
      "import type { A } from './a';",
      "export { B } from './b';",
      "export * from './c';",
      "const d = await import('./d');",
      "// import { E } from './e';",
      'const text = "import { F } from \'./f\'";',
    ].join('\n');
    expect(importTargets(at('x.ts'), source, known)).toEqual(
      ['a', 'b', 'c', 'd'].map((name) => at(`${name}.ts`)),
    );
  });

  it('finds a circle when there is one', () => {
    const graph = new Map([
      [path.join(root, 'a.ts'), [path.join(root, 'b.ts')]],
      [path.join(root, 'b.ts'), [path.join(root, 'a.ts')]],
      [path.join(root, 'c.ts'), [path.join(root, 'a.ts')]],
    ]);
    expect(importCircles(graph)).toEqual([['a.ts', 'b.ts']]);
  });

  it('the app, the engine and the command line have none', () => {
    expect(importCircles(importGraph())).toEqual([]);
  });
});

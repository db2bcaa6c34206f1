import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * Streams XML through saxes with the handful of events a workbook part needs. saxes expands only
 * XML's five built-in entities and character references, never entities a DOCTYPE declares, so a
 * "billion laughs" part fails with an error instead of filling the memory.
 */
interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** `x:row` and `row` are the same element: some writers prefix SpreadsheetML's namespace. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function createParser(handlers: XmlHandlers): SaxesParser {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>);
    if (tag.isSelfClosing) handlers.close?.(localName(tag.name));
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) handlers.close?.(localName(tag.name));
  });
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', (value) => text(value));
    parser.on('cdata', (value) => text(value));
  }
  return parser;
}

/**
 * Parses a stream chunk by chunk. After each chunk `afterChunk` may ask to wait (the rows it
 * collected are being written), so at most one chunk's rows are held at a time.
 */
export async function parseXmlStream(
  stream: Readable,
  handlers: XmlHandlers,
  afterChunk?: () => Promise<void> | null | 'stop',
): Promise<void> {
  const parser = createParser(handlers);
  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      const next = afterChunk?.() ?? null;
      if (next === 'stop') return;
      if (next) await next;
    }
    parser.close();
  } finally {
    stream.destroy();
  }
}

export function parseXmlText(text: string, handlers: XmlHandlers): void {
  createParser(handlers).write(text).close();
}

/** An attribute by its local name (`r:id` and `id` alike when asked for `id` with a prefix). */
export function attribute(
  attributes: Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  if (Object.hasOwn(attributes, name)) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) {
    if (localName(key) === name && key.includes(':')) return value;
  }
  return undefined;
}

/** Reading requests and writing JSON answers with node:http, kept apart from the emulator's rules. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './router';

/** Far above 100 contacts of real data; protects the emulator from runaway clients. */
export const maxBodyBytes = 10 * 1024 * 1024;

export async function readBody(
  request: IncomingMessage,
): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return { text: '', tooLarge: true };
    chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: false };
}

export function parseJson(text: string): { body: unknown; invalid: boolean } {
  if (text.trim() === '') return { body: undefined, invalid: false };
  try {
    return { body: JSON.parse(text) as unknown, invalid: false };
  } catch {
    return { body: undefined, invalid: true };
  }
}

/**
 * `/v1/list/x/contact/a%40b.com` → `['list', 'x', 'contact', 'a@b.com']`; undefined when the path
 * is not under `/v1` or does not decode.
 */
export function apiSegments(rawUrl: string | undefined): string[] | undefined {
  const pathname = new URL(rawUrl ?? '/', 'http://127.0.0.1').pathname;
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'v1') return undefined;
  try {
    return parts.slice(1).map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}

export function sendReply(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return;
  const text = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  response.end(text);
}

import { describe, expect, it } from 'vitest';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { reportFileName } from '../../core/jobs/jobs-report';

describe('the report of undelivered rows', () => {
  it('names the report after its segments and day, without characters file systems refuse', () => {
    const manifest = {
      createdAt: '2026-03-01T10:00:00.000Z',
      segments: [{ name: 'Clients: VIP/Gold' }, { name: 'Nous?' }],
    } as unknown as JobManifest;
    expect(reportFileName(manifest)).toBe(
      'Clients- VIP-Gold, Nous- - not delivered 2026-03-01.csv',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAllowedNavigation } from '../../electron/security/navigation';

describe('navigation allow-list', () => {
  it.each([
    [appEntryUrl, true],
    ['app://segment-courier/assets/index.js', true],
    ['app://segment-courier.evil.com/index.html', false],
    ['app://other/index.html', false],
    ['https://good.example.com.evil.com', false],
    ['https://api2.autopilothq.com/v1/lists', false],
    ['http://127.0.0.1:8080/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });

  it('accepts an extra origin only when given, exactly', () => {
    expect(isAllowedNavigation('https://good.example.com/x', ['https://good.example.com'])).toBe(
      true,
    );
    expect(
      isAllowedNavigation('https://good.example.com.evil.com/x', ['https://good.example.com']),
    ).toBe(false);
    expect(isAllowedNavigation('http://good.example.com/x', ['https://good.example.com'])).toBe(
      false,
    );
  });
});

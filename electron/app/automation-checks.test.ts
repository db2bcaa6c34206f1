import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  automationsIn,
  checkOnWake,
  coalescedChecks,
  noAutomations,
  type BackgroundAutomations,
} from './automation-checks';

/** checkNow that the test finishes by hand, counting how often it was started. */
function slowAutomations() {
  const finishers: ((error?: Error) => void)[] = [];
  const automations: BackgroundAutomations = {
    ...noAutomations,
    checkNow: () =>
      new Promise<void>((resolve, reject) =>
        finishers.push((error) => (error ? reject(error) : resolve())),
      ),
  };
  return { automations, finishers };
}

describe('automation checks', () => {
  it('a check asked for while one runs shares it; the next one starts afresh', async () => {
    const { automations, finishers } = slowAutomations();
    const check = coalescedChecks(
      () => automations,
      () => undefined,
    );
    const first = check();
    const second = check();
    expect(finishers).toHaveLength(1);
    finishers[0]?.();
    await Promise.all([first, second]);
    void check();
    expect(finishers).toHaveLength(2);
  });

  it('a failed check is logged, not thrown, and does not block the next', async () => {
    const { automations, finishers } = slowAutomations();
    const logged: unknown[] = [];
    const check = coalescedChecks(
      () => automations,
      (error) => logged.push(error),
    );
    const failing = check();
    finishers[0]?.(new Error('folder gone'));
    await expect(failing).resolves.toBeUndefined();
    expect(logged).toEqual([new Error('folder gone')]);
    void check();
    expect(finishers).toHaveLength(2);
  });

  it('waking from sleep and unlocking the screen each ask for a check, until stopped', () => {
    const power = new EventEmitter();
    let checks = 0;
    const stop = checkOnWake(power, async () => void checks++);
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('suspend');
    expect(checks).toBe(2);
    stop();
    power.emit('resume');
    expect(checks).toBe(2);
    expect(power.listenerCount('resume') + power.listenerCount('unlock-screen')).toBe(0);
  });

  it("reads the host services' automation service, and none before it exists", () => {
    const service: BackgroundAutomations = { ...noAutomations, anyEnabled: () => true };
    expect(automationsIn({ automation: service })).toBe(service);
    expect(automationsIn({})).toBe(noAutomations);
    expect(automationsIn(null).anyEnabled()).toBe(false);
  });
});

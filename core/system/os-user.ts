import os from 'node:os';

/**
 * The OS account recorded in consent receipts and privacy agreements. Some containers have no
 * passwd entry for the running user, where os.userInfo() throws: fall back to the environment.
 */
export function currentOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

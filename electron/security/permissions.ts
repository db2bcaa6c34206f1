/**
 * The page needs no browser permission (camera, notifications, geolocation, clipboard reads...):
 * OS notifications come from main. Every request is denied unless named here.
 */
export const allowedPermissions: ReadonlySet<string> = new Set<string>([]);

export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}

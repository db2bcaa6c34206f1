/** The app's screens, in navigation order. */
export const screens = [
  'destinations',
  'segments',
  'export',
  'automation',
  'history',
  'about',
] as const;
export type Screen = (typeof screens)[number];

/**
 * The tray icon (the menu bar on macOS) background-mode.ts asks for: Electron's Tray with the
 * app's icon (tray-icon.png, with tray-icon@2x.png for high-density screens, copied next to
 * main.cjs by scripts/build-electron.mjs) and its menu.
 */
import { Menu, nativeImage, Tray } from 'electron';
import type { TrayHandle, TraySpec } from './background-mode';

export function trayIconMaker(iconPath: string): (spec: TraySpec) => TrayHandle {
  return (spec) => {
    const tray = new Tray(nativeImage.createFromPath(iconPath));
    tray.setToolTip(spec.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate(spec.items.map(({ label, click }) => ({ label, click }))),
    );
    // Windows and macOS report a click on the icon; Linux shows the menu instead.
    tray.on('click', spec.onClick);
    return { destroy: () => tray.destroy() };
  };
}

import type { HostServices } from '../../services/host-services';

export function createAppHandlers(services: HostServices) {
  return {
    'app:info': async () => services.appInfo,
    'app:takeOpenFiles': async () => ({ paths: services.environment.takeOpenFiles?.() ?? [] }),
  };
}

import type { ChannelInput } from '../../../shared/ipc/bridge-api';
import type { HostServices } from '../../services/host-services';

export function createAppHandlers(services: HostServices) {
  return {
    'app:info': async () => services.appInfo,
    'app:takeOpenFiles': async () => ({ paths: services.environment.takeOpenFiles?.() ?? [] }),
    'app:setLanguage': async ({ language }: ChannelInput<'app:setLanguage'>) => {
      await services.settings.update((current) => ({
        ...current,
        preferences: { ...current.preferences, language },
      }));
      return null;
    },
  };
}

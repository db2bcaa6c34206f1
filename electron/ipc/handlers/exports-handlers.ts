import { ExportsError } from '../../../core/exports/exports-error';
import { SettingsError } from '../../../core/settings/settings-error';
import type { ChannelInput } from '../../../shared/ipc/bridge-api';
import { exportErrorCodes } from '../../../shared/model/exports';
import type { HostServices } from '../../services/host-services';
import { UserFacingError } from '../user-facing-error';
import { plainErrorsVia } from './plain-errors';

/** Export failures keep their plain message and code; anything else stays internal. */
function toUserFacing(error: unknown): unknown {
  if (error instanceof ExportsError)
    return new UserFacingError(error.code, error.message, error.params);
  if (error instanceof SettingsError) {
    return new UserFacingError(exportErrorCodes.settingsUnreadable, error.message);
  }
  return error;
}

const plainly = plainErrorsVia(toUserFacing);

export function createExportsHandlers(services: HostServices) {
  const { exports } = services;
  return {
    'exports:fields': (input: ChannelInput<'exports:fields'>) =>
      plainly(() => exports.fields(input.destinationId)),
    'exports:lists': (input: ChannelInput<'exports:lists'>) =>
      plainly(() => exports.lists(input.destinationId)),
    'exports:shapes': (input: ChannelInput<'exports:shapes'>) =>
      plainly(() => exports.shapes(input.segmentIds)),
    'exports:plan': (input: ChannelInput<'exports:plan'>) =>
      plainly(() => exports.plan(input.segments, input)),
    'exports:preview': (input: ChannelInput<'exports:preview'>) =>
      plainly(() => exports.preview(input)),
    'exports:setups': () => plainly(() => exports.setups()),
    'exports:saveSetup': (input: ChannelInput<'exports:saveSetup'>) =>
      plainly(() => exports.saveSetup(input)),
    'exports:deleteSetup': (input: ChannelInput<'exports:deleteSetup'>) =>
      plainly(async () => {
        await exports.deleteSetup(input.id);
        return null;
      }),
    'exports:again': (input: ChannelInput<'exports:again'>) =>
      plainly(() => exports.again(input.jobId)),
    'exports:reimportSource': (input: ChannelInput<'exports:reimportSource'>) =>
      plainly(() => exports.reimportSource(input.segmentId)),
    'exports:start': (input: ChannelInput<'exports:start'>) => plainly(() => exports.start(input)),
  };
}

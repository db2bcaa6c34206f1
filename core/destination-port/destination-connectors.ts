/**
 * One client builder per kind of account (issue 16), so every place that opens a destination
 * (core/destination-port/open-destination.ts) builds the right one. Tests inject their own table.
 */
import { createAutopilotDestination } from '../autopilot/autopilot-destination';
import { createOrttoDestination } from '../ortto/ortto-destination';
import type {
  DestinationService,
  EmailPermissionChoice,
} from '../../shared/model/destination-service';
import type { Destination } from './destination';

export interface DestinationConnection {
  /** Already checked with normalizeEndpoint: the key goes nowhere else. */
  readonly endpoint: string;
  readonly apiKey: string;
  /** How long one request may take; the client's own default when absent. */
  readonly timeoutMs?: number;
  /** Ortto: the permission given to people it creates (issue 16, item 4). */
  readonly emailPermission?: EmailPermissionChoice;
}

type DestinationConnector = (connection: DestinationConnection) => Destination;
export type DestinationConnectors = Readonly<Record<DestinationService, DestinationConnector>>;

export const destinationConnectors: DestinationConnectors = {
  autopilot: ({ endpoint, apiKey, timeoutMs }) =>
    createAutopilotDestination({ endpoint, apiKey, timeoutMs }),
  ortto: ({ endpoint, apiKey, timeoutMs, emailPermission }) =>
    createOrttoDestination({ endpoint, apiKey, timeoutMs, emailPermission }),
};

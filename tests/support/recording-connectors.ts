/**
 * Client builders for tests of the opener: each records the connection it was given (endpoint,
 * key, permission) and returns a destination that is never asked anything.
 */
import type { Destination } from '../../core/destination-port/destination';
import type {
  DestinationConnection,
  DestinationConnectors,
} from '../../core/destination-port/destination-connectors';
import type { DestinationService } from '../../shared/model/destination-service';

export interface RecordingConnectors {
  readonly connectors: DestinationConnectors;
  readonly opened: (DestinationConnection & { readonly service: DestinationService })[];
}

const unused = (): never => {
  throw new Error('not asked in this test');
};

export function recordingConnectors(): RecordingConnectors {
  const opened: RecordingConnectors['opened'] = [];
  const connector = (service: DestinationService) => (connection: DestinationConnection) => {
    opened.push({ ...connection, service });
    const destination: Destination = {
      serviceName: service,
      maxBatchSize: 100,
      checkCredentials: unused,
      listLists: unused,
      ensureList: unused,
      describeFields: unused,
      upsertBatch: unused,
      previewRequest: unused,
    };
    return destination;
  };
  return { connectors: { autopilot: connector('autopilot'), ortto: connector('ortto') }, opened };
}

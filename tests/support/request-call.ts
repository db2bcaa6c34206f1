/**
 * A RequestCall (core/destination-port/destination.ts) for calling a destination directly, without the
 * upload engine: no pacing, and it counts the requests the destination said it was about to make.
 */
import type { RequestCall } from '../../core/destination-port/destination';

export interface CountedCall extends RequestCall {
  readonly paced: number;
}

export function directCall(signal: AbortSignal = new AbortController().signal): CountedCall {
  let paced = 0;
  return {
    signal,
    get paced() {
      return paced;
    },
    pace: async () => {
      paced += 1;
    },
  };
}

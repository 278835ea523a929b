/**
 * The TCP faults, by name: one small file each. A `Toxic` is the declarative form a check writes;
 * `makeStage` turns it into the stage that applies it.
 */
import type { Rng } from '../../util/rng.js';
import type { Stage } from '../stage.js';
import { slicer, type SlicerOptions } from './slicer.js';
import { coalesce, type CoalesceOptions } from './coalesce.js';
import { latency, type LatencyOptions } from './latency.js';
import { bandwidth, type BandwidthOptions } from './bandwidth.js';
import { resetAfter, type ResetAfterOptions } from './reset-after.js';
import { slowClose, type SlowCloseOptions } from './slow-close.js';

/** A fault on one direction of a proxied TCP connection. */
export type Toxic =
  | ({ kind: 'slicer' } & SlicerOptions)
  | ({ kind: 'coalesce' } & CoalesceOptions)
  | ({ kind: 'latency' } & LatencyOptions)
  | ({ kind: 'bandwidth' } & BandwidthOptions)
  | ({ kind: 'reset-after' } & ResetAfterOptions)
  | ({ kind: 'slow-close' } & SlowCloseOptions);

/** Builds the stage for `toxic`; `reset` aborts the proxied connection. */
export function makeStage(toxic: Toxic, rng: Rng, reset: () => void): Stage {
  switch (toxic.kind) {
    case 'slicer':
      return slicer(toxic, rng);
    case 'coalesce':
      return coalesce(toxic);
    case 'latency':
      return latency(toxic, rng);
    case 'bandwidth':
      return bandwidth(toxic);
    case 'reset-after':
      return resetAfter(toxic, reset);
    case 'slow-close':
      return slowClose(toxic);
  }
}

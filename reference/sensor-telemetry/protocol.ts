/**
 * The protocol the reference programs speak: the one declared in the reference's own manifests
 * next to these sources, named by the parameters: sockgrade.json (TCP, length-prefixed records),
 * sockgrade-udp.json, sockgrade-pull.json, sockgrade-none.json, sockgrade-udp-pull-none.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { protocolFromManifest, type TelemetryProtocol } from '../../exercises/sensor-telemetry/manifest.js';
import type { ParamValues } from '../types.js';

/** The reference manifest for the transport in `params`, read from the sources (the build does not copy it). */
function manifestFile(params: ParamValues): string {
  const variant = [params.transport === 'udp' ? 'udp' : '', params.model === 'pull' ? 'pull' : '', params.reply === 'none' ? 'none' : ''].filter(Boolean).join('-');
  const name = variant ? `sockgrade-${variant}.json` : 'sockgrade.json';
  const candidates = [new URL(`./${name}`, import.meta.url), new URL(`../../../reference/sensor-telemetry/${name}`, import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`the reference manifest ${name} is missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** The reference's protocol under `params` (transport). */
export function referenceProtocol(params: ParamValues): TelemetryProtocol {
  const manifest = JSON.parse(readFileSync(manifestFile(params), 'utf8')) as Record<string, unknown>;
  return protocolFromManifest(manifest, params);
}

/** The clock check windows and the packet recorder share. */
/** Now, in microseconds since the epoch, on the same clock as the recorder's timestamps. */
export function wallMicros(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

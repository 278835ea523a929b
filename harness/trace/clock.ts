/** Now, in microseconds since the epoch, on the same clock as the packet recorder's timestamps (shared by check windows and the recorder). */
export function wallMicros(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

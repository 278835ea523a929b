/**
 * Reference server for `tcp-echo-concurrent`: the same wire contract as `tcp-echo`, many clients
 * at once. The `tcp-echo` reference already serves every connection from one event loop without
 * blocking and listens with a large backlog, so it is reused as is.
 */
import { startServer as startEchoServer } from '../tcp-echo/server.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** Starts the concurrent TCP echo server on `opts.host:opts.port`. */
export function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  return startEchoServer(opts);
}

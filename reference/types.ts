/**
 * The shape every reference solution has, so that `sockgrade reference <exercise> <role>` and
 * the tests can start any of them the same way.
 */

/** Parameter values of an exercise after defaults and overrides. */
export type ParamValues = Readonly<Record<string, string | number | boolean>>;

/** How a reference server is started. */
export interface ReferenceServerOptions {
  /** Address to bind, e.g. `127.0.0.1`. */
  host: string;
  /** Port to bind; 0 lets the OS choose. */
  port: number;
  params: ParamValues;
  /** Where the server writes its log lines (one line per call, no trailing newline). */
  log: (line: string) => void;
}

/** A reference server that is up and accepting. */
export interface RunningReferenceServer {
  /** The port actually bound. */
  port: number;
  /** Stops accepting, closes every connection and resolves when all is released. */
  close(): Promise<void>;
}

/** How a reference client is run. */
export interface ReferenceClientOptions {
  host: string;
  port: number;
  params: ParamValues;
  /** The message to send; when absent the client prompts for it on `output` and reads a line from `input`. */
  message?: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** A reference server module. */
export interface ReferenceServerModule {
  startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer>;
}

/** A reference client module: resolves with the process exit code. */
export interface ReferenceClientModule {
  runClient(opts: ReferenceClientOptions): Promise<number>;
}

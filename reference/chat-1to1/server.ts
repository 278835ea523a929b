/**
 * Reference server for `chat-1to1`: listens (TCP) or binds (UDP) first, then asks its user for
 * a name, exchanges names with the one client, and alternates turns until either side says the
 * quit word; then the process ends by itself.
 *
 * The reference server interface has no terminal streams and no way to end on its own, so this
 * one reads its user from the process's standard input and ends the process with SIGTERM (the
 * `reference` command's normal way to stop a server).
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createSocket, type RemoteInfo } from 'node:dgram';
import { listenTcp } from '../shared/tcp-server.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';
import { LineInput, textParam } from '../shared/line-input.js';
import { AsyncQueue } from '../shared/queue.js';

/** Prompt for the server user's name. */
export const PROMPT = 'Introduce tu nombre: ';

/** What the chat needs from either transport. */
interface Wire {
  /** Resolves once the client has made itself known (connected, or sent its first datagram). */
  arrived: Promise<void>;
  messages: AsyncQueue<string>;
  send(text: string): void;
  close(): Promise<void>;
}

/** Starts listening, then runs the chat (asking the name once the `reference` command has printed its banner). */
export async function startServer(opts: ReferenceServerOptions): Promise<RunningReferenceServer> {
  const quit = textParam(opts.params, 'quit', 'exit');
  const { wire, port } = textParam(opts.params, 'transport', 'tcp') === 'udp' ? await udpWire(opts) : await tcpWire(opts);
  const lines = new LineInput(process.stdin);
  const say = (text: string): boolean => process.stdout.write(text);

  const chat = async (): Promise<void> => {
    say(PROMPT);
    const name = (await lines.next()) ?? 'Servidor';
    opts.log('Esperando a que alguien se conecte...');
    await wire.arrived;
    let other: string | undefined;
    if (textParam(opts.params, 'transport', 'tcp') === 'tcp') {
      wire.send(name);
      other = await wire.messages.next();
    } else {
      other = await wire.messages.next();
      wire.send(name);
    }
    if (other === undefined) return opts.log('El cliente se ha ido sin decir su nombre');
    opts.log(`----- ${other} se ha unido -----`);
    for (;;) {
      const message = await wire.messages.next();
      if (message === undefined || message === quit) return opts.log(`${other} ha salido del chat`);
      opts.log(`${other}: ${message}`);
      say(`${name}: `);
      const line = (await lines.next()) ?? quit;
      wire.send(line);
      if (line === quit) return opts.log('chat finalizado');
    }
  };
  setImmediate(() => {
    void chat()
      .catch((err: unknown) => opts.log(`Error en el chat: ${(err as Error).message}`))
      .finally(() => {
        lines.close();
        process.stdin.pause();
        // The chat is over: stop the process the way the `reference` command expects.
        process.kill(process.pid, 'SIGTERM');
      });
  });
  return {
    port,
    close: async () => {
      lines.close();
      await wire.close();
    },
  };
}

async function tcpWire(opts: ReferenceServerOptions): Promise<{ wire: Wire; port: number }> {
  const messages = new AsyncQueue<string>();
  let client: Socket | undefined;
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const server = createServer((socket) => {
    if (client) return void socket.destroy(); // a one-to-one chat: one client only
    client = socket;
    socket.on('data', (d: Buffer) => messages.push(d.toString('utf8')));
    socket.on('end', () => messages.end());
    socket.on('close', () => messages.end());
    socket.on('error', () => messages.end());
    arrive();
  });
  await listenTcp(server, opts.host, opts.port);
  return {
    port: (server.address() as AddressInfo).port,
    wire: {
      arrived,
      messages,
      send: (text) => void client?.write(text),
      close: () =>
        new Promise<void>((resolve) => {
          client?.end();
          server.close(() => resolve());
          client?.destroy();
        }),
    },
  };
}

async function udpWire(opts: ReferenceServerOptions): Promise<{ wire: Wire; port: number }> {
  const messages = new AsyncQueue<string>();
  const socket = createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  let peer: RemoteInfo | undefined;
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(opts.port, opts.host, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.on('error', () => {});
  socket.on('message', (msg, rinfo) => {
    peer ??= rinfo;
    if (rinfo.port !== peer.port || rinfo.address !== peer.address) return;
    messages.push(msg.toString('utf8'));
    arrive();
  });
  return {
    port: socket.address().port,
    wire: {
      arrived,
      messages,
      send: (text) => {
        if (peer) socket.send(Buffer.from(text), peer.port, peer.address);
      },
      close: () =>
        new Promise<void>((resolve) => {
          try {
            socket.close(() => resolve());
          } catch {
            resolve();
          }
        }),
    },
  };
}

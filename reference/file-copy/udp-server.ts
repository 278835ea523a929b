/**
 * Reference server for `file-copy` over UDP (`transport=udp`): the datagrams of each sender are
 * written in order to a hidden temporary file, renamed over `output` (or the name its first
 * datagram carries, under `name-first`) when its empty datagram arrives.
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { basename, join } from 'node:path';
import { bindUdp, runningUdpServer } from '../shared/udp-socket.js';
import { formatAddress } from '../shared/console-io.js';
import type { ReferenceServerOptions, RunningReferenceServer } from '../types.js';

/** A file being received from one sender. */
interface Copy {
  temp: string;
  file: WriteStream | undefined;
  target: string;
  bytes: number;
}

/** The name a name datagram carries (its last part, without the newline), or undefined when it is no usable name. */
function nameIn(datagram: Buffer): string | undefined {
  const name = basename(datagram.toString('utf8').replace(/\r?\n$/, ''));
  return name === '' || name === '.' || name === '..' || name.includes('\0') || name.includes('\n') ? undefined : name;
}

/** Binds the file-copy UDP server on `opts.host:opts.port`, writing into the current working folder. */
export async function startUdpServer(opts: ReferenceServerOptions, output: string, nameFirst: boolean): Promise<RunningReferenceServer> {
  const dir = process.cwd();
  const socket = createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  await bindUdp(socket, opts.host, opts.port);
  try {
    socket.setRecvBufferSize(4 * 1024 * 1024);
  } catch {
    /* the system's default will do */
  }
  socket.on('error', (err) => opts.log(`Error en el socket: ${err.message}`));
  // Per sender: the file in progress, or null while the datagrams of a refused name are skipped up to the empty one.
  const copies = new Map<string, Copy | null>();
  let count = 0;
  const open = (target: string): Copy => {
    const temp = join(dir, `.${output}.${process.pid}.${++count}.parte`);
    return { temp, file: createWriteStream(temp), target, bytes: 0 };
  };
  const save = async (who: string, c: Copy): Promise<void> => {
    c.file?.end();
    try {
      if (c.file) await finished(c.file);
      await rename(c.temp, join(dir, c.target));
      opts.log(`Recibido el fichero de ${who}: ${c.bytes} bytes guardados en ${c.target}`);
    } catch (err) {
      opts.log(`No se pudo guardar ${c.target}: ${(err as Error).message}`);
      await rm(c.temp, { force: true });
    }
  };
  socket.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
    const who = formatAddress(rinfo.address, rinfo.port);
    const c = copies.get(who);
    if (msg.length === 0) {
      copies.delete(who);
      if (c) void save(who, c);
      else if (c === undefined && !nameFirst) void save(who, open(output));
      else if (c === undefined) opts.log(`Datagrama vacío de ${who} sin nombre de fichero antes: ignorado`);
      return;
    }
    if (c === null) return;
    if (c === undefined) {
      if (!nameFirst) {
        const fresh = open(output);
        copies.set(who, fresh);
        fresh.bytes += msg.length;
        fresh.file?.write(msg);
        return;
      }
      const name = nameIn(msg);
      if (name === undefined) opts.log(`Nombre de fichero no válido de ${who}: se ignora hasta su datagrama vacío`);
      copies.set(who, name === undefined ? null : open(name));
      return;
    }
    c.bytes += msg.length;
    c.file?.write(msg);
  });
  return runningUdpServer(socket);
}

/**
 * C2 `mini-ftp`: list, get, put and exit over TCP, replies framed (course default port 1055);
 * `transport=udp`: each command one datagram, each body the same frames in one or more datagrams.
 */
import { defineExercise, type ServerCheck } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import { FTP_PARAMS, transportOf } from './protocol.js';
import { ftpServerChecks, ftpSession } from './server-checks.js';
import { ftpClientChecks } from './client-checks.js';
import { miniFtp as es } from './i18n/es.js';

export const miniFtp = defineExercise({
  id: 'mini-ftp',
  catalogue: 'C2',
  messages: { es },
  title: 'Simple FTP: list, get, put, exit',
  contract: {
    server:
      'Listens on TCP host:port and serves its working folder only, one client session after another (or several at once). ' +
      'The client sends one command per line, UTF-8, ending in "\\n" (a "\\r" before it is ignored): `list`, `get <name>`, `put <name>`, `exit` (words are parameters); <name> is everything after the command word and one space, spaces included. ' +
      'Every reply is one body of A5 frames: `NNNNNN:` (six digits, the payload length in bytes) + payload; a payload over 999999 bytes goes as frames of exactly 999999 bytes and a last shorter one (`000000:` when the size is a multiple of 999999), so a short reply is a single frame. ' +
      '`list`: the names of the files in the folder, one per line. `get <name>`: the file\'s bytes, or the text `el archivo solicitado no existe` when there is no such file. ' +
      '`put <name>`: the content follows the command line at once, in the same stream, as one body of frames; the server saves it as <name> in its folder (replacing any old file) and answers `recibido`. ' +
      '`exit`: the server answers `Sesion finalizada`, closes that connection and keeps serving other clients. ' +
      'A name that would lead out of the folder (`..`, an absolute path, a symbolic link pointing outside) is refused with an error text (or the connection is closed), the content of a refused put being read and discarded; nothing outside the folder is read or written. ' +
      'With transport=udp it binds host:port and serves datagrams: each command is one datagram holding the command line (a final "\\n" or "\\r\\n" is ignored); every reply is the same body of frames as over TCP, cut into one or more datagrams of at most 65507 bytes (anywhere: the frames say where the body ends), sent to the address the command came from; the content of a put is one body of frames in the datagrams that follow its command (it may also start in the command\'s own datagram, after a "\\n"); `exit` is answered with the goodbye and there is no connection to close. Over UDP the files graded are at most 60 KB (no flow control), and a file of 5 MiB is not asked for.',
    client:
      'Connects to host:port when it starts (with no server: one line saying so, exit non-zero), then asks for commands at a prompt, one per line, and sends each as typed, ending in "\\n". ' +
      'For `get <name>` it reads the framed reply completely and saves it as <name> in its working folder, byte for byte; for `list` it prints the names; for `put <name>` it sends the file; for `exit` it reads the goodbye and ends. ' +
      'With transport=udp it sends each command as one datagram to host:port and reads each reply from datagrams of up to 65507 bytes (recvfrom(65535): a smaller buffer loses the rest of a datagram) until the frames complete the body; with no server it gives up after a timeout, says so in one line and exits non-zero.',
  },
  transport: (p) => transportOf(p),
  canonicalPort: 1055,
  params: FTP_PARAMS,
  checks: [...ftpServerChecks, ...robustChecks(), ...ftpClientChecks],
});

/** The shared robust checks, written for TCP: over UDP there is no connection to reset or close, and the sample command is one datagram. */
function robustChecks(): ServerCheck[] {
  return robustServerChecks({ transport: 'tcp', session: ftpSession, sample: () => Buffer.from('list\n') }).map((c) =>
    c.id === 'robust.survives-abrupt-close' ? { ...c, notApplicable: (p) => (transportOf(p) === 'udp' ? 'over UDP (parameter transport=udp) there is no connection to reset or close' : undefined) } : c,
  );
}

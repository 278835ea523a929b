/** C2 `mini-ftp`: list, get, put and exit over TCP, replies framed (course default port 1055). */
import { defineExercise } from '../../harness/authoring.js';
import { robustServerChecks } from '../shared/robust.js';
import { FTP_PARAMS } from './protocol.js';
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
      'A name that would lead out of the folder (`..`, an absolute path, a symbolic link pointing outside) is refused with an error text (or the connection is closed), the content of a refused put being read and discarded; nothing outside the folder is read or written.',
    client:
      'Connects to host:port when it starts (with no server: one line saying so, exit non-zero), then asks for commands at a prompt, one per line, and sends each as typed, ending in "\\n". ' +
      'For `get <name>` it reads the framed reply completely and saves it as <name> in its working folder, byte for byte; for `list` it prints the names; for `put <name>` it sends the file; for `exit` it reads the goodbye and ends.',
  },
  transport: 'tcp',
  canonicalPort: 1055,
  params: FTP_PARAMS,
  checks: [...ftpServerChecks, ...robustServerChecks({ transport: 'tcp', session: ftpSession, sample: () => Buffer.from('list\n') }), ...ftpClientChecks],
});

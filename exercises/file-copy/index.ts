/** C1 `file-copy`: a client sends a file, the server writes it to a file of its own (course default port 5000), over TCP or UDP. */
import { defineExercise } from '../../harness/authoring.js';
import { fileCopyServerChecks } from './server-checks.js';
import { fileCopyRobustChecks } from './robust.js';
import { fileCopyClientChecks } from './client-checks.js';
import { paramsConflict, transportOf } from './cases.js';
import { fileCopy as es } from './i18n/es.js';

export const fileCopy = defineExercise({
  id: 'file-copy',
  catalogue: 'C1',
  messages: { es },
  title: 'Remote file copy, line by line or framed, over TCP or UDP',
  contract: {
    server:
      'Listens on TCP host:port. For every connection it writes what the client sends to the file `output` (default copia.txt) in its working folder, created or emptied anew for each connection, byte for byte; one connection after the other is enough. ' +
      'Variant `lines` (default): the client sends the bytes of the file and then closes the connection: the end of the connection is the end of the file; the server then closes the file and its side of the connection. ' +
      'Variant `framed`: the file travels as one body of A5 frames (`NNNNNN:` + payload; every frame but the last carries exactly 999999 bytes and the last fewer, possibly none, so a file under 999999 bytes is a single frame and an empty file is `000000:`); the file is complete when the short frame has arrived, whether or not the client closes: the server then writes and closes the file and closes the connection. ' +
      'Parameter `name-first=on`: the client first sends the name of the file on a line of its own (the name, then `\\n`), then the content as the variant says (`lines`: until it closes; `framed`: the body of frames follows the name line); the server writes the content to a file of that name in its working folder instead of `output`, and must keep it there: a name with `/` or `..` (sockgrade sends `../name`) is either cut to its last part (os.path.basename) or refused, never written outside the folder. ' +
      'Parameter `transport=udp` (variant `lines` only): the server binds UDP host:port instead; a file arrives as datagrams, in order, each carrying the next bytes of the file (sockgrade sends at most 1024 bytes per datagram, paced so that a default receive buffer never overflows), and an empty datagram ends it: the server then closes the file, and the next datagram starts a new file; the file is created (or emptied) when the first datagram of a file arrives (for an empty file, its empty datagram), not before, so that a finished copy stays whole until the next file begins (under `name-first=on` the first datagram of a file is its name line alone, the name and `\\n`). ' +
      'sockgrade judges the file once the server has closed the connection and the file has stayed unchanged for 150 ms, or once it has the size of a correct copy for that long; a server that keeps the connection open (or over UDP, one that has read every datagram) is given 1.5 s of an unchanged file after the last byte reached it.',
    client:
      'Reads the file named by `{file}` in its command, typed at its prompt, or `input` (default fichero.txt) in its working folder, connects to host:port and sends it unchanged: variant `lines`, line by line, then closes the connection; variant `framed`, as one body of A5 frames (see the server) in one sendall, then closes. With `name-first=on` it sends the name of the file (its last part, e.g. fichero.txt) and `\\n` before the content. With no server it says so in one line and exits non-zero. ' +
      'With `transport=udp` it sends the file to host:port as datagrams instead (any size the kernel accepts, typically 1024 bytes; under `name-first=on` the name line alone comes first, with or without its `\\n`), then one empty datagram that ends the file; over UDP it cannot tell that no server listens, and is not asked to.',
  },
  transport: (p) => transportOf(p),
  canonicalPort: 5000,
  params: {
    variant: { type: 'enum', default: 'lines', values: ['lines', 'framed'], description: 'lines: the file goes line by line and the client closes at the end; framed: one body of six-digit-header frames (binary files too)' },
    transport: { type: 'enum', default: 'tcp', values: ['tcp', 'udp'], description: 'udp: the file travels as datagrams to a UDP server, and an empty datagram ends it (variant lines only)' },
    'name-first': { type: 'boolean', default: false, description: 'on: the client sends the file name on a line of its own before the content, and the server writes to that name inside its working folder (instead of output)' },
    output: { type: 'string', default: 'copia.txt', description: 'file the server writes in its working folder' },
    input: { type: 'string', default: 'fichero.txt', description: 'file the client sends, placed by sockgrade in its working folder (also {file} and the answer to its prompt)' },
  },
  paramsConflict,
  checks: [...fileCopyServerChecks, ...fileCopyRobustChecks, ...fileCopyClientChecks],
});

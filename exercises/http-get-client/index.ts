/**
 * D2 `http-get-client`: a web client over a plain TCP socket. sockgrade plays the web server
 * (example.com port 80 for clients that hard-code it), asks for a random path and serves bodies
 * of the sizes that break a single recv(1024).
 */
import { defineExercise } from '../../harness/authoring.js';
import { WEB_HOST, WEB_PORT } from './course-address.js';
import { httpClientChecks } from './client-checks.js';
import { httpServerChecks } from './server-checks.js';
import { httpGetClient as es } from './i18n/es.js';

export const httpGetClient = defineExercise({
  id: 'http-get-client',
  catalogue: 'D2',
  messages: { es },
  title: 'HTTP GET client (and a minimal web server): ask a web server for a page and print the whole response',
  contract: {
    server:
      'Listens on TCP host:port and answers each GET of a file in its own folder with "HTTP/1.1 200 OK", a Content-Length header equal to the size of the body, "Connection: close", an empty line and the file byte for byte, then closes the connection. ' +
      'A file that does not exist gets status 404; a path that leads out of its folder (../, absolute) is never served. Every line of the head ends in \\r\\n.',
    client:
      `Connects over TCP to the web server given as {host} {port} in its command (or HOST/PORT, or typed at prompts), or to ${WEB_HOST} port ${WEB_PORT} when it hard-codes it, ` +
      'and asks for the path given as {path} in its command (also {message}/MESSAGE, or typed at a prompt), or for the default path (`--param default-path`, "/") when it takes none of them: ' +
      '"GET <path> HTTP/1.1\\r\\n", one "Host: <host>" header (":<port>" may follow), "Connection: close\\r\\n" and an empty line, every line ending in \\r\\n. ' +
      'It reads until the server closes the connection (recv returns b""), then prints the whole response as it came — status line, headers, empty line and body — decoded once as UTF-8 (print(respuesta.decode())), and ends. ' +
      'With no server listening it prints one line saying so and exits with a non-zero code.',
  },
  transport: 'tcp',
  canonicalPort: WEB_PORT,
  canonicalHost: WEB_HOST,
  params: {
    'default-path': {
      type: 'string',
      default: '/',
      description: "the path a client that cannot be told one (no {path} or {message} in its command, no prompt for it) must ask for, as the course's own client does",
    },
  },
  checks: [...httpServerChecks, ...httpClientChecks],
});

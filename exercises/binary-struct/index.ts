/**
 * D4 `binary-struct`: two int32 and a float32 sent as binary with Python's struct module, over
 * TCP (the course's client packs `"=iif"`, 1, 4, 2.7, to port 10001). sockgrade chooses the
 * values, on both sides, so only a program that really packs or unpacks them passes.
 */
import { defineExercise } from '../../harness/authoring.js';
import { structClientChecks } from './client-checks.js';
import { structServerChecks } from './server-checks.js';
import { ORDERS } from './values.js';
import { binaryStruct as es } from './i18n/es.js';

export const binaryStruct = defineExercise({
  id: 'binary-struct',
  catalogue: 'D4',
  messages: { es },
  title: 'Binary data with struct: two int32 and a float32 over TCP',
  contract: {
    server:
      'Listens on TCP host:port; for each client, reads the 12 bytes of one record (the client closes after sending), unpacks them with struct.unpack(order + "iif") and prints the three values ' +
      '(the float as Python prints it, or with at least two decimals), then serves the next client. ' +
      'The byte order is the order parameter, given to the server as {order} in its command (e.g. --server "python3 servidor.py {port} {order}" --param order=!).',
    client:
      'Reads one line with two integers and a real number separated by spaces ("a b c", typed at its prompt, or given as {message}/MESSAGE; a client whose command has no {message} may send the course\'s values 1 4 2.7 instead), connects to {host} {port} (or HOST/PORT, or typed at prompts), ' +
      'sends exactly struct.pack(order + "iif", a, b, c) — 12 bytes, standard sizes, no padding — and closes. The byte-order character is given as {order} in its command (default "=", native order, little-endian on x86/ARM).',
  },
  transport: 'tcp',
  canonicalPort: 10001,
  params: {
    order: { type: 'enum', default: '=', values: ORDERS, description: 'struct byte-order character both programs use: = (native), < (little-endian), > or ! (big-endian, network order)' },
  },
  checks: [...structClientChecks, ...structServerChecks],
});

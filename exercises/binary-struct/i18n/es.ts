/** Spanish for D4 `binary-struct`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const binaryStruct: Catalogue = {
  'Binary data with struct: two int32 and a float32 over TCP': 'Datos binarios con struct: dos int32 y un float32 por TCP',
  'sends exactly the 12 bytes of two int32 and a float32 holding the typed values (no text, no padding, nothing else)':
    'envía exactamente los 12 bytes de dos int32 y un float32 con los valores tecleados (sin texto, sin relleno, nada más)',
  'read "a b c" with input(), then sendall(struct.pack(orden + "iif", int(a), int(b), float(c))): "i" is a 4-byte int, "f" a 4-byte float':
    'lee "a b c" con input() y después sendall(struct.pack(orden + "iif", int(a), int(b), float(c))): "i" es un entero de 4 bytes, "f" un float de 4 bytes',
  'packs the record in the byte order of the order parameter (given as {{order}})': 'empaqueta el registro en el orden de bytes del parámetro order (dado como {{order}})',
  'take the byte-order character from the command line ({{order}}: =, <, > or !) and put it first in the format: struct.pack(orden + "iif", ...)':
    'toma el carácter de orden de bytes de la línea de órdenes ({{order}}: =, <, > o !) y ponlo el primero en el formato: struct.pack(orden + "iif", ...)',
  'prints the two int32 and the float32 of a record sockgrade sends (random values)': 'imprime los dos int32 y el float32 de un registro que envía sockgrade (valores aleatorios)',
  'read the 12 bytes, unpack them with struct.unpack(orden + "iif", datos) and print the three values': 'lee los 12 bytes, desempaquétalos con struct.unpack(orden + "iif", datos) e imprime los tres valores',
  'decodes the record in the byte order of the order parameter': 'decodifica el registro en el orden de bytes del parámetro order',
  'use the byte-order character you were given (first character of the format: =, <, > or !) in struct.unpack, the same the client packs with':
    'usa en struct.unpack el carácter de orden de bytes que te dieron (primer carácter del formato: =, <, > o !), el mismo con el que empaqueta el cliente',
  'waiting for the server to print {values}': 'esperando a que el servidor imprimiera {values}',
  'after receiving a 12-byte record': 'después de recibir un registro de 12 bytes',
  'the server did not print the values of the record it received ({values}): it printed a {name}.{more}': 'el servidor no imprimió los valores del registro que recibió ({values}): imprimió un {name}.{more}',
  'the server did not print the values of the record it received ({values}): it printed a {name} and it exited ({exit}).{more}':
    'el servidor no imprimió los valores del registro que recibió ({values}): imprimió un {name} y terminó ({exit}).{more}',
  'the server did not print the values of the record it received ({values}): it exited ({exit}).{more}': 'el servidor no imprimió los valores del registro que recibió ({values}): terminó ({exit}).{more}',
  'the server did not print the values of the record it received ({values}).{more}': 'el servidor no imprimió los valores del registro que recibió ({values}).{more}',
  'It shows {which} but not all three: the format is two "i" (int32, 4 bytes each) and one "f" (float32, 4 bytes).':
    'Muestra {which} pero no los tres: el formato son dos "i" (int32, 4 bytes cada uno) y una "f" (float32, 4 bytes).',
  '{values} printed (the float within float32 precision), from the {record}': '{values} impresos (el float con la precisión de float32), a partir de los {record}',
  'the server read the record in {endian}-endian order, but the byte order is {order} ({right}-endian): it printed {swapped} instead of {values}':
    'el servidor leyó el registro en orden {endian}-endian, pero el orden de bytes es {order} ({right}-endian): imprimió {swapped} en vez de {values}',
  'the server printed the values in neither byte order, so its byte order cannot be told (struct.server-decodes says what it printed)':
    'el servidor no imprimió los valores en ningún orden de bytes, así que no se puede saber qué orden usa (struct.server-decodes dice lo que imprimió)',
  "the client exited before connecting to sockgrade's server at {address} (it crashed: {name})": 'el cliente terminó antes de conectarse al servidor de sockgrade en {address} (falló: {name})',
  'connect to {{host}} {{port}} (or HOST/PORT, or the address typed at a prompt), and read the three values from one typed line ("a b c")':
    'conéctate a {{host}} {{port}} (o HOST/PORT, o la dirección tecleada cuando se pide), y lee los tres valores de una línea tecleada ("a b c")',
  'waiting for the client to send the record of "{line}"': 'esperando a que el cliente enviara el registro de "{line}"',
  'for the typed line "{line}", {reason}': 'para la línea tecleada "{line}", {reason}',
  'the client sent nothing': 'el cliente no envió nada',
  'the client sent text ({text}), not the packed binary values': 'el cliente envió texto ({text}), no los valores binarios empaquetados',
  'the client sent 16 bytes: the real number went as a double ("d", 8 bytes) instead of a float32 ("f", 4 bytes)':
    'el cliente envió 16 bytes: el número real fue como double ("d", 8 bytes) en vez de float32 ("f", 4 bytes)',
  'the client sent {n} bytes; two int32 and one float32 are {size}': 'el cliente envió {n} bytes; dos int32 y un float32 son {size}',
  'the 12 bytes hold other values: {little} (read little-endian), or {big} (read big-endian)': 'los 12 bytes contienen otros valores: {little} (leídos en little-endian), o {big} (leídos en big-endian)',
  '{record} (struct.pack({format}, {a}, {b}, {c}))': '{record} (struct.pack({format}, {a}, {b}, {c}))',
  'the client packed "{line}" {endian}-endian, but the byte order is {order} ({right}-endian)': 'el cliente empaquetó "{line}" en {endian}-endian, pero el orden de bytes es {order} ({right}-endian)',
  'the bytes the client sent are not the typed values in either byte order, so its byte order cannot be told (struct.exact-bytes says what it sent)':
    'los bytes que envió el cliente no son los valores tecleados en ningún orden de bytes, así que no se puede saber qué orden usa (struct.exact-bytes dice lo que envió)',
  // contract and parameters, as sockgrade list shows them
  'Listens on TCP host:port; for each client, reads the 12 bytes of one record (the client closes after sending), unpacks them with struct.unpack(order + "iif") and prints the three values (the float as Python prints it, or with at least two decimals), then serves the next client. The byte order is the order parameter, given to the server as {{order}} in its command (e.g. --server "python3 servidor.py {{port}} {{order}}" --param order=!).':
    'Escucha en host:port por TCP; para cada cliente lee los 12 bytes de un registro (el cliente cierra tras enviarlo), los desempaqueta con struct.unpack(order + "iif") e imprime los tres valores (el float como lo imprime Python, o con al menos dos decimales); después atiende al siguiente cliente. El orden de bytes es el parámetro order, que se da al servidor como {{order}} en su orden (p. ej. --server "python3 servidor.py {{port}} {{order}}" --param order=!).',
  'Reads one line with two integers and a real number separated by spaces ("a b c", typed at its prompt, or given as {{message}}/MESSAGE; a client whose command has no {{message}} may send the course\'s values 1 4 2.7 instead), connects to {{host}} {{port}} (or HOST/PORT, or typed at prompts), sends exactly struct.pack(order + "iif", a, b, c) — 12 bytes, standard sizes, no padding — and closes. The byte-order character is given as {{order}} in its command (default "=", native order, little-endian on x86/ARM).':
    'Lee una línea con dos enteros y un número real separados por espacios ("a b c", tecleada cuando la pide, o dada como {{message}}/MESSAGE; un cliente cuya orden no tiene {{message}} puede enviar en su lugar los valores del curso 1 4 2.7), se conecta a {{host}} {{port}} (o HOST/PORT, o tecleados cuando los pide), envía exactamente struct.pack(order + "iif", a, b, c) — 12 bytes, tamaños estándar, sin relleno — y cierra. El carácter de orden de bytes se da como {{order}} en su orden (por defecto "=", orden nativo, little-endian en x86/ARM).',
  'struct byte-order character both programs use: = (native), < (little-endian), > or ! (big-endian, network order)':
    'carácter de orden de bytes de struct que usan los dos programas: = (nativo), < (little-endian), > o ! (big-endian, orden de red)',
  'a ({a}) and b ({b})': 'a ({a}) y b ({b})',
};

/** Spanish for A2 `tcp-echo`, A3 `tcp-echo-concurrent` and A4 `tcp-echo-timeout`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const tcpEcho: Catalogue = {
  'TCP echo server and client': 'Servidor y cliente de eco TCP',
  'echoes a short message': 'devuelve el eco de un mensaje corto',
  'read with recv() and send the same bytes back with sendall()': 'lee con recv() y devuelve los mismos bytes con sendall()',
  'echoes 256 KiB of binary data sent at once': 'devuelve el eco de 256 KiB de datos binarios enviados de golpe',
  'one recv() returns at most its buffer size (and often less): loop until recv() returns b"", and answer with sendall(), not send()':
    'un recv() devuelve como mucho el tamaño de su búfer (y a menudo menos): repite hasta que recv() devuelva b"", y responde con sendall(), no con send()',
  'echoes a message that arrives 1 to 7 bytes at a time': 'devuelve el eco de un mensaje que llega de 1 en 1 a 7 en 7 bytes',
  'TCP is a byte stream: one recv() is not one message. Keep reading and echoing whatever arrives, however small':
    'TCP es un flujo de bytes: un recv() no es un mensaje. Sigue leyendo y devolviendo lo que llegue, por pequeño que sea',
  'sending a message a few bytes at a time': 'enviando un mensaje de pocos bytes en pocos bytes',
  'after the client shuts down its sending side, finishes the echo and closes': 'cuando el cliente cierra su lado de envío, termina el eco y cierra',
  'when recv() returns b"" the client has finished sending: send what is left, then close the connection (leave the loop)':
    'cuando recv() devuelve b"" el cliente ha terminado de enviar: envía lo que quede y cierra la conexión (sal del bucle)',
  'waiting for the server to close the connection after the client half-closed': 'esperando a que el servidor cerrara la conexión después del semicierre del cliente',
  'the server sent the echo but did not close the connection within {ms} after the client shut down its sending side':
    'el servidor envió el eco pero no cerró la conexión en {ms} después de que el cliente cerrara su lado de envío',
  'recv() returning b"" means end of input: break out of the loop and close the connection': 'que recv() devuelva b"" significa fin de los datos: sal del bucle y cierra la conexión',
  'serves a second and a third client after the first one leaves': 'atiende a un segundo y a un tercer cliente cuando se va el primero',
  'put accept() in a loop: after one client leaves, accept the next one': 'mete accept() en un bucle: cuando un cliente se va, acepta al siguiente',
  'after serving client {n}': 'después de atender al cliente {n}',
  'client {n} was not served after client {previous} left: {reason}': 'el cliente {n} no fue atendido cuando se fue el cliente {previous}: {reason}',
  'reads the echo until it is complete when it arrives in small slices, and prints it': 'lee el eco hasta tenerlo completo cuando llega en trozos pequeños, y lo imprime',
  'keeps multi-byte characters intact when they are split between reads': 'mantiene intactos los caracteres de varios bytes cuando quedan partidos entre lecturas',
  'sending the echo back in small slices': 'devolviendo el eco en trozos pequeños',
  'the client closed the connection before the whole echo had arrived ({n} bytes, sent in {slices} slices)':
    'el cliente cerró la conexión antes de que llegara el eco completo ({n} bytes, enviados en {slices} trozos)',
  'one recv() may return only part of the reply: keep calling recv() until you have as many bytes as you sent':
    'un recv() puede devolver solo parte de la respuesta: sigue llamando a recv() hasta tener tantos bytes como enviaste',
  'waiting for the client to print the whole echo': 'esperando a que el cliente imprimiera el eco completo',
  'the client crashed with a {name} while receiving the echo': 'el cliente falló con un {name} mientras recibía el eco',
  'a multi-byte character was split between two recv() calls: join the bytes first and decode once, at the end':
    'un carácter de varios bytes quedó partido entre dos llamadas a recv(): junta primero los bytes y decodifica una sola vez, al final',
  'the client did not print the whole echo ({size}); it closed the connection with unread data (RST)':
    'el cliente no imprimió el eco completo ({size}); cerró la conexión con datos sin leer (RST)',
  'the client did not print the whole echo ({size})': 'el cliente no imprimió el eco completo ({size})',
  '(nothing printed after the echo started)': '(no imprimió nada desde que empezó el eco)',
  'read until you have received as many bytes as you sent, then print the whole reply once': 'lee hasta haber recibido tantos bytes como enviaste y después imprime la respuesta entera de una vez',
  'the client printed the echo but closed the connection with unread data (the kernel sent RST)':
    'el cliente imprimió el eco pero cerró la conexión con datos sin leer (el núcleo envió un RST)',
  'read everything the server sends before closing': 'lee todo lo que envía el servidor antes de cerrar',
  'the client sends a message of its own and takes none, so sockgrade cannot give it one with multi-byte characters':
    'el cliente envía un mensaje propio y no recibe ninguno, así que sockgrade no puede darle uno con caracteres multibyte',
  '{typed}, given as {{message}} (MESSAGE) or typed at a prompt': '{typed}, dado como {{message}} (MESSAGE) o tecleado cuando se pide',
  'take the message from the command line (sys.argv) or from input(), as the exercise asks, instead of writing it in the program':
    'toma el mensaje de la línea de órdenes (sys.argv) o de input(), como pide el ejercicio, en vez de escribirlo en el programa',
  'the client did not send the typed message as UTF-8 bytes': 'el cliente no envió el mensaje tecleado como bytes UTF-8',
  'send the message the user typed (or gave on the command line), encoded with .encode("utf-8")':
    'envía el mensaje que tecleó el usuario (o que dio en la línea de órdenes), codificado con .encode("utf-8")',

  // A3 tcp-echo-concurrent
  'TCP echo server for many clients at once': 'Servidor de eco TCP para muchos clientes a la vez',
  'many clients connected at once each get exactly their own bytes back': 'muchos clientes conectados a la vez reciben cada uno exactamente sus propios bytes',
  'a silent client does not delay the others': 'un cliente callado no retrasa a los demás',
  'one client resetting mid-stream leaves the others unaffected': 'un cliente que corta (RST) a mitad de envío no afecta a los demás',
  'many hundreds of clients at once (informational, weight 0 by default)': 'cientos de clientes a la vez (informativa, peso 0 por defecto)',
  'connecting {n} clients at once': 'conectando {n} clientes a la vez',
  '{refused} of {n} clients could not connect: {reason}': '{refused} de {n} clientes no pudieron conectar: {reason}',
  'use a listen() backlog large enough for many pending clients, e.g. listen(128)': 'usa en listen() una cola lo bastante grande para muchos clientes pendientes, p. ej. listen(128)',
  'waiting for round {round} of {rounds} of echoes on {n} clients': 'esperando la ronda {round} de {rounds} de ecos en {n} clientes',
  'round {round}: {missing} of {n} connected clients got no complete echo within {ms} ({served} were served): the server seems to serve one client at a time':
    'ronda {round}: {missing} de {n} clientes conectados no recibieron el eco completo en {ms} ({served} fueron atendidos): parece que el servidor atiende a un cliente cada vez',
  'round {round}: {missing} of {n} connected clients got no complete echo within {ms} ({served} were served)':
    'ronda {round}: {missing} de {n} clientes conectados no recibieron el eco completo en {ms} ({served} fueron atendidos)',
  'every client gets its own message back while all {n} are connected': 'cada cliente recibe su propio mensaje mientras los {n} están conectados',
  '{label} received {got} of {n} bytes': '{label} recibió {got} de {n} bytes',
  'serve each client in its own thread (threading.Thread), or multiplex with select()/selectors, or use asyncio':
    'atiende a cada cliente en su propio hilo (threading.Thread), o multiplexa con select()/selectors, o usa asyncio',
  "waiting for client B's echo while client A stays connected and silent": 'esperando el eco del cliente B mientras el cliente A sigue conectado y callado',
  'client B got no echo within {ms} while client A was connected and silent: the server serves one client at a time':
    'el cliente B no recibió eco en {ms} mientras el cliente A estaba conectado y callado: el servidor atiende a un cliente cada vez',
  'the echo of {data} within {ms}': 'el eco de {data} en {ms}',
  '{n} bytes': '{n} bytes',
  'a sequential server blocks in recv() on client A; serve each client in its own thread, or use select()':
    'un servidor secuencial se bloquea en recv() con el cliente A; atiende a cada cliente en su propio hilo, o usa select()',
  'after client 3 reset its connection': 'después de que el cliente 3 cortara su conexión (RST)',
  'after client 3 reset its connection, {reason}': 'después de que el cliente 3 cortara su conexión (RST), {reason}',

  // A4 tcp-echo-timeout
  'TCP echo server with idle timeout': 'Servidor de eco TCP con tiempo máximo de inactividad',
  'closes the connection right after sending its reply': 'cierra la conexión justo después de enviar su respuesta',
  'after sendall() of the reply, close the connection (conn.close()) and go back to accept()': 'después del sendall() de la respuesta, cierra la conexión (conn.close()) y vuelve a accept()',
  'waiting for the server to close the connection after its reply': 'esperando a que el servidor cerrara la conexión después de su respuesta',
  'the server replied but did not close the connection within {ms}': 'el servidor respondió pero no cerró la conexión en {ms}',
  'the connection closed right after the reply': 'la conexión cerrada justo después de la respuesta',
  'still open': 'sigue abierta',
  'closes a silent connection between `idle` and `idle` + tolerance seconds': 'cierra una conexión callada entre `idle` e `idle` + tolerancia segundos',
  'conn.settimeout(5) before recv(), and on socket.timeout close that connection; or select() with a timeout per client':
    'conn.settimeout(5) antes de recv(), y con socket.timeout cierra esa conexión; o select() con un tiempo límite por cliente',
  'waiting with a silent client for the server to close it (idle {idle})': 'esperando con un cliente callado a que el servidor lo cerrara (idle {idle})',
  'the silent client was still connected {ms} after connecting: it should have been closed after {idle} of silence':
    'el cliente callado seguía conectado {ms} después de conectarse: debería haberse cerrado tras {idle} de silencio',
  'closed between {idle} and {limit}': 'cerrada entre {idle} y {limit}',
  'instead of closing only the idle connection': 'en vez de cerrar solo la conexión inactiva',
  'the server closed the silent client after {ms}, before {idle} of silence': 'el servidor cerró el cliente callado a los {ms}, antes de {idle} de silencio',
  'closed after {ms}': 'cerrada a los {ms}',
  'measure {idle} of silence from the last data received (or the accept), not less': 'mide {idle} de silencio desde los últimos datos recibidos (o desde el accept), no menos',
  'the server closed the silent client after {ms}, later than {idle} + {tol} tolerance': 'el servidor cerró el cliente callado a los {ms}, más tarde que {idle} + {tol} de tolerancia',
  'a client that talks before `idle` runs out is served, not expelled': 'un cliente que habla antes de que se agote `idle` es atendido, no expulsado',
  'the idle timer counts silence only: restart it whenever data arrives': 'el temporizador de inactividad solo cuenta silencio: reinícialo cada vez que lleguen datos',
  'staying silent for {ms} (less than idle) before message {n}': 'callado durante {ms} (menos que idle) antes del mensaje {n}',
  'the server closed the connection after {ms} although the client had been silent for less than {idle}':
    'el servidor cerró la conexión a los {ms} aunque el cliente había estado callado menos de {idle}',
  'close only after idle seconds with no data at all, counted from the last data received': 'cierra solo tras idle segundos sin ningún dato, contados desde los últimos datos recibidos',
  'after expelling an idle client, serves new clients': 'después de expulsar a un cliente inactivo, atiende a clientes nuevos',
  'handle the timeout of one connection inside the accept loop: close that connection, then accept() again':
    'trata el tiempo límite de una conexión dentro del bucle de accept: cierra esa conexión y vuelve a accept()',
  'the server never closed the idle client (see timeout.idle-kick), so there was no expulsion to recover from':
    'el servidor nunca cerró el cliente inactivo (mira timeout.idle-kick), así que no hubo expulsión de la que recuperarse',
  'waiting for the client to read the piece of the echo it was sent': 'esperando a que el cliente leyera el trozo del eco que se le envió',
  'closes a connection when the client sends the quit word, and serves the next client': 'cierra la conexión cuando el cliente envía la palabra de salida, y atiende al siguiente cliente',
  'compare each received line, without its newline (line.strip()), with the quit word: when it matches, say goodbye if you want, close that connection and go back to accept()':
    'compara cada línea recibida, sin su salto de línea (linea.strip()), con la palabra de salida: si coincide, despídete si quieres, cierra esa conexión y vuelve a accept()',
  'the exercise has no quit word (--param quit=WORD sets one)': 'el ejercicio no tiene palabra de salida (--param quit=PALABRA la fija)',
  'waiting for the server to close the connection after the quit word "{word}"': 'esperando a que el servidor cerrara la conexión tras la palabra de salida "{word}"',
  'the server did not close the connection within {ms} after the client sent the quit word': 'el servidor no cerró la conexión en {ms} después de que el cliente enviara la palabra de salida',
  'after a client sent the quit word': 'después de que un cliente enviara la palabra de salida',
  'after a client quit, the next client was not served: {reason}': 'cuando un cliente salió, el siguiente cliente no fue atendido: {reason}',
  'after a client quit, the client after the next was not served: {reason}': 'cuando un cliente salió, el cliente después del siguiente no fue atendido: {reason}',
  'waiting for the banner "{banner}" on {label}': 'esperando el saludo "{banner}" en {label}',
  'the server did not greet {label} with its banner line within {ms}': 'el servidor no saludó a {label} con su línea de bienvenida en {ms}',
  'the server sent {label} the banner without the newline that ends it': 'el servidor envió a {label} el saludo sin el salto de línea que lo termina',
  'the first line the server sent to {label} is not the banner': 'la primera línea que el servidor envió a {label} no es el saludo',
  'send the greeting line (ending with a newline) right after accept(), before reading anything from the client':
    'envía la línea de saludo (terminada en salto de línea) justo después de accept(), antes de leer nada del cliente',
  "the client's message does not end with a newline, so a server that reads whole lines never answers it":
    'el mensaje del cliente no termina en salto de línea, así que un servidor que lee líneas completas nunca lo contesta',
  'end the message with "\\n" before sending it: sock.sendall((mensaje + "\\n").encode())': 'termina el mensaje con "\\n" antes de enviarlo: sock.sendall((mensaje + "\\n").encode())',
  'the connection closed after "{sent}"': 'la conexión cerrada después de "{sent}"',
  '"{received}" and the connection still open': '"{received}" y la conexión todavía abierta',
  // contract and parameters, as sockgrade list shows them
  "Listens on TCP host:port and echoes every byte back until the client closes, then accepts the next client. Parameters set the course's variant: whole lines, capitals, a greeting banner, a quit word.":
    'Escucha en host:port por TCP y devuelve cada byte hasta que el cliente cierra; después acepta al siguiente cliente. Los parámetros fijan la variante del curso: líneas enteras, mayúsculas, una línea de bienvenida, una palabra para salir.',
  'Connects, sends a message (typed or from the command line), reads until the whole echo is back, prints it.':
    'Se conecta, envía un mensaje (tecleado o de la línea de órdenes), lee hasta que vuelve el eco entero y lo imprime.',
  'raw: every byte is echoed as it arrives; line: messages are text lines ending in a newline, the server echoes whole lines (newline included) and the client ends its message with one':
    'raw: cada byte se devuelve según llega; line: los mensajes son líneas de texto acabadas en salto de línea, el servidor devuelve líneas enteras (con su salto de línea) y el cliente acaba su mensaje con uno',
  'none: the reply is the message itself; upper: the reply is the message in capitals (sockgrade then sends ASCII text only)':
    'none: la respuesta es el propio mensaje; upper: la respuesta es el mensaje en mayúsculas (sockgrade envía entonces solo texto ASCII)',
  'a line the server sends every client first, as soon as it connects (empty: none)':
    'una línea que el servidor envía primero a cada cliente, nada más conectarse (vacío: ninguna)',
  'a line that makes the server close that connection and go on serving others (empty: none)':
    'una línea que hace que el servidor cierre esa conexión y siga atendiendo a los demás (vacío: ninguna)',
  'The tcp-echo contract, serving many clients at the same time (threads, select or asyncio).':
    'El contrato de tcp-echo, atendiendo a muchos clientes a la vez (hilos, select o asyncio).',
  'clients connected at once in concurrency.parallel-clients':
    'clientes conectados a la vez en concurrency.parallel-clients',
  'clients connected at once in concurrency.stress':
    'clientes conectados a la vez en concurrency.stress',
  'seconds within which a client must be served while another one stays silent':
    'segundos en los que un cliente debe ser atendido mientras otro sigue callado',
  'Echoes; closes a connection right after its first reply; closes any connection idle for `idle` seconds; keeps accepting new clients.':
    'Hace eco; cierra una conexión justo después de su primera respuesta; cierra cualquier conexión inactiva durante `idle` segundos; sigue aceptando clientes nuevos.',
  'seconds of silence after which the server must close a connection':
    'segundos de silencio tras los que el servidor debe cerrar una conexión',
  'seconds after `idle` within which the close must happen':
    'segundos después de `idle` en los que debe producirse el cierre',
  'the server closes each connection after its first reply (course exercise v1_3); off: it keeps echoing until idle':
    'el servidor cierra cada conexión tras su primera respuesta (ejercicio v1_3 del curso); off: sigue haciendo eco hasta la inactividad',
  // the clients of tcp-echo-concurrent's rounds
  'client {i}/{n}': 'cliente {i}/{n}',
  'the idle client was expelled': 'que se expulsara al cliente inactivo',
};

/** Spanish for D1 `sntp-client`. */
import type { Catalogue } from '../../../harness/authoring.js';
import { NTP_HOST, NTP_PORT } from '../course-address.js';

const NO_HOSTS =
  "sockgrade cannot give the client its own hosts file on this machine ({why}), so a client that hard-codes {host} asks the real server, which sockgrade cannot grade: take the server's address from {{host}} {{port}} in the command (or HOST/PORT)";
const NO_HOSTS_ES =
  'sockgrade no puede dar al cliente su propio fichero hosts en esta máquina ({why}), así que un cliente que tenga {host} fijo en el código pregunta al servidor real, que sockgrade no puede corregir: toma la dirección del servidor de {{host}} {{port}} en la orden (o de HOST/PORT)';
const PORT_BUSY = 'port {ports} was in use by another program (an NTP daemon?), so sockgrade could not listen there: give the client {{port}} in its command, or pass --port N';
const PORT_BUSY_ES = 'el puerto {ports} lo usaba otro programa (¿un demonio NTP?), así que sockgrade no pudo escuchar ahí: dale al cliente {{port}} en su orden, o pasa --port N';
const STANDARD =
  "read the reply with recvfrom(), take word 10 of struct.unpack('!12I', respuesta) (the transmit timestamp's seconds), subtract 2208988800 and print time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(segundos))";
const STANDARD_ES =
  "lee la respuesta con recvfrom(), toma la palabra 10 de struct.unpack('!12I', respuesta) (los segundos de la marca de tiempo de transmisión), réstale 2208988800 e imprime time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(segundos))";

export const sntpClient: Catalogue = {
  'SNTP client (and server): ask an NTP server for the time': 'Cliente (y servidor) SNTP: pedir la hora a un servidor NTP',
  'sends a 48-byte SNTP request whose first byte is 0x1b (LI 0, VN 3, mode 3)': 'envía una petición SNTP de 48 bytes cuyo primer byte es 0x1b (LI 0, VN 3, modo 3)',
  "build the request as b'\\x1b' + 47 * b'\\0' and send it with sendto()": "arma la petición como b'\\x1b' + 47 * b'\\0' y envíala con sendto()",
  "prints the transmit time of the server's reply in UTC (as YYYY-MM-DD HH:MM:SS unless time-format says otherwise), not the local clock":
    'imprime la hora de transmisión de la respuesta del servidor en UTC (como AAAA-MM-DD HH:MM:SS salvo que time-format diga otra cosa), no el reloj local',
  'when no reply comes, prints a message and exits (no hang, no traceback) within the give-up time':
    'cuando no llega respuesta, imprime un mensaje y termina (sin colgarse, sin traceback) dentro del tiempo de rendición',
  'call settimeout(5) on the socket before recvfrom(), catch socket.timeout and print that the server did not answer':
    'llama a settimeout(5) en el socket antes de recvfrom(), captura socket.timeout e imprime que el servidor no respondió',
  'reports a truncated reply (fewer than 48 bytes) with a message, not a traceback, and exits': 'avisa de una respuesta cortada (menos de 48 bytes) con un mensaje, no con un traceback, y termina',
  "check len(respuesta) >= 48 before struct.unpack('!12I', respuesta) (or catch struct.error) and print that the reply is not valid":
    "comprueba len(respuesta) >= 48 antes de struct.unpack('!12I', respuesta) (o captura struct.error) e imprime que la respuesta no es válida",
  [STANDARD]: STANDARD_ES,
  [`the time must come from the reply, not from time.time() or datetime.now(): ${STANDARD}`]: `la hora debe salir de la respuesta, no de time.time() ni de datetime.now(): ${STANDARD_ES}`,
  'convert with time.gmtime(), not time.localtime() or datetime.fromtimestamp()': 'convierte con time.gmtime(), no con time.localtime() ni con datetime.fromtimestamp()',
  "waiting for the client's request on {where}": 'esperando la petición del cliente en {where}',
  "the client exited without sending a request to sockgrade's SNTP server at {where} (it crashed: {name})": 'el cliente terminó sin enviar ninguna petición al servidor SNTP de sockgrade en {where} (falló: {name})',
  "the client exited without sending a request to sockgrade's SNTP server at {where}": 'el cliente terminó sin enviar ninguna petición al servidor SNTP de sockgrade en {where}',
  "no request arrived at sockgrade's SNTP server at {where} within {ms}": 'no llegó ninguna petición al servidor SNTP de sockgrade en {where} en {ms}',
  [`(${NO_HOSTS}; ${PORT_BUSY})`]: `(${NO_HOSTS_ES}; ${PORT_BUSY_ES})`,
  [`(${NO_HOSTS})`]: `(${NO_HOSTS_ES})`,
  [`(${PORT_BUSY})`]: `(${PORT_BUSY_ES})`,
  'send the request with sendto() to the server given as {{host}} {{port}} in the command (or HOST/PORT), or to {host} port {port}, which sockgrade answers for':
    'envía la petición con sendto() al servidor que se da como {{host}} {{port}} en la orden (o HOST/PORT), o a {host} puerto {port}, por el que responde sockgrade',
  '{situation}, the client crashed with a {name} instead of reporting it': '{situation}, el cliente falló con un {name} en vez de avisar',
  '{situation}, the client was still running {ms} later': '{situation}, el cliente seguía en marcha {ms} después',
  '{situation}, the client exited without printing any message': '{situation}, el cliente terminó sin imprimir ningún mensaje',
  'with no reply to its request': 'sin respuesta a su petición',
  'after a reply of only {size} (an SNTP reply has {n}; the transmit timestamp is missing)': 'tras una respuesta de solo {size} (una respuesta SNTP tiene {n}; falta la marca de tiempo de transmisión)',
  'tell the user what went wrong in one line before exiting': 'dile al usuario qué fue mal en una línea antes de terminar',
  'the request is not an SNTP client request: {problems}': 'la petición no es una petición de cliente SNTP: {problems}',
  'it is {size} long, not {n}': 'mide {size}, no {n}',
  'it is empty': 'está vacía',
  'its first byte is {got}, not {expected}': 'su primer byte es {got}, no {expected}',
  "{n} bytes: 1b 00 00 00 … (0x1b then 47 bytes, zeros or the client's transmit time)": '{n} bytes: 1b 00 00 00 … (0x1b y después 47 bytes, ceros o la hora de transmisión del cliente)',
  '{size}: {hex}, as text {text}': '{size}: {hex}, como texto {text}',
  'waiting for the client to print {time}': 'esperando a que el cliente imprimiera {time}',
  'the time {time}': 'la hora {time}',
  '{why}; it crashed with a {name}': '{why}; falló con un {name}',
  '{time} (transmit timestamp {stamp} - {offset} = {seconds} seconds since 1970, UTC)': '{time} (marca de tiempo de transmisión {stamp} - {offset} = {seconds} segundos desde 1970, UTC)',
  "the client printed no time in the form {form} after the reply (the server's time was {time} UTC)":
    'el cliente no imprimió ninguna hora con la forma {form} después de la respuesta (la hora del servidor era {time} UTC)',
  "the client printed {text}, which is this computer's clock, not the time in the server's reply ({time} UTC)": 'el cliente imprimió {text}, que es el reloj de este ordenador, no la hora de la respuesta del servidor ({time} UTC)',
  "the client printed {text}, the server's time shifted by {h} h: local time instead of UTC (expected {time})": 'el cliente imprimió {text}, la hora del servidor desplazada {h} h: hora local en vez de UTC (se esperaba {time})',
  "the client printed {text}, the reply's reference timestamp (word 4: when the server's clock was last set), not its transmit timestamp ({time})":
    'el cliente imprimió {text}, la marca de tiempo de referencia de la respuesta (palabra 4: cuándo se puso en hora el reloj del servidor por última vez), no su marca de tiempo de transmisión ({time})',
  'the client printed {text}: the transmit timestamp without subtracting 2208988800 (seconds from 1900 to 1970); expected {time}':
    'el cliente imprimió {text}: la marca de tiempo de transmisión sin restar 2208988800 (segundos de 1900 a 1970); se esperaba {time}',
  "the client printed {text}, not the time in the server's reply ({time} UTC)": 'el cliente imprimió {text}, no la hora de la respuesta del servidor ({time} UTC)',
  'waiting for the client to report the {size} reply and exit': 'esperando a que el cliente avisara de la respuesta de {size} y terminara',
  '{situation}, the client printed the time {time}, although the reply holds no transmit timestamp': '{situation}, el cliente imprimió la hora {time}, aunque la respuesta no trae marca de tiempo de transmisión',
  'a reply shorter than 48 bytes carries no time: report it as invalid instead of reading it': 'una respuesta de menos de 48 bytes no trae hora: avisa de que no es válida en vez de leerla',
  "answers a client request (mode 3) with a 48-byte server reply: LI 0, the request's version, mode 4, stratum 1-15":
    'contesta a una petición de cliente (modo 3) con una respuesta de servidor de 48 bytes: LI 0, la versión de la petición, modo 4, estrato 1-15',
  "puts the server's clock, in seconds since 1900, in the reply's transmit timestamp": 'pone el reloj del servidor, en segundos desde 1900, en la marca de tiempo de transmisión de la respuesta',
  'transmit timestamp (bytes 40-47): int(time.time()) + 2208988800, then the fraction of the second times 2**32':
    'marca de transmisión (bytes 40-47): int(time.time()) + 2208988800, y luego la fracción de segundo por 2**32',
  "copies the request's transmit timestamp (bytes 40-47) into the reply's originate timestamp (bytes 24-31)":
    'copia la marca de transmisión de la petición (bytes 40-47) en la marca de origen de la respuesta (bytes 24-31)',
  'respuesta[24:32] = peticion[40:48]: the client matches the reply to its request by this copy': 'respuesta[24:32] = peticion[40:48]: el cliente empareja la respuesta con su petición gracias a esta copia',
  'survives a request shorter than 48 bytes and answers the next one': 'sobrevive a una petición de menos de 48 bytes y contesta a la siguiente',
  'check len(datos) >= 48 (and the mode) before unpacking the request; ignore, or answer, anything else, but never let it raise':
    'comprueba len(datos) >= 48 (y el modo) antes de desempaquetar la petición; ignora, o contesta, cualquier otra cosa, pero que nunca lance una excepción',
  'waiting for the reply to an SNTP request (attempt {n} of {total})': 'esperando la respuesta a una petición SNTP (intento {n} de {total})',
  'after an SNTP request': 'después de una petición SNTP',
  'no reply to a 48-byte SNTP client request (first byte {byte}), sent {n} times ({ms} wait each)':
    'ninguna respuesta a una petición SNTP de cliente de 48 bytes (primer byte {byte}), enviada {n} veces ({ms} de espera cada una)',
  'a 48-byte reply, sent back to the address the request came from': 'una respuesta de 48 bytes, enviada a la dirección de la que vino la petición',
  'recvfrom() gives the request and the client\'s address: answer with sendto(respuesta, direccion); check the first byte as a number (datos[0] & 7 == 3), not against b"\\x1b"':
    'recvfrom() da la petición y la dirección del cliente: contesta con sendto(respuesta, direccion); comprueba el primer byte como número (datos[0] & 7 == 3), no comparándolo con b"\\x1b"',
  'the server sent the request back unchanged (mode 3): an SNTP server answers with a new packet in mode 4': 'el servidor devolvió la petición sin cambios (modo 3): un servidor SNTP contesta con un paquete nuevo en modo 4',
  'the reply has {n} bytes; an SNTP reply has {size}': 'la respuesta tiene {n} bytes; una respuesta SNTP tiene {size}',
  "the reply's first byte is {byte}: its mode must be 4 (server)": 'el primer byte de la respuesta es {byte}: su modo debe ser 4 (servidor)',
  "the reply's first byte is {byte}: its version must be the request's, 3": 'el primer byte de la respuesta es {byte}: su versión debe ser la de la petición, 3',
  "the reply's stratum (byte 1) is {n}: a server with a clock answers 1 to 15 (0 means \"kiss-o'-death\", and clients discard the reply)":
    'el estrato de la respuesta (byte 1) es {n}: un servidor con reloj contesta de 1 a 15 (0 significa "kiss-o\'-death", y los clientes descartan la respuesta)',
  'the transmit timestamp (bytes 40-47) is zero: the server did not put its clock in the reply': 'la marca de transmisión (bytes 40-47) es cero: el servidor no puso su reloj en la respuesta',
  "the transmit timestamp's seconds are {n}, Unix time: add 2208988800 (the seconds from 1900 to 1970) before packing it":
    'los segundos de la marca de transmisión son {n}, hora Unix: suma 2208988800 (los segundos de 1900 a 1970) antes de empaquetarla',
  'the transmit time is {time}, {h} h away from the UTC clock: the server packs local time instead of UTC': 'la hora de transmisión es {time}, a {h} h del reloj UTC: el servidor empaqueta la hora local en vez de UTC',
  "the transmit time is {time} UTC, {n} s away from the machine's clock ({now} UTC)": 'la hora de transmisión es {time} UTC, a {n} s del reloj de la máquina ({now} UTC)',
  'the reply has {n} bytes, too few to hold a transmit timestamp (bytes 40-47)': 'la respuesta tiene {n} bytes, demasiado pocos para llevar una marca de transmisión (bytes 40-47)',
  "the reply's originate timestamp is zero: the request's transmit timestamp was not copied into it (or the wrong slice of the request was, all zeros)":
    'la marca de origen de la respuesta es cero: no se copió en ella la marca de transmisión de la petición (o se copió el trozo equivocado de la petición, todo ceros)',
  "the reply's originate timestamp is bytes {from}-{to} of the request, not its transmit timestamp (bytes 40-47): the request was sliced wrong":
    'la marca de origen de la respuesta son los bytes {from}-{to} de la petición, no su marca de transmisión (bytes 40-47): la petición se troceó mal',
  "the reply's originate timestamp is not the request's transmit timestamp": 'la marca de origen de la respuesta no es la marca de transmisión de la petición',
  'the reply has {n} bytes: no originate timestamp': 'la respuesta tiene {n} bytes: no hay marca de origen',
  'sending a request of only {n} bytes': 'enviando una petición de solo {n} bytes',
  'after a request of {n} bytes': 'después de una petición de {n} bytes',
  "the reply's first byte is {byte}: leap indicator 3 means \"clock not synchronised\", and clients discard the reply":
    'el primer byte de la respuesta es {byte}: el indicador de salto 3 significa "reloj no sincronizado", y los clientes descartan la respuesta',
  "build the reply with struct.pack('!B B b b 11I', (0 << 6) | (3 << 3) | 4, 1, 0, -20, ...) : first byte 0x1c, stratum 1":
    "construye la respuesta con struct.pack('!B B b b 11I', (0 << 6) | (3 << 3) | 4, 1, 0, -20, ...) : primer byte 0x1c, estrato 1",
  'after a request of {n} bytes, {reason}': 'después de una petición de {n} bytes, {reason}',
  // contract and parameters, as sockgrade list shows them
  "Binds UDP host:port (123 in the course) and answers every 48-byte client request (mode 3) with a 48-byte reply to its sender: LI 0, the request's version, mode 4, stratum 1-15, the request's transmit timestamp as originate timestamp (bytes 24-31) and its own clock, in seconds since 1900, as transmit timestamp (bytes 40-47). Short or garbage requests never bring it down.":
    'Se enlaza a host:port por UDP (123 en el curso) y responde a cada petición de cliente de 48 bytes (modo 3) con una respuesta de 48 bytes a quien la envió: LI 0, la versión de la petición, modo 4, estrato 1-15, la marca de tiempo de transmisión de la petición como marca de origen (bytes 24-31) y su propio reloj, en segundos desde 1900, como marca de transmisión (bytes 40-47). Las peticiones cortas o basura no lo tumban nunca.',
  'seconds within which a client with no reply, or a truncated one, must report it and exit':
    'segundos en los que un cliente sin respuesta, o con una truncada, debe avisar y terminar',
  'how the client prints the UTC time, judged as a time: iso YYYY-MM-DD HH:MM:SS (a T, fractions or a UTC suffix allowed; the layout time.ctime() prints is read too), ctime Www Mmm DD HH:MM:SS YYYY (time.asctime(time.gmtime(s))), dmy DD/MM/YYYY HH:MM:SS, any: one of these':
    'cómo imprime el cliente la hora UTC, juzgada como hora: iso AAAA-MM-DD HH:MM:SS (se admiten una T, fracciones o un sufijo UTC; también se lee el formato que imprime time.ctime()), ctime Www Mmm DD HH:MM:SS AAAA (time.asctime(time.gmtime(s))), dmy DD/MM/AAAA HH:MM:SS, any: cualquiera de ellos',
  'for the reference server only (sockgrade reference sntp-client server): answer with this UTC time, YYYY-MM-DD HH:MM:SS, instead of the current time':
    'solo para el servidor de referencia (`sockgrade reference sntp-client server`): responde con esta hora UTC, AAAA-MM-DD HH:MM:SS, en vez de la hora actual',
  // the contract names the server a hard-coded client asks: the same constants as the exercise
  [`Sends one SNTP request over UDP to the server given as {{host}} {{port}} in its command (or HOST/PORT), or to ${NTP_HOST} port ${NTP_PORT} when it hard-codes it: 48 bytes, the first 0x1b (LI 0, VN 3, mode 3), the rest zeros (or its own transmit time in bytes 40-47). Reads the reply, takes the transmit timestamp's seconds (word 10 of struct.unpack('!12I', reply)), subtracts 2208988800 and prints that time in UTC (as YYYY-MM-DD HH:MM:SS, or the format time-format names). When no reply comes within a few seconds (settimeout), or the reply is shorter than 48 bytes, it prints a one-line message and exits, with no traceback.`]:
    `Envía una petición SNTP por UDP al servidor que se da como {{host}} {{port}} en su orden (o HOST/PORT), o a ${NTP_HOST}, puerto ${NTP_PORT}, cuando lo tiene fijo en el código: 48 bytes, el primero 0x1b (LI 0, VN 3, modo 3), el resto ceros (o su propia hora de transmisión en los bytes 40-47). Lee la respuesta, toma los segundos de la marca de tiempo de transmisión (la palabra 10 de struct.unpack('!12I', reply)), les resta 2208988800 e imprime esa hora en UTC (como AAAA-MM-DD HH:MM:SS, o en el formato que nombra time-format). Cuando no llega respuesta en unos segundos (settimeout), o la respuesta tiene menos de 48 bytes, imprime un mensaje de una línea y termina, sin traceback.`,
  'it is {size} long, not {n}, and its first byte is {got}, not {want}': 'mide {size}, no {n}, y su primer byte es {got}, no {want}',
  'its first byte is {got}, not {want}': 'su primer byte es {got}, no {want}',
  // the server's transmit time expected
  'about {seconds} ({utc} UTC), within {tolerance} s': 'unos {seconds} ({utc} UTC), con un margen de {tolerance} s',
};

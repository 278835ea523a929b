/** Spanish for the checks and helpers shared by several exercises (`exercises/shared/`). */
import type { Catalogue } from '../../../harness/i18n/catalogue.js';

export const shared: Catalogue = {
  // echo helpers
  'waiting for {label} to get the echo of {size}': 'esperando a que {label} recibiera el eco de {size}',
  '{label} got back only {got} of the {sent} bytes it sent: {how} (the server process had exited)':
    '{label} solo recibió de vuelta {got} de los {sent} bytes que envió: {how} (el proceso del servidor había terminado)',
  '{label} got back only {got} of the {sent} bytes it sent: {how}': '{label} solo recibió de vuelta {got} de los {sent} bytes que envió: {how}',
  'the server reset the connection': 'el servidor cortó la conexión (RST)',
  'the server closed the connection': 'el servidor cerró la conexión',
  'nothing more arrived within {ms}': 'no llegó nada más en {ms}',
  '{label} got back different bytes from what it sent\n{mismatch}': '{label} recibió de vuelta bytes distintos de los que envió\n{mismatch}',
  'after {event}': 'después de {event}',
  'after {event}, a new client was not served: {reason}': 'después de {event}, un cliente nuevo no fue atendido: {reason}',
  'no reply to a datagram sent {n} times': 'ninguna respuesta a un datagrama enviado {n} veces',
  '{label} got {what} until it sent a newline: the server echoes only complete lines (it waits for "\\n" before answering)':
    '{label} no recibió {what} hasta que envió un salto de línea: el servidor solo devuelve líneas completas (espera un "\\n" antes de contestar)',
  'no echo': 'eco alguno',
  'only {n} of {total} bytes back': 'más que {n} de {total} bytes de vuelta',
  '{echo} back at once, without a newline': '{echo} de vuelta enseguida, sin salto de línea',
  'nothing before the newline': 'nada antes del salto de línea',
  '{got} before the newline': '{got} antes del salto de línea',
  'TCP carries bytes, not lines: send back whatever recv() returns as soon as it arrives; do not wait for "\\n" (readline(), makefile(), or a loop until a newline)':
    'TCP transporta bytes, no líneas: devuelve lo que recv() entregue en cuanto llegue; no esperes un "\\n" (readline(), makefile() o un bucle hasta el salto de línea)',
  'waiting a little longer for the rest of the echo before sending a newline': 'esperando un poco más el resto del eco antes de enviar un salto de línea',
  'sending a newline, to see whether the server waits for one': 'enviando un salto de línea, para ver si el servidor lo espera',
  'waiting for the replies to the random datagrams, if any, to stop': 'esperando a que dejen de llegar las respuestas a los datagramas aleatorios, si las hay',
  'sending {n} datagrams of random bytes': 'enviando {n} datagramas de bytes aleatorios',
  'it received {n} datagrams of random bytes': 'recibir {n} datagramas de bytes aleatorios',
  'after it received {n} datagrams of random bytes': 'después de recibir {n} datagramas de bytes aleatorios',
  'a reply': 'una respuesta',
  nothing: 'nada',
  '(nothing)': '(nada)',
  'waiting for the server to answer a new client': 'esperando a que el servidor respondiera a un cliente nuevo',
  'it connected and sent {payload} but got no answer within {ms} (the server closed the connection)':
    'se conectó y envió {payload} pero no recibió respuesta en {ms} (el servidor cerró la conexión)',
  'it connected and sent {payload} but got no answer within {ms}': 'se conectó y envió {payload} pero no recibió respuesta en {ms}',
  'an answer': 'una respuesta',
  'waiting for the reply to a {size} datagram': 'esperando la respuesta a un datagrama de {size}',
  'the reply to a {size} datagram is not identical to it\n{mismatch}': 'la respuesta a un datagrama de {size} no es idéntica a él\n{mismatch}',
  'while sockgrade waited for a reply': 'mientras sockgrade esperaba una respuesta',
  'no reply to a {size} datagram, sent {tries} times ({ms} wait each)': 'ninguna respuesta a un datagrama de {size}, enviado {tries} veces ({ms} de espera cada vez)',
  '{payload} back, to the socket that sent it': '{payload} de vuelta, al socket que lo envió',
  // files
  "connecting {label} through sockgrade's slicing proxy": 'conectando {label} a través del proxy troceador de sockgrade',
  'no such file': 'el fichero no existe',
  "create the file even when nothing arrives (an empty file is a correct copy of an empty file), with the exact name expected, in the program's working folder":
    'crea el fichero aunque no llegue nada (un fichero vacío es una copia correcta de un fichero vacío), con el nombre exacto esperado, en la carpeta de trabajo del programa',
  'open the output with "wb" for every transfer, so that it starts empty; "ab" appends to the old content':
    'abre el fichero de salida con "wb" en cada transferencia, para que empiece vacío; "ab" añade al contenido anterior',
  'open and write the output again for every new connection': 'abre y escribe el fichero de salida de nuevo en cada conexión nueva',
  'open the output with "wb", which empties it; "r+b" overwrites without truncating': 'abre el fichero de salida con "wb", que lo vacía; "r+b" sobrescribe sin recortar',
  'read the 7 header bytes apart, and write only the payload they announce': 'lee aparte los 7 bytes de cabecera y escribe solo los datos que anuncian',
  'write the bytes object itself (f.write(datos) with f opened "wb"), not str(datos) or print(datos)':
    'escribe el propio objeto bytes (f.write(datos) con f abierto en "wb"), no str(datos) ni print(datos)',
  'write each line as it arrived, newline included: stripping it (strip(), rstrip(), splitlines()) loses it':
    'escribe cada línea tal como llegó, con su salto de línea: quitarlo (strip(), rstrip(), splitlines()) lo pierde',
  'do not add a newline of your own: write exactly the bytes received (print() and write(linea + "\\n") add one)':
    'no añadas un salto de línea por tu cuenta: escribe exactamente los bytes recibidos (print() y write(linea + "\\n") añaden uno)',
  'write only the bytes received, once each': 'escribe solo los bytes recibidos, cada uno una vez',
  'the last line of a file may have no "\\n": when the connection ends, write whatever is left in your buffer':
    'la última línea de un fichero puede no tener "\\n": cuando termine la conexión, escribe lo que quede en tu búfer',
  'a file over 999999 bytes travels as several frames: keep reading frames until one carries fewer than 999999 bytes':
    'un fichero de más de 999999 bytes viaja en varias tramas: sigue leyendo tramas hasta que una traiga menos de 999999 bytes',
  'open the output in binary mode ("wb") so that no line ending is converted': 'abre el fichero de salida en modo binario ("wb") para que no se convierta ningún fin de línea',
  'open the input in binary mode ("rb"): text mode turns "\\r\\n" into "\\n"': 'abre el fichero de entrada en modo binario ("rb"): el modo texto convierte "\\r\\n" en "\\n"',
  'each line already ends with "\\n": write it as it is (print(linea) or write(linea + "\\n") adds a second one)':
    'cada línea ya termina en "\\n": escríbela tal cual (print(linea) o write(linea + "\\n") añaden otro)',
  'write each chunk exactly as received: print(datos) or write(datos + "\\n") adds a newline after every chunk':
    'escribe cada trozo exactamente como llegó: print(datos) o write(datos + "\\n") añaden un salto de línea tras cada trozo',
  // robust.*
  'survives clients that reset or close mid-message, and serves the next one': 'aguanta clientes que cortan (RST) o cierran a mitad de mensaje, y atiende al siguiente',
  'wrap each client conversation in try/except (ConnectionResetError, BrokenPipeError) and close that connection only; recv returning b"" means the client closed':
    'envuelve la conversación con cada cliente en try/except (ConnectionResetError, BrokenPipeError) y cierra solo esa conexión; que recv devuelva b"" significa que el cliente cerró',
  'survives random bytes (invalid UTF-8 included) and serves the next client': 'aguanta bytes aleatorios (UTF-8 no válido incluido) y atiende al siguiente cliente',
  'never assume what arrives is valid text: data.decode() raises UnicodeDecodeError on invalid UTF-8 (use errors="replace", or keep bytes)':
    'nunca des por hecho que lo que llega es texto válido: data.decode() lanza UnicodeDecodeError con UTF-8 no válido (usa errors="replace", o trabaja con bytes)',
  'prints no traceback or uncaught exception during the whole run': 'no imprime ningún traceback ni excepción sin capturar en toda la ejecución',
  'an exception in a thread or handler is printed even when the server keeps running: catch it where it happens and handle that client only':
    'una excepción en un hilo o manejador se imprime aunque el servidor siga en marcha: captúrala donde ocurre y ocúpate solo de ese cliente',
  'the server printed a {name} during check {check}': 'el servidor imprimió un {name} durante la comprobación {check}',
  "the reproduce line runs that check too; the traceback's last lines name the exception and the line that raised it":
    'la línea de reproducir también ejecuta esa comprobación; las últimas líneas del traceback dicen la excepción y la línea que la lanzó',
  'port {port} is in use by another program on this machine, so "no {peer}" cannot be arranged':
    'otro programa de esta máquina usa el puerto {port}, así que no se puede preparar la situación "sin {peer}"',
  'waiting for the {who} to give up (it was started with nothing listening on port {port})':
    'esperando a que el {who} se rindiera (se arrancó sin nada escuchando en el puerto {port})',
  'the {who} was still running {limit} after it started, with no {peer} to talk to': 'el {who} seguía en marcha {limit} después de arrancar, sin ningún {peer} con quien hablar',
  'a UDP {who} never learns that nobody listens: wait for the reply with a timeout (settimeout), retry a bounded number of times, and give up':
    'un {who} UDP nunca se entera de que nadie escucha: espera la respuesta con un tiempo límite (settimeout), reintenta un número limitado de veces y ríndete',
  'set a timeout and handle ConnectionRefusedError': 'pon un tiempo límite y trata ConnectionRefusedError',
  'the {who} crashed with a {name} instead of reporting the failure': 'el {who} falló con un {name} en vez de informar del problema',
  'the {who} exited ({exit}) without printing why': 'el {who} terminó ({exit}) sin imprimir por qué',
  'the {who} exited with code 0 although it could not talk to any {peer}': 'el {who} terminó con código 0 aunque no pudo hablar con ningún {peer}',
  'exit with a non-zero code (sys.exit(1)) when the program fails, so scripts and graders can tell':
    'termina con un código distinto de cero (sys.exit(1)) cuando el programa falla, para que los scripts y los correctores lo sepan',
  'with no {peer}, reports the failure in one line and exits non-zero within {ms}': 'sin {peer}, informa del problema en una línea y termina con código distinto de cero en {ms}',
  'its give-up time': 'su tiempo de rendición',
  'catch ConnectionRefusedError around connect(), print one line saying what failed, and sys.exit(1)':
    'captura ConnectionRefusedError alrededor de connect(), imprime una línea diciendo qué falló y haz sys.exit(1)',
  'set a timeout on the socket (settimeout), catch socket.timeout, print one line and sys.exit(1)':
    'pon un tiempo límite al socket (settimeout), captura socket.timeout, imprime una línea y haz sys.exit(1)',
  // client sessions
  'waiting for the client to connect to {host}:{port}': 'esperando a que el cliente se conectara a {host}:{port}',
  '(it crashed: {name})': '(falló: {name})',
  "the client exited before connecting to sockgrade's server at {address} (it crashed: {name})":
    'el cliente terminó antes de conectarse al servidor de sockgrade en {address} (falló: {name})',
  "the client exited before connecting to sockgrade's server at {address}": 'el cliente terminó antes de conectarse al servidor de sockgrade en {address}',
  "the client did not connect to sockgrade's server at {address} within {ms}": 'el cliente no se conectó al servidor de sockgrade en {address} en {ms}',
  'connect to the host and port given as {{host}} {{port}} in the command, HOST/PORT in the environment, or typed at the prompt; if your client hard-codes its port, pass --port N':
    'conéctate al host y puerto que se dan como {{host}} {{port}} en la orden, HOST/PORT en el entorno, o tecleados cuando el programa los pide; si tu cliente tiene el puerto fijo en el código, pasa --port N',
  'waiting for the client to send its message': 'esperando a que el cliente enviara su mensaje',
  'the client connected but sent nothing': 'el cliente se conectó pero no envió nada',
  'the typed message {message}': 'el mensaje tecleado {message}',
  // programs driven through their terminal
  'the client': 'el cliente',
  'the server': 'el servidor',
  '{who} crashed with a {name} instead of {doing}': '{who} falló con un {name} en vez de {doing}',
  '{who} exited ({exit}) before it would {what}': '{who} terminó ({exit}) antes de {what}',
  '{who} did not {what} within {ms}': '{who} no llegó a {what} en {ms}',
  "connect to sockgrade's server at {address}": 'conectarse al servidor de sockgrade en {address}',
  "connecting to sockgrade's server at {address}": 'conectarse al servidor de sockgrade en {address}',
  'send its name in a datagram to {address}': 'enviar su nombre en un datagrama a {address}',
  'sending its name in a datagram to {address}': 'enviar su nombre en un datagrama a {address}',
  'send the line its user typed ("{line}")': 'enviar la línea que tecleó su usuario ("{line}")',
  'sending the line its user typed ("{line}")': 'enviar la línea que tecleó su usuario ("{line}")',
  'send the typed line "{line}" to the server': 'enviar al servidor la línea tecleada "{line}"',
  'sending the typed line "{line}" to the server': 'enviar al servidor la línea tecleada "{line}"',
  'ask for {what}': 'pedir {what}',
  'asking for {what}': 'pedir {what}',
  'print "{text}"': 'imprimir "{text}"',
  'printing "{text}"': 'imprimir "{text}"',
  'a message': 'un mensaje',
  'its answer': 'su respuesta',
  "its user's name": 'el nombre de su usuario',
  "the client's name": 'el nombre del cliente',
  "the server's name": 'el nombre del servidor',
  'the line to be printed': 'a que se imprimiera la línea',
  'the reply to be printed': 'a que se imprimiera la respuesta',
  'the address to be read': 'a que se leyera la dirección',
  'it received a datagram of random bytes': 'recibir un datagrama de bytes aleatorios',
  'a client sent random bytes': 'que un cliente enviara bytes aleatorios',
  'web server': 'servidor web',
  // contract and parameters, as sockgrade list shows them
  'regular expression matching the prompt an interactive program prints before reading a line; empty: any output followed by a blocked read (Linux) or by quiet':
    'expresión regular que casa con la invitación (prompt) que un programa interactivo imprime antes de leer una línea; vacío: cualquier salida seguida de una lectura bloqueada (Linux) o de silencio',
  'a client reset its connection mid-message, another closed without sending and a third reset without sending':
    'que un cliente cortara su conexión a mitad de mensaje, otro cerrara sin enviar y un tercero cortara sin enviar',
  // what sockgrade was waiting for when a framed body stopped
  'the header of frame {n}': 'la cabecera de la trama {n}',
  'the {size} bytes announced by frame {n}': 'los {size} bytes que anunciaba la trama {n}',
};

/** Spanish for D2 `http-get-client`. */
import type { Catalogue } from '../../../harness/authoring.js';
import { WEB_HOST, WEB_PORT } from '../course-address.js';

/** How the full-body check names each response (describeCase in ../response.ts). */
const BODY_CASES_ES: Catalogue = {
  '{size}-byte body with Content-Length': 'cuerpo de {size} bytes con Content-Length',
  '{size}-byte body without Content-Length (it ends when the server closes)': 'cuerpo de {size} bytes sin Content-Length (acaba cuando cierra el servidor)',
  '{size}-byte (about 1 MiB) body with Content-Length': 'cuerpo de {size} bytes (1 MiB aproximadamente) con Content-Length',
  '{size}-byte (about 1 MiB) body without Content-Length (it ends when the server closes)': 'cuerpo de {size} bytes (1 MiB aproximadamente) sin Content-Length (acaba cuando cierra el servidor)',
};

/** What the full-body check says of a response, named by {what}. */
const PRINTED_ES: Catalogue = {
  'for the {what}, the client printed the whole response but was still running {ms} after the server closed the connection':
    'con el {what}, el cliente imprimió la respuesta entera pero seguía en marcha {ms} después de que el servidor cerrara la conexión',
  'for the {what}, the client crashed with a {name} before printing the whole response{early}': 'con el {what}, el cliente falló con un {name} antes de imprimir la respuesta entera{early}',
  "for the {what}, the client's output does not show the response's status line \"{head}\"{early}": 'con el {what}, la salida del cliente no muestra la línea de estado de la respuesta "{head}"{early}',
  'for the {what}, the client printed only the first {k} of the {n} bytes of the response{early}': 'con el {what}, el cliente imprimió solo los primeros {k} de los {n} bytes de la respuesta{early}',
  'for the {what}, the client did not print the response exactly as it was sent{early}\n{mismatch}': 'con el {what}, el cliente no imprimió la respuesta exactamente como se envió{early}\n{mismatch}',
  'waiting for the client to print the response with the {what} and end': 'esperando a que el cliente imprimiera la respuesta con el {what} y terminara',
};

/**
 * A response's name starts with its size, and a placeholder does not translate a text that
 * starts with a number (it could be data): so every diagnosis is also written out per response.
 */
function perBodyCase(): Catalogue {
  return Object.fromEntries(
    Object.entries(PRINTED_ES).flatMap(([en, es]) => Object.entries(BODY_CASES_ES).map(([caseEn, caseEs]) => [en.replace('{what}', caseEn), es.replace('{what}', caseEs)])),
  );
}

export const httpGetClient: Catalogue = {
  ...BODY_CASES_ES,
  ...PRINTED_ES,
  ...perBodyCase(),
  'HTTP GET client: ask a web server for a page and print the whole response': 'Cliente HTTP GET: pedir una página a un servidor web e imprimir la respuesta entera',
  'HTTP GET client (and a minimal web server): ask a web server for a page and print the whole response':
    'Cliente HTTP GET (y un servidor web mínimo): pedir una página a un servidor web e imprimir la respuesta entera',
  'sends "GET <path> HTTP/1.1" with Connection: close, accepted by a real HTTP parser': 'envía "GET <ruta> HTTP/1.1" con Connection: close, aceptado por un analizador HTTP real',
  'send exactly "GET <path> HTTP/1.1\\r\\nHost: <host>\\r\\nConnection: close\\r\\n\\r\\n" with the path you were given':
    'envía exactamente "GET <ruta> HTTP/1.1\\r\\nHost: <host>\\r\\nConnection: close\\r\\n\\r\\n" con la ruta que te dieron',
  'sends one Host header naming the server it connects to': 'envía una cabecera Host con el nombre del servidor al que se conecta',
  'prints the whole response byte for byte: bodies of 0, 1023, 1025 bytes and about 1 MiB, in slow slices, with and without Content-Length':
    'imprime la respuesta entera byte a byte: cuerpos de 0, 1023, 1025 bytes y de 1 MiB aproximadamente, en trozos lentos, con y sin Content-Length',
  'loop on recv() until it returns b"" and join the pieces; one recv(1024) gets at most one slice of the response':
    'repite recv() hasta que devuelva b"" y junta los trozos; un recv(1024) recibe como mucho un trozo de la respuesta',
  // the response, printed
  'keep calling recv() until it returns b"" (the server closed the connection), joining the pieces into one bytes object; decode it once at the end and print it whole':
    'sigue llamando a recv() hasta que devuelva b"" (el servidor cerró la conexión), juntando los trozos en un único objeto bytes; decodifícalo una vez al final e imprímelo entero',
  'when recv() returns b"" the server has closed: leave the loop, print and end': 'cuando recv() devuelve b"" el servidor ha cerrado: sal del bucle, imprime y termina',
  '; the client closed the connection when sockgrade had sent {sent} of its {n} bytes': '; el cliente cerró la conexión cuando sockgrade había enviado {sent} de sus {n} bytes',
  'the body has multi-byte UTF-8 characters (ñ, á, ü) and one was cut between two recv() calls: join all the bytes first and decode once, at the end':
    'el cuerpo tiene caracteres UTF-8 de varios bytes (ñ, á, ü) y uno quedó partido entre dos llamadas a recv(): junta primero todos los bytes y decodifica una sola vez, al final',
  'the whole response ({size}), starting {start}': 'la respuesta entera ({size}), que empieza por {start}',
  '(nothing printed)': '(no imprimió nada)',
  "print the response decoded as text (print(respuesta.decode())), not the bytes object, which shows as b'...'": "imprime la respuesta decodificada como texto (print(respuesta.decode())), no el objeto bytes, que se ve como b'...'",
  'print the whole response: status line, headers, the empty line and the body, as received': 'imprime la respuesta entera: línea de estado, cabeceras, la línea vacía y el cuerpo, tal como llegaron',
  '{size}, ending {end}': '{size}, que acaban en {end}',
  // the request
  'the request never ended: the client sent {n} bytes and then closed the connection, without the empty line that ends an HTTP request head (a real server would still be waiting)':
    'la petición no terminó nunca: el cliente envió {n} bytes y después cerró la conexión, sin la línea vacía que cierra la cabecera de una petición HTTP (un servidor real seguiría esperando)',
  'the request never ended: the client sent {n} bytes and then nothing more, without the empty line that ends an HTTP request head (a real server would still be waiting)':
    'la petición no terminó nunca: el cliente envió {n} bytes y después nada más, sin la línea vacía que cierra la cabecera de una petición HTTP (un servidor real seguiría esperando)',
  'after the last header line, send an empty line: the request must end with "\\r\\n\\r\\n"': 'tras la última línea de cabecera, envía una línea vacía: la petición debe acabar en "\\r\\n\\r\\n"',
  "an HTTP parser (Node's llhttp, strict) rejects the request: {reason} ({code}, at byte {at})": 'un analizador HTTP (llhttp de Node, estricto) rechaza la petición: {reason} ({code}, en el byte {at})',
  "an HTTP parser (Node's llhttp, strict) rejects the request: {reason} ({code})": 'un analizador HTTP (llhttp de Node, estricto) rechaza la petición: {reason} ({code})',
  'every line of an HTTP request ends with "\\r\\n" (CR LF), not just "\\n", and the head ends with an empty line: "\\r\\n\\r\\n"':
    'cada línea de una petición HTTP acaba en "\\r\\n" (CR LF), no solo en "\\n", y la cabecera acaba con una línea vacía: "\\r\\n\\r\\n"',
  'the request line is "GET <path> HTTP/1.1" (single spaces, method in capitals, no spaces in the path), each header is "Name: value", every line ends with "\\r\\n"':
    'la línea de petición es "GET <ruta> HTTP/1.1" (espacios simples, método en mayúsculas, sin espacios en la ruta), cada cabecera es "Nombre: valor", y cada línea acaba en "\\r\\n"',
  'the request uses the method {method}, not GET': 'la petición usa el método {method}, no GET',
  'the client asked for {url}, not for the path it was given, {path}': 'el cliente pidió {url}, no la ruta que se le dio, {path}',
  "the client asked for {url}: its command takes no path ({{path}} or {{message}}), so it must ask for the given path or the course's default path {path}":
    'el cliente pidió {url}: su orden no recibe ninguna ruta ({{path}} ni {{message}}), así que debe pedir la ruta dada o la ruta por defecto del curso, {path}',
  '"GET {fallback} HTTP/1.1" (or "GET {path} HTTP/1.1", typed or from MESSAGE)': '"GET {fallback} HTTP/1.1" (o "GET {path} HTTP/1.1", tecleada o de MESSAGE)',
  'take the path from the command line ({{path}}, e.g. sys.argv[3]) or from input(), and put it in the request line as it is':
    'toma la ruta de la línea de órdenes ({{path}}, p. ej. sys.argv[3]) o de input(), y ponla tal cual en la línea de petición',
  'the request line says HTTP/{version}, not HTTP/1.1': 'la línea de petición dice HTTP/{version}, no HTTP/1.1',
  'the request has "Connection: {value}" instead of "Connection: close"': 'la petición lleva "Connection: {value}" en vez de "Connection: close"',
  'the request has no "Connection: close" header': 'la petición no lleva la cabecera "Connection: close"',
  'with "Connection: close" the server closes the connection after the response, which is how the client knows it has everything; HTTP/1.1 keeps connections open otherwise':
    'con "Connection: close" el servidor cierra la conexión después de la respuesta, y así el cliente sabe que lo tiene todo; si no, HTTP/1.1 mantiene abiertas las conexiones',
  'the request has no Host header': 'la petición no lleva cabecera Host',
  'HTTP/1.1 requires a Host header naming the server (one web server hosts many sites): "Host: <host>\\r\\n" right after the request line':
    'HTTP/1.1 exige una cabecera Host con el nombre del servidor (un servidor web aloja muchos sitios): "Host: <host>\\r\\n" justo después de la línea de petición',
  'the request has {n} Host headers; it must have exactly one': 'la petición lleva {n} cabeceras Host; debe llevar exactamente una',
  'the Host header says {value}, but the client connected to {hosts} port {port}': 'la cabecera Host dice {value}, pero el cliente se conectó a {hosts} puerto {port}',
  'build the Host header from the host (and port) the program connects to, not from a fixed name': 'arma la cabecera Host con el host (y el puerto) al que se conecta el programa, no con un nombre fijo',
  'waiting for the client to send its request': 'esperando a que el cliente enviara su petición',
  'the client connected but sent no request within {ms}': 'el cliente se conectó pero no envió ninguna petición en {ms}',
  'right after connecting, send the request with sendall(): "GET <path> HTTP/1.1\\r\\nHost: <host>\\r\\nConnection: close\\r\\n\\r\\n".encode()':
    'nada más conectar, envía la petición con sendall(): "GET <ruta> HTTP/1.1\\r\\nHost: <host>\\r\\nConnection: close\\r\\n\\r\\n".encode()',
  'parsing the request with an HTTP parser': 'analizando la petición con un analizador HTTP',
  "the client exited before connecting to sockgrade's web server at {address} (it crashed: {name})": 'el cliente terminó antes de conectarse al servidor web de sockgrade en {address} (falló: {name})',
  "the client exited before connecting to sockgrade's web server at {address}": 'el cliente terminó antes de conectarse al servidor web de sockgrade en {address}',
  "the client did not connect to sockgrade's web server at {address} within {ms}": 'el cliente no se conectó al servidor web de sockgrade en {address} en {ms}',
  'connect to the host and port given as {{host}} {{port}} in the command (or HOST/PORT, or typed at a prompt), and take the path from {{path}}':
    'conéctate al host y puerto que se dan como {{host}} {{port}} en la orden (o HOST/PORT, o tecleados cuando se piden), y toma la ruta de {{path}}',
  'sending the response ({n} bytes in {k} slices)': 'enviando la respuesta ({n} bytes en {k} trozos)',
  'answers GET /<file> with status 200 and the file, byte for byte': 'contesta a GET /<fichero> con el estado 200 y el fichero, byte a byte',
  "open the file in binary mode (open(nombre, 'rb').read()), send the head, then the whole content with sendall()":
    "abre el fichero en modo binario (open(nombre, 'rb').read()), envía la cabecera y después todo el contenido con sendall()",
  'answers GET of a file that does not exist with status 404, and keeps serving': 'contesta a GET de un fichero que no existe con el estado 404, y sigue atendiendo',
  'catch FileNotFoundError (or check os.path.isfile) and answer "HTTP/1.1 404 Not Found\\r\\n" with a short body':
    'captura FileNotFoundError (o comprueba os.path.isfile) y contesta "HTTP/1.1 404 Not Found\\r\\n" con un cuerpo corto',
  'sends a Content-Length header equal to the size of the body it sends': 'envía una cabecera Content-Length igual al tamaño del cuerpo que envía',
  'Content-Length is the size in bytes (len(contenido) of the bytes read, or os.path.getsize), not the number of characters':
    'Content-Length es el tamaño en bytes (len(contenido) de los bytes leídos, u os.path.getsize), no el número de caracteres',
  'says "Connection: close" and closes the connection after the response': 'dice "Connection: close" y cierra la conexión después de la respuesta',
  'add the header "Connection: close" and close the client socket after sendall() of the body': 'añade la cabecera "Connection: close" y cierra el socket del cliente después del sendall() del cuerpo',
  'ends the status line and every header line with \\r\\n, as a strict HTTP client requires': 'termina la línea de estado y cada línea de cabecera con \\r\\n, como exige un cliente HTTP estricto',
  'write "\\r\\n" (not "\\n") after the status line and after each header, and "\\r\\n" alone for the empty line':
    'escribe "\\r\\n" (no "\\n") después de la línea de estado y de cada cabecera, y "\\r\\n" solo para la línea vacía',
  'never serves a file outside its folder (../, absolute paths)': 'nunca sirve un fichero de fuera de su carpeta (../, rutas absolutas)',
  'resolve the path inside your folder and refuse it unless it stays there: ruta = os.path.realpath(os.path.join(base, nombre)); if os.path.commonpath([base, ruta]) != base: answer 403 or 404':
    'resuelve la ruta dentro de tu carpeta y recházala si se sale: ruta = os.path.realpath(os.path.join(base, nombre)); si os.path.commonpath([base, ruta]) != base: contesta 403 o 404',
  'waiting for the response to GET {path}': 'esperando la respuesta a GET {path}',
  'after GET {path}': 'después de GET {path}',
  'no response to GET {path} within {ms}': 'ninguna respuesta a GET {path} en {ms}',
  'no response to GET {path} within {ms} (the server closed the connection without answering)': 'ninguna respuesta a GET {path} en {ms} (el servidor cerró la conexión sin contestar)',
  'read the request with recv(), take the path from its first line (peticion.split()[1]) and answer with sendall()':
    'lee la petición con recv(), toma la ruta de su primera línea (peticion.split()[1]) y contesta con sendall()',
  'the response to GET {path} is not a response an HTTP client can read ({why})': 'la respuesta a GET {path} no es HTTP que un cliente HTTP pueda leer ({why})',
  'the first line is "HTTP/1.1 <code> <reason>", then one "Name: value" header per line, then an empty line, then the body':
    'la primera línea es "HTTP/1.1 <código> <motivo>", luego una cabecera "Nombre: valor" por línea, luego una línea vacía y luego el cuerpo',
  "GET {path} of a file that is in the server's folder got status {status}": 'GET {path} de un fichero que está en la carpeta del servidor obtuvo el estado {status}',
  'the body of the response to GET {path} is not the file ({size})': 'el cuerpo de la respuesta a GET {path} no es el fichero ({size})',
  'GET {path}, a file that does not exist, got status {status}': 'GET {path}, un fichero que no existe, obtuvo el estado {status}',
  'after a 404, GET {path} of an existing file got status {status}': 'después de un 404, GET {path} de un fichero que existe obtuvo el estado {status}',
  'the response to GET {path} has no Content-Length header: a client cannot tell a complete file from a cut one':
    'la respuesta a GET {path} no tiene cabecera Content-Length: un cliente no puede distinguir un fichero completo de uno cortado',
  'the response to GET {path} declares Content-Length: {n}, but its body has {size} bytes': 'la respuesta a GET {path} declara Content-Length: {n}, pero su cuerpo tiene {size} bytes',
  'the response to GET {path} has {what}': 'la respuesta a GET {path} tiene {what}',
  'waiting for the server to close the connection after the response': 'esperando a que el servidor cerrara la conexión después de la respuesta',
  'the server sent the response to GET {path} but did not close the connection within {ms}': 'el servidor envió la respuesta a GET {path} pero no cerró la conexión en {ms}',
  'the head of the response to GET {path} ends a line with a bare \\n at byte {n}: a strict HTTP client refuses it ({code})':
    'la cabecera de la respuesta a GET {path} termina una línea con un \\n suelto en el byte {n}: un cliente HTTP estricto la rechaza ({code})',
  'a strict HTTP client refuses the response to GET {path} ({why})': 'un cliente HTTP estricto rechaza la respuesta a GET {path} ({why})',
  "GET {path} served a file outside the server's folder ({file})": 'GET {path} sirvió un fichero de fuera de la carpeta del servidor ({file})',
  'after requests for paths outside its folder': 'después de peticiones de rutas de fuera de su carpeta',
  // contract and parameters, as sockgrade list shows them
  'Listens on TCP host:port and answers each GET of a file in its own folder with "HTTP/1.1 200 OK", a Content-Length header equal to the size of the body, "Connection: close", an empty line and the file byte for byte, then closes the connection. A file that does not exist gets status 404; a path that leads out of its folder (../, absolute) is never served. Every line of the head ends in \\r\\n.':
    'Escucha en host:port por TCP y responde a cada GET de un fichero de su propia carpeta con "HTTP/1.1 200 OK", una cabecera Content-Length igual al tamaño del cuerpo, "Connection: close", una línea vacía y el fichero byte a byte; después cierra la conexión. Un fichero que no existe recibe el estado 404; una ruta que sale de su carpeta (../, absoluta) no se sirve nunca. Cada línea de la cabecera acaba en \\r\\n.',
  "the path a client that cannot be told one (no {{path}} or {{message}} in its command, no prompt for it) must ask for, as the course's own client does":
    'la ruta que debe pedir un cliente al que no se le puede indicar una (sin {{path}} ni {{message}} en su orden, sin pedirla al usuario), como hace el propio cliente del curso',
  // the contract names the web server a hard-coded client asks: the same constants as the exercise
  [`Connects over TCP to the web server given as {{host}} {{port}} in its command (or HOST/PORT, or typed at prompts), or to ${WEB_HOST} port ${WEB_PORT} when it hard-codes it, and asks for the path given as {{path}} in its command (also {{message}}/MESSAGE, or typed at a prompt), or for the default path (\`--param default-path\`, "/") when it takes none of them: "GET <path> HTTP/1.1\\r\\n", one "Host: <host>" header (":<port>" may follow), "Connection: close\\r\\n" and an empty line, every line ending in \\r\\n. It reads until the server closes the connection (recv returns b""), then prints the whole response as it came — status line, headers, empty line and body — decoded once as UTF-8 (print(respuesta.decode())), and ends. With no server listening it prints one line saying so and exits with a non-zero code.`]:
    `Se conecta por TCP al servidor web que se da como {{host}} {{port}} en su orden (o HOST/PORT, o tecleados cuando los pide), o a ${WEB_HOST}, puerto ${WEB_PORT}, cuando lo tiene fijo en el código, y pide la ruta que se da como {{path}} en su orden (también {{message}}/MESSAGE, o tecleada cuando la pide), o la ruta por defecto (\`--param default-path\`, "/") cuando no recibe ninguna: "GET <path> HTTP/1.1\\r\\n", una cabecera "Host: <host>" (puede seguirle ":<port>"), "Connection: close\\r\\n" y una línea vacía, cada línea acabada en \\r\\n. Lee hasta que el servidor cierra la conexión (recv devuelve b""), después imprime la respuesta entera tal como llegó — línea de estado, cabeceras, línea vacía y cuerpo — decodificada una sola vez como UTF-8 (print(respuesta.decode())), y termina. Sin ningún servidor escuchando imprime una línea que lo dice y termina con un código distinto de cero.`,
  'headers: {names}': 'cabeceras: {names}',
  'headers: (none)': 'cabeceras: (ninguna)',
  '"Host: {host}:{port}" (or "Host: {bare}", or {others} when you connect to that name)': '"Host: {host}:{port}" (o "Host: {bare}", o {others} si te conectas a ese nombre)',
  '"Host: {host}:{port}" (or "Host: {bare}")': '"Host: {host}:{port}" (o "Host: {bare}")',
  // the server's response headers
  'the response to GET {path} has no Connection header': 'la respuesta a GET {path} no lleva la cabecera Connection',
  'status 403 or 404, and nothing from outside the folder': 'estado 403 o 404, y nada de fuera de la carpeta',
};

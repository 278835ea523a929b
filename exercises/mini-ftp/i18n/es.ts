/** Spanish for C2 `mini-ftp`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const miniFtp: Catalogue = {
  'Simple FTP: list, get, put, exit': 'FTP sencillo: list, get, put, exit',
  'read the whole file, not read(1024)': 'lee el fichero entero, no read(1024)',
  'open the file with "rb", never decode it': 'abre el fichero con "rb" y nunca lo decodifiques',
  'frames of 999999 bytes then a shorter one': 'tramas de 999999 bytes y después una más corta',
  'every reply is framed, the data of a file and the short texts alike: f"{{len(datos):06d}}:".encode() + datos, sent with sendall()':
    'toda respuesta va en tramas, tanto los datos de un fichero como los textos cortos: f"{{len(datos):06d}}:".encode() + datos, enviado con sendall()',
  'read the command up to its "\\n", answer with a framed reply (sendall), and keep the connection open for the next command until exit':
    'lee la orden hasta su "\\n", responde con una respuesta en tramas (sendall) y mantén abierta la conexión para la siguiente orden hasta exit',
  'lists every file of its working folder, one name per line, in a framed reply of more than 1024 bytes':
    'lista todos los ficheros de su carpeta de trabajo, un nombre por línea, en una respuesta con tramas de más de 1024 bytes',
  'build the listing from os.listdir(".") (one name per line), frame it and send it with sendall(); never cut it to one read(1024)':
    'arma el listado con os.listdir(".") (un nombre por línea), ponlo en tramas y envíalo con sendall(); nunca lo recortes a un read(1024)',
  'sends a UTF-8 text file of 20 to 40 KiB byte for byte': 'envía byte a byte un fichero de texto UTF-8 de 20 a 40 KiB',
  'read the file in binary mode ("rb"), all of it, frame it and send it with sendall()': 'lee el fichero entero en modo binario ("rb"), ponlo en tramas y envíalo con sendall()',
  'sends a binary file with every byte value unchanged': 'envía sin cambios un fichero binario con todos los valores de byte',
  'open the file with "rb" and send the bytes as they are: decoding them as text breaks binary files': 'abre el fichero con "rb" y envía los bytes tal cual: decodificarlos como texto estropea los ficheros binarios',
  'sends a 5 MiB file as frames of 999999 bytes and a last shorter one': 'envía un fichero de 5 MiB en tramas de 999999 bytes y una última más corta',
  'a reply over 999999 bytes is several frames: cut the content in pieces of 999999 bytes, frame each, and end with a shorter frame (000000: when the size is a multiple of 999999)':
    'una respuesta de más de 999999 bytes son varias tramas: corta el contenido en trozos de 999999 bytes, pon cada uno en una trama y termina con una trama más corta (000000: si el tamaño es múltiplo de 999999)',
  'saves uploaded files byte for byte (a text file sent with its command in one write, a 1.5 MB binary file in slices; over UDP a text file in one datagram, a 60 KB binary file in datagrams of 1 to 16 KiB)':
    'guarda byte a byte los ficheros subidos (un fichero de texto enviado junto con su orden en una escritura, un binario de 1,5 MB a trozos; por UDP un fichero de texto en un datagrama, un binario de 60 KB en datagramas de 1 a 16 KiB)',
  'read the command line up to its "\\n" and keep whatever came after it: the frames of the content follow in the same stream, and one recv() may return the command and the start of the content together (conn.makefile("rb") does the bookkeeping)':
    'lee la línea de la orden hasta su "\\n" y guarda lo que venga detrás: las tramas del contenido siguen en el mismo flujo, y un recv() puede devolver juntos la orden y el principio del contenido (conn.makefile("rb") lleva la cuenta por ti)',
  'answers a get of a missing file with the framed error text, and goes on serving that client': 'responde a un get de un fichero que no existe con el texto de error en una trama, y sigue atendiendo a ese cliente',
  'check that the file exists (os.path.isfile) before opening it; answer the framed error text and keep the session open':
    'comprueba que el fichero existe (os.path.isfile) antes de abrirlo; responde el texto de error en una trama y mantén abierta la sesión',
  'refuses names that lead out of its folder (../, absolute paths, .. in the middle, symbolic links) and reads or writes nothing outside':
    'rechaza nombres que salen de su carpeta (../, rutas absolutas, .. en medio, enlaces simbólicos) y no lee ni escribe nada fuera',
  'resolve the name inside your folder and refuse it unless it stays there: ruta = os.path.realpath(os.path.join(base, nombre)); if os.path.commonpath([base, ruta]) != base: refuse (realpath also follows symbolic links)':
    'resuelve el nombre dentro de tu carpeta y recházalo si no se queda ahí: ruta = os.path.realpath(os.path.join(base, nombre)); si os.path.commonpath([base, ruta]) != base: recházalo (realpath también sigue los enlaces simbólicos)',
  'gets and puts files whose names have spaces (two in a row too)': 'descarga y sube ficheros cuyos nombres tienen espacios (también dos seguidos)',
  'the name is everything after the command word and one space, up to the end of the line: linea.split(" ", 1)[1], not split()[1]':
    'el nombre es todo lo que va tras la palabra de la orden y un espacio, hasta el final de la línea: linea.split(" ", 1)[1], no split()[1]',
  'answers exit with the framed goodbye, closes that connection (TCP), and serves the next client': 'responde a exit con la despedida en una trama, cierra esa conexión (TCP) y atiende al siguiente cliente',
  "on exit: send the framed goodbye, close that client's connection (over UDP there is none: forget that client), and go back to accept() (UDP: recvfrom()) for the next client":
    'con exit: envía la despedida en una trama, cierra la conexión de ese cliente (por UDP no hay: olvida a ese cliente) y vuelve a accept() (UDP: recvfrom()) para el siguiente',
  'typed get <name> at its prompt, saves the file under that name byte for byte (UTF-8 text, then a 1.2 MB binary in two frames, replies in slices; over UDP a 100 KB binary, replies in datagrams of 2 to 16 KiB)':
    'tras teclear get <nombre> cuando lo pide, guarda byte a byte el fichero con ese nombre (texto UTF-8, después un binario de 1,2 MB en dos tramas, respuestas a trozos; por UDP un binario de 100 KB, respuestas en datagramas de 2 a 16 KiB)',
  'read the framed reply completely (header, then exactly the announced bytes, frame after frame) and write it with open(nombre, "wb")':
    'lee la respuesta con tramas completa (cabecera, después exactamente los bytes anunciados, trama tras trama) y escríbela con open(nombre, "wb")',
  'the server answered {missing} to {cmd}, but {name} is in its working folder': 'el servidor respondió {missing} a {cmd}, pero {name} está en su carpeta de trabajo',
  'the name is everything after the command word and one space, up to the end of the line (spaces included); look for it in the folder the server runs in':
    'el nombre es todo lo que va tras la palabra de la orden y un espacio, hasta el final de la línea (espacios incluidos); búscalo en la carpeta donde se ejecuta el servidor',
  'received {name}': 'recibido {name}',
  'the server saved {name}, but answered {body} instead of {stored}': 'el servidor guardó {name}, pero respondió {body} en vez de {stored}',
  'answer a put with the framed text {stored} once the file is saved (--param put-reply=... if your statement says otherwise)':
    'responde a un put con el texto {stored} en una trama una vez guardado el fichero (--param put-reply=... si tu enunciado dice otra cosa)',
  "the listing ({size}) does not show every file sockgrade placed in the server's folder, e.g. {missing}: {why}":
    'el listado ({size}) no muestra todos los ficheros que sockgrade dejó en la carpeta del servidor, p. ej. {missing}: {why}',
  '{n} names, one per line, among them {names} …': '{n} nombres, uno por línea, entre ellos {names} …',
  'the reply to {cmd} is {body} instead of {missing}': 'la respuesta a {cmd} es {body} en vez de {missing}',
  '{missing} (framed)': '{missing} (en una trama)',
  'answer exactly {missing}, framed (--param missing-reply=... if your statement says otherwise)': 'responde exactamente {missing}, en una trama (--param missing-reply=... si tu enunciado dice otra cosa)',
  'answer {bye}, framed (--param exit-reply=... if your statement says otherwise)': 'responde {bye}, en una trama (--param exit-reply=... si tu enunciado dice otra cosa)',
  'waiting for the server to close the connection after exit': 'esperando a que el servidor cerrara la conexión después de exit',
  'the server answered {exit} but did not close the connection within {ms}': 'el servidor respondió a {exit} pero no cerró la conexión en {ms}',
  "after the goodbye, close the client's socket": 'después de la despedida, cierra el socket del cliente',
  'after a client leaves, accept the next one': 'cuando un cliente se va, acepta al siguiente',
  'after an error, keep reading commands from the same client': 'después de un error, sigue leyendo órdenes del mismo cliente',
  "after a client ended its session with {exit} (exit ends one client's session, not the server)": 'después de que un cliente terminara su sesión con {exit} (exit termina la sesión de un cliente, no el servidor)',
  'sending {line} and waiting for the reply': 'enviando {line} y esperando la respuesta',
  'uploading {size} as {command} and waiting for the reply': 'subiendo {size} como {command} y esperando la respuesta',
  'the reply to {command} is not framed: {problem}': 'la respuesta a {command} no va en tramas: {problem}',
  'a reply framed as "NNNNNN:" (six digits, the payload length in bytes) + the payload; over 999999 bytes, frames of 999999 bytes and a last shorter one':
    'una respuesta en tramas "NNNNNN:" (seis dígitos, la longitud de los datos en bytes) + los datos; por encima de 999999 bytes, tramas de 999999 bytes y una última más corta',
  'no complete reply to {command}: {how} while sockgrade waited for {what}, after {frames}': 'ninguna respuesta completa a {command}: {how} mientras sockgrade esperaba {what}, después de {frames}',
  'a reply framed as "NNNNNN:" + payload': 'una respuesta en tramas "NNNNNN:" + datos',
  'after {after}, the server had written {what} in a folder outside its own ({dir})': 'después de {after}, el servidor había escrito {what} en una carpeta fuera de la suya ({dir})',
  "after {after}, a file outside the server's folder had been {what} ({path}, reached through the symbolic link enlace.txt that points outside)":
    'después de {after}, un fichero de fuera de la carpeta del servidor había sido {what} ({path}, alcanzado a través del enlace simbólico enlace.txt que apunta fuera)',
  'after a name that leads out of its folder': 'después de un nombre que sale de su carpeta',
  "{cmd} ({what}) got the content of {path}, a file outside the server's folder": '{cmd} ({what}) obtuvo el contenido de {path}, un fichero de fuera de la carpeta del servidor',
  'a refusal (an error reply) or the connection closed': 'un rechazo (una respuesta de error) o la conexión cerrada',
  'after names that lead out of its folder': 'después de nombres que salen de su carpeta',
  'waiting for the client to send {cmd}': 'esperando a que el cliente enviara {cmd}',
  "{cmd} was typed at the client's prompt, but it sent {sent}": '{cmd} se tecleó cuando el cliente lo pidió, pero envió {sent}',
  'send the command as it was typed, as one line ending in "\\n"': 'envía la orden tal como se tecleó, como una línea terminada en "\\n"',
  "{cmd} was typed at the client's prompt, but the client did not send it (as one line ending in \"\\n\") within {ms}":
    '{cmd} se tecleó cuando el cliente lo pidió, pero el cliente no la envió (como una línea terminada en "\\n") en {ms}',
  'waiting for the client to save {size} as {name}': 'esperando a que el cliente guardara {size} como {name}',
  '{hint}; a reply is framed: read the 7 header bytes, then exactly the announced bytes, frame after frame until one shorter than 999999, and write them with "wb" under the requested name (over UDP the frames come in datagrams of up to 64 KiB: read each whole, recvfrom(65535), and join them until the body is complete)':
    '{hint}; una respuesta va en tramas: lee los 7 bytes de cabecera, después exactamente los bytes anunciados, trama tras trama hasta una de menos de 999999, y escríbelos con "wb" con el nombre pedido (por UDP las tramas llegan en datagramas de hasta 64 KiB: lee cada uno entero, recvfrom(65535), y júntalos hasta completar el cuerpo)',
  '{hint}; a reply is framed: read the 7 header bytes, then exactly the announced bytes, frame after frame until one shorter than 999999, and write them with "wb" under the requested name':
    '{hint}; una respuesta va en tramas: lee los 7 bytes de cabecera, después exactamente los bytes anunciados, trama tras trama hasta una de menos de 999999, y escríbelos con "wb" con el nombre pedido',
  'waiting for the client to ask for the next command, to type {line}': 'esperando a que el cliente pidiera la siguiente orden, para teclear {line}',
  'the client did not ask for another command after the first one (sockgrade wanted to type {line})': 'el cliente no pidió otra orden después de la primera (sockgrade quería teclear {line})',
  'keep asking for commands in a loop until exit is typed': 'sigue pidiendo órdenes en un bucle hasta que se teclee exit',
  "the client did not connect to sockgrade's server at {address}": 'el cliente no se conectó al servidor de sockgrade en {address}',
  'connect to {{host}} {{port}} (or HOST/PORT, or the address typed at a prompt) when the client starts, then ask for commands':
    'conéctate a {{host}} {{port}} (o HOST/PORT, o la dirección tecleada cuando se pide) al arrancar el cliente, y después pide órdenes',
  // contract and parameters, as sockgrade list shows them
  'Listens on TCP host:port and serves its working folder only, one client session after another (or several at once). The client sends one command per line, UTF-8, ending in "\\n" (a "\\r" before it is ignored): `list`, `get <name>`, `put <name>`, `exit` (words are parameters); <name> is everything after the command word and one space, spaces included. Every reply is one body of A5 frames: `NNNNNN:` (six digits, the payload length in bytes) + payload; a payload over 999999 bytes goes as frames of exactly 999999 bytes and a last shorter one (`000000:` when the size is a multiple of 999999), so a short reply is a single frame. `list`: the names of the files in the folder, one per line. `get <name>`: the file\'s bytes, or the text `el archivo solicitado no existe` when there is no such file. `put <name>`: the content follows the command line at once, in the same stream, as one body of frames; the server saves it as <name> in its folder (replacing any old file) and answers `recibido`. `exit`: the server answers `Sesion finalizada`, closes that connection and keeps serving other clients. A name that would lead out of the folder (`..`, an absolute path, a symbolic link pointing outside) is refused with an error text (or the connection is closed), the content of a refused put being read and discarded; nothing outside the folder is read or written. With transport=udp it binds host:port and serves datagrams: each command is one datagram holding the command line (a final "\\n" or "\\r\\n" is ignored); every reply is the same body of frames as over TCP, cut into one or more datagrams of at most 65507 bytes (anywhere: the frames say where the body ends), sent to the address the command came from; the content of a put is one body of frames in the datagrams that follow its command (it may also start in the command\'s own datagram, after a "\\n"); `exit` is answered with the goodbye and there is no connection to close. Over UDP the files graded are at most 60 KB (no flow control), and a file of 5 MiB is not asked for.':
    'Escucha en host:port por TCP y sirve solo su carpeta de trabajo, una sesión de cliente tras otra (o varias a la vez). El cliente envía una orden por línea, en UTF-8, acabada en "\\n" (un "\\r" antes se ignora): `list`, `get <name>`, `put <name>`, `exit` (las palabras son parámetros); <name> es todo lo que va tras la palabra de la orden y un espacio, espacios incluidos. Cada respuesta es un cuerpo de tramas A5: `NNNNNN:` (seis dígitos, la longitud de los datos en bytes) + datos; unos datos de más de 999999 bytes van en tramas de exactamente 999999 bytes y una última más corta (`000000:` cuando el tamaño es múltiplo de 999999), así que una respuesta corta es una sola trama. `list`: los nombres de los ficheros de la carpeta, uno por línea. `get <name>`: los bytes del fichero, o el texto `el archivo solicitado no existe` cuando no hay tal fichero. `put <name>`: el contenido sigue a la línea de la orden sin esperar, en el mismo flujo, como un cuerpo de tramas; el servidor lo guarda como <name> en su carpeta (sustituyendo cualquier fichero anterior) y responde `recibido`. `exit`: el servidor responde `Sesion finalizada`, cierra esa conexión y sigue atendiendo a otros clientes. Un nombre que llevaría fuera de la carpeta (`..`, una ruta absoluta, un enlace simbólico que apunta fuera) se rechaza con un texto de error (o se cierra la conexión), y el contenido de un put rechazado se lee y se descarta; no se lee ni se escribe nada fuera de la carpeta. Con transport=udp se enlaza a host:port y atiende datagramas: cada orden es un datagrama con la línea de la orden (un "\\n" o "\\r\\n" final se ignora); cada respuesta es el mismo cuerpo de tramas que por TCP, cortado en uno o más datagramas de como mucho 65507 bytes (por cualquier sitio: las tramas dicen dónde acaba el cuerpo), enviados a la dirección de la que vino la orden; el contenido de un put es un cuerpo de tramas en los datagramas que siguen a su orden (también puede empezar en el propio datagrama de la orden, tras un "\\n"); `exit` se responde con la despedida y no hay conexión que cerrar. Por UDP los ficheros que se corrigen tienen como mucho 60 KB (no hay control de flujo), y no se pide ningún fichero de 5 MiB.',
  'Connects to host:port when it starts (with no server: one line saying so, exit non-zero), then asks for commands at a prompt, one per line, and sends each as typed, ending in "\\n". For `get <name>` it reads the framed reply completely and saves it as <name> in its working folder, byte for byte; for `list` it prints the names; for `put <name>` it sends the file; for `exit` it reads the goodbye and ends. With transport=udp it sends each command as one datagram to host:port and reads each reply from datagrams of up to 65507 bytes (recvfrom(65535): a smaller buffer loses the rest of a datagram) until the frames complete the body; with no server it gives up after a timeout, says so in one line and exits non-zero.':
    'Se conecta a host:port al arrancar (sin servidor: una línea que lo dice, código distinto de cero), después pide órdenes con una invitación, una por línea, y envía cada una tal como se teclea, acabada en "\\n". Para `get <name>` lee entera la respuesta en tramas y la guarda como <name> en su carpeta de trabajo, byte a byte; para `list` imprime los nombres; para `put <name>` envía el fichero; para `exit` lee la despedida y termina. Con transport=udp envía cada orden como un datagrama a host:port y lee cada respuesta de datagramas de hasta 65507 bytes (recvfrom(65535): un búfer más pequeño pierde el resto de un datagrama) hasta que las tramas completan el cuerpo; sin servidor se rinde tras un tiempo límite, lo dice en una línea y termina con código distinto de cero.',
  'command that asks for the listing':
    'orden que pide el listado',
  'command word before the name of a file to download':
    'palabra de la orden antes del nombre de un fichero que descargar',
  'command word before the name of a file to upload (some statements of the exercise say subir)':
    'palabra de la orden antes del nombre de un fichero que subir (algunos enunciados del ejercicio dicen subir)',
  'command that ends the session':
    'orden que termina la sesión',
  'reply to get when the file does not exist':
    'respuesta a get cuando el fichero no existe',
  'reply to a put once the file is saved':
    'respuesta a un put una vez guardado el fichero',
  'reply to exit, before the server closes the connection':
    'respuesta a exit, antes de que el servidor cierre la conexión',
  // the frames of an incomplete reply (describeFrames): a text starting with a number is kept as data by a placeholder
  'no complete reply to {command}: {how} while sockgrade waited for {what}, after 1 frame ({sizes} bytes)': 'ninguna respuesta completa a {command}: {how} mientras sockgrade esperaba {what}, después de 1 trama ({sizes} bytes)',
  'no complete reply to {command}: {how} while sockgrade waited for {what}, after {n} frames ({sizes} bytes)': 'ninguna respuesta completa a {command}: {how} mientras sockgrade esperaba {what}, después de {n} tramas ({sizes} bytes)',
  // transport=udp
  'over UDP each command is one datagram and every reply the same body of frames, sent with sendto() to the address the command came from, in datagrams of at most 65507 bytes':
    'por UDP cada orden es un datagrama y cada respuesta el mismo cuerpo de tramas, enviado con sendto() a la dirección de la que vino la orden, en datagramas de como mucho 65507 bytes',
  'the variant graded: tcp, or udp (each command one datagram, each reply the same body of frames in one or more datagrams)':
    'la variante que se corrige: tcp, o udp (cada orden un datagrama, cada respuesta el mismo cuerpo de tramas en uno o más datagramas)',
  "over UDP (parameter transport=udp) a 5 MiB reply would be a burst of datagrams with no flow control, lost where the receiver's socket buffer overflows: the UDP version is graded on files of up to 48 KiB":
    'por UDP (parámetro transport=udp) una respuesta de 5 MiB sería una ráfaga de datagramas sin control de flujo, que se pierden donde se desborda el búfer del socket del receptor: la versión UDP se corrige con ficheros de hasta 48 KiB',
  'over UDP (parameter transport=udp) there is no connection to reset or close': 'por UDP (parámetro transport=udp) no hay conexión que reiniciar ni cerrar',
  "the client sent no datagram to sockgrade's server at {address} (UDP)": 'el cliente no envió ningún datagrama al servidor de sockgrade en {address} (UDP)',
  'send each command as one datagram to {{host}} {{port}} (or HOST/PORT, or the address typed at a prompt)': 'envía cada orden como un datagrama a {{host}} {{port}} (o HOST/PORT, o la dirección tecleada cuando se pide)',
  "waiting for the client's first command at {address} (UDP)": 'esperando la primera orden del cliente en {address} (UDP)',
  // robust.no-server's hint for both transports (client-checks.ts)
  'catch ConnectionRefusedError around connect(), print one line saying what failed, and sys.exit(1) (over UDP: set a timeout on the socket (settimeout), catch socket.timeout, print one line and sys.exit(1))':
    'captura ConnectionRefusedError alrededor de connect(), imprime una línea diciendo qué falló y haz sys.exit(1) (por UDP: pon un tiempo límite al socket (settimeout), captura socket.timeout, imprime una línea y haz sys.exit(1))',
  // names that lead out of the server's folder, in the diagnoses of ftp.path-traversal
  'a relative path with ../': 'una ruta relativa con ../',
  'an absolute path': 'una ruta absoluta',
  'a path with .. hidden in the middle': 'una ruta con .. escondido en medio',
  'a symbolic link in its folder that points to a file outside': 'un enlace simbólico de su carpeta que apunta a un fichero de fuera',
  'a path through a symbolic link to a folder outside': 'una ruta que pasa por un enlace simbólico a una carpeta de fuera',
  // why a listing is short
  'the listing is exactly {size}: it looks cut to one read(1024)/recv(1024)': 'el listado mide exactamente {size}: parece cortado a un solo read(1024)/recv(1024)',
  '{m} of the {n} names are not in it': 'faltan {m} de los {n} nombres',
  // a put: the command line and the frames of the content that follow it
  'no complete reply to {command} and the frames of its content: {how} while sockgrade waited for {what}, after {frames}':
    'ninguna respuesta completa a {command} y a las tramas de su contenido: {how} mientras sockgrade esperaba {what}, después de {frames}',
  'no complete reply to {command} and the frames of its content: {how} while sockgrade waited for {what}, after 1 frame ({sizes} bytes)':
    'ninguna respuesta completa a {command} y a las tramas de su contenido: {how} mientras sockgrade esperaba {what}, después de 1 trama ({sizes} bytes)',
  'no complete reply to {command} and the frames of its content: {how} while sockgrade waited for {what}, after {n} frames ({sizes} bytes)':
    'ninguna respuesta completa a {command} y a las tramas de su contenido: {how} mientras sockgrade esperaba {what}, después de {n} tramas ({sizes} bytes)',
  // a file that was not saved or not uploaded
  "{name} in the server's working folder after {cmd} does not exist": '{name} en la carpeta de trabajo del servidor después de {cmd} no existe',
  "{name} in the client's working folder does not exist": '{name} en la carpeta de trabajo del cliente no existe',
  // (written with what follows: a pattern ending in a placeholder would take the following clauses too)
  "the client's folder holds nothing; {state}": 'la carpeta del cliente está vacía; {state}',
  "the client's folder holds {files}; {state}": 'la carpeta del cliente contiene {files}; {state}',
  'it printed: (nothing)': 'no imprimió nada',
  'it printed: {output}': 'imprimió: {output}',
  'keep the spaces of the name': 'conserva los espacios del nombre',
};

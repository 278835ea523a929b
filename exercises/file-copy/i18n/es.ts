/** Spanish for C1 `file-copy`, and for the file comparisons shared with C2. */
import type { Catalogue } from '../../../harness/authoring.js';

export const fileCopy: Catalogue = {
  'Remote file copy, line by line or framed, over TCP or UDP': 'Copia remota de ficheros, línea a línea o con tramas, por TCP o UDP',
  'copies {subject} into the output file byte for byte (sent in slices)': 'copia {subject} en el fichero de salida byte a byte (enviado a trozos)',
  'copies {subject} into the output file byte for byte (sent in one write)': 'copia {subject} en el fichero de salida byte a byte (enviado de una vez)',
  'sends {subject} unchanged': 'envía {subject} sin cambios',
  'a text file of many lines': 'un fichero de texto de muchas líneas',
  'an empty file': 'un fichero vacío',
  'a text file whose last line has no newline': 'un fichero de texto cuya última línea no tiene salto de línea',
  'a text file with lines of more than 64 KiB': 'un fichero de texto con líneas de más de 64 KiB',
  'UTF-8 text with multi-byte characters across every 1000- and 1024-byte boundary': 'texto UTF-8 con caracteres de varios bytes atravesando cada frontera de 1000 y de 1024 bytes',
  'a binary file with every byte value': 'un fichero binario con todos los valores de byte',
  'a 10 MiB text file': 'un fichero de texto de 10 MiB',
  'two files, one after the other (the second shorter)': 'dos ficheros, uno detrás de otro (el segundo más corto)',
  'one recv() is not one line nor the whole file: loop on recv() until it returns b"" and write every chunk as it is':
    'un recv() no es una línea ni el fichero entero: repite recv() hasta que devuelva b"" y escribe cada trozo tal cual',
  'an empty file is copied as an empty file: create the output even when no byte arrives': 'un fichero vacío se copia como un fichero vacío: crea el fichero de salida aunque no llegue ningún byte',
  'the last line of a file may have no "\\n": do not drop it and do not add one': 'la última línea de un fichero puede no tener "\\n": no la pierdas y no le añadas uno',
  'a line can be longer than any buffer: never assume that one recv() or one readline(n) holds a whole line':
    'una línea puede ser más larga que cualquier búfer: nunca des por hecho que un recv() o un readline(n) contiene una línea entera',
  'a multi-byte character can be split between two recv() calls: copy bytes, and decode (if ever) only the whole file':
    'un carácter de varios bytes puede quedar partido entre dos llamadas a recv(): copia bytes, y decodifica (si acaso) solo el fichero entero',
  'a binary file is not text: open it with "rb"/"wb" and never decode or encode it': 'un fichero binario no es texto: ábrelo con "rb"/"wb" y nunca lo decodifiques ni lo codifiques',
  'loop until the whole file has arrived; in the framed variant a file over 999999 bytes is several frames':
    'repite hasta que haya llegado el fichero entero; en la variante con tramas, un fichero de más de 999999 bytes son varias tramas',
  'accept the next connection when one ends, and open the output anew ("wb") for each transfer': 'acepta la conexión siguiente cuando termine una, y abre el fichero de salida de nuevo ("wb") en cada transferencia',
  'survives clients that reset or close in the middle of a file, and copies the next one': 'aguanta clientes que cortan (RST) o cierran a mitad de un fichero, y copia el siguiente',
  'wrap each transfer in try/except (ConnectionResetError, BrokenPipeError) and close that connection only; recv returning b"" means the client closed':
    'envuelve cada transferencia en try/except (ConnectionResetError, BrokenPipeError) y cierra solo esa conexión; que recv devuelva b"" significa que el cliente cerró',
  'survives random bytes (invalid UTF-8 included) and copies the next file': 'aguanta bytes aleatorios (UTF-8 no válido incluido) y copia el fichero siguiente',
  'never assume what arrives is valid text or a valid header: a copy handles bytes (decode() raises UnicodeDecodeError on invalid UTF-8), and a bad header closes that connection only':
    'nunca des por hecho que lo que llega es texto válido o una cabecera válida: una copia maneja bytes (decode() lanza UnicodeDecodeError con UTF-8 no válido), y una cabecera mala solo cierra esa conexión',
  'sending {size} as frames from {label}': 'enviando {size} en tramas desde {label}',
  'sending {size} from {label}': 'enviando {size} desde {label}',
  'waiting for the server to write the {size} sent by {label} to {output}': 'esperando a que el servidor escribiera en {output} los {size} que envió {label}',
  'after transfer {i}': 'después de la transferencia {i}',
  "after {event}, the next client's file was not copied: {reason}": 'después de {event}, el fichero del siguiente cliente no se copió: {reason}',
  "the file to send is {input} in the client's working folder (also given as {{file}} in the command, and typed at a prompt that asks for it); connect to {{host}} {{port}}, HOST/PORT, or pass --port N if the client hard-codes its port":
    'el fichero que hay que enviar es {input}, en la carpeta de trabajo del cliente (también se da como {{file}} en la orden, y se teclea cuando el programa lo pide); conéctate a {{host}} {{port}}, HOST/PORT, o pasa --port N si el cliente tiene el puerto fijo en el código',
  'waiting for the client to send {size} and close the connection': 'esperando a que el cliente enviara {size} y cerrara la conexión',
  'waiting for the client to send {size} as frames': 'esperando a que el cliente enviara {size} en tramas',
  '{prefix}the client did not close the connection within {ms}, although the whole file had arrived: in the lines variant, closing the connection is how the server learns that the file is complete':
    '{prefix}el cliente no cerró la conexión en {ms}, aunque había llegado el fichero entero: en la variante de líneas, cerrar la conexión es la forma en que el servidor sabe que el fichero está completo',
  '{prefix}the client did not close the connection within {ms}: in the lines variant, closing the connection is how the server learns that the file is complete':
    '{prefix}el cliente no cerró la conexión en {ms}: en la variante de líneas, cerrar la conexión es la forma en que el servidor sabe que el fichero está completo',
  'run {i} of {n}:': 'ejecución {i} de {n}:',
  'after sending the last line, close the socket (s.close(), or leave the with block)': 'después de enviar la última línea, cierra el socket (s.close(), o sal del bloque with)',
  '{data} as frames of 999999 bytes and a last shorter one, each "NNNNNN:" + payload': '{data} en tramas de 999999 bytes y una última más corta, cada una "NNNNNN:" + datos',
  '{size} on the connection': '{size} en la conexión',
  'frame the bytes of the file: f"{{len(trozo):06d}}:".encode() + trozo, with trozos of 999999 bytes and a last shorter one (possibly empty)':
    'pon en tramas los bytes del fichero: f"{{len(trozo):06d}}:".encode() + trozo, con trozos de 999999 bytes y uno último más corto (quizá vacío)',
  'send the whole body with sendall(): every frame with its full payload, and a last frame shorter than 999999 bytes (000000: when the file size is a multiple of 999999)':
    'envía el cuerpo entero con sendall(): cada trama con todos sus datos, y una última trama de menos de 999999 bytes (000000: si el tamaño del fichero es múltiplo de 999999)',
  'the client closed the connection while sockgrade waited for {what}': 'el cliente cerró la conexión mientras sockgrade esperaba {what}',
  'nothing more arrived within {ms} while sockgrade waited for {what}': 'no llegó nada más en {ms} mientras sockgrade esperaba {what}',
  'the server printed a {name} ({line})': 'el servidor imprimió un {name} ({line})',
  'the server printed a {name}': 'el servidor imprimió un {name}',
  'the client printed a {name} ({line})': 'el cliente imprimió un {name} ({line})',
  'the client printed a {name}': 'el cliente imprimió un {name}',
  'the server process exited during the transfer': 'el proceso del servidor terminó durante la transferencia',
  'the server reset the connection when only about {size} of the {total} sent had reached it': 'el servidor cortó la conexión (RST) cuando solo le habían llegado unos {size} de los {total} enviados',
  'the server closed the connection when only about {size} of the {total} sent had reached it': 'el servidor cerró la conexión cuando solo le habían llegado unos {size} de los {total} enviados',
  'write each chunk to the file as soon as recv() returns it (or collect the chunks in a list and b"".join() them once): contenido += datos copies everything received so far at every recv()':
    'escribe cada trozo en el fichero en cuanto recv() lo devuelva (o junta los trozos en una lista y haz b"".join() una sola vez): contenido += datos copia todo lo recibido hasta entonces en cada recv()',
  'the server was still busy (using the CPU) when sockgrade stopped waiting after {ms}: it is too slow for this size (a common cause: contenido += datos, which copies everything received so far at every recv(); write each chunk as it arrives, or collect the chunks in a list and b"".join() them once)':
    'el servidor seguía ocupado (usando la CPU) cuando sockgrade dejó de esperar tras {ms}: es demasiado lento para este tamaño (una causa habitual: contenido += datos, que copia todo lo recibido hasta el momento en cada recv(); escribe cada trozo según llega, o junta los trozos en una lista y haz b"".join() una sola vez)',
  'sockgrade had closed its sending side after the last byte, but the server kept the connection open and the file stayed unchanged for {ms}':
    'sockgrade había cerrado su lado de envío tras el último byte, pero el servidor mantuvo la conexión abierta y el fichero siguió sin cambios durante {ms}',
  'the whole body had arrived, but the server neither closed the connection nor finished the file within {ms}: it seems to wait for more (read exactly the announced bytes, then write and close the file)':
    'había llegado el cuerpo entero, pero el servidor ni cerró la conexión ni terminó el fichero en {ms}: parece que espera más (lee exactamente los bytes anunciados, y después escribe y cierra el fichero)',
  'when recv() returns b"" the client has sent everything: close the file, then the connection': 'cuando recv() devuelve b"" el cliente lo ha enviado todo: cierra el fichero y después la conexión',
  'in the framed variant the client need not close the connection: read the 7 header bytes, then exactly the bytes they announce (frames of 999999 until a shorter one), then write and close the file and close the connection':
    'en la variante con tramas el cliente no tiene por qué cerrar la conexión: lee los 7 bytes de cabecera, después exactamente los bytes que anuncian (tramas de 999999 hasta una más corta), y después escribe y cierra el fichero y cierra la conexión',
  // comparing files (shared with mini-ftp)
  '{what} does not exist': '{what} no existe',
  '{what} is not an exact copy: {shape}\n{where}': '{what} no es una copia exacta: {shape}\n{where}',
  "{output} in the server's working folder": '{output} en la carpeta de trabajo del servidor',
  "{name} in the client's working folder": '{name} en la carpeta de trabajo del cliente',
  "{name} in the server's working folder after {cmd}": '{name} en la carpeta de trabajo del servidor después de {cmd}',
  'the body the client sent ({frames})': 'el cuerpo que envió el cliente ({frames})',
  'the file in the reply to {cmd} ({frames})': 'el fichero de la respuesta a {cmd} ({frames})',
  'first difference at offset {at} (line {line}, column {column})': 'primera diferencia en la posición {at} (línea {line}, columna {column})',
  'expected: {data} at offset {at}': 'esperado: {data} en la posición {at}',
  'received: {data} at offset {at}': 'recibido: {data} en la posición {at}',
  'it holds the previous transfer followed by this one (the file was opened for appending)': 'contiene la transferencia anterior seguida de esta (el fichero se abrió para añadir)',
  'it still holds the previous transfer: the new one was not written': 'todavía contiene la transferencia anterior: la nueva no se escribió',
  'it starts with this transfer but ends with the last {size} of the previous, longer one (the file was not truncated)':
    'empieza con esta transferencia pero acaba con los últimos {size} de la anterior, más larga (el fichero no se vació)',
  'it starts with a frame header {header}: the header was written into the file as if it were content': 'empieza con una cabecera de trama {header}: la cabecera se escribió en el fichero como si fuera contenido',
  "it holds the Python representation b'...' of the bytes, not the bytes themselves": "contiene la representación de Python b'...' de los bytes, no los bytes en sí",
  '{n} newline was lost{where}': 'se perdió {n} salto de línea{where}',
  '{n} newlines were lost{where}': 'se perdieron {n} saltos de línea{where}',
  'it has the whole file plus one newline added at the end': 'tiene el fichero entero más un salto de línea añadido al final',
  'it has the whole file, then {size} more that were never sent: {data}': 'tiene el fichero entero y después {size} más que nunca se enviaron: {data}',
  'same size, different content': 'mismo tamaño, contenido distinto',
  '{size} longer than the original': '{size} más largo que el original',
  '{size} shorter than the original': '{size} más corto que el original',
  'it is empty: all {size} are missing': 'está vacío: faltan los {size}',
  'the last line, which has no newline at its end, is missing ({missing})': 'falta la última línea, que no tiene salto de línea al final ({missing})',
  'it is truncated at {n} of {total}, exactly one full frame: {missing} missing': 'está cortado en {n} de {total}, justo una trama completa: faltan {missing}',
  'it is truncated at {n} of {total}, exactly {k} full frames: {missing} missing': 'está cortado en {n} de {total}, justo {k} tramas completas: faltan {missing}',
  'it is truncated at {n} of {total}, right after line {line} of {lines}: {missing} missing{why}': 'está cortado en {n} de {total}, justo después de la línea {line} de {lines}: faltan {missing}{why}',
  'it is truncated at {n} of {total}: {missing} missing{why}': 'está cortado en {n} de {total}: faltan {missing}{why}',
  '; {n} is a multiple of {size}, the size of a typical recv()/read() buffer: it looks like a single recv() or read()':
    '; {n} es múltiplo de {size}, el tamaño típico del búfer de recv()/read(): parece un único recv() o read()',
  '; {n} is a multiple of {size}, the size of a typical recv()/read() buffer: it looks like a read loop that stopped early':
    '; {n} es múltiplo de {size}, el tamaño típico del búfer de recv()/read(): parece un bucle de lectura que se paró antes de tiempo',
  'every "\\n" became "\\r\\n" (newline conversion: the file was written in text mode with Windows line endings)':
    'cada "\\n" se convirtió en "\\r\\n" (conversión de fin de línea: el fichero se escribió en modo texto con finales de línea de Windows)',
  'every "\\r\\n" became "\\n" (newline conversion: the file was read in text mode, which translates line endings)':
    'cada "\\r\\n" se convirtió en "\\n" (conversión de fin de línea: el fichero se leyó en modo texto, que traduce los finales de línea)',
  '{n} replacement characters U+FFFD ("\\xef\\xbf\\xbd", shown as �) appeared, the first at offset {at}: bytes were decoded as UTF-8 with errors="replace" where they were not valid UTF-8 on their own — a multi-byte character split between two recv() calls, or binary data decoded as text':
    'aparecieron {n} caracteres de reemplazo U+FFFD ("\\xef\\xbf\\xbd", que se ven como �), el primero en la posición {at}: se decodificaron como UTF-8 con errors="replace" bytes que no eran UTF-8 válido por sí solos — un carácter de varios bytes partido entre dos llamadas a recv(), o datos binarios decodificados como texto',
  '{n} replacement character U+FFFD ("\\xef\\xbf\\xbd", shown as �) appeared, the first at offset {at}: bytes were decoded as UTF-8 with errors="replace" where they were not valid UTF-8 on their own — a multi-byte character split between two recv() calls, or binary data decoded as text':
    'apareció {n} carácter de reemplazo U+FFFD ("\\xef\\xbf\\xbd", que se ve como �), el primero en la posición {at}: se decodificaron como UTF-8 con errors="replace" bytes que no eran UTF-8 válido por sí solos — un carácter de varios bytes partido entre dos llamadas a recv(), o datos binarios decodificados como texto',
  'every byte above 0x7f became two bytes (the data was decoded as Latin-1 and encoded again as UTF-8: "ñ" shows as "Ã±")':
    'cada byte por encima de 0x7f se convirtió en dos bytes (los datos se decodificaron como Latin-1 y se volvieron a codificar como UTF-8: "ñ" se ve como "Ã±")',
  'every line got an extra newline: {n} empty lines were inserted{where}': 'cada línea recibió un salto de línea de más: se insertaron {n} líneas vacías{where}',
  '{n} newline was inserted{where}': 'se insertó {n} salto de línea{where}',
  '{n} newlines were inserted{where}; they fall where one recv() ended and the next began': 'se insertaron {n} saltos de línea{where}; caen donde acababa un recv() y empezaba el siguiente',
  '{n} newlines were inserted{where}; one every {gap} bytes: once per recv({size})': 'se insertaron {n} saltos de línea{where}; uno cada {gap} bytes: uno por cada recv({size})',
  '{n} newlines were inserted{where}; most of them one every {gap} bytes: once per recv({size})': 'se insertaron {n} saltos de línea{where}; casi todos uno cada {gap} bytes: uno por cada recv({size})',
  '(at offset {at} of the original)': '(en la posición {at} del original)',
  '(at offsets {at} of the original)': '(en las posiciones {at} del original)',
  '(at offset {at} of the copy)': '(en la posición {at} de la copia)',
  '(at offsets {at} of the copy)': '(en las posiciones {at} de la copia)',
  'one recv() returns whatever has arrived, at most its buffer size: loop until recv() returns b"" (or until the announced size is complete) and write every chunk':
    'un recv() devuelve lo que haya llegado, como mucho el tamaño de su búfer: repite hasta que recv() devuelva b"" (o hasta completar el tamaño anunciado) y escribe cada trozo',
  'a copy must not touch the bytes: open both files in binary mode ("rb"/"wb"), send and write bytes, never decode or encode them':
    'una copia no debe tocar los bytes: abre los dos ficheros en modo binario ("rb"/"wb"), envía y escribe bytes, y nunca los decodifiques ni los codifiques',
  'binary files are copied by the framed variant only (--param variant=framed); the lines variant copies text': 'los ficheros binarios solo los copia la variante con tramas (--param variant=framed); la variante por líneas copia texto',
  'client {i} of {n}': 'cliente {i} de {n}',
  'transfer {i} of {n}: {rest}': 'transferencia {i} de {n}: {rest}',
  // contract and parameters, as sockgrade list shows them
  'Listens on TCP host:port. For every connection it writes what the client sends to the file `output` (default copia.txt) in its working folder, created or emptied anew for each connection, byte for byte; one connection after the other is enough. Variant `lines` (default): the client sends the bytes of the file and then closes the connection: the end of the connection is the end of the file; the server then closes the file and its side of the connection. Variant `framed`: the file travels as one body of A5 frames (`NNNNNN:` + payload; every frame but the last carries exactly 999999 bytes and the last fewer, possibly none, so a file under 999999 bytes is a single frame and an empty file is `000000:`); the file is complete when the short frame has arrived, whether or not the client closes: the server then writes and closes the file and closes the connection. Parameter `name-first=on`: the client first sends the name of the file on a line of its own (the name, then `\\n`), then the content as the variant says (`lines`: until it closes; `framed`: the body of frames follows the name line); the server writes the content to a file of that name in its working folder instead of `output`, and must keep it there: a name with `/` or `..` (sockgrade sends `../name`) is either cut to its last part (os.path.basename) or refused, never written outside the folder. Parameter `transport=udp` (variant `lines` only): the server binds UDP host:port instead; a file arrives as datagrams, in order, each carrying the next bytes of the file (sockgrade sends at most 1024 bytes per datagram, paced so that a default receive buffer never overflows), and an empty datagram ends it: the server then closes the file, and the next datagram starts a new file; the file is created (or emptied) when the first datagram of a file arrives (for an empty file, its empty datagram), not before, so that a finished copy stays whole until the next file begins (under `name-first=on` the first datagram of a file is its name line alone, the name and `\\n`). sockgrade judges the file once the server has closed the connection and the file has stayed unchanged for 150 ms, or once it has the size of a correct copy for that long; a server that keeps the connection open (or over UDP, one that has read every datagram) is given 1.5 s of an unchanged file after the last byte reached it.':
    'Escucha en host:port por TCP. Por cada conexión escribe lo que envía el cliente en el fichero `output` (por defecto copia.txt) de su carpeta de trabajo, creado o vaciado de nuevo para cada conexión, byte a byte; basta con atender una conexión tras otra. Variante `lines` (por defecto): el cliente envía los bytes del fichero y después cierra la conexión: el final de la conexión es el final del fichero; el servidor cierra entonces el fichero y su lado de la conexión. Variante `framed`: el fichero viaja como un cuerpo de tramas A5 (`NNNNNN:` + datos; cada trama salvo la última lleva exactamente 999999 bytes y la última menos, quizá ninguno, así que un fichero de menos de 999999 bytes es una sola trama y un fichero vacío es `000000:`); el fichero está completo cuando ha llegado la trama corta, cierre o no el cliente: el servidor escribe y cierra entonces el fichero y cierra la conexión. Parámetro `name-first=on`: el cliente envía primero el nombre del fichero en una línea propia (el nombre y después `\\n`), y después el contenido según la variante (`lines`: hasta que cierra; `framed`: el cuerpo de tramas sigue a la línea del nombre); el servidor escribe el contenido en un fichero con ese nombre en su carpeta de trabajo en lugar de `output`, y debe dejarlo ahí: un nombre con `/` o `..` (sockgrade envía `../nombre`) se recorta a su última parte (os.path.basename) o se rechaza, nunca se escribe fuera de la carpeta. Parámetro `transport=udp` (solo variante `lines`): el servidor se vincula en cambio a host:port por UDP; un fichero llega como datagramas, en orden, cada uno con los bytes siguientes del fichero (sockgrade envía como mucho 1024 bytes por datagrama, a un ritmo con el que un búfer de recepción por defecto nunca se desborda), y un datagrama vacío lo termina: el servidor cierra entonces el fichero, y el datagrama siguiente empieza un fichero nuevo; el fichero se crea (o se vacía) cuando llega el primer datagrama de un fichero (para un fichero vacío, su datagrama vacío), no antes, para que una copia terminada siga entera hasta que empiece el fichero siguiente (con `name-first=on` el primer datagrama de un fichero es su línea de nombre sola, el nombre y `\\n`). sockgrade juzga el fichero cuando el servidor ha cerrado la conexión y el fichero lleva 150 ms sin cambiar, o cuando tiene el tamaño de una copia correcta durante ese tiempo; a un servidor que deja la conexión abierta (o por UDP, a uno que ha leído todos los datagramas) se le dan 1,5 s de fichero sin cambios después de que le llegara el último byte.',
  'Reads the file named by `{{file}}` in its command, typed at its prompt, or `input` (default fichero.txt) in its working folder, connects to host:port and sends it unchanged: variant `lines`, line by line, then closes the connection; variant `framed`, as one body of A5 frames (see the server) in one sendall, then closes. With `name-first=on` it sends the name of the file (its last part, e.g. fichero.txt) and `\\n` before the content. With no server it says so in one line and exits non-zero. With `transport=udp` it sends the file to host:port as datagrams instead (any size the kernel accepts, typically 1024 bytes; under `name-first=on` the name line alone comes first, with or without its `\\n`), then one empty datagram that ends the file; over UDP it cannot tell that no server listens, and is not asked to.':
    'Lee el fichero que nombra `{{file}}` en su orden, el que se teclea cuando lo pide, o `input` (por defecto fichero.txt) de su carpeta de trabajo, se conecta a host:port y lo envía sin cambios: variante `lines`, línea a línea, y después cierra la conexión; variante `framed`, como un cuerpo de tramas A5 (ver el servidor) en un solo sendall, y después cierra. Con `name-first=on` envía el nombre del fichero (su última parte, p. ej. fichero.txt) y `\\n` antes del contenido. Sin servidor lo dice en una línea y termina con código distinto de cero. Con `transport=udp` envía en cambio el fichero a host:port como datagramas (de cualquier tamaño que acepte el núcleo, normalmente 1024 bytes; con `name-first=on` va primero la línea del nombre sola, con o sin su `\\n`), y después un datagrama vacío que termina el fichero; por UDP no puede saber que no hay ningún servidor escuchando, y no se le pide.',
  'lines: the file goes line by line and the client closes at the end; framed: one body of six-digit-header frames (binary files too)':
    'lines: el fichero va línea a línea y el cliente cierra al final; framed: un cuerpo de tramas con cabecera de seis dígitos (también ficheros binarios)',
  'on: the client sends the file name on a line of its own before the content, and the server writes to that name inside its working folder (instead of output)':
    'on: el cliente envía el nombre del fichero en una línea propia antes del contenido, y el servidor escribe con ese nombre dentro de su carpeta de trabajo (en lugar de output)',
  'udp: the file travels as datagrams to a UDP server, and an empty datagram ends it (variant lines only)': 'udp: el fichero viaja como datagramas a un servidor UDP, y un datagrama vacío lo termina (solo variante lines)',
  'file the server writes in its working folder':
    'fichero que el servidor escribe en su carpeta de trabajo',
  'file the client sends, placed by sockgrade in its working folder (also {{file}} and the answer to its prompt)':
    'fichero que envía el cliente, que sockgrade coloca en su carpeta de trabajo (también {{file}} y la respuesta cuando lo pide)',
  // how many frames a body had (describeFrames): it starts with a number, which a placeholder keeps as data
  'the body the client sent (1 frame ({sizes} bytes))': 'el cuerpo que envió el cliente (1 trama ({sizes} bytes))',
  'the body the client sent ({n} frames ({sizes} bytes))': 'el cuerpo que envió el cliente ({n} tramas ({sizes} bytes))',
  'the body the client sent (no complete frame)': 'el cuerpo que envió el cliente (ninguna trama completa)',
  'the file in the reply to {cmd} (1 frame ({sizes} bytes))': 'el fichero de la respuesta a {cmd} (1 trama ({sizes} bytes))',
  'the file in the reply to {cmd} ({n} frames ({sizes} bytes))': 'el fichero de la respuesta a {cmd} ({n} tramas ({sizes} bytes))',
  'the file in the reply to {cmd} (no complete frame)': 'el fichero de la respuesta a {cmd} (ninguna trama completa)',
  'no complete frame': 'ninguna trama completa',
  // the bytes around the first difference (files-compare.ts), after the expected or received fingerprint
  '{fingerprint}; around offset {at}: {data} [end of file]': '{fingerprint}; en torno a la posición {at}: {data} [fin del fichero]',
  '{fingerprint}; around offset {at}: {data}': '{fingerprint}; en torno a la posición {at}: {data}',
  'expected: {data} [end of file] at offset {at}': 'esperado: {data} [fin del fichero] en la posición {at}',
  'received: {data} [end of file] at offset {at}': 'recibido: {data} [fin del fichero] en la posición {at}',
  // a frame header of more than six digits (files-body.ts)
  'the header {shown}… has {n} digits: a frame announces at most 999999 bytes in exactly six digits, so a bigger file goes as several frames of 999999 bytes and a last shorter one':
    'la cabecera {shown}… tiene {n} dígitos: una trama anuncia como mucho 999999 bytes en exactamente seis dígitos, así que un fichero mayor va en varias tramas de 999999 bytes y una última más corta',
  // name-first
  'keeps a file named "../name" inside its working folder, and copies the next file': 'mantiene dentro de su carpeta de trabajo un fichero llamado "../nombre", y copia el fichero siguiente',
  'a name that comes from the network is not to be trusted: keep only its last part (os.path.basename(nombre)), or refuse a name with "/" or "..", so that no client can write outside the folder':
    'un nombre que llega por la red no es de fiar: quédate solo con su última parte (os.path.basename(nombre)), o rechaza un nombre con "/" o "..", para que ningún cliente pueda escribir fuera de la carpeta',
  'the file name is not sent (--param name-first=on sends it first)': 'no se envía el nombre del fichero (--param name-first=on lo envía primero)',
  'the server wrote the file outside its working folder: the name {name} sent on the first line put {size} in the folder above it':
    'el servidor escribió el fichero fuera de su carpeta de trabajo: el nombre {name} enviado en la primera línea dejó {size} en la carpeta de arriba',
  'a copy named {base} inside the working folder, or the name refused': 'una copia llamada {base} dentro de la carpeta de trabajo, o el nombre rechazado',
  '{base} written in the parent folder': '{base} escrito en la carpeta de arriba',
  'waiting for the server to deal with the name {name}': 'esperando a que el servidor se ocupara del nombre {name}',
  'client naming a file outside the folder': 'cliente que nombra un fichero fuera de la carpeta',
  "{file} in the server's working folder starts with the name line {line} and then holds the whole file: the name line was written into the copy as if it were content":
    '{file} en la carpeta de trabajo del servidor empieza con la línea del nombre {line} y después contiene el fichero entero: la línea del nombre se escribió en la copia como si fuera contenido',
  'the first line is the name of the file, not part of it: take the bytes up to the first "\\n" as the name, and write only what follows':
    'la primera línea es el nombre del fichero, no parte de él: toma los bytes hasta el primer "\\n" como nombre, y escribe solo lo que viene después',
  'read the first line (up to "\\n"), take it without its "\\n" (and without a "\\r" before it) as the name, and write the rest of what arrives to a file of that name in the working folder':
    'lee la primera línea (hasta "\\n"), tómala sin su "\\n" (y sin un "\\r" delante) como nombre, y escribe el resto de lo que llega en un fichero con ese nombre en la carpeta de trabajo',
  "{what}: sockgrade sent the name {name} on the first line, and the server's working folder holds {listing}": '{what}: sockgrade envió el nombre {name} en la primera línea, y la carpeta de trabajo del servidor contiene {listing}',
  '{prefix}what the client sent does not start with the line naming the file, {line}: {why}': '{prefix}lo que envió el cliente no empieza con la línea que nombra el fichero, {line}: {why}',
  'nothing arrived before the client closed the connection': 'no llegó nada antes de que el cliente cerrara la conexión',
  'the content came first, with no line naming the file before it': 'el contenido llegó primero, sin una línea con el nombre del fichero delante',
  'the name is not followed by "\\n" (after it came {data})': 'el nombre no va seguido de "\\n" (detrás llegó {data})',
  'the name is not followed by "\\n", and nothing came after it': 'el nombre no va seguido de "\\n", y detrás no llegó nada',
  'the first line is {line}': 'la primera línea es {line}',
  '{line} first, then the content': '{line} primero, y después el contenido',
  'send the file\'s name (os.path.basename of the path) and "\\n" first, e.g. s.sendall((nombre + "\\n").encode()), then the content':
    'envía primero el nombre del fichero (os.path.basename de la ruta) y "\\n", p. ej. s.sendall((nombre + "\\n").encode()), y después el contenido',
  'waiting for the line naming the file': 'esperando la línea que nombra el fichero',
  // transport=udp
  'UDP has no connection for a client to reset or close (--param transport=udp)': 'UDP no tiene conexión que un cliente pueda cortar o cerrar (--param transport=udp)',
  'over UDP nothing slows a client down to the pace of its receiver, so 10 MiB of datagrams sent at once can overflow a receive buffer even on loopback; the largest file a UDP client sends here is the 256 KiB binary one':
    'por UDP nada frena a un cliente al ritmo de su receptor, así que 10 MiB de datagramas enviados de golpe pueden desbordar un búfer de recepción incluso en loopback; el fichero más grande que envía aquí un cliente UDP es el binario de 256 KiB',
  'over UDP a client cannot learn that no server listens (nothing answers its datagrams), so it is not asked to report it (--param transport=udp)':
    'por UDP un cliente no puede saber que no hay ningún servidor escuchando (nadie responde a sus datagramas), así que no se le pide que lo diga (--param transport=udp)',
  'sending the name {name} and {size} as datagrams from {label}': 'enviando el nombre {name} y {size} como datagramas desde {label}',
  'sending {size} as datagrams from {label}': 'enviando {size} como datagramas desde {label}',
  'sending the name {name} and {size} as frames from {label}': 'enviando el nombre {name} y {size} en tramas desde {label}',
  'sending the name {name} and {size} from {label}': 'enviando el nombre {name} y {size} desde {label}',
  'sending datagrams of random bytes, then the empty datagram that ends a file': 'enviando datagramas de bytes aleatorios, y después el datagrama vacío que termina un fichero',
  'a client sent datagrams of random bytes': 'un cliente envió datagramas de bytes aleatorios',
  'the server had stopped reading: about {size} of datagrams (the kernel\'s count, overhead included) were still waiting in its socket':
    'el servidor había dejado de leer: unos {size} de datagramas (según la cuenta del núcleo, con su sobrecarga) seguían esperando en su socket',
  'the server was still busy (using the CPU) when sockgrade stopped waiting (after {ms})': 'el servidor seguía ocupado (usando la CPU) cuando sockgrade dejó de esperar (tras {ms})',
  'the server had read every datagram, the empty one that ends the file included, yet the file stayed unchanged for {ms} afterwards':
    'el servidor había leído todos los datagramas, incluido el vacío que termina el fichero, y aun así el fichero siguió sin cambios durante {ms} después',
  'a file that is empty although every datagram was read is usually a finished copy emptied at once: the server opened the output again ("wb") right after closing it, to wait for the next file':
    'un fichero vacío aunque se leyeron todos los datagramas suele ser una copia terminada que se vació enseguida: el servidor volvió a abrir el fichero de salida ("wb") justo después de cerrarlo, para esperar el fichero siguiente',
  'open the output when the first datagram of a file arrives (for an empty file, its empty datagram), not as soon as the previous file is closed: opening with "wb" empties the copy just written':
    'abre el fichero de salida cuando llegue el primer datagrama de un fichero (para un fichero vacío, su datagrama vacío), no en cuanto se cierra el anterior: abrirlo con "wb" vacía la copia recién escrita',
  'its socket dropped {n} datagram for want of room': 'su socket descartó {n} datagrama por falta de sitio',
  'its socket dropped {n} datagrams for want of room': 'su socket descartó {n} datagramas por falta de sitio',
  'the empty datagram ends a file: close the output then, and open it anew ("wb") when the next file begins': 'el datagrama vacío termina un fichero: cierra entonces el fichero de salida, y ábrelo de nuevo ("wb") cuando empiece el fichero siguiente',
  'keep writing the datagrams to the same open file until an empty one arrives (recvfrom returns b""), then close the file, so that everything reaches the disk; only the datagram after the empty one starts a new file':
    'sigue escribiendo los datagramas en el mismo fichero abierto hasta que llegue uno vacío (recvfrom devuelve b""), y cierra entonces el fichero, para que todo llegue al disco; solo el datagrama que sigue al vacío empieza un fichero nuevo',
  "waiting for the client's first datagram on {where}": 'esperando el primer datagrama del cliente en {where}',
  "the client exited without sending any datagram to sockgrade's server at {where}": 'el cliente terminó sin enviar ningún datagrama al servidor de sockgrade en {where}',
  "no datagram from the client reached sockgrade's server at {where} within {ms}": 'no llegó ningún datagrama del cliente al servidor de sockgrade en {where} en {ms}',
  'an empty file still ends with the empty datagram: send it (s.sendto(b"", destino)) even when the file has no bytes': 'un fichero vacío también termina con el datagrama vacío: envíalo (s.sendto(b"", destino)) aunque el fichero no tenga bytes',
  "the file to send is {input} in the client's working folder (also given as {{file}} in the command, and typed at a prompt that asks for it); send to {{host}} {{port}}, HOST/PORT, or pass --port N if the client hard-codes its port":
    'el fichero que hay que enviar es {input}, en la carpeta de trabajo del cliente (también se da como {{file}} en la orden, y se teclea cuando el programa lo pide); envía a {{host}} {{port}}, HOST/PORT, o pasa --port N si el cliente tiene el puerto fijo en el código',
  'waiting for the client to send {size} as datagrams, then the empty datagram that ends it': 'esperando a que el cliente enviara {size} como datagramas, y después el datagrama vacío que lo termina',
  "{prefix}the client's first datagram holds the name line {line} and then {size} of the file: over UDP the name line goes alone in the first datagram":
    '{prefix}el primer datagrama del cliente lleva la línea del nombre {line} y después {size} del fichero: por UDP la línea del nombre va sola en el primer datagrama',
  '{line} alone in the first datagram': '{line} sola en el primer datagrama',
  'send the name in a datagram of its own, s.sendto((nombre + "\\n").encode(), destino), then the file in further datagrams':
    'envía el nombre en un datagrama propio, s.sendto((nombre + "\\n").encode(), destino), y después el fichero en otros datagramas',
  "{prefix}the client's first datagram is not the name of the file {name}": '{prefix}el primer datagrama del cliente no es el nombre del fichero {name}',
  'what the client sent ({sent})': 'lo que envió el cliente ({sent})',
  'no datagram of the file': 'ningún datagrama del fichero',
  'the file in 1 datagram of {n} bytes': 'el fichero en 1 datagrama de {n} bytes',
  'the file in {k} datagrams of {n} bytes': 'el fichero en {k} datagramas de {n} bytes',
  'the file in {k} datagrams of {lo} to {hi} bytes': 'el fichero en {k} datagramas de {lo} a {hi} bytes',
  '{prefix}the client exited without sending the empty datagram that ends the file, after {sent} ({size}), although the whole file had arrived':
    '{prefix}el cliente terminó sin enviar el datagrama vacío que termina el fichero, tras {sent} ({size}), aunque había llegado el fichero entero',
  '{prefix}the client exited without sending the empty datagram that ends the file, after {sent} ({size}); {reason}':
    '{prefix}el cliente terminó sin enviar el datagrama vacío que termina el fichero, tras {sent} ({size}); {reason}',
  '{prefix}the client was still running {ms} later without sending the empty datagram that ends the file, after {sent} ({size}), although the whole file had arrived':
    '{prefix}el cliente seguía en marcha {ms} después sin haber enviado el datagrama vacío que termina el fichero, tras {sent} ({size}), aunque había llegado el fichero entero',
  '{prefix}the client was still running {ms} later without sending the empty datagram that ends the file, after {sent} ({size}); {reason}':
    '{prefix}el cliente seguía en marcha {ms} después sin haber enviado el datagrama vacío que termina el fichero, tras {sent} ({size}); {reason}',
  '{data}, then an empty datagram': '{data}, y después un datagrama vacío',
  '{data}, and no empty datagram': '{data}, y ningún datagrama vacío',
  'after the last piece of the file send one empty datagram, s.sendto(b"", destino): over UDP nothing else tells the server that the file is complete':
    'tras el último trozo del fichero envía un datagrama vacío, s.sendto(b"", destino): por UDP nada más le dice al servidor que el fichero está completo',
  // what the server had to survive, in "the server exited (...) after ..."
  'a client reset its connection in the middle of a file': 'que un cliente cortara su conexión a mitad de un fichero',
  'a client reset its connection in the middle of a file, and another closed without sending anything':
    'que un cliente cortara su conexión a mitad de un fichero, y otro cerrara sin enviar nada',
  'a client reset its connection in the middle of a file, another closed without sending anything and a third reset without sending':
    'que un cliente cortara su conexión a mitad de un fichero, otro cerrara sin enviar nada y un tercero cortara sin enviar',
  // what the client had sent when its body went wrong: "after <frames>, <problem>"
  'after no complete frame, {problem}': 'después de ninguna trama completa, {problem}',
  'after {n} frame ({sizes} bytes), {problem}': 'después de {n} trama ({sizes} bytes), {problem}',
  'after {n} frames ({sizes} bytes), {problem}': 'después de {n} tramas ({sizes} bytes), {problem}',
  // what a TCP client sent, compared with the file it had to send
  'what the client sent': 'lo que envió el cliente',
  // a server whose receive loop never ends
  'the server had read everything sockgrade sent, the end of the data included, yet kept using the CPU without finishing the file: its receive loop does not end when recv() returns b"" (it goes round and round on the empty result)':
    'el servidor había leído todo lo que envió sockgrade, incluido el final de los datos, pero siguió usando la CPU sin terminar el fichero: su bucle de recepción no acaba cuando recv() devuelve b"" (da vueltas y más vueltas sobre el resultado vacío)',
  'when recv() returns b"" the client has sent everything: leave the loop (if not datos: break), then close the file and the connection':
    'cuando recv() devuelve b"" el cliente lo ha enviado todo: sal del bucle (if not datos: break) y después cierra el fichero y la conexión',
  'run {i} of {n}: {rest}': 'ejecución {i} de {n}: {rest}',
};

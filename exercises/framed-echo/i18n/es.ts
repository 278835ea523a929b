/** Spanish for A5 `framed-echo`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const framedEcho: Catalogue = {
  'Framed echo (six-digit length header)': 'Eco con tramas (cabecera de longitud de seis dígitos)',
  'echoes single framed messages of every size, 0 to 999999 bytes': 'devuelve el eco de mensajes sueltos en tramas de todos los tamaños, de 0 a 999999 bytes',
  'echoes several frames that arrive in one write': 'devuelve el eco de varias tramas que llegan en una sola escritura',
  'echoes frames cut at any offset, inside the header too': 'devuelve el eco de tramas cortadas en cualquier posición, también dentro de la cabecera',
  'several clients sending frames piece by piece at the same time each get their own frames': 'varios clientes que envían tramas a trozos a la vez reciben cada uno sus propias tramas',
  'serve each client in its own thread or with select(), keeping a separate receive buffer per client':
    'atiende a cada cliente en su propio hilo o con select(), con un búfer de recepción separado por cliente',
  'a malformed header gets the connection closed or an error, and the server keeps serving': 'una cabecera mal formada provoca el cierre de la conexión o un error, y el servidor sigue atendiendo',
  'check that the 6 header characters are digits and the 7th is ":" before converting; on a bad header answer an error or close that connection, and go on serving the others':
    'comprueba que los 6 caracteres de la cabecera son dígitos y el 7.º es ":" antes de convertir; ante una cabecera mala responde un error o cierra esa conexión, y sigue atendiendo a los demás',
  'frames its message with an exact six-digit byte length': 'pone su mensaje en una trama con la longitud exacta en bytes en seis dígitos',
  'prints the whole payload when the reply arrives cut in pieces, inside the header too': 'imprime los datos completos cuando la respuesta llega a trozos, también partida dentro de la cabecera',
  'read the 7-byte header first (loop until you have all 7), parse the length, then loop until you have that many payload bytes; keep any extra bytes for the next frame':
    'lee primero la cabecera de 7 bytes (repite hasta tener los 7), interpreta la longitud y repite hasta tener esos bytes de datos; guarda los bytes que sobren para la trama siguiente',
  'encode first, then frame: data = mensaje.encode("utf-8"); header = f"{{len(data):06d}}:".encode(); sendall(header + data)':
    'primero codifica, después arma la trama: data = mensaje.encode("utf-8"); header = f"{{len(data):06d}}:".encode(); sendall(header + data)',
  'loop on recv() until you have the 7 header bytes, then loop until you have the announced number of payload bytes':
    'repite recv() hasta tener los 7 bytes de cabecera, y después hasta tener los bytes de datos anunciados',
  'waiting for {size} of framed echo': 'esperando {size} de eco con tramas',
  'while sockgrade waited for the framed echo': 'mientras sockgrade esperaba el eco con tramas',
  'only {got} of the {n} bytes expected came back ({ending})': 'solo volvieron {got} de los {n} bytes esperados ({ending})',
  'the reply differs from what was sent': 'la respuesta es distinta de lo que se envió',
  'the reply has a malformed header {header} at offset {at} (expected six digits and a colon, like "000012:")':
    'la respuesta tiene una cabecera mal formada {header} en la posición {at} (se esperaban seis dígitos y dos puntos, como "000012:")',
  'the request has a malformed header {header} at offset {at} (expected six digits and a colon, like "000012:")':
    'la petición tiene una cabecera mal formada {header} en la posición {at} (se esperaban seis dígitos y dos puntos, como "000012:")',
  'the reply holds {n} complete frames': 'la respuesta contiene {n} tramas completas',
  'the reply holds 1 complete frame': 'la respuesta contiene 1 trama completa',
  'the frame {frame} sent in two pieces cut at offset {cut} (inside the header) was not echoed: {reason}':
    'la trama {frame}, enviada en dos trozos cortados en la posición {cut} (dentro de la cabecera), no volvió como eco: {reason}',
  'the frame {frame} sent in two pieces cut at offset {cut} was not echoed: {reason}': 'la trama {frame}, enviada en dos trozos cortados en la posición {cut}, no volvió como eco: {reason}',
  'one message of {n} bytes': 'un mensaje de {n} bytes',
  '{sizes}, sent in one write': '{sizes}, enviados en una sola escritura',
  '{sizes}, stream cut at offsets {offsets}': '{sizes}, flujo cortado en las posiciones {offsets}',
  '{n} messages of {sizes} bytes': '{n} mensajes de {sizes} bytes',
  '1 message of {sizes} bytes': '1 mensaje de {sizes} bytes',
  "sending the clients' frames piece by piece, interleaved": 'enviando las tramas de los clientes a trozos, intercaladas',
  'client {i}/5': 'cliente {i}/5',
  'client sending {what}': 'cliente que envía {what}',
  'non-digits in the length': 'caracteres que no son dígitos en la longitud',
  'no colon after the digits': 'sin dos puntos tras los dígitos',
  'a length over 999999 (seven digits)': 'una longitud mayor que 999999 (siete dígitos)',
  'a negative length': 'una longitud negativa',
  'waiting for the server to answer or close after a header with {what}': 'esperando a que el servidor respondiera o cerrara tras una cabecera con {what}',
  'after a header with {what}': 'después de una cabecera con {what}',
  'a client sent a header with {what}': 'un cliente enviara una cabecera con {what}',
  'after a header with {what} ({bytes}) the server neither answered nor closed the connection within {ms}: it waits for bytes that will never come':
    'tras una cabecera con {what} ({bytes}) el servidor ni respondió ni cerró la conexión en {ms}: espera bytes que nunca van a llegar',
  'an error message or the connection closed': 'un mensaje de error o la conexión cerrada',
  silence: 'silencio',
  'the request is not exactly one frame with the message': 'la petición no es exactamente una trama con el mensaje',
  'the header announces {n}, the number of characters, but the payload is {bytes} bytes in UTF-8': 'la cabecera anuncia {n}, el número de caracteres, pero los datos son {bytes} bytes en UTF-8',
  'the request holds no complete frame (the header announces more bytes than were sent)': 'la petición no contiene ninguna trama completa (la cabecera anuncia más bytes de los que se enviaron)',
  'sending the framed reply in pieces: 3 bytes of header, the rest of the header, then the payload in slices':
    'enviando la respuesta en trozos: 3 bytes de cabecera, el resto de la cabecera y luego los datos en trozos',
  'waiting for the client to print the payload': 'esperando a que el cliente imprimiera los datos',
  'the client crashed with a {name} while reading a reply that arrived in pieces': 'el cliente falló con un {name} mientras leía una respuesta que llegó a trozos',
  'the client did not print the whole payload of a reply that arrived in pieces': 'el cliente no imprimió los datos completos de una respuesta que llegó a trozos',
  'the exercise is graded without concurrency (--param concurrent=true to enable)': 'el ejercicio se corrige sin concurrencia (--param concurrent=true para activarla)',
  // contract and parameters, as sockgrade list shows them
  'For every message framed as NNNNNN: (six ASCII digits, the payload length in bytes) plus the payload, replies with the same message framed; survives malformed headers.':
    'Para cada mensaje en trama NNNNNN: (seis dígitos ASCII, la longitud de los datos en bytes) seguida de los datos, responde con el mismo mensaje en trama; aguanta cabeceras mal formadas.',
  'Frames the message it sends (length in bytes), reads the framed reply however it is cut, prints the payload.':
    'Pone en trama el mensaje que envía (longitud en bytes), lee la respuesta en trama la corten como la corten e imprime los datos.',
  'generated cases per framing property (more finds rarer bugs, takes longer)':
    'casos generados por cada propiedad de las tramas (más encuentra fallos más raros, tarda más)',
  'also check several clients framing at the same time (framing.interleaved-clients)':
    'comprueba también varios clientes enviando tramas a la vez (framing.interleaved-clients)',
  // failing cases that start with a number are written out whole (a placeholder keeps them as data)
  'smallest failing case (after {k} shrinks): {n} messages of {sizes} bytes, sent in one write':
    'caso mínimo que falla (tras {k} reducciones): {n} mensajes de {sizes} bytes, enviados en una sola escritura',
  'first failing case: {n} messages of {sizes} bytes, sent in one write: {reason}':
    'primer caso que falla: {n} mensajes de {sizes} bytes, enviados en una sola escritura: {reason}',
  // where the stream of a case was cut, one offset per clause
  '{offset} (inside header {i})': '{offset} (dentro de la cabecera {i})',
  '{offset} (end of header {i})': '{offset} (fin de la cabecera {i})',
  '{offset} (payload {i})': '{offset} (datos {i})',
  'first failing case: {sizes}, stream cut at offsets {offsets}: {reason}': 'primer caso que falla: {sizes}, flujo cortado en las posiciones {offsets}: {reason}',
};

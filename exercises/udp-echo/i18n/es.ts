/** Spanish for A1 `udp-echo`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const udpEcho: Catalogue = {
  'UDP echo server and client': 'Servidor y cliente de eco UDP',
  'replies to datagrams of 1 to 1400 bytes (any byte values) with identical datagrams': 'responde a datagramas de 1 a 1400 bytes (con cualquier valor de byte) con datagramas idénticos',
  'receive with recvfrom(2048) or larger (a smaller buffer silently truncates the datagram) and reply with sendto(data, addr)':
    'recibe con recvfrom(2048) o más (un búfer más pequeño trunca el datagrama sin avisar) y responde con sendto(data, addr)',
  'three clients sending in turn each get only their own replies': 'tres clientes que envían por turnos reciben cada uno solo sus propias respuestas',
  'reply to the address returned by recvfrom() for that very datagram': 'responde a la dirección que devolvió recvfrom() para ese mismo datagrama',
  "waiting for {label}'s replies": 'esperando las respuestas de {label}',
  '{label} received {n} replies meant for another client': '{label} recibió {n} respuestas dirigidas a otro cliente',
  'only its own datagrams back, e.g. {example}': 'solo sus propios datagramas de vuelta, p. ej. {example}',
  '{label} got no reply to {missing} of its {n} datagrams': '{label} no recibió respuesta a {missing} de sus {n} datagramas',
  '"{data}" back': '"{data}" de vuelta',
  '{n} replies': '{n} respuestas',
  'survives an empty datagram and keeps replying': 'aguanta un datagrama vacío y sigue respondiendo',
  'for UDP an empty datagram is a valid message, not "connection closed": do not leave the loop when recvfrom() returns b""':
    'en UDP un datagrama vacío es un mensaje válido, no "conexión cerrada": no salgas del bucle cuando recvfrom() devuelva b""',
  'after receiving an empty datagram': 'después de recibir un datagrama vacío',
  'after an empty datagram the server stopped replying: {reason}': 'tras un datagrama vacío el servidor dejó de responder: {reason}',
  'sends the typed line as one datagram': 'envía la línea tecleada en un solo datagrama',
  'the datagram is not the line that was typed': 'el datagrama no es la línea que se tecleó',
  'you sent the text of a bytes object (str(data)): send mensaje.encode() itself': 'enviaste el texto de un objeto bytes (str(data)): envía directamente mensaje.encode()',
  'send exactly what was typed, encoded as UTF-8': 'envía exactamente lo que se tecleó, codificado en UTF-8',
  'prints the reply after it arrives': 'imprime la respuesta cuando llega',
  'holding the reply until the client has been quiet for a while': 'reteniendo la respuesta hasta que el cliente llevara un rato callado',
  'waiting for the client to print the reply': 'esperando a que el cliente imprimiera la respuesta',
  'the client printed the message before the reply arrived, and nothing after it: it shows what it sent, not what it received':
    'el cliente imprimió el mensaje antes de que llegara la respuesta, y nada después: muestra lo que envió, no lo que recibió',
  'the client did not print the reply it received': 'el cliente no imprimió la respuesta que recibió',
  '{data} printed after the reply arrived': '{data} impreso después de llegar la respuesta',
  'print the data returned by recvfrom(), not the variable you sent': 'imprime los datos que devuelve recvfrom(), no la variable que enviaste',
  'gives up with a message when no reply ever comes': 'se rinde con un mensaje cuando la respuesta no llega nunca',
  'sock.settimeout(3) before recvfrom(), then catch socket.timeout and print a message': 'sock.settimeout(3) antes de recvfrom(); después captura socket.timeout e imprime un mensaje',
  'not replying, and waiting for the client to give up': 'sin responder, esperando a que el cliente se rindiera',
  'the client was still waiting {limit} after sending its datagram, with no reply coming': 'el cliente seguía esperando {limit} después de enviar su datagrama, sin que llegara respuesta',
  'the client crashed with a {name} instead of reporting that no reply came': 'el cliente falló con un {name} en vez de avisar de que no llegó respuesta',
  'the client gave up without printing any message': 'el cliente se rindió sin imprimir ningún mensaje',
  'tell the user that no reply came': 'dile al usuario que no llegó respuesta',
  "waiting for the client's datagram on {address}": 'esperando el datagrama del cliente en {address}',
  'the client exited without sending a datagram to {address} (it crashed: {name})': 'el cliente terminó sin enviar ningún datagrama a {address} (falló: {name})',
  'the client exited without sending a datagram to {address}': 'el cliente terminó sin enviar ningún datagrama a {address}',
  'no datagram arrived at {address} within {ms}': 'no llegó ningún datagrama a {address} en {ms}',
  'send to the host and port given as {{host}} {{port}}, HOST/PORT, or typed at the prompt; if your client hard-codes its port, pass --port N':
    'envía al host y puerto que se dan como {{host}} {{port}}, HOST/PORT, o tecleados cuando el programa los pide; si tu cliente tiene el puerto fijo en el código, pasa --port N',
  'with no server, reports the failure in one line and exits non-zero within 10 s': 'sin servidor, informa del problema en una línea y termina con código distinto de cero en 10 s',
  // contract and parameters, as sockgrade list shows them
  'Binds UDP host:port and replies every datagram, verbatim, to the address that sent it.':
    'Se enlaza (bind) a host:port por UDP y responde a cada datagrama, tal cual, a la dirección que lo envió.',
  'Reads a line, sends it as one datagram, prints the reply; gives up with a message when no reply comes within a few seconds.':
    'Lee una línea, la envía en un solo datagrama e imprime la respuesta; se rinde con un mensaje cuando la respuesta no llega en unos segundos.',
  'seconds within which a client with no reply must give up':
    'segundos en los que un cliente sin respuesta debe rendirse',
};

/** Spanish for D6 `reliable-udp`. */
import type { Catalogue } from '../../../harness/authoring.js';

/** The fault schedules in words (scenario.words in ../scenarios.ts); "no faults" is in the catalogue below. */
const SCHEDULES_ES: Catalogue = {
  '20 % of the datagrams lost in each direction, data and ACKs alike': 'el 20 % de los datagramas perdidos en cada sentido, tanto datos como ACK',
  '25 % of the datagrams duplicated in each direction': 'el 25 % de los datagramas duplicados en cada sentido',
  '25 % of the datagrams held back until the next one of the same direction has gone by, 1 s at most':
    'el 25 % de los datagramas retenidos hasta que pasa el siguiente del mismo sentido, 1 s como mucho',
  '10 % loss, 10 % duplication, 10 % reordering and 0-30 ms of delay in each direction': '10 % de pérdidas, 10 % de duplicados, 10 % de desorden y 0-30 ms de retardo en cada sentido',
};

/** The diagnoses that name the fault schedule as {faults}. */
const WITH_FAULTS_ES: Catalogue = {
  'sending {n} messages through the proxy ({faults})': 'enviando {n} mensajes a través del proxy ({faults})',
  'waiting for the sender to deliver {n} messages through the proxy ({faults}) and exit': 'esperando a que el emisor entregara {n} mensajes a través del proxy ({faults}) y terminara',
  'the receiver exited ({exit}) during the transfer ({faults})': 'el receptor terminó ({exit}) durante la transferencia ({faults})',
  'message #{i} was printed {n} times ({faults})': 'el mensaje #{i} se imprimió {n} veces ({faults})',
  'message #{a} was printed after #{b} ({faults}): messages must be printed in sequence order': 'el mensaje #{a} se imprimió después del #{b} ({faults}): los mensajes deben imprimirse en orden de secuencia',
  'messages {list} were acknowledged but never printed ({faults})': 'los mensajes {list} se confirmaron pero nunca se imprimieron ({faults})',
  // listIndices with eight messages or fewer: the last one comes after "and"
  'messages {list} and #{last} were acknowledged but never printed ({faults})': 'los mensajes {list} y #{last} se confirmaron pero nunca se imprimieron ({faults})',
  'packet #{seq} was sent {n} times and never acknowledged, although the receiver printed it ({faults})': 'el paquete #{seq} se envió {n} veces y nunca se confirmó, aunque el receptor lo imprimió ({faults})',
  'packet #{seq} was sent {n} times and never acknowledged ({faults})': 'el paquete #{seq} se envió {n} veces y nunca se confirmó ({faults})',
  'the transfer did not finish in time: {acked} of {n} messages were acknowledged ({faults})': 'la transferencia no terminó a tiempo: se confirmaron {acked} de {n} mensajes ({faults})',
  'message #{i} was sent under {n} different sequence numbers, so it was delivered {m} times ({faults})':
    'el mensaje #{i} se envió con {n} números de secuencia distintos, así que se entregó {m} veces ({faults})',
  'after {ms} the sender was still running and {through} had got through ({faults}); packet #{n} {fate}': 'tras {ms} el emisor seguía en marcha y habían llegado {through} ({faults}); el paquete #{n} {fate}',
  'the sender exited ({exit}) when {through} had got through ({faults}); packet #{n} {fate}': 'el emisor terminó ({exit}) cuando habían llegado {through} ({faults}); el paquete #{n} {fate}',
  // "none of the n messages" is singular in Spanish, and takes "no"
  'after {ms} the sender was still running and none of the {m} messages had got through ({faults}); packet #{n} {fate}':
    'tras {ms} el emisor seguía en marcha y no había llegado ninguno de los {m} mensajes ({faults}); el paquete #{n} {fate}',
  'the sender exited ({exit}) when none of the {m} messages had got through ({faults}); packet #{n} {fate}':
    'el emisor terminó ({exit}) cuando no había llegado ninguno de los {m} mensajes ({faults}); el paquete #{n} {fate}',
};

/**
 * A schedule's words start with a number, which a placeholder keeps as data: so each diagnosis
 * is also written out per schedule.
 */
function perSchedule(): Catalogue {
  return Object.fromEntries(
    Object.entries(WITH_FAULTS_ES).flatMap(([en, es]) => Object.entries(SCHEDULES_ES).map(([faultsEn, faultsEs]) => [en.replace('{faults}', faultsEn), es.replace('{faults}', faultsEs)])),
  );
}

export const reliableUdp: Catalogue = {
  ...SCHEDULES_ES,
  ...WITH_FAULTS_ES,
  ...perSchedule(),
  'Reliable UDP: sequence numbers, ACKs and retransmission': 'UDP fiable: números de secuencia, ACK y retransmisión',
  'receiver {title}': 'receptor: {title}',
  'sender {title}': 'emisor: {title}',
  'delivers every message exactly once and in order over a clean path': 'entrega cada mensaje exactamente una vez y en orden por un camino limpio',
  'delivers every message exactly once and in order when 20 % of the datagrams are lost in each direction':
    'entrega cada mensaje exactamente una vez y en orden cuando se pierde el 20 % de los datagramas en cada sentido',
  'delivers every message exactly once when 25 % of the datagrams are duplicated': 'entrega cada mensaje exactamente una vez cuando se duplica el 25 % de los datagramas',
  'delivers every message exactly once and in order when 25 % of the datagrams are overtaken by the next one':
    'entrega cada mensaje exactamente una vez y en orden cuando el 25 % de los datagramas es adelantado por el siguiente',
  'delivers every message exactly once and in order with loss, duplication, reordering and delay together':
    'entrega cada mensaje exactamente una vez y en orden con pérdidas, duplicados, desorden y retardo a la vez',
  'with no receiver, gives up with a one-line message and a non-zero exit code (within give-up seconds, default 10)':
    'sin receptor, se rinde con un mensaje de una línea y un código de salida distinto de cero (en give-up segundos, 10 por defecto)',
  'count the retransmissions of a packet; after a bounded number (say 10) with no ACK, print one line saying the receiver does not answer and sys.exit(1)':
    'cuenta las retransmisiones de un paquete; tras un número limitado (digamos 10) sin ACK, imprime una línea diciendo que el receptor no responde y haz sys.exit(1)',
  // hints per scenario
  'every datagram is struct.pack("!IB", seq, tipo) + payload: seq counts messages from 0, tipo 0 for data and 1 for an ACK, which carries the sequence number of the packet it acknowledges; print each payload on its own line':
    'cada datagrama es struct.pack("!IB", seq, tipo) + datos: seq cuenta los mensajes desde 0, tipo es 0 para datos y 1 para un ACK, que lleva el número de secuencia del paquete que confirma; imprime cada dato en su propia línea',
  'every datagram is struct.pack("!IB", seq, tipo) + payload: seq counts messages from 0, tipo 0 for data and 1 for an ACK, which carries the sequence number of the packet it acknowledges; send message i as packet i and wait for its ACK':
    'cada datagrama es struct.pack("!IB", seq, tipo) + datos: seq cuenta los mensajes desde 0, tipo es 0 para datos y 1 para un ACK, que lleva el número de secuencia del paquete que confirma; envía el mensaje i como paquete i y espera su ACK',
  'an ACK can be lost too: when a packet you already delivered arrives again, ACK it again (the sender is still waiting) but do not print it again; a packet ahead of its turn must be kept until the gap is filled, or not ACKed':
    'un ACK también se puede perder: cuando vuelva a llegar un paquete que ya entregaste, confírmalo otra vez (el emisor sigue esperando) pero no lo imprimas de nuevo; un paquete que llega antes de su turno hay que guardarlo hasta que se rellene el hueco, o no confirmarlo',
  'keep the next sequence number you expect: a packet with a lower number was already delivered; ACK it again but do not print it':
    'guarda el siguiente número de secuencia que esperas: un paquete con un número menor ya se entregó; confírmalo otra vez pero no lo imprimas',
  'the sender keeps several packets in flight, so a packet may arrive before an earlier one: keep it (a dict seq -> payload) and print it when every earlier one has been printed, or do not ACK it so that it is resent':
    'el emisor tiene varios paquetes en vuelo, así que un paquete puede llegar antes que otro anterior: guárdalo (un dict seq -> datos) e imprímelo cuando se hayan impreso todos los anteriores, o no lo confirmes para que se reenvíe',
  'ACK every data packet you keep or already delivered, with its own sequence number; print a payload only when it is the next one expected, then every kept one that follows':
    'confirma con ACK cada paquete de datos que guardes o ya hayas entregado, con su propio número de secuencia; imprime unos datos solo cuando sean los siguientes esperados, y después todos los guardados que sigan',
  'after sending a packet wait for its ACK with a timeout (sock.settimeout(0.3)) and send the same packet, with the same sequence number, again when it expires':
    'después de enviar un paquete espera su ACK con un tiempo límite (sock.settimeout(0.3)) y, cuando venza, vuelve a enviar el mismo paquete con el mismo número de secuencia',
  'an ACK may arrive twice: only the ACK carrying the sequence number you are waiting for means that packet arrived':
    'un ACK puede llegar dos veces: solo el ACK con el número de secuencia que esperas significa que ese paquete llegó',
  'a late ACK of an earlier packet must not be taken for the ACK of the packet you are waiting for: compare its sequence number':
    'un ACK tardío de un paquete anterior no debe tomarse por el ACK del paquete que esperas: compara su número de secuencia',
  'resend a packet, with the same sequence number, until the ACK with that sequence number arrives; ignore any other ACK':
    'reenvía un paquete, con el mismo número de secuencia, hasta que llegue el ACK con ese número; ignora cualquier otro ACK',
  // fault schedules in words
  'no faults': 'sin fallos',
  // steps and evidence
  'waiting for the proxy to forward what it still holds': 'esperando a que el proxy reenviara lo que todavía retiene',
  'waiting for the receiver to print the messages': 'esperando a que el receptor imprimiera los mensajes',
  'waiting for the reference run to finish': 'esperando a que terminara la ejecución de referencia',
  'messages #0 to #{last} printed once each, in that order (#0 is {first})': 'los mensajes #0 a #{last} impresos una vez cada uno, en ese orden (#0 es {first})',
  'printed: {deliveries}': 'impresos: {deliveries}',
  'the {n} lines of {file} delivered once each, in order, then exit code 0 (line 1 is {first})': 'las {n} líneas de {file} entregadas una vez cada una, en orden, y después código de salida 0 (la línea 1 es {first})',
  'port {port} given with --port is in use by another program, so sockgrade cannot play the receiver there':
    'el puerto {port} indicado con --port lo usa otro programa, así que sockgrade no puede hacer de receptor ahí',
  '{direction} datagram {n} ({packet}): {what}': '{direction} datagrama {n} ({packet}): {what}',
  dropped: 'descartado',
  duplicated: 'duplicado',
  'held back behind the next one': 'retenido detrás del siguiente',
  'retransmission overhead: {who} sent {n} datagrams for {m} messages ({ratio} per message); {reference}':
    'sobrecoste de retransmisión: {who} envió {n} datagramas para {m} mensajes ({ratio} por mensaje); {reference}',
  'the reference run did not finish': 'la ejecución de referencia no terminó',
  'with the reference receiver and the same fault schedule it sent {n}': 'con el receptor de referencia y el mismo calendario de fallos envió {n}',
  'the reference sender, through the same fault schedule, sent {n}': 'el emisor de referencia, con el mismo calendario de fallos, envió {n}',
  '{n} ({ratio} per message)': '{n} ({ratio} por mensaje)',
  // receiver diagnoses
  'a receiver keeps running until it is stopped; its output below says why it ended': 'un receptor sigue en marcha hasta que lo paran; su salida más abajo dice por qué terminó',
  'the receiver printed {text}, which is not one of the messages sent': 'el receptor imprimió {text}, que no es ninguno de los mensajes enviados',
  'print only the payload of data packets (the bytes after the 5-byte header), decoded as UTF-8': 'imprime solo los datos de los paquetes de datos (los bytes tras la cabecera de 5 bytes), decodificados como UTF-8',
  'message #{i} was printed altered: {shown} instead of {line}': 'el mensaje #{i} se imprimió alterado: {shown} en vez de {line}',
  'the payload is everything after the 5-byte header (datos[5:]); receive with recvfrom(2048) or more and decode it as UTF-8':
    'los datos son todo lo que va tras la cabecera de 5 bytes (datos[5:]); recibe con recvfrom(2048) o más y decodifícalos como UTF-8',
  'a packet whose sequence number was already delivered is a retransmission or a duplicate: ACK it again, but do not print it again (and print a payload nowhere else, e.g. in a log line of what arrived)':
    'un paquete cuyo número de secuencia ya se entregó es una retransmisión o un duplicado: confírmalo otra vez, pero no lo vuelvas a imprimir (y no imprimas los datos en ningún otro sitio, p. ej. en una línea de registro de lo que llega)',
  'sockgrade keeps several packets in flight, so one may arrive ahead of an earlier one: keep it (a dict seq -> payload) and print it once every earlier one has been printed, or do not ACK it so that it is sent again':
    'sockgrade tiene varios paquetes en vuelo, así que uno puede llegar antes que otro anterior: guárdalo (un dict seq -> datos) e imprímelo cuando se hayan impreso todos los anteriores, o no lo confirmes para que se vuelva a enviar',
  'a receiver must never ACK a packet it then throws away: keep a packet that arrives ahead of its turn until the gap is filled, or do not ACK it (the sender will send it again)':
    'un receptor nunca debe confirmar un paquete que luego tira: guarda un paquete que llega antes de su turno hasta que se rellene el hueco, o no lo confirmes (el emisor lo volverá a enviar)',
  'an ACK carries sequence number {n}, which sockgrade never sent; read as little-endian it is {m}': 'un ACK lleva el número de secuencia {n}, que sockgrade nunca envió; leído como little-endian es {m}',
  'pack the header with "!IB": "!" is network byte order (big-endian), whatever the machine': 'empaqueta la cabecera con "!IB": "!" es el orden de bytes de red (big-endian), sea cual sea la máquina',
  'an ACK carries sequence number {n}, which sockgrade never sent': 'un ACK lleva el número de secuencia {n}, que sockgrade nunca envió',
  'an ACK carries the sequence number of the packet it acknowledges (not the next one expected)': 'un ACK lleva el número de secuencia del paquete que confirma (no el del siguiente esperado)',
  "sockgrade's sender never got a valid ACK: what came back is {packet}, the data packet itself, echoed":
    'el emisor de sockgrade nunca recibió un ACK válido: lo que volvió es {packet}, el propio paquete de datos, devuelto como eco',
  "sockgrade's sender never got a valid ACK: what came back is {packet}": 'el emisor de sockgrade nunca recibió un ACK válido: lo que volvió es {packet}',
  'the receiver never sent an ACK ({n} data packets sent)': 'el receptor nunca envió un ACK ({n} paquetes de datos enviados)',
  'answer each data packet with struct.pack("!IB", seq, 1): the same sequence number, type 1, sent to the address recvfrom() returned':
    'responde a cada paquete de datos con struct.pack("!IB", seq, 1): el mismo número de secuencia, tipo 1, enviado a la dirección que devolvió recvfrom()',
  'when an ACK is lost the sender sends the packet again: the receiver must ACK that duplicate again (without printing it)':
    'cuando se pierde un ACK el emisor vuelve a enviar el paquete: el receptor debe confirmar otra vez ese duplicado (sin imprimirlo)',
  // sender diagnoses
  'the sender crashed with a {name}': 'el emisor falló con un {name}',
  "the messages are in the file {file} in the sender's working folder; its name is also given as {{file}} in the command":
    'los mensajes están en el fichero {file}, en la carpeta de trabajo del emisor; su nombre también se da como {{file}} en la orden',
  'its last lines name the exception and the line that raised it': 'sus últimas líneas dicen la excepción y la línea que la lanzó',
  'datagrams arrived, but none is a data packet: the first is {packet}': 'llegaron datagramas, pero ninguno es un paquete de datos: el primero es {packet}',
  'the sender exited ({exit}) without any datagram reaching {address}': 'el emisor terminó ({exit}) sin que ningún datagrama llegara a {address}',
  'no datagram reached {address} within {ms}': 'ningún datagrama llegó a {address} en {ms}',
  'send to the host and port given as {{host}} {{port}} (or HOST/PORT); if your sender hard-codes its port, pass --port N':
    'envía al host y puerto que se dan como {{host}} {{port}} (o HOST/PORT); si tu emisor tiene el puerto fijo en el código, pasa --port N',
  'a data packet carries sequence number {n}; read as little-endian it is {m}': 'un paquete de datos lleva el número de secuencia {n}; leído como little-endian es {m}',
  'the sender never sent a data packet with sequence number 0; the lowest it used is {n}': 'el emisor nunca envió un paquete de datos con número de secuencia 0; el menor que usó es {n}',
  'each data packet is struct.pack("!IB", seq, 0) + the line encoded as UTF-8, with seq 0 for the first line, 1 for the next…':
    'cada paquete de datos es struct.pack("!IB", seq, 0) + la línea codificada en UTF-8, con seq 0 para la primera línea, 1 para la siguiente…',
  'number the messages from 0: {hint}': 'numera los mensajes desde 0: {hint}',
  'a data packet carried {text}, which is not one of the lines of {file}': 'un paquete de datos llevaba {text}, que no es ninguna de las líneas de {file}',
  'line {n} arrived altered: {shown} instead of {line}': 'la línea {n} llegó alterada: {shown} en vez de {line}',
  'the payload is the line without its line end: send linea.rstrip("\\n").encode()': 'los datos son la línea sin su fin de línea: envía linea.rstrip("\\n").encode()',
  'send the line encoded as UTF-8 (linea.encode()), after the 5-byte header': 'envía la línea codificada en UTF-8 (linea.encode()), tras la cabecera de 5 bytes',
  'a retransmission repeats the packet with the same sequence number; only a new message takes the next number':
    'una retransmisión repite el paquete con el mismo número de secuencia; solo un mensaje nuevo lleva el número siguiente',
  'message #{a} was delivered after #{b}: sequence numbers must follow the order of the lines': 'el mensaje #{a} se entregó después del #{b}: los números de secuencia deben seguir el orden de las líneas',
  'none of the {n} messages': 'ninguno de los {n} mensajes',
  'only {m} of the {n} messages': 'solo {m} de los {n} mensajes',
  'was never sent': 'nunca se envió',
  'was sent once and every copy was lost on the way: it must be sent again until its ACK arrives': 'se envió una vez y todas las copias se perdieron por el camino: hay que reenviarlo hasta que llegue su ACK',
  'was sent {n} times and every copy was lost on the way: it must be sent again until its ACK arrives': 'se envió {n} veces y todas las copias se perdieron por el camino: hay que reenviarlo hasta que llegue su ACK',
  'every message got through, but the sender was still running {ms} after it started': 'llegaron todos los mensajes, pero el emisor seguía en marcha {ms} después de arrancar',
  'exit once the ACK of the last message has arrived': 'termina en cuanto llegue el ACK del último mensaje',
  'every message got through, but the sender ended with {exit}': 'llegaron todos los mensajes, pero el emisor terminó con {exit}',
  'exit with code 0 when every message was acknowledged': 'termina con código 0 cuando se hayan confirmado todos los mensajes',
  'sockgrade\'s sender': 'el emisor de sockgrade',
  // contract and parameters, as sockgrade list shows them
  'The receiver. Binds UDP host:port. Every datagram is a 5-byte header struct.pack("!IB", seq, type) (uint32 sequence number, big-endian; type 0 data, 1 ack) followed by the payload; messages are numbered from 0. It answers every data packet it keeps, or has already delivered, with an ACK to the sender\'s address: the header with the same sequence number and type 1. It prints each payload (UTF-8 text) on its own line, exactly once and in sequence order. The sender may have several packets in flight (parameter window), so a packet can arrive ahead of its turn: keep it until the gap is filled, or drop it without ACKing it; never ACK a packet you then throw away. Other datagrams are ignored.':
    'El receptor. Se enlaza a host:port por UDP. Cada datagrama es una cabecera de 5 bytes struct.pack("!IB", seq, type) (número de secuencia uint32, big-endian; tipo 0 datos, 1 ack) seguida de los datos; los mensajes se numeran desde 0. Responde a cada paquete de datos que guarda, o que ya entregó, con un ACK a la dirección del emisor: la cabecera con el mismo número de secuencia y tipo 1. Imprime cada dato (texto UTF-8) en su propia línea, exactamente una vez y en orden de secuencia. El emisor puede tener varios paquetes en vuelo (parámetro window), así que un paquete puede llegar antes de su turno: guárdalo hasta que se llene el hueco, o descártalo sin confirmarlo con un ACK; nunca confirmes un paquete que luego tires. Los demás datagramas se ignoran.',
  'The sender. Reads the messages, one per line (UTF-8, without the line end), from the file named by {{file}} in its command, which is in its working folder (parameter input, default mensajes.txt). Sends line i as the data packet struct.pack("!IB", i, 0) + line (first line 0) to {{host}}:{{port}}, and sends it again, with the same number, whenever the ACK with that sequence number (type 1) does not arrive within a timeout (0.2-0.5 s); any other ACK is ignored. Stop-and-wait or a window are both fine; one empty data packet after the last message is allowed as an end marker. Exits with code 0 once every message is acknowledged; with no receiver, gives up after a bounded number of retransmissions with a one-line message and a non-zero exit code.':
    'El emisor. Lee los mensajes, uno por línea (UTF-8, sin el fin de línea), del fichero que nombra {{file}} en su orden, que está en su carpeta de trabajo (parámetro input, por defecto mensajes.txt). Envía la línea i como el paquete de datos struct.pack("!IB", i, 0) + línea (la primera línea es la 0) a {{host}}:{{port}}, y la vuelve a enviar, con el mismo número, siempre que el ACK con ese número de secuencia (tipo 1) no llegue antes de un plazo (0,2-0,5 s); cualquier otro ACK se ignora. Vale tanto parada y espera como una ventana; se admite un paquete de datos vacío tras el último mensaje como marca de final. Termina con código 0 cuando todos los mensajes están confirmados; sin receptor, se rinde tras un número limitado de retransmisiones con un mensaje de una línea y un código distinto de cero.',
  "name of the messages file placed in the sender's working folder (also given as {{file}})":
    'nombre del fichero de mensajes que se coloca en la carpeta de trabajo del emisor (también se da como {{file}})',
  'packets sockgrade keeps in flight when it is the sender (1: stop-and-wait; then a receiver without a reordering buffer is not caught)':
    'paquetes que sockgrade mantiene en vuelo cuando hace de emisor (1: parada y espera; entonces no se detecta un receptor sin búfer de reordenación)',
  'seconds within which a sender with no receiver must give up':
    'segundos en los que un emisor sin receptor debe rendirse',
  // the reference's count starts with a number, which a placeholder keeps as data: written out whole
  'with the reference receiver and the same fault schedule it sent {n} ({ratio} per message)': 'con el receptor de referencia y el mismo calendario de fallos envió {n} ({ratio} por mensaje)',
  'the reference sender, through the same fault schedule, sent {n} ({ratio} per message)': 'el emisor de referencia, con el mismo calendario de fallos, envió {n} ({ratio} por mensaje)',
  // listIndices: the first messages, then how many more
  '{list} and {n} more': '{list} y {n} más',
  // who sent, in the retransmission overhead line
  'your sender': 'tu emisor',
  // what a receiver delivered, and how the sender ended
  'delivered: {list}; the sender ended with {exit}': 'entregado: {list}; el emisor terminó con {exit}',
  'delivered: {list}; the sender was still running': 'entregado: {list}; el emisor seguía en marcha',
  'delivered: nothing; the sender ended with {exit}': 'no se entregó nada; el emisor terminó con {exit}',
  'delivered: nothing; the sender was still running': 'no se entregó nada; el emisor seguía en marcha',
};

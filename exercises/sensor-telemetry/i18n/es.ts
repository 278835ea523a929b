/** Spanish for D5 `sensor-telemetry`. */
import type { Catalogue } from '../../../harness/authoring.js';
import { PERIOD_LIMITS, TELEMETRY_MANIFEST } from '../manifest.js';

/** Braces of a text used as an exact key or value are literal: doubled, as the catalogue wants them. */
const lit = (text: string): string => text.replace(/[{}]/g, '$&$&');

/** The manifest's description in Spanish (TELEMETRY_MANIFEST in ../manifest.ts). */
const MANIFEST_ES =
  'El protocolo se declara en el objeto "telemetry" del sockgrade.json de la entrega (grade --manifest sockgrade.json): ' +
  '"format": una cadena de formato de struct de Python para una lectura, p. ej. "!BIfH" (orden de bytes @ = < > !, con @ los tamaños y la alineación nativos de Linux x86-64); ' +
  '"fields": un nombre por valor, p. ej. ["sensor", "seq", "value", "battery"]; ' +
  '"sensor_field": el campo que dice de qué sensor viene una lectura (por defecto "sensor"); ' +
  '"ranges": valores admitidos por nombre de campo, [min, max] para números, una lista de textos para campos c/s/p, p. ej. {"sensor": [1, 3], "value": [-40, 1100]}; ' +
  `"period": segundos entre lecturas (de ${PERIOD_LIMITS[0]} a ${PERIOD_LIMITS[1]}); ` +
  '"reply": la respuesta del servidor a cada lectura, {"format": "!IB", "fields": ["seq", "status"]}, donde un campo que se llama como un campo de la lectura lleva el valor de esa lectura y los demás son del propio servidor (dentro de "ranges" cuando aparecen allí); con el parámetro reply=none el servidor no responde nada y "reply" se omite (o vale "none"); ' +
  '"request" (solo con el parámetro model=pull): la petición del servidor de una lectura, {"format": "!I", "fields": ["seq"]}, donde un campo que se llama como un campo de la lectura pide ese valor (la lectura que contesta lo lleva) y los demás son libres (dentro de "ranges" cuando aparecen allí); ' +
  '"framing" (solo TCP): "fixed" (por defecto: registros de calcsize(format) bytes uno tras otro) o "length-prefix" (cada registro, cada respuesta y cada petición precedidos de su longitud en bytes empaquetada con "prefix", p. ej. "!H"); por UDP cada datagrama es exactamente un registro. ' +
  'El transporte es el parámetro transport (tcp por defecto): una entrega UDP escribe "params": {"transport": "udp"} en sockgrade.json; "telemetry.transport", si aparece, debe decir lo mismo. ' +
  'Quién marca el ritmo es el parámetro model: push (por defecto) el cliente envía una lectura cada periodo; pull el servidor envía una petición cada "period" segundos y el cliente contesta cada petición con exactamente una lectura y no envía ninguna sin que se la pidan, salvo por UDP la primera, que le dice al servidor su dirección (el servidor pide desde entonces a la dirección de la que vino); "telemetry.model", si aparece, debe decir lo mismo. ' +
  'Si el servidor responde lo dice el parámetro reply: format (por defecto) una respuesta por lectura, none ninguna respuesta (y el cliente no espera ninguna). ' +
  'Ejemplos completos: reference/sensor-telemetry/sockgrade.json (TCP, prefijo de longitud), sockgrade-udp.json, sockgrade-pull.json (TCP, pull), sockgrade-none.json (TCP, sin respuesta) y sockgrade-udp-pull-none.json.';

/**
 * The rows of the overhead table: overheadTable() pads every label to the longest one, so each
 * row is a pattern of its padded label and the columns; the Spanish label takes the same width,
 * which keeps the columns aligned.
 */
function overheadRows(rows: Readonly<Record<string, string>>): Catalogue {
  const width = Math.max(...Object.keys(rows).map((label) => label.length));
  return Object.fromEntries(Object.entries(rows).map(([en, es]) => [`${en.padEnd(width)}  {columns}`, `${es.padEnd(width)}  {columns}`]));
}

/**
 * Entries whose English starts with how many readings arrived (`no reading`, `only 1 reading`,
 * `only 3 readings`): the Spanish verb agrees with that count, so each gets a singular entry for
 * none and for one next to the plural one.
 */
function agreeingWithCount(plural: Readonly<Record<string, string>>): Catalogue {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(plural)) {
    for (const [got, es] of [
      ['no reading', 'no llegó ninguna lectura'],
      ['only 1 reading', 'solo llegó 1 lectura'],
    ] as const) {
      out[key.replace('{got} arrived', `${got} arrived`).replace('{got} could be', `${got} could be`)] = value
        .replace('{got} llegaron', es)
        .replace('{got} se pudieron sacar', es === 'no llegó ninguna lectura' ? 'no se pudo sacar ninguna lectura' : 'solo se pudo sacar 1 lectura');
    }
    out[key] = value;
  }
  return out;
}

export const sensorTelemetry: Catalogue = {
  'Periodic sensor readings in a self-declared binary protocol, over TCP or UDP': 'Lecturas periódicas de sensores en un protocolo binario declarado por la entrega, por TCP o UDP',
  "answers every reading with one reply of the declared format, carrying the reading's echoed fields": 'responde a cada lectura con una respuesta del formato declarado, que devuelve los campos de la lectura',
  'answer every reading with one reply, struct.pack(reply format, ...), on the same connection (TCP) or to the address recvfrom() returned for it (UDP)':
    'responde a cada lectura con una respuesta, struct.pack(formato de respuesta, ...), por la misma conexión (TCP) o a la dirección que devolvió recvfrom() para ella (UDP)',
  'answers readings that arrive coalesced in one write or cut into pieces (TCP is a byte stream)': 'responde a lecturas que llegan juntas en una escritura o cortadas en trozos (TCP es un flujo de bytes)',
  'one recv() is not one record: keep the bytes received in a buffer, and while it holds a whole record (calcsize(format) bytes, after the length prefix if any) take it out and answer it; recv again when it does not':
    'un recv() no es un registro: guarda los bytes recibidos en un búfer y, mientras contenga un registro entero (calcsize(formato) bytes, tras el prefijo de longitud si lo hay), sácalo y respóndelo; vuelve a hacer recv cuando no',
  'sends a reading every declared period, without drift': 'envía una lectura cada periodo declarado, sin deriva',
  'sends a reading every declared period, without drift (least-squares fit over the readings)': 'envía una lectura cada periodo declarado, sin deriva (ajuste por mínimos cuadrados de las lecturas)',
  'keep a schedule instead of sleeping the period after the work: next_time = time.monotonic() before the loop, then each turn next_time += period; time.sleep(max(0, next_time - time.monotonic()))':
    'lleva un horario en vez de dormir el periodo después del trabajo: next_time = time.monotonic() antes del bucle, y en cada vuelta next_time += period; time.sleep(max(0, next_time - time.monotonic()))',
  'keep a schedule instead of sleeping the period after the work: siguiente = time.monotonic(); then each turn siguiente += periodo; time.sleep(max(0, siguiente - time.monotonic()))':
    'lleva un horario en vez de dormir el periodo después del trabajo: siguiente = time.monotonic(); y en cada vuelta siguiente += periodo; time.sleep(max(0, siguiente - time.monotonic()))',
  'every reading decodes with the declared format, within the declared ranges, from several sensors': 'cada lectura se decodifica con el formato declarado, dentro de los rangos declarados, de varios sensores',
  'pack each reading with the very format string declared in sockgrade.json (byte order included) and values in the declared units and ranges':
    'empaqueta cada lectura con la misma cadena de formato declarada en sockgrade.json (orden de bytes incluido) y con valores en las unidades y rangos declarados',
  'sends each reading in its own datagram, holding exactly one record': 'envía cada lectura en su propio datagrama, con exactamente un registro',
  'one sendto() per reading, with exactly struct.pack(format, ...): UDP keeps datagram boundaries, so the server takes one reading per recvfrom()':
    'un sendto() por lectura, con exactamente struct.pack(formato, ...): UDP respeta los límites de los datagramas, así que el servidor toma una lectura por cada recvfrom()',
  'bytes on the wire per reading, UDP next to TCP (informational)': 'bytes en la red por lectura, UDP junto a TCP (informativa)',
  "the figures come from the client's readings measured against the declared format: send whole records of that format":
    'las cifras salen de las lecturas del cliente medidas con el formato declarado: envía registros enteros de ese formato',
  // replies
  'a reply of format {format} ({size}) answering {shown}': 'una respuesta de formato {format} ({size}) a {shown}',
  'before answering {label}': 'antes de responder a {label}',
  'the reply carries the same length prefix as the readings: the length of the reply record in bytes': 'la respuesta lleva el mismo prefijo de longitud que las lecturas: la longitud del registro de respuesta en bytes',
  'no reply to {label} within {ms}': 'ninguna respuesta a {label} en {ms}',
  'waiting for the reply to {label}': 'esperando la respuesta a {label}',
  'sending readings #{a}-#{b} {how}': 'enviando las lecturas #{a}-#{b} ({how})',
  'sent together in one write': 'enviadas juntas en una sola escritura',
  'sent 1 to 3 bytes at a time': 'enviadas de 1 a 3 bytes cada vez',
  'sent in two writes cut in the middle of the second reading': 'enviadas en dos escrituras cortadas en mitad de la segunda lectura',
  'readings #{a}-#{b} ({n} bytes) were {how}, and the server answered {k} of them ({why})': 'las lecturas #{a}-#{b} ({n} bytes) fueron {how}, y el servidor respondió a {k} de ellas ({why})',
  'it printed a {name}': 'imprimió un {name}',
  'it exited ({exit})': 'terminó ({exit})',
  'the "telemetry" section of sockgrade.json is described with the exercise sensor-telemetry in the README; give the file with --manifest sockgrade.json':
    'la sección "telemetry" de sockgrade.json se describe con el ejercicio sensor-telemetry en el README; indica el fichero con --manifest sockgrade.json',
  'send each reading as struct.pack(format, ...) with the format declared in sockgrade.json, to the host and port given as {{host}} {{port}} (or HOST/PORT); a client that hard-codes its port needs --port N':
    'envía cada lectura como struct.pack(formato, ...) con el formato declarado en sockgrade.json, al host y puerto que se dan como {{host}} {{port}} (o HOST/PORT); un cliente con el puerto fijo en el código necesita --port N',
  'make the client send values within the ranges declared in sockgrade.json (telemetry.ranges), in the units declared, or correct the ranges':
    'haz que el cliente envíe valores dentro de los rangos declarados en sockgrade.json (telemetry.ranges), en las unidades declaradas, o corrige los rangos',
  'read as {other} every reading is within range: the byte order the client packs with is not the one sockgrade.json declares ({format}); use the same format string on both sides':
    'leídas como {other} todas las lecturas están dentro de rango: el orden de bytes con el que empaqueta el cliente no es el que declara sockgrade.json ({format}); usa la misma cadena de formato en los dos lados',
  'after readings #{a}-#{b} were {how}': 'después de que las lecturas #{a}-#{b} fueran {how}',
  'readings #{a}-#{b} ({n} bytes) were {how}, and the server answered {k} of them within {ms}': 'las lecturas #{a}-#{b} ({n} bytes) fueron {how}, y el servidor respondió a {k} de ellas en {ms}',
  '{n} replies of format {format}': '{n} respuestas de formato {format}',
  'read as {other} the reply is right: pack it with the byte order declared in telemetry.reply.format ({format})':
    'leída como {other} la respuesta es correcta: empaquétala con el orden de bytes declarado en telemetry.reply.format ({format})',
  "a reply field named like a reading field carries that reading's value (that is how the client knows which reading is answered): unpack the reading and pack its {name} into the reply":
    'un campo de la respuesta que se llama como un campo de la lectura lleva el valor de esa lectura (así sabe el cliente qué lectura se responde): desempaqueta la lectura y mete su {name} en la respuesta',
  // the declared protocol
  'sockgrade.json: {text}': 'sockgrade.json: {text}',
  'no protocol declared: this exercise decodes the protocol the submission declares in its sockgrade.json, and none was given (pass --manifest sockgrade.json)':
    'no se declaró ningún protocolo: este ejercicio decodifica el protocolo que la entrega declara en su sockgrade.json, y no se dio ninguno (pasa --manifest sockgrade.json)',
  'declare in sockgrade.json the format the client really packs': 'declara en sockgrade.json el formato que el cliente empaqueta de verdad',
  // readings
  'waiting for {n} readings from the client (one every {period} s)': 'esperando {n} lecturas del cliente (una cada {period} s)',
  ...agreeingWithCount({
    '{got} arrived at {where}: the client crashed with a {name}': '{got} llegaron a {where}: el cliente falló con un {name}',
    '{got} could be cut out of what the client sent: {odd}': '{got} se pudieron sacar de lo que envió el cliente: {odd}',
    '{got} arrived at {where}, after {n} bytes that do not complete a record of format {format} ({size} bytes); sockgrade needs {need} (parameter readings) and {ended}':
      '{got} llegaron a {where}, después de {n} bytes que no completan un registro de formato {format} ({size} bytes); sockgrade necesita {need} (parámetro readings) y {ended}',
    '{got} arrived at {where}, after {n} bytes that do not complete a record of format {format} ({size} bytes) and {ended}':
      '{got} llegaron a {where}, después de {n} bytes que no completan un registro de formato {format} ({size} bytes), y {ended}',
    '{got} arrived at {where}; sockgrade needs {need} (parameter readings) and {ended}': '{got} llegaron a {where}; sockgrade necesita {need} (parámetro readings) y {ended}',
    '{got} arrived at {where} and {ended}': '{got} llegaron a {where} y {ended}',
  }),
  'no reply to {label} ({why})': 'ninguna respuesta a {label} ({why})',
  'reading #{i} ({shown})': 'lectura #{i} ({shown})',
  'reading what the client sent just before it exited': 'leyendo lo que envió el cliente justo antes de terminar',
  'no reading': 'ninguna lectura',
  'only {n} readings': 'solo {n} lecturas',
  'only 1 reading': 'solo 1 lectura',
  'the client exited ({exit})': 'el cliente terminó ({exit})',
  'the client was still running after {ms}': 'el cliente seguía en marcha después de {ms}',
  'keep sending a reading every {period} s (at least {need} readings; running until stopped is fine)': 'sigue enviando una lectura cada {period} s (al menos {need} lecturas; vale seguir en marcha hasta que te paren)',
  'the readings drift: {line}; every interval is {ms} too long': 'las lecturas tienen deriva: {line}; cada intervalo dura {ms} de más',
  'the client sleeps the period after doing its work (reading the sensor, sending, waiting for the reply), so each interval also holds that work and the error piles up; keep a schedule: next_time += period; time.sleep(max(0, next_time - time.monotonic()))':
    'el cliente duerme el periodo después de hacer su trabajo (leer el sensor, enviar, esperar la respuesta), así que cada intervalo incluye también ese trabajo y el error se acumula; lleva un horario: next_time += period; time.sleep(max(0, next_time - time.monotonic()))',
  'the readings come too often: {line}': 'las lecturas llegan demasiado a menudo: {line}',
  'wait the declared period between readings, or declare in sockgrade.json the period the client keeps': 'espera el periodo declarado entre lecturas, o declara en sockgrade.json el periodo que sigue el cliente',
  '{bad} of {n} readings have a field outside its declared range; the first, reading #{i} ({via}), decodes as {record}: {name} = {value} is outside {range}':
    '{bad} de {n} lecturas tienen un campo fuera de su rango declarado; la primera, la lectura #{i} ({via}), se decodifica como {record}: {name} = {value} está fuera de {range}',
  'reading #{i}: {body} ({n} bytes)': 'lectura #{i}: {body} ({n} bytes)',
  'format {format}, fields {fields}; ranges {ranges}': 'formato {format}, campos {fields}; rangos {ranges}',
  'what the client sent is not whole records of the declared format: {odd}': 'lo que envió el cliente no son registros enteros del formato declarado: {odd}',
  'all {n} readings come from one sensor ({seen}): the client must send readings of several sensor types': 'las {n} lecturas vienen de un solo sensor ({seen}): el cliente debe enviar lecturas de varios tipos de sensor',
  'vary the field "{field}" (telemetry.sensor_field): e.g. take turns between temperature, humidity and pressure, or pick the sensor at random each time':
    'varía el campo "{field}" (telemetry.sensor_field): p. ej. alterna entre temperatura, humedad y presión, o elige el sensor al azar cada vez',
  '{n} readings decoded within range: {seen}': '{n} lecturas decodificadas dentro de rango: {seen}',
  'datagram #{i} of the client holds {what}': 'el datagrama #{i} del cliente contiene {what}',
  'datagram sizes: {sizes} bytes': 'tamaños de los datagramas: {sizes} bytes',
  '{size} bytes each': '{size} bytes cada uno',
  '{n} datagrams of {size} bytes': '{n} datagramas de {size} bytes',
  'nothing to measure: {reason}': 'nada que medir: {reason}',
  "the bytes per reading cannot be measured against the declared format, since the client's traffic is not whole records of it: {odd}":
    'los bytes por lectura no se pueden medir con el formato declarado, porque el tráfico del cliente no son registros enteros de él: {odd}',
  // contract and parameters, as sockgrade list shows them
  'Speaks the protocol declared in the "telemetry" section of sockgrade.json (described in the server\'s contract). Client: sends readings to {{host}}:{{port}} (or HOST/PORT; course port 10001), one every "period" seconds on a schedule that does not drift (the period measured over its first readings must be within 10 % of the declared one, parameter tolerance), with random values within the declared ranges and from several sensors (the sensor field takes at least two values). Over TCP it uses one connection (or one per reading), framed as declared; over UDP one reading per datagram, exactly one record each. It reads the reply to each reading (with reply=none there is none, and it does not wait for one) and keeps sending until it is stopped (sockgrade watches the first readings, parameter readings, default 8). With model=pull it keeps no period of its own: over TCP it opens one connection, over UDP it sends one first reading unasked; then it answers each request of the server with one reading at once (within half the period, at least 300 ms), carrying the values of the request fields named like reading fields, and sends no reading unasked (sockgrade asks at irregular intervals around the period).':
    'Habla el protocolo declarado en la sección "telemetry" de sockgrade.json (descrito en el contrato del servidor). Cliente: envía lecturas a {{host}}:{{port}} (o HOST/PORT; puerto del curso 10001), una cada "period" segundos según un calendario que no se desvía (el periodo medido en sus primeras lecturas debe quedar a menos de un 10 % del declarado, parámetro tolerance), con valores aleatorios dentro de los rangos declarados y de varios sensores (el campo del sensor toma al menos dos valores). Por TCP usa una conexión (o una por lectura), con las tramas declaradas; por UDP una lectura por datagrama, exactamente un registro en cada uno. Lee la respuesta a cada lectura (con reply=none no hay ninguna, y no la espera) y sigue enviando hasta que se le detiene (sockgrade observa las primeras lecturas, parámetro readings, 8 por defecto). Con model=pull no lleva periodo propio: por TCP abre una conexión, por UDP envía una primera lectura sin que se la pidan; después contesta cada petición del servidor con una lectura en el acto (en menos de la mitad del periodo, y al menos 300 ms), con los valores de los campos de la petición que se llaman como campos de la lectura, y no envía ninguna lectura sin que se la pidan (sockgrade pide a intervalos irregulares en torno al periodo).',
  'the version graded: tcp or udp (a submission usually sets it in sockgrade.json: "params": {{"transport": "udp"}})':
    'la versión que se corrige: tcp o udp (una entrega suele fijarla en sockgrade.json: "params": {{"transport": "udp"}})',
  'readings of the client watched by each client check':
    'lecturas del cliente que observa cada comprobación del cliente',
  'allowed error of the measured period, as a fraction of the declared period (never under 30 ms)':
    'error admitido en el periodo medido, como fracción del periodo declarado (nunca menos de 30 ms)',
  // the server's contract, which opens with the manifest (its braces are literal, hence lit())
  [lit(`${TELEMETRY_MANIFEST} Server: over TCP it listens on host:port and serves one client connection after another until the client closes it; readings arrive framed as declared, and one recv() may return part of a reading or several (keep a buffer). Over UDP it binds host:port; each datagram is one reading, from any client. For every reading it decodes, it sends one reply packed with reply.format: on the same connection with the same framing (TCP), or as one datagram to the address the reading came from (UDP); with reply=none it sends nothing back and keeps taking readings. With model=pull it asks: every "period" seconds on a schedule it keeps, one request packed with request.format, on each client connection (TCP) or to the address of each client's first reading (UDP); its reply to a reading comes before its next request.`)]:
    lit(`${MANIFEST_ES} Servidor: por TCP escucha en host:port y atiende una conexión de cliente tras otra hasta que el cliente la cierra; las lecturas llegan con las tramas declaradas, y un recv() puede devolver parte de una lectura o varias (guarda un búfer). Por UDP se enlaza a host:port; cada datagrama es una lectura, de cualquier cliente. Por cada lectura que decodifica envía una respuesta empaquetada con reply.format: por la misma conexión y con las mismas tramas (TCP), o en un datagrama a la dirección de la que vino la lectura (UDP); con reply=none no devuelve nada y sigue recibiendo lecturas. Con model=pull pide: cada "period" segundos, según un calendario que mantiene, una petición empaquetada con request.format, por cada conexión de cliente (TCP) o a la dirección de la primera lectura de cada cliente (UDP); su respuesta a una lectura llega antes que su siguiente petición.`),
  // the period check's note and the overhead table (see ../overhead.ts)
  'measured period {period} (median, over every pair of the {n} readings, of time apart ÷ readings apart), declared {declared} ± {tol}':
    'periodo medido {period} (mediana, sobre cada par de las {n} lecturas, de la separación en tiempo ÷ la separación en lecturas), declarado {declared} ± {tol}',
  'intervals between arrivals: {list} s': 'intervalos entre llegadas: {list} s',
  'the submission uses TCP (parameter transport=tcp), where records travel in a stream, not in datagrams':
    'la entrega usa TCP (parámetro transport=tcp), donde los registros viajan en un flujo, no en datagramas',
  'the submission uses UDP (parameter transport=udp), where each datagram is one record and there is no stream to cut':
    'la entrega usa UDP (parámetro transport=udp), donde cada datagrama es un registro y no hay flujo que cortar',
  'bytes per reading ({sizes}); headers: {headers}:': 'bytes por lectura ({sizes}); cabeceras: {headers}:',
  'record {record} B, reply {reply} B': 'registro {record} B, respuesta {reply} B',
  'record {record} B + length prefix {prefix} B, reply {reply} B + {prefix2} B': 'registro {record} B + prefijo de longitud {prefix} B, respuesta {reply} B + {prefix2} B',
  'IPv4 {ip}, UDP {udp}, TCP {tcp} (20 + timestamps option)': 'IPv4 {ip}, UDP {udp}, TCP {tcp} (20 + opción de marcas de tiempo)',
  'IPv4 {ip}, UDP {udp}, TCP {tcp} (20 + timestamps option) (assumed: Linux default)': 'IPv4 {ip}, UDP {udp}, TCP {tcp} (20 + opción de marcas de tiempo) (supuesto: lo normal en Linux)',
  'IPv4 {ip}, UDP {udp}, TCP {tcp} (assumed: Linux default)': 'IPv4 {ip}, UDP {udp}, TCP {tcp} (supuesto: lo normal en Linux)',
  ...overheadRows({
    'request: payload + headers': 'petición: datos + cabeceras',
    'bare ACK of the reading': 'ACK suelto de la lectura',
    'reading: payload + headers': 'lectura: datos + cabeceras',
    'reply: payload + headers': 'respuesta: datos + cabeceras',
    'bare ACK of the reply': 'ACK suelto de la respuesta',
    'connection set-up + close': 'conexión: apertura + cierre',
    'bytes on the wire per reading': 'bytes en la red por lectura',
    'measured on the wire': 'medido en la red',
    'payload share': 'proporción de datos',
  }),
  'your client: {n} readings over 1 TCP connection, {bytes} bytes of payload; the UDP column is one datagram per reading':
    'tu cliente: {n} lecturas por 1 conexión TCP, {bytes} bytes de datos; la columna UDP es un datagrama por lectura',
  'your client: {n} readings over {k} TCP connections, {bytes} bytes of payload; the UDP column is one datagram per reading':
    'tu cliente: {n} lecturas por {k} conexiones TCP, {bytes} bytes de datos; la columna UDP es un datagrama por lectura',
  'your client: {n} readings in {d} datagrams, {bytes} bytes of payload; the TCP column is the same readings over one connection':
    'tu cliente: {n} lecturas en {d} datagramas, {bytes} bytes de datos; la columna TCP son las mismas lecturas por una sola conexión',
  'TCP counted as: one segment per record and per reply (the reply carries the ACK of the record), one bare ACK of the reply, and per connection SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK; Ethernet framing not counted':
    'TCP contado como: un segmento por registro y por respuesta (la respuesta lleva el ACK del registro), un ACK suelto de la respuesta, y por conexión SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK; sin contar las tramas Ethernet',
  "measured on the wire (the run's capture from the client's first packet to its connections' close, IP headers included, Ethernet framing not): {per} bytes per reading over {transport}: {packets} packets ({data} carrying data, {bare} bare), {bytes} bytes for {n} readings":
    'medido en la red (la captura de la ejecución desde el primer paquete del cliente hasta el cierre de sus conexiones, con cabeceras IP, sin tramas Ethernet): {per} bytes por lectura por {transport}: {packets} paquetes ({data} con datos, {bare} sueltos), {bytes} bytes para {n} lecturas',
  'stopping the client, so that the capture holds its connections from set-up to close': 'parando el cliente, para que la captura contenga sus conexiones de la apertura al cierre',
  // what a datagram of the wrong size holds: it starts with a number, which a placeholder keeps as data
  'datagram #{i} of the client holds {n} records of {size} bytes': 'el datagrama #{i} del cliente contiene {n} registros de {size} bytes',
  'datagram #{i} of the client holds {n} bytes, while a record of format {format} is {size} bytes': 'el datagrama #{i} del cliente contiene {n} bytes, cuando un registro de formato {format} tiene {size} bytes',
  'measured again: sockgrade or the client waited {ms} for a CPU while the readings arrived': 'medido de nuevo: sockgrade o el cliente esperaron {ms} a una CPU mientras llegaban las lecturas',
  // model=pull and reply=none
  'who sets the pace: push (the client sends a reading every period) or pull (the server sends a request every period and the client answers it); a submission sets it in sockgrade.json: "params": {{"model": "pull"}}':
    'quién marca el ritmo: push (el cliente envía una lectura cada periodo) o pull (el servidor envía una petición cada periodo y el cliente la contesta); una entrega lo fija en sockgrade.json: "params": {{"model": "pull"}}',
  'the server\'s answer to each reading: format (one reply of the declared telemetry.reply format) or none (no reply: servers that do not answer); a submission sets it in sockgrade.json: "params": {{"reply": "none"}}':
    'la respuesta del servidor a cada lectura: format (una respuesta del formato declarado en telemetry.reply) o none (sin respuesta: servidores que no contestan); una entrega lo fija en sockgrade.json: "params": {{"reply": "none"}}',
  'asks for a reading every declared period, with requests of the declared format (model=pull)': 'pide una lectura cada periodo declarado, con peticiones del formato declarado (model=pull)',
  'under model=pull the server sends a request (struct.pack of telemetry.request.format) every "period" seconds: over TCP on each client connection, over UDP to the address the client\'s first reading came from':
    'con model=pull el servidor envía una petición (struct.pack de telemetry.request.format) cada "period" segundos: por TCP en cada conexión de cliente, por UDP a la dirección de la que vino la primera lectura del cliente',
  'takes readings in, whole, coalesced or cut into pieces, without answering and without stopping (reply=none)': 'recibe lecturas, enteras, juntas o cortadas en trozos, sin responder y sin detenerse (reply=none)',
  'with reply=none the server sends nothing back: it takes each reading in (over TCP from a buffer, since one recv() is not one record) and keeps running':
    'con reply=none el servidor no devuelve nada: recibe cada lectura (por TCP desde un búfer, porque un recv() no es un registro) y sigue en marcha',
  'answers every request of the server with one reading, at once, and sends none unasked (model=pull)': 'contesta cada petición del servidor con una lectura, en el acto, y no envía ninguna sin que se la pidan (model=pull)',
  'under model=pull: loop on recv() of a request (a whole one: calcsize(request format) bytes, after the length prefix if any), then send the one reading that answers it':
    'con model=pull: un bucle que hace recv() de una petición (entera: calcsize(formato de petición) bytes, tras el prefijo de longitud si lo hay) y después envía la lectura que la contesta',
  '{label} decodes as {values}: {name} = {value} is outside its declared range {range}': '{label} se decodifica como {values}: {name} = {value} está fuera de su rango declarado {range}',
  '{label} is {n} bytes ({hex}), but a request of format {format} is {size} bytes': '{label} tiene {n} bytes ({hex}), pero una petición de formato {format} tiene {size} bytes',
  'request #{k} of the server': 'la petición #{k} del servidor',
  'the reply to {label}: {problem}': 'la respuesta a {label}: {problem}',
  'the server sends the reply to a reading before its next request, each framed as declared': 'el servidor envía la respuesta a una lectura antes de su siguiente petición, cada una con las tramas declaradas',
  'request #{k}: {problem}': 'petición #{k}: {problem}',
  'no request from the server ({why})': 'ninguna petición del servidor ({why})',
  'no request from the server within {ms}': 'ninguna petición del servidor en {ms}',
  'no request #{k} from the server (it had asked {n} times) ({why})': 'ninguna petición #{k} del servidor (había pedido {n} veces) ({why})',
  'no request #{k} from the server (it had asked {n} times) within {ms}': 'ninguna petición #{k} del servidor (había pedido {n} veces) en {ms}',
  'no request #{k} from the server (it had asked 1 time) ({why})': 'ninguna petición #{k} del servidor (había pedido 1 vez) ({why})',
  'no request #{k} from the server (it had asked 1 time) within {ms}': 'ninguna petición #{k} del servidor (había pedido 1 vez) en {ms}',
  'the reading answering request #{k} ({shown})': 'la lectura que contesta la petición #{k} ({shown})',
  'the first reading ({shown}), which tells the server where to ask': 'la primera lectura ({shown}), que le dice al servidor adónde pedir',
  'answer every reading with one reply, before the next request': 'responde a cada lectura con una respuesta, antes de la siguiente petición',
  'waiting for request #{k} of the server': 'esperando la petición #{k} del servidor',
  'sending a first reading, unasked, so that the server learns the address to ask': 'enviando una primera lectura, sin que la pidan, para que el servidor sepa a qué dirección pedir',
  'the server sent {n} bytes {ms} after {label}, but under reply=none it answers nothing (and its next request was not due yet)':
    'el servidor envió {n} bytes {ms} después de {label}, pero con reply=none no responde nada (y aún no tocaba su siguiente petición)',
  'with reply=none the server only takes the readings in: send nothing back (or declare the reply in sockgrade.json and grade with reply=format)':
    'con reply=none el servidor solo recibe las lecturas: no devuelvas nada (o declara la respuesta en sockgrade.json y corrige con reply=format)',
  'the server sent {n} bytes to {where}, but under reply=none it answers nothing': 'el servidor envió {n} bytes a {where}, pero con reply=none no responde nada',
  'the server stopped taking readings {when} ({why})': 'el servidor dejó de recibir lecturas {when} ({why})',
  'one recv() is not one record: keep the bytes received in a buffer, and while it holds a whole record take it out and decode it':
    'un recv() no es un registro: guarda los bytes recibidos en un búfer y, mientras contenga un registro entero, sácalo y decodifícalo',
  'after the readings': 'después de las lecturas',
  'on connection #2, opened after client #1 closed its own': 'en la conexión #2, abierta después de que el cliente #1 cerrara la suya',
  'sending reading #{i} on connection #1': 'enviando la lectura #{i} por la conexión #1',
  'sending reading #{i} on connection #2, opened after client #1 closed its own': 'enviando la lectura #{i} por la conexión #2, abierta después de que el cliente #1 cerrara la suya',
  'sending reading #{i} from {who}': 'enviando la lectura #{i} desde {who}',
  'measured asking period {period} (median, over every pair of the {n} requests, of time apart ÷ requests apart), declared {declared} ± {tol}':
    'periodo de petición medido {period} (mediana, sobre cada par de las {n} peticiones, de la separación en tiempo ÷ la separación en peticiones), declarado {declared} ± {tol}',
  'intervals between requests: {list} s': 'intervalos entre peticiones: {list} s',
  'the requests drift: {line}': 'las peticiones tienen deriva: {line}',
  'the server asks too often: {line}': 'el servidor pide demasiado a menudo: {line}',
  'keep a schedule for the requests: next_time += period; time.sleep(max(0, next_time - time.monotonic())), instead of sleeping the period after each exchange':
    'lleva un horario para las peticiones: next_time += period; time.sleep(max(0, next_time - time.monotonic())), en vez de dormir el periodo después de cada intercambio',
  'wait the declared period between requests (after an answer arrives, the next request waits for its time), or declare in sockgrade.json the period the server keeps':
    'espera el periodo declarado entre peticiones (cuando llega una respuesta, la siguiente petición espera a su hora), o declara en sockgrade.json el periodo que sigue el servidor',
  'measured again: sockgrade or the server waited {ms} for a CPU while the requests arrived': 'medido de nuevo: sockgrade o el servidor esperaron {ms} a una CPU mientras llegaban las peticiones',
  '{got} arrived at {where}; sockgrade needs {need} (parameter readings), and the client, still running, sent nothing more: it seems to wait for a reply, but under reply=none the server sends none':
    '{got} llegaron a {where}; sockgrade necesita {need} (parámetro readings), y el cliente, aún en marcha, no envió nada más: parece que espera una respuesta, pero con reply=none el servidor no envía ninguna',
  'with reply=none the client does not recv() after sending: it only sends a reading every period (a client that waits for a reply blocks forever on the first one)':
    'con reply=none el cliente no hace recv() después de enviar: solo envía una lectura cada periodo (un cliente que espera una respuesta se queda bloqueado para siempre en la primera)',
  '{label} arrived unasked: by then sockgrade had sent {asked} requests and received {n} readings': '{label} llegó sin que se pidiera: para entonces sockgrade había enviado {asked} peticiones y recibido {n} lecturas',
  '{label} arrived unasked: by then sockgrade had sent 0 requests and received {n} readings': '{label} llegó sin que se pidiera: para entonces sockgrade no había enviado ninguna petición y había recibido {n} lecturas',
  '{label} arrived unasked: by then sockgrade had sent 1 request and received {n} readings': '{label} llegó sin que se pidiera: para entonces sockgrade había enviado 1 petición y recibido {n} lecturas',
  'reading #{i} ({via}, {values})': 'lectura #{i} ({via}, {values})',
  'under model=pull the client sends one reading per request and none of its own: loop on recv() of a request, then send the reading that answers it':
    'con model=pull el cliente envía una lectura por petición y ninguna por su cuenta: un bucle que hace recv() de una petición y después envía la lectura que la contesta',
  'under model=pull the client sends one reading per request and none of its own (over UDP, except its first one, which tells the server its address): loop on recv() of a request, then send the reading that answers it':
    'con model=pull el cliente envía una lectura por petición y ninguna por su cuenta (por UDP, salvo la primera, que le dice al servidor su dirección): un bucle que hace recv() de una petición y después envía la lectura que la contesta',
  '{label} came {ms} after request #{k} ({shown}), more than the {limit} an answer may take: sockgrade asks at irregular intervals around the period, and the client seems to keep a schedule of its own instead of answering':
    '{label} llegó {ms} después de la petición #{k} ({shown}), más de los {limit} que puede tardar una respuesta: sockgrade pide a intervalos irregulares en torno al periodo, y el cliente parece seguir un calendario propio en vez de contestar',
  'answer each request as soon as it arrives: the server sets the pace, so the client does not sleep between readings':
    'contesta cada petición en cuanto llega: el servidor marca el ritmo, así que el cliente no duerme entre lecturas',
  '{label} answers request #{k} ({shown}), which asked for {name}={asked}, but it carries {name2}={got}': '{label} contesta la petición #{k} ({shown}), que pedía {name}={asked}, pero lleva {name2}={got}',
  'a request field named like a reading field asks for that value: unpack the request and put its {name} in the reading':
    'un campo de la petición que se llama como un campo de la lectura pide ese valor: desempaqueta la petición y pon su {name} en la lectura',
  'the client answered {n} of {k} requests and then nothing more, still running': 'el cliente contestó {n} de {k} peticiones y después nada más, aún en marcha',
  'the client answered {n} of {k} requests and then nothing more, still running: under reply=none a client that waits for a reply after each reading takes the next request for it':
    'el cliente contestó {n} de {k} peticiones y después nada más, aún en marcha: con reply=none un cliente que espera una respuesta después de cada lectura toma la siguiente petición por ella',
  'after sending a reading, go back to waiting for the next request': 'después de enviar una lectura, vuelve a esperar la siguiente petición',
  '{n} requests answered, each within {ms}': '{n} peticiones contestadas, cada una en {ms} como mucho',
  "{n} requests answered, each within {ms}, after a first reading that gave the client's address": '{n} peticiones contestadas, cada una en {ms} como mucho, después de una primera lectura que dio la dirección del cliente',
  'asking the client for a reading every {period} s, until {n} readings arrived': 'pidiendo al cliente una lectura cada {period} s, hasta que lleguen {n} lecturas',
  // reasons a check does not apply
  'the protocol has no reply (parameter reply=none): telemetry.server-no-reply checks that the server sends none':
    'el protocolo no tiene respuesta (parámetro reply=none): telemetry.server-no-reply comprueba que el servidor no envía ninguna',
  'under model=pull one reading travels per request, so readings never arrive coalesced': 'con model=pull viaja una lectura por petición, así que las lecturas nunca llegan juntas',
  'the protocol has no reply (parameter reply=none), so sockgrade cannot tell which readings the server decoded: telemetry.server-no-reply sends readings coalesced and cut into pieces and checks that the server keeps running':
    'el protocolo no tiene respuesta (parámetro reply=none), así que sockgrade no puede saber qué lecturas decodificó el servidor: telemetry.server-no-reply envía lecturas juntas y cortadas en trozos y comprueba que el servidor sigue en marcha',
  "the client sets the pace (parameter model=push): the server does not ask; telemetry.period judges the client's period":
    'el cliente marca el ritmo (parámetro model=push): el servidor no pide; telemetry.period juzga el periodo del cliente',
  'the protocol has a reply (parameter reply=format): telemetry.server-reply judges it': 'el protocolo tiene respuesta (parámetro reply=format): telemetry.server-reply la juzga',
  'the server sets the pace (parameter model=pull): telemetry.pull-answers judges how the client answers each request, and telemetry.server-asks the period of a server':
    'el servidor marca el ritmo (parámetro model=pull): telemetry.pull-answers juzga cómo contesta el cliente cada petición, y telemetry.server-asks el periodo de un servidor',
  "the client sets the pace (parameter model=push): nobody asks, telemetry.period judges the client's period":
    'el cliente marca el ritmo (parámetro model=push): nadie pide, telemetry.period juzga el periodo del cliente',
  // the overhead table under model=pull and reply=none
  'record {record} B, no reply': 'registro {record} B, sin respuesta',
  'record {record} B + length prefix {prefix} B, no reply': 'registro {record} B + prefijo de longitud {prefix} B, sin respuesta',
  'record {record} B, reply {reply} B, request {request} B': 'registro {record} B, respuesta {reply} B, petición {request} B',
  'record {record} B, no reply, request {request} B': 'registro {record} B, sin respuesta, petición {request} B',
  'record {record} B + length prefix {prefix} B, reply {reply} B + {prefix2} B, request {request} B + {prefix3} B':
    'registro {record} B + prefijo de longitud {prefix} B, respuesta {reply} B + {prefix2} B, petición {request} B + {prefix3} B',
  'record {record} B + length prefix {prefix} B, no reply, request {request} B + {prefix2} B': 'registro {record} B + prefijo de longitud {prefix} B, sin respuesta, petición {request} B + {prefix2} B',
  'TCP counted as: one segment per message (each carries the ACK of the one before), one bare ACK of the last message of each exchange, and per connection SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK; Ethernet framing not counted':
    'TCP contado como: un segmento por mensaje (cada uno lleva el ACK del anterior), un ACK suelto del último mensaje de cada intercambio, y por conexión SYN, SYN-ACK, ACK, FIN, ACK, FIN, ACK; sin contar las tramas Ethernet',
  'datagram #{i} holds {n} bytes, which is not a whole number of {size}-byte records of format {format} ({hex})':
    'el datagrama #{i} trae {n} bytes, que no son un número entero de registros de {size} bytes del formato {format} ({hex})',
  // how a reading came: on which connection, or from which address
  'connection #{n}': 'conexión #{n}',
  'address {key}': 'dirección {key}',
  // the first reading, unasked
  '{label} arrived unasked: by then sockgrade had sent 0 requests and received 1 reading': '{label} llegó sin que se pidiera: para entonces sockgrade no había enviado ninguna petición y había recibido 1 lectura',
  '{label} arrived unasked: by then sockgrade had sent 1 request and received 1 reading': '{label} llegó sin que se pidiera: para entonces sockgrade había enviado 1 petición y recibido 1 lectura',
  '{label} arrived unasked: by then sockgrade had sent {asked} requests and received 1 reading': '{label} llegó sin que se pidiera: para entonces sockgrade había enviado {asked} peticiones y recibido 1 lectura',
  'reading #{i} from client {name} ({shown})': 'lectura #{i} del cliente {name} ({shown})',
};

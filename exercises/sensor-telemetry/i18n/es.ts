/** Spanish for D5 `sensor-telemetry`. */
import type { Catalogue } from '../../../harness/authoring.js';

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
  '{got} arrived at {where}: the client crashed with a {name}': '{got} llegaron a {where}: el cliente falló con un {name}',
  '{got} could be cut out of what the client sent: {odd}': '{got} se pudieron sacar de lo que envió el cliente: {odd}',
  '{got} arrived at {where}, after {n} bytes that do not complete a record of format {format} ({size} bytes); sockgrade needs {need} (parameter readings) and {ended}':
    '{got} llegaron a {where}, después de {n} bytes que no completan un registro de formato {format} ({size} bytes); sockgrade necesita {need} (parámetro readings) y {ended}',
  '{got} arrived at {where}, after {n} bytes that do not complete a record of format {format} ({size} bytes) and {ended}':
    '{got} llegaron a {where}, después de {n} bytes que no completan un registro de formato {format} ({size} bytes), y {ended}',
  '{got} arrived at {where}; sockgrade needs {need} (parameter readings) and {ended}': '{got} llegaron a {where}; sockgrade necesita {need} (parámetro readings) y {ended}',
  '{got} arrived at {where} and {ended}': '{got} llegaron a {where} y {ended}',
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
};

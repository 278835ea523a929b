/** Spanish for B3 `group-chat`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const groupChat: Catalogue = {
  'Group chat: nicknames, broadcast, leaving, password and idle expulsion': 'Chat de grupo: apodos, difusión, salidas, contraseña y expulsión por inactividad',
  'asks each new client for a nickname and announces it to everyone in the chat': 'pide un apodo a cada cliente nuevo y lo anuncia a todos los del chat',
  'relays every line as "<nick>: <text>" to every member, exactly once': 'reenvía cada línea como "<apodo>: <texto>" a cada miembro, exactamente una vez',
  'for every line received, build "<apodo>: <texto>\\n" and sendall() it to each client in the list (the sender included when echo-sender is on)':
    'por cada línea recibida, arma "<apodo>: <texto>\\n" y mándala con sendall() a cada cliente de la lista (incluido el remitente si echo-sender está activado)',
  "loses nothing and keeps each sender's order when many members send many lines at once (20 × 50)":
    'no pierde nada y mantiene el orden de cada remitente cuando muchos miembros envían muchas líneas a la vez (20 × 50)',
  'announces members who leave (quit word, crash, close) and keeps serving the others': 'anuncia a los miembros que se van (palabra de salida, fallo, cierre) y sigue atendiendo a los demás',
  'when recv() fails or returns b"", or the line is the quit word: remove the client from the list (under the lock), close it, and announce to the others that it left; a send() to a client that is gone must only remove that client':
    'cuando recv() falle o devuelva b"", o la línea sea la palabra de salida: quita al cliente de la lista (con el cerrojo), ciérralo y anuncia a los demás que se ha ido; un send() a un cliente que ya no está solo debe quitar a ese cliente',
  'when recv() fails or returns b"", or the line is "{quit}": remove the client from the list (under the lock), close it, and announce "<apodo> {leave}"; a send() to a client that is gone must only remove that client':
    'cuando recv() falle o devuelva b"", o la línea sea "{quit}": quita al cliente de la lista (con el cerrojo), ciérralo y anuncia "<apodo> {leave}"; un send() a un cliente que ya no está solo debe quitar a ese cliente',
  'asks for the password first, turns away a wrong one, lets the right one in': 'pide primero la contraseña, rechaza una incorrecta y deja pasar la correcta',
  'send a password prompt, compare the line received with the password; if it is wrong, send an error line and close that connection':
    'envía una petición de contraseña y compara la línea recibida con la contraseña; si no es correcta, envía una línea de error y cierra esa conexión',
  'expels a silent member between `idle` and `idle` + tolerance seconds, telling it; keeps an active one': 'expulsa a un miembro callado entre `idle` e `idle` + tolerancia segundos, avisándole; mantiene a uno activo',
  "keep the time of each member's last message; every second (select() timeout, or a timer thread) expel those silent for idle seconds: send them a line saying so, close, remove and announce":
    'guarda la hora del último mensaje de cada miembro; cada segundo (tiempo límite de select(), o un hilo temporizador) expulsa a los que lleven idle segundos callados: envíales una línea diciéndolo, cierra, quítalos y anúncialo',
  'answers the nickname prompt with the nickname typed, and prints who joins': 'responde a la petición de apodo con el apodo tecleado e imprime quién entra',
  'prints what the others say while waiting for the user, and sends each typed line as one line': 'imprime lo que dicen los demás mientras espera al usuario, y envía cada línea tecleada como una línea',
  'typing the quit word leaves the chat and ends the client, with exit code 0': 'teclear la palabra de salida deja el chat y termina el cliente, con código de salida 0',
  'when the user types the quit word: send it, close the socket and end the program (make the reader thread a daemon, or let it end when recv() returns b"")':
    'cuando el usuario teclee la palabra de salida: envíala, cierra el socket y termina el programa (haz que el hilo lector sea daemon, o deja que acabe cuando recv() devuelva b"")',
  'when the user types "{quit}": send it, close the socket and end the program (make the reader thread a daemon, or let it end when recv() returns b"")':
    'cuando el usuario teclee "{quit}": envíalo, cierra el socket y termina el programa (haz que el hilo lector sea daemon, o deja que acabe cuando recv() devuelva b"")',
  'read the socket in its own thread (threading.Thread(target=recibir).start()) that prints every line as it arrives, while the main thread waits in input()':
    'lee el socket en su propio hilo (threading.Thread(target=recibir).start()) que imprima cada línea según llega, mientras el hilo principal espera en input()',
  // burst
  '{n} members sending {k} lines each, all at once': '{n} miembros enviando {k} líneas cada uno, todos a la vez',
  'waiting for every member to receive the {n} lines of the others': 'esperando a que cada miembro recibiera las {n} líneas de los demás',
  'during a burst of {n} × {k} messages': 'durante una ráfaga de {n} × {k} mensajes',
  '{bad} of {n} members did not get every message of the burst in order ({m} members sent {k} lines each at the same time)':
    '{bad} de {n} miembros no recibieron todos los mensajes de la ráfaga en orden ({m} miembros enviaron {k} líneas cada uno a la vez)',
  "every member gets the {k} lines of each of the other {n} members as \"<apodo>: {mark} …\", each sender's lines in the order sent, within {ms}":
    'cada miembro recibe las {k} líneas de cada uno de los otros {n} miembros como "<apodo>: {mark} …", las de cada remitente en el orden de envío, en {ms}',
  'one recv() may hold several lines, or part of one: keep a buffer per client, add what recv() returns, and relay each complete line (up to "\\n") on its own, leaving the rest in the buffer':
    'un recv() puede traer varias líneas, o parte de una: guarda un búfer por cliente, añade lo que devuelva recv() y reenvía cada línea completa (hasta "\\n") por separado, dejando el resto en el búfer',
  "send each line to every member with sendall() (send() may write only part), never drop a line when several clients write at once, and keep each sender's lines in order":
    'envía cada línea a cada miembro con sendall() (send() puede escribir solo una parte), no pierdas nunca una línea cuando escriben varios clientes a la vez y mantén en orden las líneas de cada remitente',
  '{nick} missed {n} of {total} (the server closed its connection) ({detail})': 'a {nick} le faltaron {n} de {total} (el servidor cerró su conexión) ({detail})',
  '{nick} missed {n} of {total} ({detail})': 'a {nick} le faltaron {n} de {total} ({detail})',
  '{nick} missed 1 of {total} (the server closed its connection) ({detail})': 'a {nick} le faltó 1 de {total} (el servidor cerró su conexión) ({detail})',
  '{nick} missed 1 of {total} ({detail})': 'a {nick} le faltó 1 de {total} ({detail})',
  '{nick} got some out of order ({detail})': '{nick} recibió algunas desordenadas ({detail})',
  // broadcast
  'waiting for {nick} to get {line}': 'esperando a que {nick} recibiera {line}',
  'waiting for every member to get every message': 'esperando a que cada miembro recibiera cada mensaje',
  'while members were chatting': 'mientras los miembros charlaban',
  '{n} members each sent one line: {summary}': '{n} miembros enviaron una línea cada uno: {summary}',
  "no sender got its own message back, although echo-sender is on (the course's server sends every message to every member, the sender included)":
    'ningún remitente recibió de vuelta su propio mensaje, aunque echo-sender está activado (el servidor del curso envía cada mensaje a todos los miembros, remitente incluido)',
  'every sender got its own message twice': 'cada remitente recibió su propio mensaje dos veces',
  '{n} deliveries went wrong': '{n} entregas salieron mal',
  '… and {n} more': '… y {n} más',
  'each line, e.g. {line}, exactly once to every member, its sender included': 'cada línea, p. ej. {line}, exactamente una vez a cada miembro, incluido su remitente',
  'each line, e.g. {line}, exactly once to every member except its sender': 'cada línea, p. ej. {line}, exactamente una vez a cada miembro salvo a su remitente',
  'send each line once per member: a loop over all clients already includes the sender': 'envía cada línea una vez por miembro: un bucle sobre todos los clientes ya incluye al remitente',
  'do not skip the sender in the loop that relays the line (or set --param echo-sender=off if your statement says so)':
    'no te saltes al remitente en el bucle que reenvía la línea (o usa --param echo-sender=off si tu enunciado lo dice)',
  // leaving
  'a new member joins and a member who stayed speaks': 'entra un miembro nuevo y habla un miembro que se quedó',
  'after members left': 'después de que se fueran unos miembros',
  'after members left ({a} with {quit}, {b} by resetting, {c} by closing)': 'después de que se fueran unos miembros ({a} con {quit}, {b} cortando con RST, {c} cerrando)',
  'after members left ({a} with {quit}, {b} by resetting its connection, {c} by closing it), the server disconnected members who were still in the chat: {who}':
    'después de que se fueran unos miembros ({a} con {quit}, {b} cortando su conexión con RST, {c} cerrándola), el servidor desconectó a miembros que seguían en el chat: {who}',
  '{line} relayed, and {nick} joining normally': '{line} reenviada, y {nick} entrando con normalidad',
  '{line} relayed': '{line} reenviada',
  'a broadcast that sends to a client that has gone raises an error: catch it per client, remove that client from the list, and go on with the others (and remove clients as soon as their recv() fails or returns b"")':
    'una difusión que envía a un cliente que ya no está lanza un error: captúralo por cliente, quita ese cliente de la lista y sigue con los demás (y quita a los clientes en cuanto su recv() falle o devuelva b"")',
  'after members left ({a} with {quit}, {b} by resetting its connection, {c} by closing it), {n} things went wrong':
    'después de que se fueran unos miembros ({a} con {quit}, {b} cortando su conexión con RST, {c} cerrándola), {n} cosas salieron mal',
  'after members left ({a} with {quit}, {b} by resetting its connection, {c} by closing it), {n} thing went wrong':
    'después de que se fueran unos miembros ({a} con {quit}, {b} cortando su conexión con RST, {c} cerrándola), {n} cosa salió mal',
  "\"<apodo> {leave}\" sent to the members left, the quitter's connection closed, the chat going on":
    '"<apodo> {leave}" enviado a los miembros que quedan, la conexión del que se va cerrada y el chat siguiendo',
  '{nick} was not told {line} after {who} {how}': 'a {nick} no le llegó {line} después de que {who} {how}',
  '{nick} did not get {line}': '{nick} no recibió {line}',
  "the server did not close {nick}'s connection within {ms} after it sent {quit}": 'el servidor no cerró la conexión de {nick} en {ms} después de que enviara {quit}',
  'a new member could not join after the others left: {reason}': 'un miembro nuevo no pudo entrar después de que se fueran los demás: {reason}',
  'sent "{quit}"': 'enviara "{quit}"',
  // password
  'waiting for the password prompt': 'esperando la petición de contraseña',
  'the server asked for a nickname without asking for the password first': 'el servidor pidió un apodo sin pedir antes la contraseña',
  'a password prompt first': 'primero una petición de contraseña',
  'while a client waited for the password prompt': 'mientras un cliente esperaba la petición de contraseña',
  'the server sent no password prompt within {ms} after a client connected': 'el servidor no envió ninguna petición de contraseña en {ms} después de que se conectara un cliente',
  'a line asking for the password': 'una línea que pida la contraseña',
  'waiting for the server to turn the wrong password away': 'esperando a que el servidor rechazara la contraseña incorrecta',
  'the server accepted the wrong password {wrong}: it asked for a nickname': 'el servidor aceptó la contraseña incorrecta {wrong}: pidió un apodo',
  'an error line, then the connection closed': 'una línea de error, y después la conexión cerrada',
  'after a wrong password': 'después de una contraseña incorrecta',
  'after the wrong password {wrong} the server did not close the connection within {ms}': 'tras la contraseña incorrecta {wrong} el servidor no cerró la conexión en {ms}',
  '{data}, connection still open': '{data}, conexión todavía abierta',
  'nothing, connection still open': 'nada, conexión todavía abierta',
  'after the wrong password the server closed the connection without telling the client why': 'tras la contraseña incorrecta el servidor cerró la conexión sin decirle al cliente por qué',
  'an error line (e.g. "contraseña incorrecta") before closing': 'una línea de error (p. ej. "contraseña incorrecta") antes de cerrar',
  'nothing before the close': 'nada antes del cierre',
  'after turning a wrong password away': 'después de rechazar una contraseña incorrecta',
  'after turning a wrong password away, clients with the right password could not join: {reason}': 'después de rechazar una contraseña incorrecta, los clientes con la contraseña correcta no pudieron entrar: {reason}',
  // idle
  '{nick} stays silent while {other} speaks every {ms}': '{nick} se queda callado mientras {other} habla cada {ms}',
  'while a member was silent': 'mientras un miembro estaba callado',
  'the server expelled {nick}, who had sent a line every {ms}, {after} after it joined': 'el servidor expulsó a {nick}, que había enviado una línea cada {ms}, {after} después de entrar',
  '{nick} stays: it was never silent for {idle}': '{nick} se queda: nunca estuvo callado {idle}',
  'closed after its last line, {ms} of silence': 'cerrada después de su última línea, con {ms} de silencio',
  "the idle time counts from the member's last message, not from when it joined: update the time every time a line arrives":
    'el tiempo de inactividad cuenta desde el último mensaje del miembro, no desde que entró: actualiza la hora cada vez que llegue una línea',
  '{nick} was still connected {ms} after its last line, silent all that time (idle is {idle})': '{nick} seguía conectado {ms} después de su última línea, callado todo ese tiempo (idle es {idle})',
  'still connected': 'sigue conectado',
  'the server expelled {nick} after {ms} of silence, before {idle}': 'el servidor expulsó a {nick} tras {ms} de silencio, antes de {idle}',
  'the server expelled {nick} after {ms} of silence, later than {idle} + {tol} tolerance': 'el servidor expulsó a {nick} tras {ms} de silencio, más tarde que {idle} + {tol} de tolerancia',
  'the server expelled {nick} on time but without telling it why': 'el servidor expulsó a {nick} a tiempo pero sin decirle por qué',
  'a line saying it was expelled for inactivity, then the connection closed': 'una línea diciendo que fue expulsado por inactividad, y después la conexión cerrada',
  'the server rightly expelled {nick} after {ms} of silence (idle is {idle}) before this check was over: the machine was too slow for so short an idle; grade with a larger --param idle':
    'el servidor expulsó con razón a {nick} tras {ms} de silencio (idle es {idle}) antes de que acabara esta comprobación: la máquina iba demasiado lenta para un idle tan corto; corrige con un --param idle mayor',
  'the server expelled {nick}, who had been silent for {ms} (idle is {idle}), because sockgrade was too slow to speak for it in time':
    'el servidor expulsó a {nick}, que llevaba {ms} en silencio (idle es {idle}), porque sockgrade fue demasiado lento para hablar por él a tiempo',
  // joining
  'waiting for the password prompt (member {nick})': 'esperando la petición de contraseña (miembro {nick})',
  'the server asked {nick} for a nickname without asking for the password first': 'el servidor pidió un apodo a {nick} sin pedir antes la contraseña',
  'a password prompt first (the exercise is graded with --param password=…)': 'primero una petición de contraseña (el ejercicio se corrige con --param password=…)',
  'send a prompt asking for the password, read the answer, compare it, and only then send the nickname prompt':
    'envía una petición de contraseña, lee la respuesta, compárala y solo después envía la petición de apodo',
  'waiting for the nickname prompt (member {nick})': 'esperando la petición de apodo (miembro {nick})',
  'while {nick} was joining': 'mientras {nick} entraba',
  '{what} did not arrive within {ms} after {after} (member {nick})': '{what} no llegó en {ms} después de {after} (miembro {nick})',
  '{what} never came: the server reset the connection after {after} (member {nick})': '{what} no llegó nunca: el servidor cortó la conexión (RST) después de {after} (miembro {nick})',
  '{what} never came: the server closed the connection after {after} (member {nick})': '{what} no llegó nunca: el servidor cerró la conexión después de {after} (miembro {nick})',
  'the nickname prompt {prompt}': 'la petición de apodo {prompt}',
  'the password prompt {prompt}': 'la petición de contraseña {prompt}',
  'sending the right password': 'enviar la contraseña correcta',
  connecting: 'conectarse',
  'right after accept(), send the prompt (e.g. conn.sendall(b"{prompt}\\n")) and read the answer': 'justo después de accept(), envía la petición (p. ej. conn.sendall(b"{prompt}\\n")) y lee la respuesta',
  'waiting for {n} members to hear {announcement}': 'esperando a que {n} miembros oyeran {announcement}',
  'after {nick} joined': 'después de que entrara {nick}',
  'no member already in the chat received {announcement} within {ms} after {nick} gave its nickname': 'ningún miembro que ya estaba en el chat recibió {announcement} en {ms} después de que {nick} diera su apodo',
  '{who} already in the chat did not receive {announcement} within {ms} after {nick} gave its nickname': '{who} que ya estaban en el chat no recibieron {announcement} en {ms} después de que {nick} diera su apodo',
  'a line {announcement} sent to every member': 'una línea {announcement} enviada a cada miembro',
  '{nick} received: {tail}': '{nick} recibió: {tail}',
  'after reading the nickname (strip its newline), send "<apodo> {join}\\n" to every client in the list':
    'después de leer el apodo (quítale el salto de línea), envía "<apodo> {join}\\n" a cada cliente de la lista',
  'while members were joining': 'mientras entraban los miembros',
  'the members could not join the chat, so this could not be judged (chat.join-announced says why): {reason}':
    'los miembros no pudieron entrar al chat, así que esto no se pudo juzgar (chat.join-announced dice por qué): {reason}',
  // client
  'waiting for the client to send its nickname': 'esperando a que el cliente enviara su apodo',
  'the client did not send the nickname {nick} (typed at its prompt) after the server asked for it with {prompt}':
    'el cliente no envió el apodo {nick} (tecleado al pedírselo) después de que el servidor lo pidiera con {prompt}',
  '{data} (no newline)': '{data} (sin salto de línea)',
  'nothing; the client printed: {out}': 'nada; el cliente imprimió: {out}',
  "the server's prompt arrives as a line: compare data.decode().strip() == \"{prompt}\" (not the raw bytes), then send the nickname followed by \"\\n\"":
    'la petición del servidor llega como una línea: compara data.decode().strip() == "{prompt}" (no los bytes tal cual) y después envía el apodo seguido de "\\n"',
  'the client answered the nickname prompt with {first} instead of the nickname typed, {nick}': 'el cliente respondió a la petición de apodo con {first} en vez del apodo tecleado, {nick}',
  'the client did not join the chat, so this could not be judged (chat.join-announced says why): {reason}':
    'el cliente no entró al chat, así que esto no se pudo juzgar (chat.join-announced dice por qué): {reason}',
  'waiting for the client to print {line}': 'esperando a que el cliente imprimiera {line}',
  'the client crashed with a {name} when {line} arrived': 'el cliente falló con un {name} cuando llegó {line}',
  'the client did not print {line}, which arrived {when} (it was blocked in input(), not reading the socket)':
    'el cliente no imprimió {line}, que llegó {when} (estaba bloqueado en input(), sin leer del socket)',
  'the client did not print {line}, which arrived {when}': 'el cliente no imprimió {line}, que llegó {when}',
  '{line} printed within {ms}': '{line} impreso en {ms}',
  'waiting for the typed line on the wire': 'esperando la línea tecleada en la red',
  'the client did not send the typed line as it was typed': 'el cliente no envió la línea tecleada tal como se tecleó',
  'send only the text: the server puts "<apodo>: " in front of it when it relays the line': 'envía solo el texto: el servidor le pone delante "<apodo>: " cuando reenvía la línea',
  'send exactly what input() returned, then "\\n"': 'envía exactamente lo que devolvió input(), y después "\\n"',
  'waiting for {quit} on the wire, or the connection closed': 'esperando {quit} en la red, o el cierre de la conexión',
  'after {quit} was typed the client sent {said}': 'después de teclear {quit} el cliente envió {said}',
  '{quit}, or the connection closed': '{quit}, o la conexión cerrada',
  'waiting for the client to end after {quit}': 'esperando a que el cliente terminara después de {quit}',
  'the client was still running {ms} after {quit} was typed (it neither sent it nor closed the connection): it asked for another line':
    'el cliente seguía en marcha {ms} después de teclear {quit} (ni lo envió ni cerró la conexión): pidió otra línea',
  'the client was still running {ms} after {quit} was typed (it neither sent it nor closed the connection)':
    'el cliente seguía en marcha {ms} después de teclear {quit} (ni lo envió ni cerró la conexión)',
  'the client was still running {ms} after {quit} was typed: it asked for another line': 'el cliente seguía en marcha {ms} después de teclear {quit}: pidió otra línea',
  'the client leaves the chat and exits': 'el cliente deja el chat y termina',
  'the client crashed with a {name} when it left the chat': 'el cliente falló con un {name} al dejar el chat',
  'the client ended with {exit} after {quit}': 'el cliente terminó con {exit} después de {quit}',
  'exit code 0: leaving the chat is a normal end': 'código de salida 0: dejar el chat es un final normal',
  'the client did not send the nickname "{nick}" (typed at its prompt) right after connecting; this server sends no prompt (nick-prompt is empty)':
    'el cliente no envió el apodo "{nick}" (tecleado en su pregunta) nada más conectarse; este servidor no pregunta nada (nick-prompt está vacío)',
  'send the nickname followed by "\\n" as soon as the connection is made, without waiting for anything from the server':
    'envía el apodo seguido de "\\n" en cuanto se establezca la conexión, sin esperar nada del servidor',
  'parameter relay must contain {{text}} (where the message goes), got "{relay}"': 'el parámetro relay debe contener {{text}} (donde va el mensaje), y es "{relay}"',
  'no password is set (--param password=<the password your server asks for>)': 'no hay contraseña (--param password=<la contraseña que pide tu servidor>)',
  '{what}, then the connection was closed': '{what}, y después se cerró la conexión',
  'while the client was waiting for the user to type': 'mientras el cliente esperaba a que el usuario escribiera',
  'after the client had joined': 'después de que el cliente entrara',
  'after the client had sent a line': 'después de que el cliente enviara una línea',
  // contract and parameters, as sockgrade list shows them
  'Line-based UTF-8 over TCP. Asks each client for a password (when `password` is set) and a nickname (`intr_apodo`), announces `<nick> se ha unido al chat` to everyone, relays every line as `<nick>: <text>` to every member (the sender too when `echo-sender` is on), removes members who send `salir` or disconnect and announces `<nick> ha salido del chat`, and expels members silent for `idle` seconds, telling them. With `framing=raw` messages, prompts and announcements travel without newline, one per send: the server takes what one recv() returns as one message and relays it with nothing added. sockgrade then sends a message only once its previous one has been relayed, and reads what arrives as one stream (a message may come split over several recv(), several may come in one): it looks for each expected message anywhere in it, and demands that the nickname prompt and the relayed messages come with no newline after them (announcements are only looked for).':
    'UTF-8 por líneas sobre TCP. Pide a cada cliente una contraseña (cuando se fija `password`) y un apodo (`intr_apodo`), anuncia `<nick> se ha unido al chat` a todos, reenvía cada línea como `<nick>: <text>` a todos los miembros (también al remitente cuando `echo-sender` está activado), quita a los miembros que envían `salir` o se desconectan y anuncia `<nick> ha salido del chat`, y expulsa a los miembros callados durante `idle` segundos, avisándoles. Con `framing=raw` los mensajes, peticiones y anuncios viajan sin salto de línea, uno por envío: el servidor toma lo que devuelve un recv() como un mensaje y lo reenvía sin añadirle nada. sockgrade envía entonces un mensaje solo cuando el anterior ya se ha reenviado, y lee lo que llega como un único flujo (un mensaje puede llegar partido en varios recv(), y varios pueden llegar en uno): busca cada mensaje esperado en cualquier punto de él, y exige que la petición de apodo y los mensajes reenviados lleguen sin salto de línea detrás (los anuncios solo se buscan).',
  'Asks the user for a nickname and sends it when the server asks (`intr_apodo`); prints every line the server sends as it arrives, also while waiting for the user; sends each typed line; `salir` leaves the chat and ends the program with exit code 0. With `framing=raw` sockgrade sends each message without newline, in one send, once the client has printed the previous one; what the client sends (nickname, typed lines, `salir`) must be exactly what was typed, in one send, with no newline.':
    'Pide al usuario un apodo y lo envía cuando el servidor lo pide (`intr_apodo`); imprime cada línea que envía el servidor según llega, también mientras espera al usuario; envía cada línea tecleada; `salir` abandona el chat y termina el programa con código 0. Con `framing=raw` sockgrade envía cada mensaje sin salto de línea, en un solo envío, cuando el cliente ya ha impreso el anterior; lo que envía el cliente (el apodo, las líneas tecleadas, `salir`) debe ser exactamente lo tecleado, en un solo envío y sin salto de línea.',
  'what the server sends to ask a new client for its nickname; empty: the server sends nothing and the client sends its nickname first, as its first line':
    'lo que el servidor envía para pedir su apodo a un cliente nuevo; vacío: el servidor no envía nada y el cliente envía primero su apodo, como primera línea',
  'the line the server relays for a message, {{nick}} and {{text}} standing for the sender and its text (e.g. "[{{nick}}] {{text}}", or "{{text}}" when the client adds its own name)':
    'la línea que el servidor reenvía por cada mensaje, donde {{nick}} y {{text}} son el remitente y su texto (p. ej. "[{{nick}}] {{text}}", o "{{text}}" cuando el cliente añade su propio nombre)',
  'text after the nickname in the join announcement':
    'texto tras el apodo en el anuncio de entrada',
  'text after the nickname in the leave announcement':
    'texto tras el apodo en el anuncio de salida',
  'the line a client sends to leave the chat':
    'la línea que envía un cliente para abandonar el chat',
  'password the server asks for before the nickname (empty: no password, chat.password does not apply)':
    'contraseña que el servidor pide antes del apodo (vacío: sin contraseña, chat.password no se aplica)',
  'seconds of silence after which the server expels a member (0: no expulsion, chat.idle-kick does not apply)':
    'segundos de silencio tras los que el servidor expulsa a un miembro (0: sin expulsión, chat.idle-kick no se aplica)',
  'seconds after `idle` within which the expulsion must happen':
    'segundos después de `idle` en los que debe producirse la expulsión',
  "the server also sends each message back to its sender (as the course's server does)":
    'el servidor devuelve también cada mensaje a su remitente (como hace el servidor del curso)',
  'members in chat.broadcast-all':
    'miembros en chat.broadcast-all',
  'members sending at once in chat.no-loss-under-burst':
    'miembros que envían a la vez en chat.no-loss-under-burst',
  'messages each member sends at once in chat.no-loss-under-burst':
    'mensajes que cada miembro envía de golpe en chat.no-loss-under-burst',
  // framing=raw
  'line: every message, prompt and announcement is a UTF-8 line ending in "\\n"; raw: they travel without newline, one message per send (the server takes each recv() as one message and relays it as it came, with nothing added)':
    'line: cada mensaje, petición y anuncio es una línea UTF-8 terminada en "\\n"; raw: viajan sin salto de línea, un mensaje por envío (el servidor toma cada recv() como un mensaje y lo reenvía tal como llegó, sin añadirle nada)',
  '{prompt} (a newline after it is fine)': '{prompt} (vale con un salto de línea detrás)',
  'right after accept(), send the prompt (e.g. conn.sendall(b"{prompt}")) and read the answer: under framing=raw it comes without a newline, whole in one recv()':
    'justo después de accept(), envía la petición (p. ej. conn.sendall(b"{prompt}")) y lee la respuesta: con framing=raw llega sin salto de línea, entera en un recv()',
  '{announcement} sent to every member': '{announcement} enviado a cada miembro',
  'under framing=raw sockgrade sends the nickname without a newline, in one send: take what one recv() returns as the nickname and send "<apodo> {join}" to every client in the list; if your chat is line-based (it waits for "\\n"), grade with --param framing=line':
    'con framing=raw sockgrade envía el apodo sin salto de línea, en un solo envío: toma lo que devuelva un recv() como el apodo y envía "<apodo> {join}" a cada cliente de la lista; si tu chat va por líneas (espera un "\\n"), corrige con --param framing=line',
  '{announcement} arrived without a newline after it: under framing=line every message ends in "\\n"; if your course\'s chat sends messages without newline, one per send, grade with --param framing=raw':
    '{announcement} llegó sin salto de línea detrás: con framing=line cada mensaje termina en "\\n"; si el chat de tu curso envía los mensajes sin salto de línea, uno por envío, corrige con --param framing=raw',
  "if your course's chat sends messages without newline, one per send, grade with --param framing=raw": 'si el chat de tu curso envía los mensajes sin salto de línea, uno por envío, corrige con --param framing=raw',
  '{data} (framing=raw: everything received, as one stream)': '{data} (framing=raw: todo lo recibido, como un único flujo)',
  'under framing=raw the server sent a newline after its nickname prompt (member {nick})': 'con framing=raw el servidor envió un salto de línea tras su petición de apodo (miembro {nick})',
  '{prompt} with nothing after it (framing=raw: a message is what one send carries, no newline), so that a client comparing what recv() returns with the prompt recognises it':
    '{prompt} sin nada detrás (framing=raw: un mensaje es lo que lleva un envío, sin salto de línea), para que un cliente que compare lo que devuelve recv() con la petición la reconozca',
  'send the prompt as it is: conn.sendall(b"{prompt}"); if your course\'s chat is line-based, grade with --param framing=line':
    'envía la petición tal cual: conn.sendall(b"{prompt}"); si el chat de tu curso va por líneas, corrige con --param framing=line',
  'under framing=raw the server added a newline after the messages it relayed ({n} deliveries, e.g. {example})':
    'con framing=raw el servidor añadió un salto de línea tras los mensajes que reenvió ({n} entregas, p. ej. {example})',
  '{nick} received {data}': '{nick} recibió {data}',
  '{what}, with nothing added (framing=raw: a message is what one send carries, no newline)': '{what}, sin añadirle nada (framing=raw: un mensaje es lo que lleva un envío, sin salto de línea)',
  'each message relayed as {line}': 'cada mensaje reenviado como {line}',
  'relay each message as it came, in one send, with no "\\n" after it; if your course\'s chat is line-based, grade with --param framing=line':
    'reenvía cada mensaje tal como llegó, en un solo envío y sin "\\n" detrás; si el chat de tu curso va por líneas, corrige con --param framing=line',
  '{n} members sending {k} messages each at the same time, each message once the previous one was relayed':
    '{n} miembros enviando {k} mensajes cada uno a la vez, cada mensaje cuando el anterior ya se había reenviado',
  'under framing=raw the client sent the nickname with a newline: {data}': 'con framing=raw el cliente envió el apodo con un salto de línea: {data}',
  'send the nickname as it is: s.send(nombre.encode()); if your course\'s chat is line-based, grade with --param framing=line':
    'envía el apodo tal cual: s.send(nombre.encode()); si el chat de tu curso va por líneas, corrige con --param framing=line',
  'the message to be printed': 'a que se imprimiera el mensaje',
  'send the nickname as it is, in one send (framing=raw: no newline), as soon as the connection is made, without waiting for anything from the server':
    'envía el apodo tal cual, en un solo envío (framing=raw: sin salto de línea), en cuanto se establezca la conexión, sin esperar nada del servidor',
  'under framing=raw the server\'s prompt arrives without a newline, whole in one recv(): compare data.decode() == "{prompt}", then send the nickname as it is; a client that waits for a newline never sees the prompt (if your course\'s chat is line-based, grade with --param framing=line)':
    'con framing=raw la petición del servidor llega sin salto de línea, entera en un recv(): compara data.decode() == "{prompt}" y después envía el apodo tal cual; un cliente que espera un salto de línea nunca ve la petición (si el chat de tu curso va por líneas, corrige con --param framing=line)',
  'send every line the user types as it is, in one send: s.sendall(linea.encode())': 'envía cada línea que teclee el usuario tal cual, en un solo envío: s.sendall(linea.encode())',
  'under framing=raw the client sent the typed line with a newline': 'con framing=raw el cliente envió la línea tecleada con un salto de línea',
  'send exactly what input() returned, in one send and without "\\n": s.sendall(linea.encode()); if your course\'s chat is line-based, grade with --param framing=line':
    'envía exactamente lo que devolvió input(), en un solo envío y sin "\\n": s.sendall(linea.encode()); si el chat de tu curso va por líneas, corrige con --param framing=line',
  '{quit} with nothing added (framing=raw: a message is what one send carries, no newline), or the connection closed':
    '{quit} sin añadirle nada (framing=raw: un mensaje es lo que lleva un envío, sin salto de línea), o la conexión cerrada',
  "send the quit word as it is, in one send: s.sendall(b\"{quit}\"); a server that takes one recv() as one message compares it whole; if your course's chat is line-based, grade with --param framing=line":
    'envía la palabra de salida tal cual, en un solo envío: s.sendall(b"{quit}"); un servidor que toma un recv() como un mensaje lo compara entero; si el chat de tu curso va por líneas, corrige con --param framing=line',
  'idle is 0 (no expulsion)': 'idle es 0 (sin expulsión)',
  'what the server sent ends in a newline, as a line-based chat\'s does: under framing=raw sockgrade sends its messages (password, nickname, text) without newline, one per send, so a server that reads up to "\\n" waits for ever; if your course\'s chat is line-based, grade with --param framing=line':
    'lo que envió el servidor termina en un salto de línea, como en un chat por líneas: con framing=raw sockgrade envía sus mensajes (contraseña, apodo, texto) sin salto de línea, uno por envío, así que un servidor que lee hasta "\\n" espera para siempre; si el chat de tu curso va por líneas, corrige con --param framing=line',
  'closed between {min} and {max} after its last line': 'cerrada entre {min} y {max} después de su última línea',
  // who got a relayed line wrong, one per line: "<line>": <who> ...
  '"{line}": {nick} got it {n} times': '"{line}": a {nick} le llegó {n} veces',
  '"{line}": {nick} did not get it': '"{line}": a {nick} no le llegó',
  '"{line}": {nick} did not get it (the server had closed its connection)': '"{line}": a {nick} no le llegó (el servidor había cerrado su conexión)',
  '"{line}": {nick}, its sender, got it back although echo-sender is off': '"{line}": a {nick}, que lo envió, le volvió aunque echo-sender está desactivado',
  // what each member of a burst missed, by sender
  'from {nick}: #{ranges}': 'de {nick}: #{ranges}',
  'and from {n} more senders': 'y de {n} remitentes más',
  'and {n} more senders': 'y {n} remitentes más',
  'from {nick}: #{a} arrived after #{b}': 'de {nick}: el #{a} llegó después del #{b}',
};

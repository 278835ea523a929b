/** Spanish for B2 `chat-1to1`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const chat1to1: Catalogue = {
  'Synchronous chat between two people, over TCP or UDP': 'Chat síncrono entre dos personas, por TCP o UDP',
  "sends the name its user typed, and shows the client's name": 'envía el nombre que tecleó su usuario y muestra el nombre del cliente',
  'turns alternate: prints each message of the client, then sends the line its user types': 'los turnos se alternan: imprime cada mensaje del cliente y después envía la línea que teclea su usuario',
  'when the client says the quit word, the server ends too, with exit code 0': 'cuando el cliente dice la palabra de salida, el servidor también termina, con código de salida 0',
  'compare each message received with the quit word; when it is, say the chat is over, close the socket and leave the loop':
    'compara cada mensaje recibido con la palabra de salida; si lo es, di que el chat ha terminado, cierra el socket y sal del bucle',
  "sends the name its user typed first, and shows the server's name": 'envía primero el nombre que tecleó su usuario y muestra el nombre del servidor',
  'turns alternate: sends each line its user types, then prints the answer': 'los turnos se alternan: envía cada línea que teclea su usuario y después imprime la respuesta',
  'the quit word ends the chat on both sides: typed into the client, or said by the server': 'la palabra de salida termina el chat en los dos lados: tecleada en el cliente o dicha por el servidor',
  'when the user types the quit word, send it and end; when the quit word arrives from the other side, say the chat is over and end':
    'cuando el usuario teclee la palabra de salida, envíala y termina; cuando llegue del otro lado, di que el chat ha terminado y termina',
  'started with no server: over TCP it says so in one line and exits non-zero; over UDP it may wait, but never crashes':
    'arrancado sin servidor: por TCP lo dice en una línea y termina con código distinto de cero; por UDP puede esperar, pero nunca falla',
  'the names were not exchanged, so this could not be judged (chat.name-exchange says why): {reason}':
    'no se intercambiaron los nombres, así que esto no se pudo juzgar (chat.name-exchange dice por qué): {reason}',
  'in turn {n}, the server sent something before its user typed an answer': 'en el turno {n}, el servidor envió algo antes de que su usuario tecleara una respuesta',
  'nothing until the user types a line': 'nada hasta que el usuario teclee una línea',
  'send only what the user types, once per turn': 'envía solo lo que teclea el usuario, una vez por turno',
  "waiting for the server to show the client's name": 'esperando a que el servidor mostrara el nombre del cliente',
  "the server never showed the client's name {name}, not even with the client's first message": 'el servidor nunca mostró el nombre del cliente {name}, ni siquiera con el primer mensaje del cliente',
  '{name} printed, e.g. {example}': '{name} impreso, p. ej. {example}',
  'keep the name the client sent first and print it with each of its messages': 'guarda el nombre que envió primero el cliente e imprímelo con cada uno de sus mensajes',
  'the client says {quit}': 'el cliente dice {quit}',
  'the server was still running {ms} after the client sent {quit}: it asked its user for another line':
    'el servidor seguía en marcha {ms} después de que el cliente enviara {quit}: pidió otra línea a su usuario',
  'the server was still running {ms} after the client sent {quit}': 'el servidor seguía en marcha {ms} después de que el cliente enviara {quit}',
  'the server ends the chat and exits': 'el servidor termina el chat y acaba',
  'the server crashed with a {name} when the client said {quit}': 'el servidor falló con un {name} cuando el cliente dijo {quit}',
  'the server ended with {exit} when the client said {quit}': 'el servidor terminó con {exit} cuando el cliente dijo {quit}',
  'exit code 0: the chat ended normally': 'código de salida 0: el chat terminó con normalidad',
  'waiting for {who} to send {what}': 'esperando a que {who} enviara {what}',
  '{who} sent back the message it had just received instead of {what}': '{who} devolvió el mensaje que acababa de recibir en vez de {what}',
  '{who} did not send {what} as a message of its own: it came with other text': '{who} no envió {what} como un mensaje propio: llegó junto con otro texto',
  '{who} sent {data} instead of {what}': '{who} envió {data} en vez de {what}',
  '{who} closed the connection instead of sending {what}': '{who} cerró la conexión en vez de enviar {what}',
  'the name typed at its prompt ("{name}") first': 'primero el nombre tecleado al pedírselo ("{name}")',
  'the name typed at its prompt ("{name}")': 'el nombre tecleado al pedírselo ("{name}")',
  'the line its user typed ("{line}")': 'la línea que tecleó su usuario ("{line}")',
  'send {what} ({data}) on the connection': 'enviar {what} ({data}) por la conexión',
  'sending {what} ({data}) on the connection': 'enviar {what} ({data}) por la conexión',
  'send {what} ({data}) in datagrams': 'enviar {what} ({data}) en datagramas',
  'sending {what} ({data}) in datagrams': 'enviar {what} ({data}) en datagramas',
  'send the name the user typed, once, before any message': 'envía el nombre que tecleó el usuario, una vez, antes de cualquier mensaje',
  'send exactly the line input() returned, as one message': 'envía exactamente la línea que devolvió input(), como un solo mensaje',
  "send exactly the line input() returned: it is the server user's turn": 'envía exactamente la línea que devolvió input(): es el turno del usuario del servidor',
  "right after the connection (TCP) or the client's first datagram (UDP), send the name the user typed, once, as a message of its own":
    'justo después de la conexión (TCP) o del primer datagrama del cliente (UDP), envía el nombre que tecleó el usuario, una vez, como un mensaje propio',
  'use the host and port given as {{host}} {{port}} in the command, HOST/PORT in the environment, or typed at the prompt; if your client hard-codes its port, pass --port N':
    'usa el host y puerto que se dan como {{host}} {{port}} en la orden, HOST/PORT en el entorno, o tecleados cuando el programa los pide; si tu cliente tiene el puerto fijo en el código, pasa --port N',
  'waiting for {who} to print {text}': 'esperando a que {who} imprimiera {text}',
  '{text} printed': '{text} impreso',
  '{text} to be printed': 'a que se imprimiera {text}',
  "waiting for the client's first datagram at {address}": 'esperando el primer datagrama del cliente en {address}',
  'the client was still running {ms} after {event}: it asked its user for another line': 'el cliente seguía en marcha {ms} después de que {event}: pidió otra línea a su usuario',
  'the client was still running {ms} after {event}': 'el cliente seguía en marcha {ms} después de que {event}',
  'the server said {quit}': 'el servidor dijera {quit}',
  'its user typed {quit}': 'su usuario tecleara {quit}',
  'the client ends the chat and exits': 'el cliente termina el chat y acaba',
  'the client crashed with a {name} after {event}': 'el cliente falló con un {name} después de que {event}',
  'the client ended with {exit} after {event}': 'el cliente terminó con {exit} después de que {event}',
  "waiting for the client to show the server's name": 'esperando a que el cliente mostrara el nombre del servidor',
  "the client never showed the server's name {name}, not even with the server's first answer": 'el cliente nunca mostró el nombre del servidor {name}, ni siquiera con la primera respuesta del servidor',
  "keep the name the server sent and print it with each of the server's messages": 'guarda el nombre que envió el servidor e imprímelo con cada mensaje del servidor',
  'waiting for the client to tell the server it leaves': 'esperando a que el cliente avisara al servidor de que se va',
  'after its user typed {quit}, the client did not tell the server: it sent {told}': 'después de que su usuario tecleara {quit}, el cliente no avisó al servidor: envió {told}',
  'after its user typed {quit}, the client did not tell the server': 'después de que su usuario tecleara {quit}, el cliente no avisó al servidor',
  '{quit} sent to the server, or the connection closed': '{quit} enviado al servidor, o la conexión cerrada',
  'a datagram {quit} sent to the server (over UDP it is the only way the server can know)': 'un datagrama {quit} enviado al servidor (por UDP es la única forma de que el servidor se entere)',
  'port {port} is in use by another program on this machine, so "no server" cannot be arranged':
    'otro programa de esta máquina usa el puerto {port}, así que no se puede preparar la situación "sin servidor"',
  'waiting {ms} for the client, started with nothing listening on port {port}': 'esperando {ms} al cliente, arrancado sin nada escuchando en el puerto {port}',
  'the client crashed with a {name} instead of reporting that there is no server': 'el cliente falló con un {name} en vez de avisar de que no hay servidor',
  'the client was still running {ms} after it started, with no server to talk to': 'el cliente seguía en marcha {ms} después de arrancar, sin servidor con quien hablar',
  'connect() fails at once when nothing listens: catch ConnectionRefusedError': 'connect() falla en el acto cuando nadie escucha: captura ConnectionRefusedError',
  'the client exited ({exit}) without saying why': 'el cliente terminó ({exit}) sin decir por qué',
  'the client exited with code 0 although it could not reach the server': 'el cliente terminó con código 0 aunque no pudo llegar al servidor',
  'exit with a non-zero code (sys.exit(1)) when the chat could not even start': 'termina con un código distinto de cero (sys.exit(1)) cuando el chat ni siquiera pudo empezar',
  'names is off: no names are exchanged': 'names está desactivado: no se intercambian nombres',
  'names=off over UDP is not graded for the client yet': 'names=off sobre UDP aún no se califica para el cliente',
  // contract and parameters, as sockgrade list shows them
  "Listens (TCP) or binds (UDP, with --param transport=udp), then asks its user for a name; sends that name to the client once, shows the client's name, then waits for the client's message, prints it and sends the line its user types, turn after turn; when the client says `exit`, it ends with exit code 0.":
    'Escucha (TCP) o se enlaza (UDP, con --param transport=udp) y pide a su usuario un nombre; envía ese nombre al cliente una vez, muestra el nombre del cliente, espera el mensaje del cliente, lo imprime y envía la línea que teclea su usuario, por turnos; cuando el cliente dice `exit`, termina con código 0.',
  "Asks its user for a name and sends it first (over TCP after the server's name arrives or before, as it likes); then sends the line its user types, waits for the answer and prints it with the server's name, turn after turn; `exit` typed or received ends it with exit code 0. With no server, the TCP client says so in one line and exits non-zero.":
    'Pide a su usuario un nombre y lo envía primero (por TCP después de que llegue el nombre del servidor o antes, como prefiera); después envía la línea que teclea su usuario, espera la respuesta y la imprime con el nombre del servidor, por turnos; `exit` tecleado o recibido lo termina con código 0. Sin servidor, el cliente TCP lo dice en una línea y termina con código distinto de cero.',
  'the variant graded: tcp or udp (the course asks for both)':
    'la variante que se corrige: tcp o udp (el curso pide las dos)',
  'the word that, typed on either side, ends the chat':
    'la palabra que, tecleada en cualquiera de los dos lados, termina el chat',
  "on: each side sends the name its user typed, once, before the first message; off: no names, the first message is the client's first line":
    'on: cada lado envía el nombre que tecleó su usuario, una vez, antes del primer mensaje; off: sin nombres, el primer mensaje es la primera línea del cliente',
  'seconds within which a TCP client started with no server must give up':
    'segundos en los que un cliente TCP arrancado sin servidor debe rendirse',
  "the server did not print the client's message \"{message}\" (turn {n})": 'el servidor no imprimió el mensaje del cliente "{message}" (turno {n})',
  "the client did not print the server's answer \"{answer}\" (turn {n})": 'el cliente no imprimió la respuesta del servidor "{answer}" (turno {n})',
  'after receiving, print who wrote and what: print(nombre_cliente + ": " + mensaje)': 'al recibir, imprime quién escribió y qué: print(nombre_cliente + ": " + mensaje)',
  'after sending, wait for the answer with recv() and print it: print(nombre_servidor + ": " + respuesta)':
    'después de enviar, espera la respuesta con recv() e imprímela: print(nombre_servidor + ": " + respuesta)',
  // the other side's name printed only as an ordinary message
  "the server printed the client's name {name} only as it prints any message, and showed the client's next message without it: it treated the name as an ordinary message, so no names were exchanged":
    'el servidor imprimió el nombre del cliente {name} solo como imprime cualquier mensaje, y mostró el siguiente mensaje del cliente sin él: trató el nombre como un mensaje normal, así que no se intercambiaron nombres',
  "the client's name kept and shown with its messages, e.g. {example}": 'el nombre del cliente guardado y mostrado con sus mensajes, p. ej. {example}',
  'the first thing the client sends is its name: keep it in a variable (nombre_cliente = recv...), then print it with each message':
    'lo primero que envía el cliente es su nombre: guárdalo en una variable (nombre_cliente = recv...) y después imprímelo con cada mensaje',
  "the client printed the server's name {name} only as it prints any answer, and showed the server's next answer without it: it treated the name as an ordinary message, so no names were exchanged":
    'el cliente imprimió el nombre del servidor {name} solo como imprime cualquier respuesta, y mostró la siguiente respuesta del servidor sin él: trató el nombre como un mensaje normal, así que no se intercambiaron nombres',
  "the server's name kept and shown with its answers, e.g. {example}": 'el nombre del servidor guardado y mostrado con sus respuestas, p. ej. {example}',
  'the first thing the server sends is its name: keep it in a variable (nombre_servidor = recv...), then print it with each answer':
    'lo primero que envía el servidor es su nombre: guárdalo en una variable (nombre_servidor = recv...) y después imprímelo con cada respuesta',
};

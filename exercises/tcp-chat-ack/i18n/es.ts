/** Spanish for B1 `tcp-chat-ack`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const tcpChatAck: Catalogue = {
  'TCP chat with an acknowledgement per message, several clients at once': 'Chat TCP con un acuse de recibo por mensaje, varios clientes a la vez',
  'answers every message of a conversation with exactly one ack': 'responde a cada mensaje de una conversación con exactamente un acuse',
  'loop: data = conn.recv(1024); if not data: break; print it; conn.sendall(ack.encode())': 'bucle: data = conn.recv(1024); if not data: break; imprímelo; conn.sendall(ack.encode())',
  'prints every message it receives with the address of the client that wrote it': 'imprime cada mensaje que recibe con la dirección del cliente que lo escribió',
  "print(f'El cliente {{addr}} nos ha escrito: {{data.decode()}}') with addr as returned by accept()":
    "print(f'El cliente {{addr}} nos ha escrito: {{data.decode()}}') con addr tal como lo devuelve accept()",
  'a second client gets its ack while the first one is still connected': 'un segundo cliente recibe su acuse mientras el primero sigue conectado',
  'serve each accepted client in its own thread: threading.Thread(target=atender, args=(conn, addr)).start(), then go back to accept()':
    'atiende a cada cliente aceptado en su propio hilo: threading.Thread(target=atender, args=(conn, addr)).start(), y vuelve a accept()',
  'when a client leaves, ends that conversation and keeps serving the next client': 'cuando un cliente se va, termina esa conversación y sigue atendiendo al siguiente cliente',
  'recv() returns b"" once the client has closed (after its user typed the quit word): leave the loop, close that connection and keep accepting':
    'recv() devuelve b"" cuando el cliente ha cerrado (después de que su usuario teclee la palabra de salida): sal del bucle, cierra esa conexión y sigue aceptando',
  'sends the greeting, then every typed line as one message, and prints every reply': 'envía el saludo, después cada línea tecleada como un mensaje, e imprime cada respuesta',
  'typing the quit word ends the client, with exit code 0': 'teclear la palabra de salida termina el cliente, con código de salida 0',
  'loop until the user types the quit word; then leave the loop, close the socket and let the program end':
    'repite hasta que el usuario teclee la palabra de salida; entonces sal del bucle, cierra el socket y deja que el programa termine',
  'loop while mensaje != "{quit}"; when the user types it, leave the loop, close the socket and let the program end':
    'repite mientras mensaje != "{quit}"; cuando el usuario la teclee, sal del bucle, cierra el socket y deja que el programa termine',
  'waiting for the server to log every message': 'esperando a que el servidor anotara cada mensaje',
  'the server did not print the message {message} that {label} sent': 'el servidor no imprimió el mensaje {message} que envió {label}',
  "a line with the message and the client's address (port {port}), e.g. El cliente ('127.0.0.1', {port2}) nos ha escrito: {message}":
    "una línea con el mensaje y la dirección del cliente (puerto {port}), p. ej. El cliente ('127.0.0.1', {port2}) nos ha escrito: {message}",
  'the server printed {message} without the address of the client that wrote it ({label}, port {port})':
    'el servidor imprimió {message} sin la dirección del cliente que lo escribió ({label}, puerto {port})',
  "the line also shows the client's address, e.g. ('127.0.0.1', {port})": "la línea muestra también la dirección del cliente, p. ej. ('127.0.0.1', {port})",
  'accept() returns (conn, addr): keep addr with the connection and print it with every message, so the log tells the clients apart':
    'accept() devuelve (conn, addr): guarda addr junto a la conexión e imprímelo con cada mensaje, para que el registro distinga a los clientes',
  'while two clients were connected': 'mientras había dos clientes conectados',
  'disconnecting client 1 to see whether client 2 is served after it': 'desconectando el cliente 1 para ver si después se atiende al cliente 2',
  'client 2 got no reply within {ms} while client 1 was still connected; as soon as client 1 disconnected, client 2 got its reply: the server serves one client at a time':
    'el cliente 2 no recibió respuesta en {ms} mientras el cliente 1 seguía conectado; en cuanto el cliente 1 se desconectó, el cliente 2 recibió su respuesta: el servidor atiende a un cliente cada vez',
  'client 2 got no reply within {ms} while client 1 was still connected': 'el cliente 2 no recibió respuesta en {ms} mientras el cliente 1 seguía conectado',
  '{ack} for client 2 while client 1 stays connected': '{ack} para el cliente 2 mientras el cliente 1 sigue conectado',
  'nothing until client 1 disconnected': 'nada hasta que el cliente 1 se desconectó',
  'checking that both clients are still served': 'comprobando que los dos clientes siguen siendo atendidos',
  "closing the client's sending side, as a client does when its user types the quit word": 'cerrando el lado de envío del cliente, como hace un cliente cuando su usuario teclea la palabra de salida',
  'after the client closed its side of the connection, the server kept answering: at least {n} more acks arrived, as if end of input were a message':
    'después de que el cliente cerrara su lado de la conexión, el servidor siguió respondiendo: llegaron al menos {n} acuses más, como si el fin de los datos fuera un mensaje',
  'after the client closed its side of the connection, the server kept answering: {n} more acks arrived, as if end of input were a message':
    'después de que el cliente cerrara su lado de la conexión, el servidor siguió respondiendo: llegaron {n} acuses más, como si el fin de los datos fuera un mensaje',
  'no more replies, then the server closes the connection': 'ninguna respuesta más, y después el servidor cierra la conexión',
  'after a client closed its side of the connection': 'después de que un cliente cerrara su lado de la conexión',
  'after the client closed its side of the connection, the server did not end that conversation: the connection was still open {ms} later':
    'después de que el cliente cerrara su lado de la conexión, el servidor no terminó esa conversación: la conexión seguía abierta {ms} después',
  'the server closes the connection': 'el servidor cierra la conexión',
  'after a client left': 'después de que se fuera un cliente',
  'after client 1 left, client 2 was not served: {reason}': 'después de que se fuera el cliente 1, el cliente 2 no fue atendido: {reason}',
  'waiting for {label} to get the ack of {message}': 'esperando a que {label} recibiera el acuse de {message}',
  '{label} sent {message} and the reply is not the ack': '{label} envió {message} y la respuesta no es el acuse',
  '{ack} (a newline after it is fine)': '{ack} (vale con un salto de línea detrás)',
  'answer every message with exactly the ack: conn.sendall("{ack}".encode())': 'responde a cada mensaje exactamente con el acuse: conn.sendall("{ack}".encode())',
  'while {label} waited for the ack of {message}': 'mientras {label} esperaba el acuse de {message}',
  "the server reset {label}'s connection instead of answering {message}": 'el servidor cortó (RST) la conexión de {label} en vez de responder a {message}',
  "the server closed {label}'s connection instead of answering {message}": 'el servidor cerró la conexión de {label} en vez de responder a {message}',
  '{data}, then the connection closed': '{data}, y después la conexión se cerró',
  'the connection closed': 'la conexión se cerró',
  'keep the conversation open until the client closes it: loop on recv() and answer each message': 'mantén la conversación abierta hasta que el cliente la cierre: repite recv() y responde a cada mensaje',
  '{label} sent {message} and got no reply within {ms}': '{label} envió {message} y no recibió respuesta en {ms}',
  '{data} (incomplete)': '{data} (incompleto)',
  '{label} sent {n} messages and got {count} acks: the server answers some messages more than once': '{label} envió {n} mensajes y recibió {count} acuses: el servidor responde a algunos mensajes más de una vez',
  'send one ack per recv() that brought a message, and none for recv() returning b""': 'envía un acuse por cada recv() que trajo un mensaje, y ninguno cuando recv() devuelve b""',
  'waiting for the client to send {what}': 'esperando a que el cliente enviara {what}',
  'the client did not send {what} as one message': 'el cliente no envió {what} como un solo mensaje',
  'send {what} ({data})': 'enviar {what} ({data})',
  'sending {what} ({data})': 'enviar {what} ({data})',
  'the greeting {greeting} first, on its own': 'primero el saludo {greeting}, él solo',
  'the typed line {line}': 'la línea tecleada {line}',
  'send {greeting} as soon as the connection is up, before asking for any message': 'envía {greeting} en cuanto la conexión esté lista, antes de pedir ningún mensaje',
  'send exactly the line the user typed: s.sendall(mensaje.encode())': 'envía exactamente la línea que tecleó el usuario: s.sendall(mensaje.encode())',
  'the client crashed with a {name} when the reply to {after} arrived': 'el cliente falló con un {name} cuando llegó la respuesta a {after}',
  "the client did not print the server's reply to {after}": 'el cliente no imprimió la respuesta del servidor a {after}',
  'the greeting': 'el saludo',
  '{reply} printed, e.g. Recibido del servidor:{text}': '{reply} impreso, p. ej. Recibido del servidor:{text}',
  "after each sendall(), data = s.recv(1024) and print('Recibido del servidor:' + data.decode())": "después de cada sendall(), data = s.recv(1024) y print('Recibido del servidor:' + data.decode())",
  'waiting for the client to end after {quit} was typed': 'esperando a que el cliente terminara después de teclear {quit}',
  'after {quit} was typed, the client sent it to the server as an ordinary message and asked for another message instead of ending':
    'después de teclear {quit}, el cliente lo envió al servidor como un mensaje normal y pidió otro mensaje en vez de terminar',
  'after {quit} was typed, the client asked for another message instead of ending': 'después de teclear {quit}, el cliente pidió otro mensaje en vez de terminar',
  'the client was still running {ms} after {quit} was typed': 'el cliente seguía en marcha {ms} después de teclear {quit}',
  'the client closes the connection and exits': 'el cliente cierra la conexión y termina',
  'the client crashed with a {name} when {quit} was typed': 'el cliente falló con un {name} al teclear {quit}',
  'the client ended with {exit} after {quit} was typed': 'el cliente terminó con {exit} después de teclear {quit}',
  'exit code 0: leaving with the quit word is a normal end': 'código de salida 0: salir con la palabra de salida es un final normal',
  'let the program reach its end (or sys.exit(0)) after the loop': 'deja que el programa llegue a su final (o sys.exit(0)) después del bucle',
  // contract and parameters, as sockgrade list shows them
  "Listens on TCP host:port; answers every message with the ack (`mensaje recibido`) and prints it with the client's address; serves several clients at once; a client closing ends its conversation only.":
    'Escucha en host:port por TCP; responde a cada mensaje con el acuse (`mensaje recibido`) y lo imprime con la dirección del cliente; atiende a varios clientes a la vez; que un cliente cierre acaba solo su conversación.',
  'Connects, sends the greeting (`Conectado con el servidor`), prints every reply, then sends each typed line and prints its reply, until the quit word (`bye`) is typed; then it closes and exits with code 0.':
    'Se conecta, envía el saludo (`Conectado con el servidor`), imprime cada respuesta; después envía cada línea tecleada e imprime su respuesta, hasta que se teclea la palabra para salir (`bye`); entonces cierra y termina con código 0.',
  'the reply the server sends to every message':
    'la respuesta que el servidor envía a cada mensaje',
  'the first message a client sends on its own, before any typed one (empty: none)':
    'el primer mensaje que un cliente envía por su cuenta, antes de cualquier línea tecleada (vacío: ninguno)',
  'the word that, typed into the client, ends it':
    'la palabra que, tecleada en el cliente, lo termina',
  'seconds within which a client must get its reply while another client is connected':
    'segundos en los que un cliente debe recibir su respuesta mientras hay otro cliente conectado',
};

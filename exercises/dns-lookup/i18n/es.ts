/** Spanish for D3 `dns-lookup`. */
import type { Catalogue } from '../../../harness/authoring.js';

export const dnsLookup: Catalogue = {
  'DNS look-ups: gethostbyname and gethostbyaddr': 'Consultas DNS: gethostbyname y gethostbyaddr',
  'prints the IPv4 address the system resolver gives for the typed name (gethostbyname)': 'imprime la dirección IPv4 que da el resolutor del sistema para el nombre tecleado (gethostbyname)',
  'print socket.gethostbyname(nombre) for the name typed (or given as {{name}}), not a name written in the program':
    'imprime socket.gethostbyname(nombre) para el nombre tecleado (o dado como {{name}}), no para un nombre escrito en el programa',
  'prints the host name the system resolver gives for the typed IPv4 address (gethostbyaddr)': 'imprime el nombre de host que da el resolutor del sistema para la dirección IPv4 tecleada (gethostbyaddr)',
  'print socket.gethostbyaddr(ip)[0] for the address typed (or given as {{address}}); gethostbyname(ip) just returns the address itself':
    'imprime socket.gethostbyaddr(ip)[0] para la dirección tecleada (o dada como {{address}}); gethostbyname(ip) solo devuelve la propia dirección',
  'a name that does not resolve gets an error message, not a traceback': 'un nombre que no se resuelve recibe un mensaje de error, no un traceback',
  'put the look-up in try/except socket.gaierror (or socket.error) and print a message saying the name was not found':
    'mete la consulta en try/except socket.gaierror (o socket.error) e imprime un mensaje diciendo que no se encontró el nombre',
  'waiting for the client to ask for input, to type "{line}"': 'esperando a que el cliente pidiera datos, para teclear "{line}"',
  'waiting for the client to print {what}': 'esperando a que el cliente imprimiera {what}',
  'the address {address}': 'la dirección {address}',
  'the name {name}': 'el nombre {name}',
  'a message about {name}': 'un mensaje sobre {name}',
  'the client to read the typed line': 'a que el cliente leyera la línea tecleada',
  'the client to ask for input again': 'a que el cliente volviera a pedir datos',
  'the client printed {other} for {name}, but the resolver gives {address}': 'el cliente imprimió {other} para {name}, pero el resolutor da {address}',
  'the client printed the name {name} but not its address {address}': 'el cliente imprimió el nombre {name} pero no su dirección {address}',
  'the client did not print the address of {name}': 'el cliente no imprimió la dirección de {name}',
  "{address}, from the client's hosts file:\n{table}": '{address}, según el fichero hosts del cliente:\n{table}',
  'the client printed {other} for {address}, but the resolver gives {name}': 'el cliente imprimió {other} para {address}, pero el resolutor da {name}',
  'the client printed the address {address} back instead of its name {name}': 'el cliente devolvió la dirección {address} en vez de su nombre {name}',
  'the client did not print the name registered for {address}': 'el cliente no imprimió el nombre registrado para {address}',
  'asked for {unknown}, which does not exist, the client crashed with a {name}': 'al preguntar por {unknown}, que no existe, el cliente falló con un {name}',
  'a message saying the name was not found': 'un mensaje diciendo que no se encontró el nombre',
  'when asked for {unknown} (a name that does not resolve), the client crashed with a {name}': 'al preguntar por {unknown} (un nombre que no se resuelve), el cliente falló con un {name}',
  'when asked for {unknown} (a name that does not resolve), the client exited without printing any message':
    'al preguntar por {unknown} (un nombre que no se resuelve), el cliente terminó sin imprimir ningún mensaje',
  'when asked for {unknown} (a name that does not resolve), the client went on without printing any message':
    'al preguntar por {unknown} (un nombre que no se resuelve), el cliente siguió sin imprimir ningún mensaje',
  'asked for {unknown}, which does not exist, the client exited without printing any message': 'al preguntar por {unknown}, que no existe, el cliente terminó sin imprimir ningún mensaje',
  'asked for {unknown}, which does not exist, the client went on without printing any message': 'al preguntar por {unknown}, que no existe, el cliente siguió sin imprimir ningún mensaje',
  '(the client exited: {exit})': '(el cliente terminó: {exit})',
  '(it crashed with a {name})': '(falló con un {name})',
  // contract and parameters, as sockgrade list shows them
  'Asks for a host name (input(), or takes it as {{name}} in its command) and prints the IPv4 address the system resolver gives for it (socket.gethostbyname). Then asks for an IPv4 address (input(), or {{address}}) and prints the host name registered for it (socket.gethostbyaddr(address)[0]). A name or address that does not resolve gets a one-line error message, not a traceback. Only the system resolver counts: the names exist only in the hosts file sockgrade gives the program.':
    'Pide un nombre de host (input(), o lo toma como {{name}} en su orden) e imprime la dirección IPv4 que le da el resolvedor del sistema (socket.gethostbyname). Después pide una dirección IPv4 (input(), o {{address}}) e imprime el nombre de host registrado para ella (socket.gethostbyaddr(address)[0]). Un nombre o una dirección que no se resuelve recibe un mensaje de error de una línea, no una traza (traceback). Solo cuenta el resolvedor del sistema: los nombres existen solo en el fichero hosts que sockgrade da al programa.',
};

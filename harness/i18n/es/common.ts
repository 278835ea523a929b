/**
 * Spanish for what the engine and the harness say themselves: budgets, exits, start-up,
 * connections, transcript events, byte comparisons, property checks, isolation.
 */
import type { Catalogue } from '../catalogue.js';

export const common: Catalogue = {
  // engine
  "not the submission's fault: {fault}": 'no es culpa de la entrega: {fault}',
  'the {label} needs the Python module {module}, which is not installed for its interpreter on this machine (ModuleNotFoundError): install it (pip install {pkg}), or set PYTHONPATH to its folder in the "env" section of the course config or of the submission\'s sockgrade.json':
    'el {label} necesita el módulo de Python {module}, que no está instalado para su intérprete en esta máquina (ModuleNotFoundError): instálalo (pip install {pkg}), o pon su carpeta en PYTHONPATH en la sección "env" de la configuración del curso o del sockgrade.json de la entrega',
  'the {label}\'s command runs {command}, which is not installed on this machine (command not found): install it, or add its folder to PATH in the "env" section of the course config or of the submission\'s sockgrade.json':
    'la orden del {label} ejecuta {command}, que no está instalado en esta máquina (command not found): instálalo, o añade su carpeta a PATH en la sección "env" de la configuración del curso o del sockgrade.json de la entrega',
  "the {label}'s script {script} starts with {line}, an interpreter that is not installed on this machine, so it never started: run it through one that is (e.g. python3 {file}), or install that one":
    'el script {script} del {label} empieza por {line}, un intérprete que no está instalado en esta máquina, así que nunca arrancó: ejecútalo con uno que sí lo esté (p. ej. python3 {file}), o instala ese',
  "the {label}'s script {script} starts with {line}\\r: with Windows line endings its #! line names an interpreter that does not exist, so it never started: run it through python3 (python3 {file}), or convert its line endings (dos2unix)":
    'el script {script} del {label} empieza por {line}\\r: con finales de línea de Windows su línea #! nombra un intérprete que no existe, así que nunca arrancó: ejecútalo con python3 (python3 {file}), o convierte sus finales de línea (dos2unix)',
  'the {label} could not resolve {what}: sockgrade answers every name a program looks up only in a hermetic run (isolation here: {isolation}); grade where namespaces are available, or pass --host {name}':
    'el {label} no pudo resolver {what}: sockgrade responde a todo nombre que busque un programa solo en una ejecución hermética (aislamiento aquí: {isolation}); califica donde haya espacios de nombres, o pasa --host {name}',
  'the {label} could not resolve {what}: sockgrade answers every name a program looks up only in a hermetic run (isolation here: {isolation}); grade where namespaces are available':
    'el {label} no pudo resolver {what}: sockgrade responde a todo nombre que busque un programa solo en una ejecución hermética (aislamiento aquí: {isolation}); califica donde haya espacios de nombres',
  'the host name {name}': 'el nombre {name}',
  'a host name': 'un nombre de máquina',
  'not applicable: {reason}': 'no aplicable: {reason}',
  'not reached: {reason}': 'no alcanzada: {reason}',
  "could not be judged (not the submission's fault): {reason}": 'no se pudo juzgar (no es culpa de tu entrega): {reason}',
  '{message} (also when run again by itself)': '{message} (también al repetirla sola)',
  'the {label} crashed: {crash}': 'el {label} falló: {crash}',
  '{exception} ({file}, line {line})': '{exception} ({file}, línea {line})',
  "fix the {name} first: the traceback's last lines name the file and line that raised it; handle that case, and the rest of this check can run":
    'corrige primero el {name}: las últimas líneas del traceback dicen el fichero y la línea que lo lanzó; trata ese caso y el resto de esta comprobación podrá ejecutarse',
  'no server was given (use --server "<command>")': 'no se indicó un servidor (usa --server "<orden>")',
  'no client was given (use --client "<command>")': 'no se indicó un cliente (usa --client "<orden>")',
  'did not finish within its time budget of {budget}; it was {step}': 'no terminó dentro de su tiempo asignado de {budget}; estaba {step}',
  'the {label} exited ({exit}) while sockgrade was waiting for {what}': 'el {label} terminó ({exit}) mientras sockgrade esperaba {what}',
  'the program exited ({exit}) while sockgrade was waiting for {what}': 'el programa terminó ({exit}) mientras sockgrade esperaba {what}',
  'gave up waiting for {what} after {ms}': 'sockgrade dejó de esperar {what} tras {ms}',
  "sockgrade itself failed in this check (not the submission's fault): {message}": 'sockgrade falló en esta comprobación (no es culpa de tu entrega): {message}',
  'sockgrade.json sets {params}: ignored, a submission does not choose how it is graded (parameters come from the course config and --param)':
    'sockgrade.json fija {params}: se ignora, una entrega no elige cómo se la corrige (los parámetros vienen de la configuración del curso y de --param)',
  starting: 'arrancando',
  running: 'en marcha',
  'waiting for the server to start listening': 'esperando a que el servidor empezara a escuchar',
  'starting the client': 'arrancando el cliente',
  'connecting {name}': 'conectando {name}',
  'the program to ask for input': 'a que el programa pidiera datos',
  // who is who
  server: 'servidor',
  client: 'cliente',
  'client #{n}': 'cliente #{n}',
  'server (sockgrade)': 'servidor (sockgrade)',
  'server (sockgrade) connection #{n}': 'servidor (sockgrade), conexión #{n}',
  'client A': 'cliente A',
  'client 1': 'cliente 1',
  'client 2': 'cliente 2',
  'client 3': 'cliente 3',
  'client 4': 'cliente 4',
  'client 5': 'cliente 5',
  'client B': 'cliente B',
  'client C': 'cliente C',
  'client A (silent)': 'cliente A (callado)',
  'next client': 'siguiente cliente',
  'client after the next': 'cliente después del siguiente',
  'talking client': 'cliente que habla',
  'client sending garbage': 'cliente que envía basura',
  'client that resets': 'cliente que corta con RST',
  'client that resets mid-file': 'cliente que corta con RST a mitad de fichero',
  'client that resets at once': 'cliente que corta con RST nada más conectar',
  'client that closes at once': 'cliente que cierra nada más conectar',
  'client with a wrong password': 'cliente con una contraseña incorrecta',
  'client {i} of 3': 'cliente {i} de 3',
  'member {nick}': 'miembro {nick}',
  "the {label}'s socket calls: {calls}": 'llamadas de socket del {label}: {calls}',
  "the {label}'s socket calls: {calls}, and {n} more": 'llamadas de socket del {label}: {calls}, y {n} más',
  // The start-up hook moves one bind per program: its call reads `bind 0.0.0.0:65432 (moved to 27377)`.
  "the {label}'s socket calls: {before} (moved to {port}){after}": 'llamadas de socket del {label}: {before} (movido a {port}){after}',
  "the {label}'s socket calls: {before} (moved to {port}){after}, and {n} more": 'llamadas de socket del {label}: {before} (movido a {port}){after}, y {n} más',
  'your client connects to {address}, where sockgrade was not listening: run again with --port {port}':
    'tu cliente se conecta a {address}, donde sockgrade no escuchaba: vuelve a ejecutarlo con --port {port}',
  // how programs end
  'exit code {code}': 'código de salida {code}',
  'killed by {signal}': 'terminado por la señal {signal}',
  'still running': 'sigue en marcha',
  'killed by sockgrade: it {reason}': 'sockgrade lo terminó: {reason}',
  'used more than {n} MiB of memory': 'usó más de {n} MiB de memoria',
  'stopped by sockgrade: {reason}': 'parado por sockgrade: {reason}',
  // checks hidden from students
  'hidden checks': 'comprobaciones ocultas',
  'hidden checks: {passed} of {judged} passed': 'comprobaciones ocultas: {passed} de {judged} superadas',
  "hidden checks: sockgrade itself failed in one (not your submission's fault)": 'comprobaciones ocultas: sockgrade falló en una (no es culpa de tu entrega)',
  'hidden checks skipped': 'comprobaciones ocultas omitidas',
  'a hidden check': 'una comprobación oculta',
  'unknown status': 'estado desconocido',
  // the server's life
  'the server exited ({exit}) {during}': 'el servidor terminó ({exit}) {during}',
  'a server must keep running and serving clients until it is stopped; look at its output below for the reason it ended':
    'un servidor debe seguir en marcha atendiendo clientes hasta que lo paren; mira su salida más abajo para ver por qué terminó',
  'the server listens on port {port}, not on port {declared} given with --port': 'el servidor escucha en el puerto {port}, no en el puerto {declared} indicado con --port',
  'pass --port {port}, or change the port your server binds': 'pasa --port {port}, o cambia el puerto al que hace bind() tu servidor',
  "the server's process exited ({exit}) and left {what} running in the background": 'el proceso del servidor terminó ({exit}) y dejó {what} en marcha en segundo plano',
  'a process': 'un proceso',
  '{n} processes': '{n} procesos',
  'a server must stay in the foreground (no fork + exit, no daemon): sockgrade stops it when a check ends, and grades the process it started':
    'un servidor debe quedarse en primer plano (sin fork + exit, sin demonio): sockgrade lo para al acabar cada comprobación y corrige el proceso que arrancó',
  'the server exited ({exit}) before it listened on any {transport} port': 'el servidor terminó ({exit}) antes de escuchar en ningún puerto {transport}',
  'its port was still in use: another program holds it, or a previous run left it in TIME_WAIT. Set SO_REUSEADDR before bind(), or stop the other program':
    'su puerto seguía ocupado: otro programa lo tiene, o una ejecución anterior lo dejó en TIME_WAIT. Activa SO_REUSEADDR antes de bind(), o para el otro programa',
  'a server must keep running in the foreground: sockgrade grades the process it started, and what that process started ends with it (no fork + exit, no daemon); the command given was: {command}':
    'un servidor debe seguir en marcha en primer plano: sockgrade corrige el proceso que arrancó, y lo que ese proceso arranque termina con él (sin fork + exit, sin demonio); la orden indicada era: {command}',
  'look at its output below (a traceback shows the line that failed); the command given was: {command}':
    'mira su salida más abajo (un traceback señala la línea que falló); la orden indicada era: {command}',
  'the server uses {other} port {port}, but this exercise is over {transport}': 'el servidor usa el puerto {other} {port}, pero este ejercicio va sobre {transport}',
  'create the socket with {kind}': 'crea el socket con {kind}',
  'the server did not listen on any {transport} port within {ms}': 'el servidor no escuchó en ningún puerto {transport} en {ms}',
  'it was offered port {port} ({{port}} in the command, PORT in the environment){declared}; a server must bind and {what} right after it starts':
    'se le ofreció el puerto {port} ({{port}} en la orden, PORT en el entorno){declared}; un servidor debe hacer bind() y {what} nada más arrancar',
  'and declared on port {port}': 'y se declaró el puerto {port}',
  listen: 'escuchar (listen())',
  'wait for datagrams': 'esperar datagramas',
  'port {port} given with --port is in use by another program, so sockgrade cannot play the server there':
    'el puerto {port} indicado con --port lo usa otro programa, así que sockgrade no puede hacer de servidor ahí',
  'this check gives the client its own hosts file, which needs a mount namespace: {reason}':
    'esta comprobación da al cliente su propio fichero hosts, lo que necesita un espacio de nombres de montaje: {reason}',
  'not available': 'no disponible',
  // connections
  '{label} could not connect to {host}:{port}: connection refused (nothing is listening there any more)':
    '{label} no pudo conectar con {host}:{port}: conexión rechazada (ya no hay nada escuchando ahí)',
  '{label} could not connect to {host}:{port} within {ms} ms (the server does not accept connections)':
    '{label} no pudo conectar con {host}:{port} en {ms} ms (el servidor no acepta conexiones)',
  '{label} could not connect to {host}:{port}: {message}': '{label} no pudo conectar con {host}:{port}: {message}',
  // transcript events
  'peer closed its side (FIN)': 'el otro extremo cerró su lado (FIN)',
  'connection error: {code}': 'error de conexión: {code}',
  'sockgrade closed its sending side (half-close)': 'sockgrade cerró su lado de envío (semicierre)',
  'sockgrade reset the connection (RST)': 'sockgrade cortó la conexión (RST)',
  'connected to {host}:{port}': 'conectado a {host}:{port}',
  'client connected from {address}:{remote} to port {port}': 'cliente conectado desde {address}:{remote} al puerto {port}',
  'started: {command}': 'arrancado: {command}',
  'exited: {exit}': 'terminó: {exit}',
  '{n} more bytes not kept': '{n} bytes más sin guardar',
  '(+{n} more bytes)': '(+{n} bytes más)',
  // comparing bytes
  identical: 'idénticos',
  'expected {expected}, received {received}': 'se esperaban {expected}, llegaron {received}',
  'what arrived is correct but stops at offset {at}: {missing} missing': 'lo que llegó es correcto pero se corta en la posición {at}: faltan {missing}',
  'missing from offset {at}: {data}': 'falta desde la posición {at}: {data}',
  'all expected bytes arrived, then {extra} more than expected': 'llegaron todos los bytes esperados y después {extra} de más',
  'extra from offset {at}: {data}': 'sobra desde la posición {at}: {data}',
  'first difference at offset {at}': 'primera diferencia en la posición {at}',
  'expected: {data}': 'esperado: {data}',
  'received: {data}': 'recibido: {data}',
  // property checks
  'smallest failing case (after {n} shrinks): {case}': 'caso mínimo que falla (tras {n} reducciones): {case}',
  'first failing case: {case}': 'primer caso que falla: {case}',
  'first failing case: {case}: {why}': 'primer caso que falla: {case}: {why}',
  'fast-check seed {seed}, path {path} ({n} cases ran)': 'semilla de fast-check {seed}, ruta {path} ({n} casos probados)',
  // isolation
  'off (--isolation off; instances that share a fixed port run one at a time)':
    'desactivado (--isolation off; las instancias que comparten un puerto fijo se ejecutan de una en una)',
  "off (--isolation off: no namespaces and no sandbox, programs share this machine's network and see its processes and files, instances that share a fixed port run one at a time)":
    'desactivado (--isolation off: sin espacios de nombres ni entorno aislado, los programas comparten la red de esta máquina y ven sus procesos y ficheros, las instancias que comparten un puerto fijo se ejecutan de una en una)',
  'instances that share a fixed port run one at a time': 'las instancias que comparten un puerto fijo se ejecutan de una en una',
  'off (namespaces disabled by SOCKGRADE_NO_NAMESPACES)': 'desactivado (espacios de nombres desactivados por SOCKGRADE_NO_NAMESPACES)',
  '{isolation}; each program in a bubblewrap sandbox (own PID, IPC, UTS, mount and user namespaces, no capabilities, read-only system, private /tmp, only its own folders in sight{more})':
    '{isolation}; cada programa en un entorno aislado de bubblewrap (espacios de nombres propios de PID, IPC, UTS, montaje y usuario, sin capacidades, sistema de solo lectura, /tmp privado, solo sus propias carpetas a la vista{more})',
  'each program in a bubblewrap sandbox (own PID, IPC, UTS, mount and user namespaces, no capabilities, read-only system, private /tmp, only its own folders in sight{more})':
    'cada programa en un entorno aislado de bubblewrap (espacios de nombres propios de PID, IPC, UTS, montaje y usuario, sin capacidades, sistema de solo lectura, /tmp privado, solo sus propias carpetas a la vista{more})',
  ', a working folder of {n} MiB': ', una carpeta de trabajo de {n} MiB',
  ', a working folder of {n} MiB, an unprivileged uid of their own per instance of a program': ', una carpeta de trabajo de {n} MiB, un uid sin privilegios propio por instancia de un programa',
  ', an unprivileged uid of their own per instance of a program': ', un uid sin privilegios propio por instancia de un programa',
  "programs run as an unprivileged uid of their own per instance of a program: they cannot write sockgrade's files or results nor signal it, but they see every world-readable file, every process and the network":
    'los programas se ejecutan con un uid sin privilegios propio por instancia de un programa: no pueden escribir los ficheros ni los resultados de sockgrade ni enviarle señales, pero ven todo fichero legible por todos, todos los procesos y la red',
  // without bubblewrap: the namespaces' description, then how programs are kept apart
  "{isolation}; programs run as an unprivileged uid of their own per instance of a program: they cannot write sockgrade's files or results nor signal it, but they see every world-readable file, every process and the network":
    '{isolation}; los programas se ejecutan con un uid sin privilegios propio por instancia de un programa: no pueden escribir los ficheros ni los resultados de sockgrade ni enviarle señales, pero ven todo fichero legible por todos, todos los procesos y la red',
  '{isolation}; programs run as your own user with a clean environment: nothing else keeps them from your files, your processes or your network':
    '{isolation}; los programas se ejecutan con tu propio usuario y un entorno limpio: nada más los separa de tus ficheros, tus procesos o tu red',
  'programs run as your own user with a clean environment: nothing else keeps them from your files, your processes or your network':
    'los programas se ejecutan con tu propio usuario y un entorno limpio: nada más los separa de tus ficheros, tus procesos o tu red',
  '{description}; instances that share a fixed port run one at a time': '{description}; las instancias que comparten un puerto fijo se ejecutan de una en una',
  'off (shared loopback; instances that share a fixed port run one at a time)':
    'desactivado (loopback compartido; las instancias que comparten un puerto fijo se ejecutan de una en una)',
  'on (network, PID and mount namespaces{user}; every address is local, ports are private to this run)':
    'activado (espacios de nombres de red, PID y montaje{user}; todas las direcciones son locales y los puertos son privados de esta ejecución)',
  ', in a user namespace': ', dentro de un espacio de nombres de usuario',
  'off (namespaces are Linux-only; this is {platform})': 'desactivado (los espacios de nombres solo existen en Linux; esto es {platform})',
  'off (cannot run unshare ({code}): install util-linux)': 'desactivado (no se puede ejecutar unshare ({code}): instala util-linux)',
  'off (the ip command (iproute2) is not installed)': 'desactivado (la orden ip (iproute2) no está instalada)',
  'off (this system does not allow unprivileged namespaces{why})': 'desactivado (este sistema no permite espacios de nombres sin privilegios{why})',
  "the server binds port {port}, which it hard-codes; sockgrade's Python start-up hook gave each check's instance a port of its own{parallel}":
    'el servidor hace bind() al puerto {port}, que lleva fijo en el código; el gancho de arranque de Python de sockgrade dio a la instancia de cada comprobación un puerto propio{parallel}',
  ', so the checks ran in parallel': ', así que las comprobaciones se ejecutaron en paralelo',
  "the server's processes also bind port {port} themselves (kept as it is); its instances ran one at a time":
    'los procesos del servidor también hacen bind() al puerto {port} por su cuenta (se deja tal cual); sus instancias se ejecutaron de una en una',
  'the server asked at start-up "{prompt}"; sockgrade typed {typed}': 'el servidor preguntó al arrancar "{prompt}"; sockgrade escribió {typed}',
  'an empty line (the default)': 'una línea vacía (el valor por defecto)',
  'the port it offered': 'el puerto que le ofrecía',
  'the server is waiting for input at the prompt "{prompt}" and never listened on a {transport} port within {ms}':
    'el servidor está esperando una entrada en la pregunta "{prompt}" y no escuchó en ningún puerto {transport} en {ms}',
  '{answered}a server must start without help: take its settings from the command line (sys.argv, {{port}} in the command) or use defaults, and bind right away':
    '{answered}un servidor debe arrancar sin ayuda: toma su configuración de la línea de órdenes (sys.argv, {{port}} en la orden) o usa valores por defecto, y hace bind() enseguida',
  'sockgrade answered its prompts: {answers}; ': 'sockgrade respondió a sus preguntas: {answers}; ',
  // each answer by itself: the prompt is data, what was typed may be "an empty line"
  'sockgrade answered its prompts: {p1} with {a1}; ': 'sockgrade respondió a sus preguntas: {p1} con {a1}; ',
  'sockgrade answered its prompts: {p1} with {a1}, {p2} with {a2}; ': 'sockgrade respondió a sus preguntas: {p1} con {a1}, {p2} con {a2}; ',
  'sockgrade answered its prompts: {p1} with {a1}, {p2} with {a2}, {p3} with {a3}; ': 'sockgrade respondió a sus preguntas: {p1} con {a1}, {p2} con {a2}, {p3} con {a3}; ',
  'sockgrade answered its prompts: {p1} with {a1}, {p2} with {a2}, {p3} with {a3}, {p4} with {a4}; ':
    'sockgrade respondió a sus preguntas: {p1} con {a1}, {p2} con {a2}, {p3} con {a3}, {p4} con {a4}; ',
  'an empty line': 'una línea vacía',
  '{answered}look at its output below (a traceback shows the line that failed); the command given was: {command}':
    '{answered}mira su salida más abajo (un traceback señala la línea que falló); la orden indicada era: {command}',
  'the server listens on port {port}, which it chose itself (found in the kernel\'s socket table); its instances ran one at a time':
    'el servidor escucha en el puerto {port}, que eligió él mismo (visto en la tabla de sockets del núcleo); sus instancias se ejecutaron de una en una',
  // packet traces (--trace)
  'packets recorded into {dir}, one pcap per check (the checks ran one at a time so that every packet belongs to one check)':
    'paquetes grabados en {dir}, un pcap por comprobación (las comprobaciones se ejecutaron de una en una para que cada paquete pertenezca a una sola)',
  'packets were not recorded: {reason}': 'no se grabaron los paquetes: {reason}',
  'packets are recorded only in a hermetic run (its private loopback carries nothing else), and this run is not isolated':
    'solo se graban paquetes en una ejecución aislada (su loopback privado no lleva nada más), y esta no lo está',
  "capturing packets needs CAP_NET_RAW in the run's network namespace, which this system did not grant":
    'grabar paquetes necesita CAP_NET_RAW en el espacio de red de la ejecución, y este sistema no lo concede',
  // the reports of the catalogue (sockgrade list)
  'TCP on the wire: the packets of a graded run': 'TCP en la red: los paquetes de una ejecución corregida',
  'a report, not a graded exercise: records every packet of a hermetic run, writes one pcap per check (for Wireshark or tcpdump -r) and summarises each TCP connection (handshake and options, segments and bytes each way, retransmissions, duplicate ACKs, zero windows, teardown, packet table) and each UDP exchange next to the verdicts':
    'un informe, no un ejercicio corregido: registra cada paquete de una ejecución aislada, escribe un pcap por comprobación (para Wireshark o tcpdump -r) y resume cada conexión TCP (negociación inicial y opciones, segmentos y bytes en cada sentido, retransmisiones, ACK duplicados, ventanas cero, cierre, tabla de paquetes) y cada intercambio UDP junto a los veredictos',
  'sockgrade trace <exercise> --server "<cmd>" [any option of grade]   (or grade --trace DIR)': 'sockgrade trace <ejercicio> --server "<orden>" [cualquier opción de grade]   (o grade --trace DIR)',
  // why a batch could not grade a student
  'the {role} command names {path}, which does not exist: check the path': 'la orden del {role} nombra {path}, que no existe: revisa la ruta',
  'the {role} command names {path}, which does not exist (looked in {cwd}): check the path':
    'la orden del {role} nombra {path}, que no existe (se buscó en {cwd}): revisa la ruta',
  'grading did not end within {ms} and was stopped': 'la corrección no terminó en {ms} y se detuvo',
  'no command to run: the folder has no sockgrade.json, and no --server/--client template was given':
    'no hay ninguna orden que ejecutar: la carpeta no tiene sockgrade.json y no se dio ninguna plantilla --server/--client',
  'sockgrade.json says exercise {exercise}, but the batch grades {id}': 'sockgrade.json dice el ejercicio {exercise}, pero el lote corrige {id}',
  // a property check's first failing case, with why it failed; singulars of the counts
  'first failing case: {case}: {reason}': 'primer caso que falla: {case}: {reason}',
  'smallest failing case (after 1 shrinks): {case}': 'caso mínimo que falla (tras 1 reducción): {case}',
  'fast-check seed {seed}, path {path} (1 cases ran)': 'semilla de fast-check {seed}, ruta {path} (1 caso probado)',
  // what a program asked the network for
  '{call} (moved to {port}){rest}': '{call} (desviado al puerto {port}){rest}',
};

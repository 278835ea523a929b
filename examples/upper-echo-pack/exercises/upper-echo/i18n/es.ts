/** Spanish for `upper-echo`, keyed by the English texts of its title, checks and diagnoses. */
import type { Catalogue } from 'sockgrade/authoring';

export const es: Catalogue = {
  'Upper-case echo server that ends on a quit word': 'Servidor de eco en mayúsculas que termina con una palabra de salida',
  'answers a line with the same line in upper case': 'responde a una línea con la misma línea en mayúsculas',
  'decode what recv() returns, call .upper() on it, and send it back encoded': 'decodifica lo que devuelve recv(), aplícale .upper() y envíalo codificado',
  'answers three lines in turn on the same connection': 'responde a tres líneas seguidas en la misma conexión',
  'keep reading in a loop until the client closes or sends the quit word: one connection carries many lines':
    'sigue leyendo en un bucle hasta que el cliente cierre o envíe la palabra de salida: una conexión lleva muchas líneas',
  'upper-cases accented letters too (ñ, á, ü)': 'pasa a mayúsculas también las letras con tilde (ñ, á, ü)',
  'bytes.upper() changes only ASCII letters: decode the bytes to str (UTF-8), call .upper(), then encode':
    'bytes.upper() solo cambia las letras ASCII: decodifica los bytes a str (UTF-8), aplica .upper() y vuelve a codificar',
  'closes the connection when the client sends the quit word': 'cierra la conexión cuando el cliente envía la palabra de salida',
  'compare the received line, without its newline (strip()), with the quit word, and close that connection when they are equal':
    'compara la línea recibida, sin su salto de línea (strip()), con la palabra de salida, y cierra esa conexión cuando sean iguales',
  'serves the next client after one has sent the quit word': 'atiende al siguiente cliente después de que uno haya enviado la palabra de salida',
  'the quit word ends that client only: leave the inner loop, close the connection, and go back to accept()':
    'la palabra de salida termina solo ese cliente: sal del bucle interior, cierra la conexión y vuelve a accept()',
  'waiting for the reply to "{line}"': 'esperando la respuesta a "{line}"',
  'no reply to the line "{line}" within {ms}': 'ninguna respuesta a la línea "{line}" en {ms}',
  'no reply to the line "{line}" within {ms} (the server closed the connection)': 'ninguna respuesta a la línea "{line}" en {ms} (el servidor cerró la conexión)',
  'the reply to "{line}" does not end with a newline': 'la respuesta a "{line}" no termina en salto de línea',
  'the reply to "{line}" is not that line in upper case': 'la respuesta a "{line}" no es esa línea en mayúsculas',
  'after the line "{line}"': 'después de la línea "{line}"',
  'waiting for the server to close the connection after "{quit}"': 'esperando a que el servidor cerrara la conexión después de "{quit}"',
  'the client sent "{quit}", and the server had not closed the connection {ms} later': 'el cliente envió "{quit}" y el servidor no había cerrado la conexión {ms} después',
  'the connection closed': 'la conexión cerrada',
  'the connection still open': 'la conexión sigue abierta',
  '{text}, and the connection still open': '{text}, y la conexión sigue abierta',
  'after a client sent "{quit}"': 'después de que un cliente enviara "{quit}"',
  'client after the next': 'cliente después del siguiente',
};

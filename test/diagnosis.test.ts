/** Pure diagnosis helpers: reading a crash to its end, and telling a name exchanged from a name relayed as a message. */
import { describe, expect, it } from 'vitest';
import { crashSummary, describeCrash } from '../harness/diagnose/output.js';
import { judgeNameShown } from '../exercises/chat-1to1/name-shown.js';

describe('crashSummary', () => {
  it('names the exception and the innermost frame of a traceback', () => {
    const text = 'hola\nTraceback (most recent call last):\n  File "/a/b/servidor.py", line 12, in <module>\n    x = datos.decode()\nUnicodeDecodeError: \'utf-8\' codec can\'t decode byte 0xff in position 0: invalid start byte\nmore\n';
    expect(describeCrash(crashSummary(text)!)).toBe("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte (servidor.py, line 12)");
  });

  it('follows chained exceptions to the last one, and frames of a thread', () => {
    const chained = 'Traceback (most recent call last):\n  File "/x/c.py", line 3, in <module>\n    s.connect(a)\nConnectionRefusedError: [Errno 111] Connection refused\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File "/x/c.py", line 5, in <module>\n    raise SystemExit(x)\nNameError: name \'x\' is not defined\n';
    expect(crashSummary(chained)).toEqual({ exception: "NameError: name 'x' is not defined", file: 'c.py', line: 5 });
    const thread = 'Exception in thread Thread-1 (atender):\nTraceback (most recent call last):\n  File "/usr/lib/python3.12/threading.py", line 1073, in _bootstrap_inner\n    self.run()\n  File "/s/srv.py", line 9, in atender\n    conn.sendall(d)\nBrokenPipeError: [Errno 32] Broken pipe\n';
    expect(crashSummary(thread)).toEqual({ exception: 'BrokenPipeError: [Errno 32] Broken pipe', file: 'srv.py', line: 9 });
  });

  it("names the program's own line, not the library frame that raised (socket.py, threading.py)", () => {
    const reset = 'Traceback (most recent call last):\n  File "/home/ana/servidor.py", line 17, in <module>\n    for linea in f:\n  File "/usr/lib/python3.11/socket.py", line 706, in readinto\n    return self._sock.recv_into(b)\n           ^^^^^^^^^^^^^^^^^^^^^^^\nConnectionResetError: [Errno 104] Connection reset by peer\n';
    expect(describeCrash(crashSummary(reset)!)).toBe('ConnectionResetError: [Errno 104] Connection reset by peer (servidor.py, line 17)');
    const pyenv = 'Traceback (most recent call last):\n  File "/s/c.py", line 4, in <module>\n    json.loads(x)\n  File "/root/.pyenv/versions/3.12.1/lib/python3.12/json/__init__.py", line 346, in loads\n    return _default_decoder.decode(s)\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n';
    expect(crashSummary(pyenv)).toMatchObject({ file: 'c.py', line: 4 });
    const onlyLibrary = 'Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "/usr/lib/python3.11/http/server.py", line 1310, in test\nOSError: [Errno 98] Address already in use\n';
    expect(crashSummary(onlyLibrary)).toMatchObject({ file: 'server.py', line: 1310 });
  });

  it('gives nothing for a traceback that has not been printed to its end yet', () => {
    expect(crashSummary('Traceback (most recent call last):\n')).toBeUndefined();
    expect(crashSummary('Traceback (most recent call last):\n  File "/x/c.py", line 3, in <module>\n')).toBeUndefined();
  });
});

describe('judgeNameShown', () => {
  const prompts = ['Tu:', 'Luis17:'];
  it('accepts a name shown with the message, or in a line of its own kind', () => {
    expect(judgeNameShown('----- Marta42 se ha unido -----\n', 'Marta42: hola abc\n', 'Marta42', 'hola abc', prompts)).toBe('as-name');
    expect(judgeNameShown('Marta42 se ha unido\n', '> hola abc\n', 'Marta42', 'hola abc', prompts)).toBe('as-name');
    expect(judgeNameShown('Hablas con Marta42\nLuis17: ', 'Luis17: Marta42 dice: hola abc\n', 'Marta42', 'hola abc', prompts)).toBe('as-name');
  });

  it('rejects a name printed only the way any message is printed', () => {
    expect(judgeNameShown('Cliente: Marta42\nTu: ', 'Cliente: hola abc\n', 'Marta42', 'hola abc', prompts)).toBe('as-message');
    expect(judgeNameShown('Cliente: Marta42\n', 'Tu: Cliente: hola abc\n', 'Marta42', 'hola abc', prompts)).toBe('as-message');
    expect(judgeNameShown('Marta42\n', 'Tu: hola abc\n', 'Marta42', 'hola abc', prompts)).toBe('as-message');
  });

  it('says never when the name was not printed at all', () => {
    expect(judgeNameShown('Se ha unido alguien\n', 'Cliente: hola abc\n', 'Marta42', 'hola abc', prompts)).toBe('never');
  });
});

"""sockgrade's start-up hook for Python submissions (found through PYTHONPATH).

It records the addresses the program binds, connects and sends to (one JSON line each in
$SOCKGRADE_NETLOG), from Python's audit events (3.8+), so a report can tell the student which
address their program used; it never prints and adds no class or frame of its own.

It changes one thing, only in a server sockgrade grades ($SOCKGRADE_BIND_PORT set) and only in
the program sockgrade started (not in a Python program that one starts): the program's bind of a
fixed port over the exercise's transport ($SOCKGRADE_BIND_TYPE) goes to $SOCKGRADE_BIND_PORT
instead, so that instances can run side by side. One fixed port per submission is moved (the
first one bound, claimed in $SOCKGRADE_BIND_CLAIM), and none when the program binds the port it
was offered; other ports keep their numbers. For this,
socket.socket.bind is replaced by a function that calls the original; an error it raises keeps
the student's traceback (on 3.11+ nothing of the hook shows; on 3.8-3.10 it is taken out of the
traceback printed for an uncaught exception).
"""
import os
import sys

_LOG = os.environ.get("SOCKGRADE_NETLOG")
_MOVE_TO = os.environ.get("SOCKGRADE_BIND_PORT")
_OWNER = os.environ.get("SOCKGRADE_BIND_OWNER")


def _sockgrade_install():
    import json
    import socket
    import weakref

    pending = []  # (socket ref, op, address) whose outcome is not known yet
    sent = weakref.WeakSet()

    def record(op, address, error=None, moved_to=None):
        try:
            entry = {"op": op, "address": list(address) if isinstance(address, tuple) else str(address), "pid": os.getpid()}
            if moved_to is not None:
                entry["moved_to"] = moved_to
            if error is not None:
                entry["error"] = error
            with open(_LOG, "a") as f:
                f.write(json.dumps(entry) + "\n")
        except Exception:
            pass

    def settle(exc=None):
        """Records which pending connects and binds did not succeed."""
        for ref, op, address in pending[:]:
            sock = ref()
            failed = None
            try:
                if sock is None or sock.fileno() == -1:
                    failed = type(exc).__name__ if isinstance(exc, OSError) else None
                elif op == "connect":
                    sock.getpeername()
                elif sock.getsockname()[1] == 0 and address[1] != 0:
                    failed = "failed"
            except OSError:
                failed = type(exc).__name__ if isinstance(exc, OSError) else "failed"
            except Exception:
                pass
            if failed:
                record(op, address, failed)
            pending.remove((ref, op, address))

    hidden = set()

    def audit(event, args):
        if event == "sys.excepthook":
            _, _, value, tb = args
            settle(value)
            while tb is not None and tb.tb_next is not None:
                if tb.tb_next.tb_frame.f_code in hidden:
                    tb.tb_next = tb.tb_next.tb_next
                else:
                    tb = tb.tb_next
            return
        if event not in ("socket.bind", "socket.connect", "socket.sendto"):
            return
        sock, address = args[0], args[1]
        op = event[7:]
        if op == "sendto":
            if sock in sent:
                return
            sent.add(sock)
        if op == "bind" and getattr(_moving, "to", None) is not None:
            return
        try:
            if isinstance(address, tuple) and len(address) >= 2 and len(pending) < 64:
                pending.append((weakref.ref(sock), op, address))
        except TypeError:
            pass
        record(op, address)

    class _Moving(object):
        to = None

    _moving = _Moving()

    if _MOVE_TO and not _OWNER:
        os.environ["SOCKGRADE_BIND_OWNER"] = str(os.getpid())
        record("serves", os.getpid())
        target = int(_MOVE_TO)
        kind = socket.SOCK_DGRAM if os.environ.get("SOCKGRADE_BIND_TYPE") == "udp" else socket.SOCK_STREAM
        claim = os.environ.get("SOCKGRADE_BIND_CLAIM")
        original_bind = socket.socket.bind

        def claimed(port):
            """Whether this fixed port is the one the submission serves on (the first one bound)."""
            if not claim:
                return True
            try:
                fd = os.open(claim, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                os.write(fd, str(port).encode())
                os.close(fd)
                return True
            except FileExistsError:
                try:
                    with open(claim) as f:
                        return f.read().strip() == str(port)
                except OSError:
                    return False
            except OSError:
                return False

        def bind(self, address):
            port = address[1] if isinstance(address, tuple) and len(address) >= 2 else None
            ours = isinstance(port, int) and port != 0 and (int(self.type) & 0xF) == kind
            if ours and port == target:
                claimed(port)  # the program took the port it was offered: nothing else moves
            elif ours and claimed(port):
                record("bind", address, None, target)
                _moving.to = target
                try:
                    return original_bind(self, (address[0], target) + tuple(address[2:]))
                except OSError as e:
                    record("bind", address, type(e).__name__, target)
                    e.__traceback__ = None
                    raise
                finally:
                    _moving.to = None
            return original_bind(self, address)

        bind.__name__ = "bind"
        bind.__qualname__ = "socket.bind"
        bind.__module__ = "socket"
        bind.__doc__ = original_bind.__doc__
        hidden.add(bind.__code__)
        socket.socket.bind = bind

    if hasattr(sys, "addaudithook"):
        sys.addaudithook(audit)
        import atexit

        atexit.register(settle)


if _LOG:
    try:
        _sockgrade_install()
    except Exception:
        pass
del _sockgrade_install

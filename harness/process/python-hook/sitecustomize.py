"""sockgrade's start-up hook for Python submissions: records the addresses the program binds,
connects and sends to (one JSON line each in $SOCKGRADE_NETLOG), so a report can tell the student
which address their program used. It never prints. It changes one thing, and only when
$SOCKGRADE_BIND_PORT is set (a server that hard-codes its port): the first bind of each socket
type to a fixed port goes to that port instead, so that several instances can run at once."""
import os

_LOG = os.environ.get("SOCKGRADE_NETLOG")
_MOVE_TO = os.environ.get("SOCKGRADE_BIND_PORT")
_moved = set()
if _LOG:
    import json
    import socket as _socket

    def _record(op, address, error=None, moved_to=None):
        try:
            entry = {"op": op, "address": list(address) if isinstance(address, tuple) else str(address)}
            if moved_to is not None:
                entry["moved_to"] = moved_to
            if error is not None:
                entry["error"] = type(error).__name__
            with open(_LOG, "a") as f:
                f.write(json.dumps(entry) + "\n")
        except Exception:
            pass

    def _wrap(name):
        original = getattr(_socket.socket, name)

        def wrapper(self, *args, **kwargs):
            address = args[-1] if args else kwargs.get("address")
            moved_to = None
            if name == "bind" and _MOVE_TO and isinstance(address, tuple) and len(address) >= 2 and address[1] not in (0, int(_MOVE_TO)) and self.type not in _moved:
                _moved.add(self.type)
                moved_to = int(_MOVE_TO)
                args = ((address[0], moved_to) + tuple(address[2:]),)
                kwargs = {}
            try:
                result = original(self, *args, **kwargs)
            except OSError as e:
                _record(name, address, e, moved_to)
                raise
            if name != "sendto" or not getattr(self, "_sockgrade_sent", False):
                _record(name, address, None, moved_to)
                if name == "sendto":
                    self._sockgrade_sent = True
            return result

        wrapper.__name__ = name
        return wrapper

    class socket(_socket.socket):
        __slots__ = ("_sockgrade_sent",)

        connect = _wrap("connect")
        connect_ex = _wrap("connect_ex")
        bind = _wrap("bind")
        sendto = _wrap("sendto")

    try:
        _socket.socket = socket
    except Exception:
        pass

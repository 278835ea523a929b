"""Traffic for the packet-decoder tests, run inside a private network namespace: `fin` (handshake,
data both ways, orderly close), `rst` (close with SO_LINGER 0), `zerowin` (a receiver that stops
reading until its window is zero), `drop` (the receiver's kernel drops the first data segment, so
the sender retransmits it), `udp` (datagrams of three sizes and a reply), `flood` (64 MiB one way,
more than a stopped recorder can hold)."""
import ctypes
import socket
import struct
import sys
import threading
import time

SO_ATTACH_FILTER = 26
SO_DETACH_FILTER = 27
SO_MEMINFO = 55
SK_MEMINFO_DROPS = 8
# Classic BPF on a TCP socket sees the segment from its TCP header: drop it when it is longer than
# its header (it carries data), keep it otherwise.
DROP_DATA = [
    (0x30, 0, 0, 12),  # ldb [12]: data offset
    (0x54, 0, 0, 0xF0),  # and #0xf0
    (0x74, 0, 0, 2),  # rsh #2: header length in bytes
    (0x07, 0, 0, 0),  # tax
    (0x80, 0, 0, 0),  # ld len
    (0x2D, 0, 1, 0),  # jgt x
    (0x06, 0, 0, 0),  # ret #0: drop
    (0x06, 0, 0, 0xFFFFFFFF),  # ret #-1: keep
]


def drop_data_segments(sock):
    """Attaches DROP_DATA to sock (the kernel copies the program while attaching it)."""
    code = b"".join(struct.pack("HBBI", *i) for i in DROP_DATA)
    buf = ctypes.create_string_buffer(code, len(code))
    sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, struct.pack("HL", len(DROP_DATA), ctypes.addressof(buf)))


def drops(sock):
    return struct.unpack("9I", sock.getsockopt(socket.SOL_SOCKET, SO_MEMINFO, 36))[SK_MEMINFO_DROPS]

mode = sys.argv[1]
if mode == "udp":
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(("127.0.0.1", 6001))
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for size in (10, 100, 1000):
        b.sendto(b"x" * size, ("127.0.0.1", 6001))
        data, peer = a.recvfrom(2048)
        a.sendto(data[:5], peer)
        b.recvfrom(2048)
    sys.exit(0)

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if mode == "zerowin":
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
srv.bind(("127.0.0.1", 6000))
srv.listen()
go = threading.Event()
armed = threading.Event()


def serve():
    conn, _ = srv.accept()
    if mode == "fin":
        data = b""
        while len(data) < 5000:
            data += conn.recv(4096)
        conn.sendall(data[:3000])
        while conn.recv(4096):
            pass
        conn.close()
    elif mode == "rst":
        conn.recv(100)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
    elif mode == "drop":
        drop_data_segments(conn)
        armed.set()
        deadline = time.time() + 10
        while drops(conn) == 0 and time.time() < deadline:
            time.sleep(0.002)
        conn.setsockopt(socket.SOL_SOCKET, SO_DETACH_FILTER, 0)
        data = b""
        while len(data) < 1000:
            data += conn.recv(4096)
        conn.sendall(data[:10])
        while conn.recv(4096):
            pass
        conn.close()
    elif mode == "flood":
        while conn.recv(1 << 20):
            pass
        conn.close()
    elif mode == "zerowin":
        go.wait(5)
        while conn.recv(65536):
            pass
        conn.close()


t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(("127.0.0.1", 6000))
if mode == "fin":
    c.sendall(b"a" * 5000)
    got = 0
    while got < 3000:
        got += len(c.recv(4096))
    c.shutdown(socket.SHUT_WR)
    c.recv(10)
    c.close()
elif mode == "drop":
    armed.wait(5)
    c.sendall(b"d" * 1000)
    got = 0
    while got < 10:
        got += len(c.recv(4096))
    c.shutdown(socket.SHUT_WR)
    c.recv(10)
    c.close()
elif mode == "rst":
    c.sendall(b"hola")
    try:
        c.recv(10)
    except ConnectionResetError:
        pass
    c.close()
elif mode == "flood":
    c.sendall(b"f" * (64 * 1024 * 1024))
    c.shutdown(socket.SHUT_WR)
    c.recv(10)
    c.close()
elif mode == "zerowin":
    c.setblocking(False)
    sent = 0
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            sent += c.send(b"z" * 65536)
        except BlockingIOError:
            break
    time.sleep(0.3)
    go.set()
    c.setblocking(True)
    c.sendall(b"z" * 100_000)
    c.shutdown(socket.SHUT_WR)
    c.recv(10)
    c.close()
t.join()

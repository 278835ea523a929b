"""Traffic for the packet-decoder tests, run inside a private network namespace: `fin` (handshake,
data both ways, orderly close), `rst` (close with SO_LINGER 0), `zerowin` (a receiver that stops
reading until its window is zero), `udp` (datagrams of three sizes and a reply)."""
import socket
import struct
import sys
import threading
import time

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
elif mode == "rst":
    c.sendall(b"hola")
    try:
        c.recv(10)
    except ConnectionResetError:
        pass
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

"""sockgrade's packet recorder: writes every frame seen on one interface (loopback by default) to a
pcap file, each cut to a snap length, keeping one copy of each loopback frame (the kernel shows
every frame on lo twice: outgoing and incoming), stamped with the time the kernel received it
(not the time this script read it, which is late on a loaded machine). Prints "ready" once
listening; on SIGTERM or SIGINT, writes what is pending, then one JSON line with the kernel's
packet and drop counts to stdout, and exits. Needs CAP_NET_RAW in the current network namespace (root, or the root of a
user namespace that owns it)."""
import json
import os
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
SOL_PACKET = 263
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)
TIMESPEC = struct.Struct("@qq")
PACKET_STATISTICS = 6
LINKTYPE_ETHERNET = 1


def arrival(cmsgs):
    """The kernel's receive time of a frame (seconds, microseconds), or now when it gave none."""
    for level, kind, data in cmsgs:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(data) >= TIMESPEC.size:
            sec, nsec = TIMESPEC.unpack_from(data)
            return sec, nsec // 1000
    now = time.time_ns()
    return now // 1_000_000_000, (now // 1000) % 1_000_000


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: capture.py OUT.pcap [IFACE] [SNAPLEN]\n")
        return 2
    out_path = argv[1]
    iface = argv[2] if len(argv) > 2 else "lo"
    snap = int(argv[3]) if len(argv) > 3 else 1600
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    for opt in (getattr(socket, "SO_RCVBUFFORCE", 33), socket.SO_RCVBUF):
        try:
            sock.setsockopt(socket.SOL_SOCKET, opt, 16 * 1024 * 1024)
            break
        except OSError:
            continue
    sock.bind((iface, 0))
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    except OSError:
        pass
    ancillary = socket.CMSG_SPACE(TIMESPEC.size)
    stop = {"now": False}

    def on_signal(_sig, _frame):
        stop["now"] = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    buf = bytearray(snap)
    kept = 0
    with open(out_path, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snap, LINKTYPE_ETHERNET))
        out.flush()
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        sock.setblocking(False)
        while True:
            try:
                ready, _, _ = select.select([sock], [], [], 0.05)
            except InterruptedError:
                ready = []
            if not ready:
                if stop["now"]:
                    break
                continue
            while True:
                try:
                    length, cmsgs, _flags, addr = sock.recvmsg_into([buf], ancillary, socket.MSG_TRUNC)
                except BlockingIOError:
                    break
                except InterruptedError:
                    continue
                if addr[2] == socket.PACKET_OUTGOING:
                    continue
                sec, usec = arrival(cmsgs)
                caplen = min(length, snap)
                out.write(struct.pack("<IIII", sec, usec, caplen, length))
                out.write(buf[:caplen])
                kept += 1
            out.flush()
    try:
        packets, drops = struct.unpack("II", sock.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8))
    except OSError:
        packets, drops = -1, -1
    sys.stdout.write(json.dumps({"kept": kept, "seen": packets, "drops": drops}) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

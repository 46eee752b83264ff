"""Sockets and pid files shared by the lab's Python helpers (sink.py,
udponly.py, noedns.py): each listens on port 53 of one lab address."""
import os
import socket


def listen_udp(addr):
    """A UDP socket bound to ADDR:53."""
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    udp.bind((addr, 53))
    return udp


def listen_tcp(addr):
    """A listening TCP socket bound to ADDR:53."""
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind((addr, 53))
    tcp.listen(16)
    return tcp


def write_pid(path):
    """Records this process's pid where `scripts/lab/down` looks for it."""
    with open(path, "w") as f:
        f.write("%d\n" % os.getpid())

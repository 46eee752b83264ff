#!/usr/bin/python3
"""A UDP-only DNS front end: relays each UDP query on LISTEN:53 to UPSTREAM:53
and the reply back.  Nothing listens on TCP, so TCP queries are refused by the
kernel (lab helper "server without TCP", see docs/lab.md).

usage: udponly.py LISTEN UPSTREAM LOGFILE PIDFILE
"""
import socket
import sys
import threading

import labsock


def relay(sock, listen, upstream, query, peer):
    up = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        up.bind((listen, 0))  # keep the traffic inside the lab range
        up.settimeout(2.0)
        up.sendto(query, (upstream, 53))
        reply, _ = up.recvfrom(65535)
        sock.sendto(reply, peer)
    except OSError:
        pass
    finally:
        up.close()


def main():
    listen, upstream, logfile, pidfile = sys.argv[1:5]
    log = open(logfile, "a", buffering=1)
    sock = labsock.listen_udp(listen)
    labsock.write_pid(pidfile)
    log.write("udp-only relay %s:53 -> %s:53 (no TCP)\n" % (listen, upstream))
    while True:
        query, peer = sock.recvfrom(65535)
        threading.Thread(target=relay, args=(sock, listen, upstream, query, peer),
                         daemon=True).start()


if __name__ == "__main__":
    main()

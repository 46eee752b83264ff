#!/usr/bin/python3
"""A DNS "server" that never answers: it reads every UDP datagram and every
TCP stream sent to ADDR:53 and replies to nothing (lab helper, see docs/lab.md).
ADDR may be several addresses separated by commas (one process for all).

usage: sink.py ADDR[,ADDR...] LOGFILE PIDFILE
"""
import selectors
import sys
import time

import labsock

MAX_TCP = 64  # keep at most this many idle TCP connections open


def main():
    addr, logfile, pidfile = sys.argv[1], sys.argv[2], sys.argv[3]
    log = open(logfile, "a", buffering=1)
    sel = selectors.DefaultSelector()
    for one in addr.split(","):
        sel.register(labsock.listen_udp(one), selectors.EVENT_READ, "udp")
        sel.register(labsock.listen_tcp(one), selectors.EVENT_READ, "listen")
    conns = []
    labsock.write_pid(pidfile)
    log.write("sink listening on %s:53 (udp+tcp), answering nothing\n" % addr)
    while True:
        for key, _ in sel.select():
            if key.data == "udp":
                _, peer = key.fileobj.recvfrom(65535)
                log.write("%d udp query from %s dropped\n" % (time.time(), peer[0]))
            elif key.data == "listen":
                c, peer = key.fileobj.accept()
                log.write("%d tcp connection from %s held open\n" % (time.time(), peer[0]))
                sel.register(c, selectors.EVENT_READ, "conn")
                conns.append(c)
                if len(conns) > MAX_TCP:
                    old = conns.pop(0)
                    sel.unregister(old)
                    old.close()
            else:
                c = key.fileobj
                try:
                    data = c.recv(65535)
                except OSError:
                    data = b""
                if not data:  # peer gave up
                    sel.unregister(c)
                    conns.remove(c)
                    c.close()


if __name__ == "__main__":
    main()

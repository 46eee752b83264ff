#!/usr/bin/env python3
"""Tiny loopback DNS responder for the transport benchmark.

Answers every query (UDP and TCP, same port on 127.0.0.1) with QR AA, the
question echoed and one A record 192.0.2.1; prints the port, then serves
until killed. Loopback only."""
import socket
import socketserver
import struct
import sys
import threading


def answer(query: bytes) -> bytes | None:
    if len(query) < 12:
        return None
    qid, flags, qdcount = struct.unpack("!HHH", query[:6])
    if qdcount != 1:
        return None
    end = 12
    while end < len(query) and query[end] != 0:
        end += 1 + query[end]
    end += 5  # root label, type, class
    if end > len(query):
        return None
    header = struct.pack("!HHHHHH", qid, 0x8400 | (flags & 0x0100), 1, 1, 0, 0)
    record = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + bytes([192, 0, 2, 1])
    return header + query[12:end] + record


class UDP(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        reply = answer(data)
        if reply:
            sock.sendto(reply, self.client_address)


class TCP(socketserver.BaseRequestHandler):
    def handle(self):
        sock = self.request
        while True:
            head = sock.recv(2, socket.MSG_WAITALL)
            if len(head) < 2:
                return
            (length,) = struct.unpack("!H", head)
            reply = answer(sock.recv(length, socket.MSG_WAITALL))
            if reply:
                sock.sendall(struct.pack("!H", len(reply)) + reply)


class ThreadedTCP(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    for _ in range(20):
        udp = socketserver.UDPServer(("127.0.0.1", 0), UDP)
        port = udp.server_address[1]
        try:
            tcp = ThreadedTCP(("127.0.0.1", port), TCP)
            break
        except OSError:
            udp.server_close()
    else:
        sys.exit("no free port")
    print(port, flush=True)
    threading.Thread(target=tcp.serve_forever, daemon=True).start()
    udp.serve_forever()


if __name__ == "__main__":
    main()

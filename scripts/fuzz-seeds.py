#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (Sources/Fuzz) from the
recorded captures, so no binary corpus lives in git.

    scripts/fuzz-seeds.py TARGET OUTDIR [CAPTURE_DIR]

FuzzWireFormat: every distinct response recorded in the captures, as bytes.

FuzzCaptureAnalysis: inputs in the target's own format. Byte 0 picks a
capture (index in the sorted list of CAPTURE_DIR/*.json, modulo their count;
bit 0x80: replay the walk over the mutated exchanges instead of mutating the
walked observation). Then operations, each an opcode byte (modulo 16), a
16-bit exchange index (into the capture's `exchanges`, modulo their count)
and arguments, big-endian:
   0 replace the response: u16 length, bytes     8 drop record: u8
   1 xor a byte: u16 position, u8 value          9 a failure instead: u8 kind
   2 insert: u16 position, u8 n, n bytes        10 xor an RDATA byte: u8 record, u16 pos, u8 value
   3 truncate: u16 length                       11 record type/class/TTL/owner: u8 record, u8 field, u16
   4 header flags+rcode bytes: u16              12 rcode and flags (parsed): u16, u16
   5 swap records: u8, u8                       13 EDNS: u8 field, u16 value
   6 move record to section: u8, u8             14 reference time: the index is days (i16), u8 hours
   7 copy record from exchange: u16, u8, u8     15 policy / anchor / TC bits: u8 bits, u16 value
The seeds are each capture as recorded (both modes) and each recorded
response replaced by itself (op 0), for libFuzzer to mutate from, plus a few
of each structured operation.
"""
import base64
import glob
import hashlib
import json
import os
import struct
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def captures(directory):
    return [json.load(open(path)) for path in sorted(glob.glob(os.path.join(directory, "*.json")))]


def write(outdir, data):
    with open(os.path.join(outdir, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    target, outdir = sys.argv[1], sys.argv[2]
    capture_dir = sys.argv[3] if len(sys.argv) > 3 else os.path.join(root, "Tests/AnalysisTests/Fixtures/captures")
    os.makedirs(outdir, exist_ok=True)
    all_captures = captures(capture_dir)
    if not all_captures:
        sys.exit(f"no captures in {capture_dir}")
    if target == "FuzzWireFormat":
        for capture in all_captures:
            for exchange in capture["exchanges"]:
                if exchange.get("response"):
                    write(outdir, base64.b64decode(exchange["response"]))
    elif target == "FuzzCaptureAnalysis":
        for number, capture in enumerate(all_captures):
            write(outdir, bytes([number]))
            write(outdir, bytes([number | 0x80]))
            seen = set()
            for index, exchange in enumerate(capture["exchanges"]):
                key = json.dumps([exchange["server"], exchange["question"], exchange["options"]], sort_keys=True)
                if key in seen or not exchange.get("response"):
                    continue
                seen.add(key)
                response = base64.b64decode(exchange["response"])
                replace = struct.pack(">BHH", 0, index, len(response)) + response
                write(outdir, bytes([number]) + replace)
                if index % 8 == 0:
                    write(outdir, bytes([number | 0x80]) + replace)
                if index % 16 == 0:
                    write(outdir, bytes([number]) + struct.pack(">BHBB", 5, index, 0, 1))      # swap
                    write(outdir, bytes([number]) + struct.pack(">BHBHB", 10, index, 0, 3, 1))  # RDATA byte
                    write(outdir, bytes([number]) + struct.pack(">BHHH", 12, index, 3, 0x8400))  # NXDOMAIN, qr aa
                    write(outdir, bytes([number]) + struct.pack(">BHB", 9, index, 0))         # timeout
            write(outdir, bytes([number]) + struct.pack(">BhB", 14, 28, 0))      # 28 days later
            write(outdir, bytes([number]) + struct.pack(">BhB", 14, -2, 0))      # before the inception
            write(outdir, bytes([number]) + struct.pack(">BHBH", 15, 0, 0x3F, 3))  # policy
    else:
        sys.exit(f"unknown fuzz target {target}")


main()

#!/usr/bin/env python3
"""Mutation fuzzer's case generator for contracts_ext (test/fuzz/run drives it).

  mutate.py text SEEDS.tsv N RNG_SEED > cases.tsv
      SEEDS.tsv: "kind<TAB>input" lines, kind one of contract, rate_schedule,
      capitation, pmpm_state, variance_state, jsonb:contract, jsonb:rate_schedule,
      jsonb:capitation.  Writes N mutated cases "id<TAB>kind<TAB>input" with
      COPY text escaping.
  mutate.py binary SEEDS.tsv N RNG_SEED DIR > cases.tsv
      SEEDS.tsv: "kind<TAB>hex of the type's send output".  Writes N COPY BINARY
      files DIR/case_<id>.copy (one row, one column) holding mutated values and
      lists them as "id<TAB>kind<TAB>path".

Mutations: byte flips, insertions of random and grammar-significant tokens,
deletions, duplications of a span, huge and special numbers, deep
repetition of an item, and splices of two seeds.  Deterministic for a given
RNG_SEED.
"""
import random
import struct
import sys

TOKENS = [";", ":", "'", "''", "\n", "%", " ", ",", "/case", "@facility", "@nonfacility", "-25",
          "-TC", "default: ", "mppr: ", "modifier 80: ", "lesser_of: ", "billed", "medicare",
          "payer: ", "effective: ", "term: ", "renewal: ", "notice: ", "appeal: ", "days",
          "business days", "months", "years", "pmpm: ", "withhold: ", "corridor: ", "\\", "\t",
          "é", "日本", "\u00a0", "0000-00-00", "9999-12-31", "0001-01-01", "2024-02-29",
          "2023-02-29", "infinity", "-infinity", "NaN", "Infinity", "true", "false", "null",
          "{", "}", "[", "]", "\""]
NUMBERS = ["0", "-0", "-1", "1e400", "99999999999999999999999999999999999999",
           "9223372036854775807", "9223372036854775808", "-9223372036854775808",
           "0.0000001", "0.123456789", "1000000", "100000000.01", "2147483648", "1.", ".5",
           "1e-5", "00000000000000000001", "NaN", "1_000", "０"]
PRINTABLE = [chr(c) for c in range(32, 127)]
MAX_CASE = 200000                               # characters: keeps cases fast to move


def mutate_text(s, seeds, rng):
    for _ in range(rng.choice([1, 1, 1, 2, 3, 5])):
        op = rng.randrange(9)
        n = len(s)
        i = rng.randrange(n + 1)
        if op == 0 and n:                       # replace a character
            s = s[:min(i, n - 1)] + rng.choice(PRINTABLE) + s[min(i, n - 1) + 1:]
        elif op == 1:                           # insert a random character
            s = s[:i] + rng.choice(PRINTABLE + ["\n", "é"]) + s[i:]
        elif op == 2:                           # insert a token
            s = s[:i] + rng.choice(TOKENS) + s[i:]
        elif op == 3 and n:                     # delete a span
            j = min(n, i + rng.randint(1, 8))
            s = s[:i] + s[j:]
        elif op == 4 and n:                     # duplicate a span
            j = min(n, i + rng.randint(1, 40))
            s = s[:j] + s[i:j] + s[j:]
        elif op == 5:                           # a digit run becomes a huge/special number
            digits = [k for k, c in enumerate(s) if c.isdigit()]
            if digits:
                k = rng.choice(digits)
                e = k
                while e < n and (s[e].isdigit() or s[e] == "."):
                    e += 1
                s = s[:k] + rng.choice(NUMBERS) + s[e:]
        elif op == 6:                           # deep repetition of an item
            items = [x for x in s.replace("\n", ";").split(";") if x.strip()]
            if items:
                item = rng.choice(items)
                s = s + (";" + item) * rng.choice([10, 10, 100, 100, 1000, 5000])
        elif op == 7:                           # splice with another seed
            other = rng.choice(seeds)
            j = rng.randrange(len(other) + 1)
            s = s[:i] + other[j:]
        elif op == 8:                           # many random bytes
            s = s[:i] + "".join(rng.choice(PRINTABLE) for _ in range(rng.randint(1, 30))) + s[i:]
        s = s[:MAX_CASE]
    return s.replace("\0", "")


def copy_unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append({"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def copy_escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def mutate_bytes(b, rng):
    b = bytearray(b)
    for _ in range(rng.choice([1, 1, 2, 3])):
        op = rng.randrange(7)
        n = len(b)
        i = rng.randrange(n + 1)
        if op == 0 and n:
            b[min(i, n - 1)] ^= 1 << rng.randrange(8)
        elif op == 1 and n:
            b[min(i, n - 1)] = rng.randrange(256)
        elif op == 2:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 3 and n:
            del b[i:min(n, i + rng.randint(1, 8))]
        elif op == 4 and n:                     # the format version byte
            b[0] = rng.choice([0, 2, 255, b[0] ^ 1])
        elif op == 5:                           # text-level mutation of the payload
            tail = b[1:].decode("utf-8", "replace")
            b = b[:1] + mutate_text(tail, [tail], rng).encode()
        elif op == 6 and n:
            b[i:i] = b[i:min(n, i + rng.randint(1, 64))] * rng.choice([2, 10, 100])
    return bytes(b)


COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0)


def copy_file(value, rng):
    length = len(value)
    if rng.random() < 0.02:                     # a lying length word, now and then
        length = rng.choice([-2, 0, length + 1, max(0, length - 1), 1 << 30])
    return COPY_HEADER + struct.pack("!hi", 1, length) + value + struct.pack("!h", -1)


def main():
    mode, seeds_path, count, rng_seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(rng_seed)
    seeds = {}
    with open(seeds_path, encoding="utf-8") as f:
        for line in f:
            kind, _, value = line.rstrip("\n").partition("\t")
            seeds.setdefault(kind, []).append(copy_unescape(value) if mode == "text" else value)
    kinds = sorted(seeds)
    out = sys.stdout
    for case in range(1, count + 1):
        kind = kinds[case % len(kinds)]
        seed = rng.choice(seeds[kind])
        if mode == "text":
            value = mutate_text(seed, seeds[kind], rng) if rng.random() < 0.97 else seed
            out.write("%d\t%s\t%s\n" % (case, kind, copy_escape(value)))
        else:
            directory = sys.argv[5]
            value = mutate_bytes(bytes.fromhex(seed), rng)
            path = "%s/case_%d.copy" % (directory, case)
            with open(path, "wb") as f:
                f.write(copy_file(value, rng))
            out.write("%d\t%s\t%s\n" % (case, kind, path))


if __name__ == "__main__":
    main()

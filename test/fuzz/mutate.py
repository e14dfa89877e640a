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

  mutate.py x835 SEEDS.tsv N RNG_SEED > cases.tsv
      SEEDS.tsv: "x835<TAB>835 text" lines.  Writes N mutated 835 texts as
      "id<TAB>x835<TAB>text".

Mutations: byte flips, insertions of random and grammar-significant tokens,
deletions, duplications of a span, huge and special numbers, deep
repetition of an item, and splices of two seeds; for 835 texts also
segment duplication (up to 5,000 times), deletion and swaps, element
replacement, claim repetition, delimiter changes (consistent or not),
truncation, splices at segment boundaries and tampered SE/GE/IEA counts,
the counts usually recomputed afterwards so that the case reaches the
loops behind the envelope checks.  Deterministic for a given RNG_SEED.
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


# ---------------------------------------------------------------- 835 texts

X835_TOKENS = ["ISA", "IEA*1*000000001", "GS", "GE*1*1", "ST*835*0001", "SE*", "BPR*I*", "TRN*1*",
               "N1*PR*", "N1*PE*", "REF*2U*", "REF*6R*", "LX*1", "CLP*", "SVC*HC:", "CAS*CO*45*",
               "PLB*", "DTM*472*", "DTM*050*", "DTM*232*", "AMT*I*", "AMT*B6*", "LQ*HE*", "NM1*QC*1*",
               "~", "*", ":", "^", "|", "!", ">", "}", "\n", "\r\n", " ", "\t", "é", "\ufeff",
               "**", "::", "~~", "*~"]
X835_NUMBERS = ["0", "-0", "-", ".", "-.", "1.", ".5", "-.5", "999999999999999999", "-999999999999999999",
                "9999999999999999.99", "0.000000000000000001", "1234567890123456789", "99999999.999999999",
                "1e5", "1,000", "+1", "00000000000000000001", "NaN", "０", "20240229", "20230229",
                "00000000", "99991231", "00010101", "19000229", "20241301", "2024123", "202412311"]
DELIMITER_CHOICES = "*|^!~>}:+%#@&`;?{[/\\\"'=-,."
SPACE = " \r\n\t\f\v"


def x835_segments(s):
    """Split an 835 text like the parser: [body, terminator, whitespace after,
    (element, component, terminator)] per segment; None if there is no ISA."""
    out, i, n, d = [], 0, len(s), None
    while i < n:
        j = i
        while j < n and s[j] in SPACE:
            j += 1
        if out:
            out[-1][2] += s[i:j]
        elif j > i:
            return None
        i = j
        if i >= n:
            break
        if s.startswith("ISA", i) and i + 3 < n and not s[i + 3].isalnum():
            e, k, count = s[i + 3], i + 3, 0
            while count < 16:
                k = s.find(e, k + 1)
                if k < 0:
                    return None
                count += 1
            if k + 2 >= n:
                return None
            d = (e, s[k + 1], s[k + 2])
        if d is None:
            return None
        k = s.find(d[2], i)
        if k < 0:
            out.append([s[i:], "", "", d])
            break
        out.append([s[i:k], d[2], "", d])
        i = k + 1
    return out


def x835_join(segments):
    return "".join(body + term + ws for body, term, ws, _ in segments)


def x835_fix_counts(segments):
    """SE01, GE01 and IEA01 as the parser counts them."""
    in_st = st_segments = st_count = gs_count = 0
    for seg in segments:
        body, d = seg[0], seg[3]
        sid = body.split(d[0], 1)[0]
        if sid == "ISA":
            gs_count = 0
        elif sid == "GS":
            gs_count += 1
            st_count = 0
        elif sid == "ST":
            st_count += 1
            st_segments = 1
            in_st = 1
            continue
        if sid in ("SE", "GE", "IEA"):
            count = {"SE": st_segments + 1, "GE": st_count, "IEA": gs_count}[sid]
            elements = body.split(d[0])
            if len(elements) < 2:
                elements.append("")
            elements[1] = str(count)
            seg[0] = d[0].join(elements)
            if sid == "SE":
                in_st = 0
        elif in_st:
            st_segments += 1


def x835_remap(segments, rng):
    """Other delimiters for one interchange: usually a valid set, now and then
    letters, non-ASCII or a repeated character."""
    starts = [k for k, seg in enumerate(segments) if seg[0].startswith("ISA")]
    if not starts:
        return
    first = rng.choice(starts)
    last = next((k for k in starts if k > first), len(segments))
    old = segments[first][3]
    if rng.random() < 0.9:
        new = rng.sample(DELIMITER_CHOICES, 3)
        if rng.random() < 0.2:
            new[2] = "\n"
    else:
        new = [rng.choice(DELIMITER_CHOICES + "Aé0"), rng.choice(DELIMITER_CHOICES + "Zé~\n"),
               rng.choice(DELIMITER_CHOICES + "9é~*")]
    table = {ord(old[0]): new[0], ord(old[1]): new[1]}
    for seg in segments[first:last]:
        seg[0] = seg[0].translate(table)
        if seg[1]:
            seg[1] = new[2]
            if new[2] == "\n":
                seg[2] = seg[2].lstrip("\r\n")
        seg[3] = tuple(new)


def mutate_x835_structure(segments, op, seeds, rng):
    n = len(segments)
    k = rng.randrange(n)
    if op == 0:                                 # duplicate a segment, up to deep repetition
        times = rng.choice([1, 1, 2, 3, 10, 100, 1000, 5000])
        segments[k + 1:k + 1] = [list(segments[k]) for _ in range(times)]
    elif op == 1:                               # delete a segment or a run of them
        del segments[k:k + rng.choice([1, 1, 1, 2, 5])]
    elif op == 2 and n > 1:                     # swap two segments, often neighbours
        j = min(n - 1, k + 1) if rng.random() < 0.6 else rng.randrange(n)
        segments[k][0], segments[j][0] = segments[j][0], segments[k][0]
    elif op == 3:                               # replace or add an element
        d = segments[k][3]
        elements = segments[k][0].split(d[0])
        i = rng.randrange(1, len(elements) + 2)
        value = rng.choice([rng.choice(X835_NUMBERS), rng.choice(X835_TOKENS), "",
                            d[1].join(rng.choice(["HC", "XX", "99213", "25", ""]) for _ in range(rng.randint(1, 9))),
                            "".join(rng.choice(PRINTABLE) for _ in range(rng.randint(1, 12)))])
        while len(elements) <= i:
            elements.append("")
        if rng.random() < 0.05:                 # many elements: beyond the 32 kept
            elements += ["1"] * rng.choice([31, 32, 33, 40, 100])
        elements[i] = value
        segments[k][0] = d[0].join(elements)
    elif op == 4:                               # repeat a claim (CLP up to the next CLP, LX, PLB, SE)
        claims = [i for i, seg in enumerate(segments) if seg[0][:4] in ("CLP" + seg[3][0],)]
        if claims:
            i = rng.choice(claims)
            j = i + 1
            while j < n and segments[j][0][:3] not in ("CLP", "LX" + segments[j][3][0], "PLB", "SE" + segments[j][3][0]):
                j += 1
            times = rng.choice([2, 10, 100, 1000])
            segments[j:j] = [list(seg) for _ in range(times) for seg in segments[i:j]]
    elif op == 5:                               # other delimiters
        x835_remap(segments, rng)
    elif op == 6:                               # truncate, often at a segment boundary
        del segments[k + 1:]
        if rng.random() < 0.5:
            segments[k][1] = segments[k][2] = ""
            if rng.random() < 0.5:
                segments[k][0] = segments[k][0][:rng.randrange(len(segments[k][0]) + 1)]
    elif op == 7:                               # tamper with a count
        counted = [i for i, seg in enumerate(segments) if seg[0][:3] in ("SE" + seg[3][0], "GE" + seg[3][0], "IEA")]
        if counted:
            i = rng.choice(counted)
            d = segments[i][3]
            elements = segments[i][0].split(d[0])
            if len(elements) > 1:
                old = elements[1]
                elements[1] = rng.choice([str(int(old) + 1) if old.isdigit() else "1",
                                          str(int(old) - 1) if old.isdigit() else "0",
                                          "0", "", "-1", "1x", "9" * 19, "0" * 30 + (old or "1"), " " + old])
                segments[i][0] = d[0].join(elements)
    elif op == 8:                               # splice another text at a segment boundary
        other = x835_segments(rng.choice(seeds).lstrip(SPACE))
        if other:
            j = rng.randrange(len(other) + 1)
            if rng.random() < 0.5:
                segments[k + 1:] = [list(seg) for seg in other[j:]]
            else:
                segments[k + 1:k + 1] = [list(seg) for seg in other]
    elif op == 9:                               # segments out of their envelope or loop
        body = rng.choice(["ISA", "GS", "ST", "SE", "GE", "IEA", "CLP", "SVC", "CAS", "PLB", "LX", "LQ", "BPR"])
        d = segments[k][3]
        filler = {"CLP": "PCN*1*10*5", "SVC": "HC:99213*10*5", "CAS": "CO*45*5", "PLB": "1*20241231*WO:1*5",
                  "LX": "1", "LQ": "HE*N1", "BPR": "I*5*C", "ST": "835*0009", "GS": "HP*A*B*20240101*1200*9*X*005010X221A1",
                  "SE": "1*0009", "GE": "1*9", "IEA": "1*000000009",
                  "ISA": "00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000009*0*T*:"}[body]
        segments[k + 1:k + 1] = [[(body + "*" + filler).replace("*", d[0]).replace(":", d[1]) if body != "ISA"
                                  else body + "*" + filler, d[2], "", d]]


def mutate_x835(s, seeds, rng):
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        body = s.lstrip(SPACE)
        segments = x835_segments(body) if rng.random() < 0.7 else None
        if segments:
            mutate_x835_structure(segments, rng.randrange(10), seeds, rng)
            if segments and rng.random() < 0.7:
                x835_fix_counts(segments)
            s = s[:len(s) - len(body)] + x835_join(segments)
        elif rng.random() < 0.3:                # an 835 token or number
            i = rng.randrange(len(s) + 1)
            s = s[:i] + rng.choice(X835_TOKENS + X835_NUMBERS) + s[i:]
        else:                                   # the generic text mutations
            s = mutate_text(s, seeds, rng)
        s = s[:MAX_CASE]
    if rng.random() < 0.5:                      # counts right, more often than not
        body = s.lstrip(SPACE)
        segments = x835_segments(body)
        if segments:
            x835_fix_counts(segments)
            s = s[:len(s) - len(body)] + x835_join(segments)
    return s.replace("\0", "")


def main():
    mode, seeds_path, count, rng_seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(rng_seed)
    seeds = {}
    with open(seeds_path, encoding="utf-8") as f:
        for line in f:
            kind, _, value = line.rstrip("\n").partition("\t")
            seeds.setdefault(kind, []).append(copy_unescape(value) if mode != "binary" else value)
    kinds = sorted(seeds)
    out = sys.stdout
    for case in range(1, count + 1):
        kind = kinds[case % len(kinds)]
        seed = rng.choice(seeds[kind])
        if mode == "text":
            value = mutate_text(seed, seeds[kind], rng) if rng.random() < 0.97 else seed
            out.write("%d\t%s\t%s\n" % (case, kind, copy_escape(value)))
        elif mode == "x835":
            value = mutate_x835(seed, seeds[kind], rng) if rng.random() < 0.97 else seed
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

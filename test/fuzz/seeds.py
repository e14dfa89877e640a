#!/usr/bin/env python3
"""Print every quoted literal of the repository's tests (sql/*.sql,
test/pgtap/*.sql: single-quoted and dollar-quoted), and the files the shell
tests write with printf (test/*.sh: the 835 files of test/load_835.sh), one
per line with COPY text escaping: the fuzzer's seed candidates.  The server
keeps those that are valid input of each type, or valid 835 texts."""
import glob
import os
import re
import sys

top = sys.argv[1]
literal = re.compile(r"\$(\w*)\$(.*?)\$\1\$|'((?:[^']|'')*)'", re.S)
printf = re.compile(r"^\s*printf '%s((?:\\r)?(?:\\n)?)' \\$")
seen = set()


def emit(s):
    if s in seen or len(s) > 4000:
        return
    seen.add(s)
    sys.stdout.write(s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\n")


for path in sorted(glob.glob(os.path.join(top, "sql", "*.sql")) + glob.glob(os.path.join(top, "test", "pgtap", "*.sql"))):
    if os.path.basename(path).startswith("contracts_ext--"):
        continue
    with open(path, encoding="utf-8") as f:
        for m in literal.finditer(f.read()):
            emit(m.group(2) if m.group(2) is not None else m.group(3).replace("''", "'"))

# printf '%s\r\n' \ then one single-quoted line per argument, up to the
# line that does not continue.
for path in sorted(glob.glob(os.path.join(top, "test", "*.sh"))):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for k, line in enumerate(lines):
        m = printf.match(line)
        if not m:
            continue
        suffix = m.group(1).replace("\\r", "\r").replace("\\n", "\n")
        parts = []
        for follow in lines[k + 1:]:
            parts += [p for p in re.findall(r"'([^']*)'", follow)]
            if not follow.rstrip().endswith("\\"):
                break
        emit("".join(p + suffix for p in parts))

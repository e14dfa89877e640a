#!/usr/bin/env python3
"""Print every quoted literal of the repository's tests (sql/*.sql,
test/pgtap/*.sql), one per line with COPY text escaping: the fuzzer's seed
candidates.  The server keeps those that are valid input of each type."""
import glob
import os
import re
import sys

top = sys.argv[1]
literal = re.compile(r"\$\$(.*?)\$\$|'((?:[^']|'')*)'", re.S)
seen = set()
for path in sorted(glob.glob(os.path.join(top, "sql", "*.sql")) + glob.glob(os.path.join(top, "test", "pgtap", "*.sql"))):
    if os.path.basename(path).startswith("contracts_ext--"):
        continue
    with open(path, encoding="utf-8") as f:
        for m in literal.finditer(f.read()):
            s = m.group(1) if m.group(1) is not None else m.group(2).replace("''", "'")
            if s in seen or len(s) > 4000:
                continue
            seen.add(s)
            sys.stdout.write(s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\n")

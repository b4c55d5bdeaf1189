"""All hosts already used by any annotated set or corpus (one per line), to keep new sets blind."""
import csv, glob, sys
from urllib.parse import urlsplit
hosts = set()
files = glob.glob("/work/main/tests/dev/**/*.tsv", recursive=True) + glob.glob("/work/shared/**/*.tsv", recursive=True)
for f in files:
    for line in open(f, encoding="utf-8"):
        for tok in line.split("\t"):
            tok = tok.strip()
            if tok.startswith("http"):
                h = urlsplit(tok).hostname or ""
                h = h.rstrip(".").lower()
                if h.startswith("www."): h = h[4:]
                hosts.add(h)
for h in sorted(hosts): print(h)
print(len(hosts), "hosts from", len(files), "manifests", file=sys.stderr)

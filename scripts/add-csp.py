#!/usr/bin/env python3
"""Adds Sealift's Content Security Policy to a release build's index.html.

Trunk runs this after each build (see Trunk.toml [[hooks]]). The policy allows
only the page's own files, plus its inline scripts (the loader Trunk writes
and the bundled report's early download), by their SHA-256 hashes, never
'unsafe-inline'. Debug builds (`trunk serve`) are left
alone: Trunk's live-reload script would be blocked.
"""
import base64
import hashlib
import os
import re
import sys

POLICY = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
]


def main() -> int:
    if os.environ.get("TRUNK_PROFILE") != "release":
        return 0
    path = os.path.join(os.environ["TRUNK_STAGING_DIR"], "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    # Scripts that run (data blocks, `type=application/json`, need no hash).
    scripts = re.findall(
        r"<script(?![^>]*\btype=\"?application/json)(?:\s[^>]*)?>(.*?)</script>", html, flags=re.S
    )
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
        if s.strip()
    )
    policy = "; ".join(POLICY).format(hashes=hashes).replace("  ", " ")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
    # The release build's HTML is minified: `<meta charset=utf-8>`.
    html, count = re.subn(
        r'(<meta charset="?utf-8"?\s*/?>)', r"\1" + meta, html, count=1, flags=re.I
    )
    if count != 1:
        print("add-csp: no <meta charset> in index.html", file=sys.stderr)
        return 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())

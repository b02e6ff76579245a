"""Archives Veille does not open (gzip aside, read in ``formats._read_gzip``): named by their
magic bytes, so that a zip uploaded on the web or given to ``ingest`` is one plain line saying
what it is and what to do, not "binary content"."""

from __future__ import annotations

import re

# (magic at offset 0, what it is) — an Office or OpenDocument file is a zip too.
_MAGIC = ((b"PK\x03\x04", "a zip archive (or an Office document, which is one)"),
          (b"PK\x05\x06", "an empty zip archive"),
          (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
          (b"Rar!\x1a\x07", "a RAR archive"),
          (b"\xfd7zXZ\x00", "an xz-compressed file"),
          (b"\x28\xb5\x2f\xfd", "a Zstandard-compressed file"))
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")


def archive_kind(content: bytes) -> str | None:
    """What archive ``content`` is, or None when it is none of those above."""
    for magic, what in _MAGIC:
        if content.startswith(magic):
            return what
    if _BZIP2.match(content):
        return "a bzip2-compressed file"
    if content[257:262] == b"ustar":
        return "a tar archive"
    return None


def archive_reason(what: str) -> str:
    return f"{what}: Veille opens no archive but gzip (unpack it and give the folder)"

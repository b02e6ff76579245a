"""veille.readers.archives: archives named by their magic bytes."""

from __future__ import annotations

import bz2
import io
import tarfile
import zipfile

from veille.readers.archives import archive_kind, archive_reason


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("article.txt", "Le pont rouvre.")
    return buf.getvalue()


def _tar() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        data = b"Le pont rouvre."
        info = tarfile.TarInfo("article.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_archives_are_named() -> None:
    assert archive_kind(_zip()).startswith("a zip archive")
    assert archive_kind(_tar()) == "a tar archive"
    assert archive_kind(bz2.compress(b"Le pont rouvre." * 20)) == "a bzip2-compressed file"
    assert archive_kind(b"7z\xbc\xaf\x27\x1c\x00\x04") == "a 7-Zip archive"


def test_a_page_is_no_archive_and_the_reason_says_what_to_do() -> None:
    assert archive_kind(b"<html><p>Le pont rouvre.</p></html>") is None
    assert "unpack it" in archive_reason("a tar archive") and archive_reason("a tar archive").startswith("a tar archive")

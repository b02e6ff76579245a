"""Where bytes come from: files, folders (read recursively) and URLs, each read under a budget and
behind one guard, so that nothing an input does can stop the batch."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from veille.readers.base import Budget, RawDocument, ReadError, printable
from veille.readers.formats import read_bytes
from veille.readers.warc import size_limit

_URL = re.compile(r"^https?://", re.I)


def iter_paths(paths: Iterable[str | Path | bytes]) -> Iterator[str | Path | ReadError]:
    """Expands folders recursively (sorted, hidden files skipped); URLs pass through. A folder
    that cannot be listed and a link that leads nowhere are errors, not silence."""
    for p in paths:
        if isinstance(p, bytes):
            p = os.fsdecode(p)  # a file name as bytes (os.listdir(b".")): read as the CLI reads it
        s = str(p)
        if not s.strip():
            # An empty argument ("$DIR" unset) is no path: Path("") is the working folder, read whole.
            yield ReadError(repr(s), "empty path")
            continue
        if _URL.match(s):
            yield s
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


MAX_URL_LIST = 1_000_000  # bytes: a file listing URLs is read as such up to this size


def with_listed_urls(paths: Iterable[str]) -> list[str]:
    """``paths`` with each file that lists http(s) URLs one a line replaced by its URLs, as if they
    had been given one by one (``veille extract urls.txt``). Only a file given itself: one inside a
    folder is an error when read (``formats.URL_LIST_READ``), so that reading a folder never goes to
    the web unasked."""
    out: list[str] = []
    for p in paths:
        urls = None if _URL.match(str(p)) else _listed_urls(Path(os.fsdecode(p) if isinstance(p, bytes) else p))
        out.extend(urls if urls is not None else [p])
    return out


def _listed_urls(path: Path) -> list[str] | None:
    """The URLs of ``path`` when it is a file listing http(s) URLs one a line (``formats.url_list``);
    None for any other file, or one that cannot be read here (its reader says why)."""
    from veille.readers.formats import url_list

    try:
        if not path.is_file() or path.stat().st_size > MAX_URL_LIST:
            return None
        with open(path, "rb") as f:
            head = f.read(MAX_URL_LIST)
    except OSError:
        return None
    start = head.lstrip()[:8].lower()
    if not (start.startswith((b"http://", b"https://", b"#")) or head.startswith(b"\xef\xbb\xbf")):
        return None
    try:
        return url_list(head.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def _walk(root: Path) -> Iterator[Path | ReadError]:
    """The files under ``root``, sorted. A linked sub-folder is read once: a link back to a folder
    being read (a loop) is one error, a second link to a folder already read is skipped."""
    found: list[Path] = []
    errors: list[ReadError] = []

    def unreadable(exc: OSError) -> None:
        errors.append(ReadError(printable(exc.filename or root), f"cannot read folder: {exc.strerror or exc}"))

    seen: set[tuple[int, int]] = set()
    with contextlib.suppress(OSError):
        info = os.stat(root)
        seen.add((info.st_dev, info.st_ino))
    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        dirs[:] = _new_folders(Path(folder), dirs, seen, errors)
        for name in files:
            if name.startswith("."):
                continue
            child = Path(folder, name)
            if child.is_symlink():
                problem = _link_problem(child)
                if problem:
                    errors.append(ReadError(printable(child), problem))
                    continue
            if child.is_file():
                found.append(child)
    if not found and not errors:  # a mistyped or unmounted folder must not pass for "0 added"
        errors.append(ReadError(printable(root), "no file in this folder (hidden files are skipped)"))
    yield from errors
    yield from sorted(found)


def _new_folders(folder: Path, names: list[str], seen: set[tuple[int, int]],
                 errors: list[ReadError]) -> list[str]:
    """The sub-folders of ``folder`` to walk into: not hidden, not read already (real folders are
    taken before links, so a link to a sibling leaves the folder under its own name)."""
    keep = []
    for name in sorted((n for n in names if not n.startswith(".")),
                       key=lambda n: (folder.joinpath(n).is_symlink(), n)):
        sub = folder / name
        try:
            info = os.stat(sub)
        except OSError:
            keep.append(name)  # os.walk reports it (onerror)
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            target = sub.resolve()
            if sub.is_symlink() and folder.resolve().is_relative_to(target):
                errors.append(ReadError(printable(sub), f"symbolic link loop: it leads back to {printable(target)}, "
                                                        "read once"))
            continue
        seen.add(key)
        keep.append(name)
    return keep


def _link_problem(link: Path) -> str | None:
    """Why a symbolic link to a file cannot be followed, or None."""
    try:
        os.stat(link)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: the link leads back to itself"
        if exc.errno == errno.ENOENT:
            return "dangling link: its target does not exist"
        return f"cannot follow link: {exc.strerror or exc}"
    return None


def read_documents(paths: Iterable[str | Path | bytes], max_bytes: int | None = None,
                   budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    """Every document found under ``paths``, or the error that kept one from being read."""
    budget = Budget.of(max_bytes, budget)
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            yield item
        elif isinstance(item, str):
            yield from _linked(guarded(lambda url=item: read_url(url, budget=budget), item), item, budget)
        else:
            yield from _linked(guarded(lambda path=item: read_file(path, budget=budget), printable(item)),
                               item, budget)


def _linked(items: Iterator[RawDocument | ReadError], source: str | Path,
            budget: Budget) -> Iterator[RawDocument | ReadError]:
    """With ``budget.follow_links``, a feed's entries that give a summary only and JSON records
    that give a URL only (``meta["teaser"]``) replaced by the page each links to: an http(s) link fetched, a local one (a path, ``file://``) read when the feed is a
    local file, relative to its folder. A link that cannot be read is one error naming the entry,
    the link and the reason. (Uploads and the watch never come here: a feed posted to the server
    makes it read nothing but the feed.)"""
    if not budget.follow_links:
        yield from items
        return
    for item in items:
        link = item.meta.get("url") if isinstance(item, RawDocument) and item.meta.get("teaser") else None
        if not link:
            yield item
            continue
        target = _link_target(str(link), source)
        if target is None:
            yield ReadError(item.origin, f"feed entry gives a summary only and its link {link} is neither "
                                         "a web address nor a file beside the feed")
            continue
        if isinstance(target, str):
            read = guarded(lambda url=target: read_url(url, budget=budget), target)
        else:
            read = guarded(lambda path=target: read_file(path, budget=budget), printable(target))
        for doc in read:
            if isinstance(doc, ReadError):
                yield ReadError(item.origin, f"feed entry gives a summary only and its link {link} "
                                             f"could not be read: {doc.reason}")
            elif doc.meta.get("teaser"):  # a feed linking to a feed: not followed further
                yield ReadError(item.origin, f"feed entry links to another feed ({link}): not followed")
                break
            else:
                yield doc


def _link_target(link: str, source: str | Path) -> str | Path | None:
    """Where a feed entry's link leads: a URL, a local file (for a feed read from a file), or None."""
    from urllib.parse import unquote, urljoin, urlsplit

    if _URL.match(link):
        return link
    scheme = re.match(r"^[a-z][a-z0-9+.-]*:", link, re.I)
    if isinstance(source, str):  # a feed fetched from the web: its relative links are on its site
        return None if scheme else urljoin(source, link)
    if scheme and not link.lower().startswith("file:"):
        return None  # mailto:, ftp:…

    if link.lower().startswith("file:"):
        parts = urlsplit(link)
        # "file:///a/b" and "file://localhost/a/b"; a parser may have made "file:///a/b" "file://a/b"
        host = "" if parts.netloc in ("", "localhost") else "/" + parts.netloc
        local = Path(unquote(host + parts.path))
    else:
        local = Path(unquote(link))
    return local if local.is_absolute() else Path(source).parent / local


MAX_ERRORS = 100  # errors from one input before the rest of it is skipped


def guarded(reader: Callable[[], Iterator[RawDocument | ReadError]],
            origin: str) -> Iterator[RawDocument | ReadError]:
    """The reader's documents; whatever it raises ends that input with one error, and the
    documents it gave before are kept. An input that is mostly broken records (a list of a
    million empty objects) stops after ``MAX_ERRORS`` errors instead of flooding the log."""
    errors = 0
    try:
        for item in reader():
            if isinstance(item, ReadError):
                errors += 1
                if errors > MAX_ERRORS:
                    yield ReadError(origin, f"more than {MAX_ERRORS} errors: the rest of this input is skipped")
                    return
            yield item
    except RecursionError:
        yield ReadError(origin, "nested too deeply to read")
    except MemoryError:
        yield ReadError(origin, "out of memory while reading")
    except Exception as exc:
        yield ReadError(origin, f"cannot read: {exc.__class__.__name__}: {exc}")


def read_file(path: Path, max_bytes: int | None = None,
              budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    budget = Budget.of(max_bytes, budget)
    origin = printable(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        yield ReadError(origin, f"cannot open: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(info.st_mode):
        # A device (/dev/zero) never ends and a FIFO blocks until someone writes to it.
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, FIFO or socket"
        yield ReadError(origin, f"not a regular file ({kind})")
        return
    try:
        with open(path, "rb") as f:
            # A WARC archive may be larger than one document: its records are each read under
            # --max-bytes, the archive under ten times that (Budget.archive_bytes).
            limit = size_limit(f.read(65536), budget)
            if info.st_size > limit:
                yield ReadError(origin, f"too large: {info.st_size} bytes, the limit is {limit} (--max-bytes)")
                return
            f.seek(0)
            content = f.read(limit + 1)  # the file may have grown since stat
    except OSError as exc:
        yield ReadError(origin, f"cannot read: {exc.strerror or exc}")
        return
    if len(content) > limit:
        yield ReadError(origin, f"too large: over the limit of {limit} bytes (--max-bytes)")
        return
    yield from read_bytes(content, origin, path=origin, budget=budget)


def read_url(url: str, max_bytes: int | None = None,
             budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    """One URL, fetched within ``budget.url_seconds`` in total (a server trickling one byte at a
    time is cut off, not waited for) and ``budget.max_bytes``."""
    import httpx

    from veille.readers.deadline import deadline_transport

    budget = Budget.of(max_bytes, budget)
    deadline = time.monotonic() + budget.url_seconds
    per_read = min(20.0, budget.url_seconds)
    transport = deadline_transport(deadline)
    try:
        with httpx.Client(transport=transport, follow_redirects=True, timeout=per_read,
                          headers={"Accept-Encoding": "gzip, identity"}) as client, \
                client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                yield ReadError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                return
            final = str(resp.url)  # after redirects: the article's own address
            chunks, total = [], 0
            for chunk in resp.iter_raw():
                total += len(chunk)
                if total > budget.max_bytes:
                    yield ReadError(url, f"too large: over the limit of {budget.max_bytes} bytes (--max-bytes)")
                    return
                if time.monotonic() > deadline:
                    yield ReadError(url, f"too slow: not fetched within {budget.url_seconds:g} s")
                    return
                chunks.append(chunk)
    except httpx.TimeoutException:
        # Cut at the deadline after some answer (a head trickled byte by byte): too slow as a whole;
        # nothing came back: silent.
        if transport.deadline_clock.heard and time.monotonic() >= deadline - 0.05:
            yield ReadError(url, f"too slow: not fetched within {budget.url_seconds:g} s")
        else:
            yield ReadError(url, f"too slow: no answer within {per_read:g} s")
        return
    except httpx.HTTPError as exc:
        yield ReadError(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")
        return
    # The raw bytes, still compressed when the server says so: read_bytes inflates gzip under the
    # budget; any other content coding is refused by the sniffing (binary).
    content = b"".join(chunks)
    encoding = resp.headers.get("content-encoding", "").lower()
    if encoding not in ("", "identity", "gzip", "x-gzip"):
        yield ReadError(url, f"unsupported content encoding: {encoding}")
        return
    yield from read_bytes(content, url, url=final, budget=budget)

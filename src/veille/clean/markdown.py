"""A page converted to Markdown (html2text, markdownify, a scraper's "reader" output), read as a dump.

A converter keeps the page's furniture but writes every link as ``[text](url)``, every picture as
``![alt](url)``, the headings after ``#`` marks, emphasis between ``*`` or ``_`` and escapes the
characters Markdown would read (``3\\.``, ``\\-``). ``is_markdown`` recognises such a text;
``as_dump`` prints it the way ``lynx -dump -nolist`` prints the page: headings at the left edge,
text at a three-space margin, list items as indented bullets, links as their text only, pictures
and table rules dropped. The dump reader (``clean/browser.py``) then reads it like any text-browser
dump: the heading at the margin is a headline candidate, the URLs of the links are gone (a related
link's date in its URL is no stamp).

Example: ``"# Le maire de Valmorin démissionne\\n\\nPar [Jeanne Vautrin](/auteur/jv)"`` prints
``"Le maire de Valmorin démissionne"`` at the margin and ``"   Par Jeanne Vautrin"`` under it.
"""

from __future__ import annotations

import re

from veille.clean.text import line_key
from veille.common.lexicon import rows

MIN_LINKS = 3  # Markdown links (or pictures) a page converted to Markdown shows, with no heading
# A link: its text (one level of brackets inside), then the target, which a converter may wrap over
# lines (never over a blank line), with an optional title in quotes.
# (Bounded: a text, a target of more characters is no link; an unclosed one costs no more.)
_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]{0,500}\]){0,3000})\]"
                   r"\((?:[^()\n]|\n(?![ \t]*\n)|\([^()\n]{0,500}\)){0,10000}\)")
_LINK_START = re.compile(r"\]\((?:https?:|/|#|\.|mailto:|\))")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)[*+-][ \t]+(.*)$")
_NUMBERED = re.compile(r"^([ \t]*)(\d{1,3}[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_RULE = re.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TABLE_RULE = re.compile(r"^[ \t|:-]*-{3,}[ \t|:-]*$")
_MARKS_ONLY = re.compile(r"^[ \t*_~`]+$")  # emphasis around nothing (an icon's empty <i></i>: "__")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)")
# What a link spanning a blank line leaves (a teaser's picture and headline inside one link): its
# opening bracket closing a line, its target opening one.
_ORPHAN_TARGET = re.compile(r"^[ \t]*\]\((?:[^()\n]|\n(?![ \t]*\n)|\([^()\n]{0,500}\)){0,10000}\)", re.M)
_ORPHAN_OPEN = re.compile(r"\[[ \t]*$")
HEADING_WRAP = 60  # a heading line this long, with text on the next line: wrapped by the converter
MARGIN = "   "  # lynx's text margin
BULLET_MARGIN = "     "  # lynx's list items


# The metadata an export writes above the page: YAML front matter between "---" lines, or a reader
# service's "Field: value" lines closed by "Markdown Content:".
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_READER_HEAD = re.compile(r"\A((?:[A-Z][\w ]{0,30}:[^\n]*\n\s*){1,12})Markdown Content:[ \t]*\n", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w -]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*$")
FIELD_ROLES = {cols[0]: cols[1] for cols in rows("clean/page_fields.tsv", min_columns=3)}
FIELD_RANKS = {field: rank for rank, field in enumerate(FIELD_ROLES)}  # (the lexicon's first field wins)


def _head_block(text: str) -> re.Match[str] | None:
    """The export's metadata block opening the text, when one of its lines is a known field (a
    text opening on a rule "---" is no front matter)."""
    m = _FRONT.match(text) or _READER_HEAD.match(text)
    if m is None:
        return None
    for line in m.group(1).splitlines():
        field = _FIELD.match(line)
        if field is not None and field.group(1).strip().lower() in FIELD_ROLES:
            return m
    return None


def page_fields(text: str) -> tuple[dict[str, str], str]:
    """The export's metadata above the page ({role: value} for the roles of
    ``lexicons/clean/page_fields.tsv`` but ``capture``: the day a page was saved or changed is
    never its publication date), and the text without it."""
    m = _head_block(text)
    if m is None:
        return {}, text
    found: dict[str, tuple[int, str]] = {}
    for line in m.group(1).splitlines():
        field = _FIELD.match(line)
        if field is None or line[:1] in " \t-":
            continue  # (a list's item or a nested value: tags, authors)
        name = field.group(1).strip().lower()
        role = FIELD_ROLES.get(name)
        value = field.group(2).strip().strip("\"'").replace('\\"', '"')  # (YAML's escaped quote)
        if role and role != "capture" and value and (role not in found or FIELD_RANKS[name] < found[role][0]):
            found[role] = (FIELD_RANKS[name], value)
    return {role: value for role, (_, value) in found.items()}, text[m.end():]


_INSTANT = re.compile(r"^\s*(?:19|20)\d\d-[01]\d-[0-3]\d[T ][0-2]\d:[0-5]\d")
_ISO_DAY = re.compile(r"^\s*(?:19|20)\d\d-[01]\d-(?:0[2-9]|[12]\d|3[01])\s*$")
TITLE_SHARE = 0.6  # a line holding this share of the title's words prints it…
CONTENT_WORD = 4  # letters of the words compared (articles and prepositions are shorter)
TITLE_LINE_WORDS = 1.5  # …when it is no longer than this many times the title (a lede is longer)


def exact_day(value: str | None) -> bool:
    """A day a publishing system wrote: an ISO instant ("2024-03-12T10:05+01:00"), or an ISO day
    that is not a 1st ("2024-03-01" may be a print issue's month set on its first day)."""
    return bool(value) and (_INSTANT.match(value) is not None or _ISO_DAY.match(value) is not None)


def prints_title(dump: str, title: str) -> bool:
    """A line of the page prints the export's title (a whole page converted, its headline in it),
    or the export holds the article alone, its headline left out (then the title is the headline).
    The title may carry the site's name ("… - Le Courrier") and the headline a second line the
    title lacks: a line of a headline's length holding most of the title's words counts."""
    every = line_key(title).split()
    wanted = {w for w in every if len(w) >= CONTENT_WORD} or set(every)  # (not "de", "la", "des")
    if not wanted:
        return True
    for line in dump.splitlines():
        if line.startswith("#"):
            continue  # (the title itself, printed as a link header)
        got = line_key(line).split()
        if got and len(got) <= TITLE_LINE_WORDS * len(every) + 3 \
                and len(wanted.intersection(got)) >= TITLE_SHARE * len(wanted):
            return True
    return False


SENTENCE_WORDS = 8  # a line this long closed by a period is a standfirst, rarely a headline


def standfirst_line(title: str | None) -> bool:
    """A line the dump's chooser took for the headline that reads as a standfirst: eight words or
    more closed by one period ("Le conseil a voté lundi soir. Les élus de l'opposition …"). Under
    an export's own title (trafilatura's, a clipper's), that title is the headline."""
    if not title:
        return False
    text = title.rstrip()
    return text.endswith(".") and not text.endswith("..") and len(line_key(text).split()) >= SENTENCE_WORDS


def is_markdown(text: str) -> bool:
    """A page converted to Markdown: several Markdown links or pictures, or a heading with one, or
    an export's metadata above it (``page_fields``)."""
    if _head_block(text) is not None:
        return True
    sample = text[:200_000]
    links = len(_LINK_START.findall(sample))
    if links >= MIN_LINKS:
        return True
    return links >= 1 and any(_ATX.match(ln) for ln in sample.splitlines())


def _inline(text: str) -> str:
    """A line's text without Markdown's marks: links as their text, no pictures, no emphasis."""
    previous = None
    while previous != text:  # a picture inside a link: the picture first, then the link
        previous = text
        text = _LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = _AUTOLINK.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split()) if "\n" in text else text.strip()


def as_dump(text: str, title: str | None = None) -> str:
    """The Markdown page printed as ``lynx -dump -nolist`` prints the page (see the module doc);
    ``title`` (the export's metadata title) printed first as lynx prints a page's link header
    ("#Title"): evidence for the headline, not the headline."""
    # Links first, over the whole text: a converter wraps a link's text or its target over lines.
    previous = None
    while previous != text:
        previous = text
        text = _LINK.sub(lambda m: "" if m.group(1) else " ".join(m.group(2).split()), text)
    out: list[str] = []
    lines = [_ORPHAN_OPEN.sub("", ln) for ln in _ORPHAN_TARGET.sub("", text).splitlines()]
    levels = [len(m.group(1)) for ln in lines if (m := _ATX.match(ln))]
    top = min(levels) if levels else 1
    wrapped_heading = False  # the line before was a heading the converter wrapped
    in_item = False  # the lines before are a list item's
    in_text = False  # the line before is a paragraph's, with no hard break ("  " or "\\") closing it
    for i, line in enumerate(lines):
        if not line.strip():
            wrapped_heading = in_item = in_text = False
        elif wrapped_heading and not _ATX.match(line) and not _BULLET.match(line):
            out[-2] += " " + _inline(line)
            continue
        elif in_item and line[:1] in " \t" and not _BULLET.match(line) and not _NUMBERED.match(line):
            out[-1] += " " + _inline(line)  # a list item wrapped by the converter
            continue
        if _SETEXT.match(line) and out and out[-1].strip() and i > 0 and lines[i - 1].strip():
            out[-1] = out[-1].strip()  # the line above is a heading ("Titre" over "=====")
            continue
        if _FENCE.match(line) or _RULE.match(line) or _TABLE_RULE.match(line) or _MARKS_ONLY.match(line):
            out.append("")
            continue
        heading = _ATX.match(line)
        if heading:
            # Only the top level at the left edge, as lynx prints a headline: lower headings
            # (intertitles, teasers' headlines, a sidebar's titles) at the text's margin.
            words = _inline(heading.group(2))
            margin = "" if len(heading.group(1)) == top else MARGIN
            out.extend(["", f"{margin}{words}", ""] if words else [""])
            wrapped_heading = bool(words) and len(line) >= HEADING_WRAP
            continue
        line = _QUOTE.sub("", line)
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line) if bullet is None else None
        if bullet:
            words = _inline(bullet.group(2))
            out.append(f"{BULLET_MARGIN}{'  ' * (len(bullet.group(1)) // 4)}* {words}" if words else "")
            in_item = bool(words)
        elif numbered:
            words = _inline(numbered.group(3))
            out.append(f"{MARGIN} {numbered.group(2)} {words}" if words else "")
            in_item = bool(words)
        else:
            # Lines of one paragraph are one paragraph in Markdown (a converter wraps them at
            # its width, counting the targets of the links: the width is gone with them).
            words = _inline(line)
            if in_text and words:
                out[-1] += " " + words
            else:
                out.append(f"{MARGIN}{words}" if words else "")
            in_text = bool(words) and not line.endswith(("  ", "\\"))
            continue
        in_text = False
    head = [f"#{' '.join(title.split())}", ""] if title else []
    return "\n".join([*head, *out]) + "\n"

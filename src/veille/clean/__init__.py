"""Cleaning: raw input to title, body paragraphs and the boilerplate removed from it.

Text dumps of scraped pages keep the page furniture around the article: a breadcrumb that
repeats the title cut with "...", a comment counter, image captions (often twice: alt text and
caption with credit), "Suivez en direct …", "Lire aussi : …", "Article précédent/suivant",
"Source : …". The rules below are about layout, not sites:

* everything before the headline is furniture (crumbs, menus); the headline is the line just
  above the byline or publication stamp ("Par …", "Publié le …", "Mis à jour …", "X avec AFP", a
  bare date), over a standfirst; else the first line that is not furniture, or the line a crumb
  truncated ("… sur la réponse..." then the full line). Never a headline: a consent banner, a bare
  date stamp, a breadcrumb ("Accueil > Monde", "Agence | Actualité"), a short line in capitals
  (a site name), a "Site – tagline" line;
* between the headline and the first body paragraph, lines that are not paragraphs (short, no
  final punctuation, near-duplicates of each other, credits) are furniture (captions, bylines);
  a standalone agency dateline (``BRUXELLES, 6 avr. (AFP) –``) marks where the body starts;
* anywhere, a line opening with a furniture cue of ``lexicons/boilerplate.tsv`` ("Lire aussi",
  "Article suivant", "Partager", "Publié le" …), a lone number, a photo credit, a repeat of the
  title, or the second of two near-identical short lines is furniture;
* a short line wholly in brackets is a sign-off ("(Belga)"); a bracketed credit ("(Reportage …,
  édité par …)"), a byline, a promo ending on a call to action ("… S'inscrire") are furniture;
* once the body has started, a comments header ("Vos réactions (7)", "Commentaires", "Laisser un
  commentaire") closes the article: every line after it is furniture;
* after the last paragraph, short lines without final punctuation are furniture (tags, sources),
  and so are "Prénom : texte" lines (readers' comments);
* in the body of a dump or an HTML page, the page's interface lines (an advertising break, a
  player's message, a slideshow link, a paywall prompt, counters, share buttons), initials or a
  name alone as a signature, a rubric in capitals opening the lede ("ENQUÊTE - …") and the
  headline printed again are furniture; a place opening the lede before a dash is the dateline
  (``ui_lines``).

Every removed line goes to ``article.boilerplate`` as it stands (stripped), so nothing is lost.
A dateline is split off (also when glued to the first paragraph) into ``article.dateline.text``
for the metadata stage, and a leading crawl header (`` date 2022-11 ``) into
``article.hints["header_date"]``.

Text-browser dumps (lynx, w3m, links: bullet menus, ``(BUTTON)``, ``#`` link headers, paragraphs
hard-wrapped and indented) are recognised first (``dump.is_browser_dump``) and brought to one line
model (``dump.units``: unwrapped, classified); the article is the densest run of prose, its
headline is chosen by position, shape and agreement with the page's link header and URL slug, its
stamps are read in its head (``browser.clean_dump``); the line rules above then run on that run.

HTML (also HTML records and feed entries) goes through trafilatura (precision first, paragraphs
kept), then through the same line rules; title, date and site come from the page's metadata
unless the reader's hints (feed, JSONL record) already give them. JSONL text records are cleaned
like dumps, but the record's title and date win.
"""

from veille.clean.cues import Cue, boilerplate_cues, cue_kind
from veille.clean.html import extract_html, html_lines
from veille.clean.lines import Cleaned, clean_lines, page_stamps
from veille.clean.shapes import truncated_prefix
from veille.clean.stage import CleanStage
from veille.clean.text import is_prose, normalize_line, similar, words

__all__ = ["CleanStage", "Cleaned", "Cue", "boilerplate_cues", "clean_lines", "cue_kind", "extract_html", "html_lines",
           "is_prose", "normalize_line", "page_stamps", "similar", "truncated_prefix", "words"]

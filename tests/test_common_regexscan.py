"""The fast searches of ``common.regexscan`` find exactly what the plain pattern finds."""

import re

import pytest

from veille.common.regexscan import (
    FastSearch,
    alternation_occurrences,
    first_chars,
    folded_word_char,
    necessary_part,
    regex_word_char,
    whole_occurrences,
    with_first_chars,
    word_joiner,
)

TEXT = ("Le 3 mai, la réunion de Maëlle Dubrac s'est tenue au-delà de 14 h ; "
        "le 12-juin puis vers 9h30, et enfin le lundi 4 juillet, dit-elle.")
PATTERNS = [
    r"(?:le\s+)?(?P<d>1er|[0-3]?\d)\s+(?P<m>mai|juillet)",
    r"(?<![\w,.:/-])(?:vers\s+)?(?P<clock>[01]?\d|2[0-4])\s?h(?:\s?[0-5]\d)?",
    r"(?:le\s+)?(?P<d>[0-3]?\d)-(?P<m>juin)",
    r"(?:la\s+|le\s+)?(?<!père\s)(?:réunion|lundi)",
    r"(?=le\s)(?:le\s+)?\d+",
]


def _all(search, text):
    out, pos = [], 0
    while (m := search(text, pos)) is not None:
        out.append((m.span(), m.groupdict()))
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


def _word_start(rx):
    def search(text, pos):
        while (m := rx.search(text, pos)) is not None:
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
                return m
            pos = m.start() + 1
        return None
    return search


def test_same_matches_as_the_plain_search():
    for source in PATTERNS:
        rx = re.compile(source)
        want = _all(rx.search, TEXT)
        assert _all(with_first_chars(rx).search, TEXT) == want
        assert _all(FastSearch(rx).search, TEXT) == want
        assert _all(FastSearch(rx, word_start=True).search, TEXT) == _all(_word_start(rx), TEXT)


def test_first_characters():
    assert first_chars(re.compile(r"(?:le\s+)?\d")) == r"[l\d]"
    assert first_chars(re.compile(r"mai|juin")) is None  # re skips on its own
    assert first_chars(re.compile(r"(?:le)?\d*")) is None  # may match the empty string
    assert first_chars(re.compile(r"(?:x)?.")) is None  # any character


def test_word_start_is_checked_at_candidates_only():
    fast = FastSearch(re.compile(r"(?:le\s+)?(?:mai|lundi)"), word_start=True)
    assert fast.search("semai lundi").group() == "lundi"


# Invented text: names glued to apostrophes, hyphens, digits, accented letters, and repeated forms.
OCCURRENCES_TEXT = ("Lina Brast a parlé. D'Lina, Lina-Maria et Linas ignorent Lina. «Lina» 2Lina Lina_ "
                    "aaa aaaa aaa élina lina Brast, Brast'")


@pytest.mark.parametrize("form", ["Lina", "Brast", "aaa", "aa", "lina", "Lina Brast", "na"])
def test_whole_occurrences_as_the_look_around_pattern(form):
    for joins, cls in ((word_joiner, r"[\w'’-]"), (folded_word_char, "[a-z0-9]")):
        want = [m.span() for m in re.finditer(f"(?<!{cls})" + re.escape(form) + f"(?!{cls})", OCCURRENCES_TEXT)]
        assert list(whole_occurrences(OCCURRENCES_TEXT, form, joins)) == want


def test_whole_occurrences_refuses_an_empty_form():
    with pytest.raises(ValueError):
        list(whole_occurrences("abc", "", word_joiner))


NAMES_TEXT = "Le Comité Vert et le Comité, puis Vert-Bois, Comité Vert_2 ; enfin Comité Vert."


@pytest.mark.parametrize("forms", [
    ["Comité Vert", "Comité", "Vert"],
    ["Vert", "Comité Vert", "Comité"],  # order decides at one position, not length
    ["Bois", "Vert-Bois", "Vert"],
    ["Vert_2", "Comité Vert_2", "Comit"],
])
def test_alternation_occurrences_as_the_alternation_pattern(forms):
    pattern = "|".join(re.escape(f) for f in forms)
    expected = [(m.start(), m.end(), m.group(0)) for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", NAMES_TEXT)]
    assert list(alternation_occurrences(NAMES_TEXT, forms, regex_word_char)) == expected


def test_alternation_occurrences_sees_overlapping_occurrences_of_one_form():
    # "A A" at 2 lies inside the match of "B A"; the search goes on from 3 and finds it at 4.
    text, forms = "B A A A", ["B A", "A A"]
    assert list(alternation_occurrences(text, forms, regex_word_char)) == [(0, 3, "B A"), (4, 7, "A A")] == [
        (m.start(), m.end(), m.group(0)) for m in re.finditer(r"(?<!\w)(?:B\ A|A\ A)(?!\w)", text)]


def test_regex_word_char_is_the_pattern_class():
    word = re.compile(r"\w")
    assert all(bool(word.match(c)) == regex_word_char(c) for c in "aZé_9٣Ⅷ -'’.\u00a0")


NEEDED = [
    (r"[^\W\d_]{3,}\s+(?P<extent>du\s+(?P<wd>lundi|mardi))(?![\w-])", "du\\s+"),
    (r"(?:vers\s+)?(?P<h>\d+)\s?h\s+du\s+soir", None),
    (r"(?P<u>jour|mois)s?\s+après\s+(?P=u)s?", None),
    (r"(?<![\w-])(?:réunion|lundi)", None),
]


@pytest.mark.parametrize(("pattern", "_"), NEEDED)
def test_necessary_part_is_held_by_every_text_with_a_match(pattern, _):
    rx = re.compile(pattern)
    need = necessary_part(rx)
    texts = [TEXT.lower(), "la séance du lundi", "au milieu du mardi-gras", "vers 9 h du soir", "2 jours après jour",
             "mardi", "", "xdu lundi", "Agathe Lormier arrive du lundi au mardi"]
    for text in texts:
        if rx.search(text):
            assert need is None or need.search(text)


def test_necessary_part_skips_a_text_the_rule_cannot_match():
    need = necessary_part(re.compile(r"[^\W\d_]{3,}\s+du\s+(?:lundi|mardi)"))
    assert need is not None
    assert need.search("la séance du lundi") and not need.search("lundi et mardi, du calme")
    # a pattern that re already skips through by its own literal gets none: the same search again
    assert necessary_part(re.compile(r"réunion\s+\w+")) is None
    # a look-behind first hides the literal from re: the part after it is searched fast
    need = necessary_part(re.compile(r"(?<![\w-])réunion\s+\w+"))
    assert need is not None and need.search("une préréunion tenue") and not need.search("la réunion")
    # a back-reference is never read outside its group
    need = necessary_part(re.compile(r"\w+\s+de\s+(?P<u>jour|mois)\s+en\s+(?P=u)"))
    assert need is not None and need.search("passe de jour en mois")


@pytest.mark.parametrize("pattern", PATTERNS + [r"(?<![\w’'-])[A-ZÉ]{2,}(?![\w’'-])", r"x*"])
def test_fast_search_finditer_gives_the_matches_of_finditer(pattern):
    rx = re.compile(pattern)
    text = TEXT + " Puis Odile VARNIER et le CNRS ont signé à NANTES."
    assert [(m.span(), m.groups()) for m in FastSearch(rx).finditer(text)] \
        == [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_word_gate_answers_false_only_without_a_case_insensitive_match():
    from veille.common.regexscan import WordGate

    words = ["navire", "pétrolier", "sous-marin"]
    gate = WordGate(words)
    rx = re.compile("(?i:" + "|".join(map(re.escape, words)) + ")")
    for text in ["Le PÉTROLIER Korvane a quitté le port.", "Un Sous-Marin est passé.", "Rien ici, dit Anouk.",
                 "Le naviRe", "Le nav\u0130re", "Les pétroliers", "Pas de bateau ni de cargo.", ""]:
        assert gate.may_hold(text) or rx.search(text) is None
    assert not gate.may_hold("Rien ici, dit Anouk.")
    assert gate.may_hold("Le nav\u0130re")  # (re.I reads the dotted capital I as "i"; its lower form is two characters)
    assert gate.may_hold("un ſous-marin")  # (the long s)
    with pytest.raises(ValueError):
        WordGate(["navire", ""])

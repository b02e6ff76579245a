"""The quotation-mark scanner (``veille.quotes.marks``): unit and property tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.quotes import scan_quote_marks

# -- scanner ---------------------------------------------------------------------------------

def texts(s: str) -> list[str]:
    return [m.text(s) for m in scan_quote_marks(s)]


def test_guillemets_and_curly():
    assert texts("Il a dit « nous partirons » hier.") == ["nous partirons"]
    assert texts("Elle a jugé cela “inacceptable” et “injuste”.") == ["inacceptable", "injuste"]
    assert texts('Le mot "crise" revient souvent.') == ["crise"]
    assert texts("Il a écrit „Freiheit“ sur le mur.") == ["Freiheit"]


def test_reversed_closing_mark():
    assert texts("Ils veulent « rester unis « , a-t-il dit.") == ["rester unis"]
    assert texts("Le but est de « tout reconstruire « .") == ["tout reconstruire"]


def test_titles_in_marks_after_a_sentence_end_inside_a_quote_are_nested():
    # the outer quote closes after the second title: one quote, not a quote cut at its first sentence end
    s = "« Lisez « Le Vent bleu » de Paul Arnaud, c'est un vieux livre. Puis « La Grève » qu'on oublie », dit-elle."
    assert texts(s) == ["Lisez « Le Vent bleu » de Paul Arnaud, c'est un vieux livre. Puis « La Grève » qu'on oublie"]
    # a first quote never closed still ends at its sentence end when the marks after it balance
    assert texts("« Il part. Demain. « Nous restons », dit-elle.") == ["Il part.", "Nous restons"]


def test_missing_closing_mark_ends_at_paragraph_end():
    s = "Il a prévenu. « Nous ne partirons pas. Jamais.\n\nLa séance a repris."
    assert texts(s) == ["Nous ne partirons pas. Jamais."]


def test_missing_closing_mark_before_a_new_quote():
    s = "Il dit « rien ne bouge. Il a ensuite parlé du “budget” avant d’insister « Tout ira bien »."
    assert texts(s) == ["rien ne bouge.", "budget", "Tout ira bien"]


def test_multi_paragraph_quote():
    s = "Il a déclaré :\n\n« Premier paragraphe.\n\n« Second paragraphe. »\n\nFin."
    found = scan_quote_marks(s)
    assert len(found) == 1
    assert found[0].text(s) == "Premier paragraphe. Second paragraphe."
    assert len(found[0].pieces) == 2


def test_quote_going_on_without_the_reopening_mark():
    # many sites drop the « that French convention puts at the head of a continued paragraph
    s = "Reviendrez-vous ? « Bien sûr que non.\n\nPar rapport à ces années à Vienne, je ne le ferai pas. »\n\nFin."
    (m,) = scan_quote_marks(s)
    assert m.closed and len(m.pieces) == 2
    assert m.text(s) == "Bien sûr que non. Par rapport à ces années à Vienne, je ne le ferai pas."
    s = 'Elle raconte : "Je suis partie.\n\nJe ne reviendrai pas.\n\nJamais plus."\n\nFin.'
    assert texts(s) == ["Je suis partie. Je ne reviendrai pas. Jamais plus."]


def test_an_unclosed_quote_is_not_carried_into_a_new_one():
    s = "Il a dit « Bonjour à tous.\n\nLe maire a répondu « merci » hier."
    assert texts(s) == ["Bonjour à tous.", "merci"]


def test_nested_quotes_stay_inside():
    s = "« Il m’a dit “non”, puis il est parti », raconte-t-elle."
    assert texts(s) == ["Il m’a dit “non”, puis il est parti"]


def test_missing_opening_mark_at_paragraph_start():
    found = scan_quote_marks("Nous ne lâcherons rien sur ce point », a-t-il dit.")
    assert [m.missing_open for m in found] == [True]


def test_offsets_point_at_the_words():
    s = "Titre\n\nElle a dit « oui à tout » ce soir."
    (m,) = scan_quote_marks(s)
    assert s[m.start:m.end] == "oui à tout"


_INNER = st.text(alphabet=st.sampled_from(list("abcdéèàçôxyzABCÉ ,;'’-0123456789")), min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(head=st.sampled_from("abcdeéxyzABC"), inner=_INNER, tail=st.sampled_from("abcdeéxyz.!?"),
       pair=st.sampled_from([("« ", " »"), ("«", "»"), ("“", "”"), ("« ", " »")]),
       prefix=st.sampled_from(["Le ministre a déclaré", "Selon elle, il faut", "Il a dit :", ""]),
       suffix=st.sampled_from([", a-t-il ajouté.", " hier soir.", ".", ""]))
def test_property_wrapped_text_is_found_exactly(head, inner, tail, pair, prefix, suffix):
    words = (head + inner + tail).strip()
    sentence = f"{prefix} {pair[0]}{words}{pair[1]}{suffix}".strip()
    found = scan_quote_marks(sentence)
    assert [m.text(sentence) for m in found] == [words]
    assert sentence[found[0].start:found[0].end] == words


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_property_never_crashes_and_spans_are_sane(s):
    for m in scan_quote_marks(s):
        assert 0 <= m.start < m.end <= len(s)
        assert all(0 <= a < b <= len(s) for a, b in m.pieces)
        assert m.text(s).strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["«", "»", "“", "”", "„", '"', "‹", "›", "mot", " ", ".", ",", "\n\n",
                                 "Il", ":", "!"]), max_size=40))
def test_property_mark_soup(parts):
    s = "".join(parts)
    for m in scan_quote_marks(s):
        assert 0 <= m.start < m.end <= len(s)


def test_straight_quote_inside_a_straight_quote():
    s = 'Elle a dit "Paul décrit la banque comme une "machine". Nous y croyons" hier.'
    assert texts(s) == ['Paul décrit la banque comme une "machine". Nous y croyons']
    assert texts('Il parle de "crise" et de "chaos" ce soir.') == ["crise", "chaos"]
    s = 'Il doute. "Rien ne bouge. Mais si la "Marche des villes" réunit du monde, tout change", dit-il.'
    assert texts(s) == ['Rien ne bouge. Mais si la "Marche des villes" réunit du monde, tout change']


def test_closing_mark_pushed_to_the_next_line():
    s = "Elle espère « que tout ira mieux\n\n». Mais rien ne change.\n\n» Nous verrons », dit-il."
    assert texts(s) == ["que tout ira mieux", "Nous verrons"]


def test_closing_curly_mark_used_both_ways():
    # a page whose "smart quotes" curl one way only: ” after a space and glued to a word opens
    s = "Le club a voté. ”Nous partirons en mai”, a dit Paul Arnaud. Elle juge le projet ”trop cher”."
    assert texts(s) == ["Nous partirons en mai", "trop cher"]
    # a title set the same way inside such a quote is nested, the quote goes on after it
    s = "”Lisez ”Le Vent bleu” avant l'été, c'est un beau livre”, dit Claire Dubois."
    assert texts(s) == ["Lisez ”Le Vent bleu” avant l'été, c'est un beau livre"]
    # a closing mark glued to the word before it still closes
    assert texts("Elle a jugé cela “inacceptable” et l'a dit.") == ["inacceptable"]

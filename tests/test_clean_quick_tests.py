"""The cheap first tests of the dump cleaner (speed) answer as the patterns they stand in front of."""

from __future__ import annotations

import re

from veille.clean import blocks, browser, headline
from veille.clean.dump import Unit

# The glued-words pattern as first written: any letter, three lower-case ones, then a capital.
_GLUED_FIRST = re.compile(r"[A-Za-zÀ-ÿ][a-zà-ÿ]{3}(?=[A-ZÀ-Þ])")
# Invented lines: a glued menu, a paragraph naming brands, cookie and consent notices, calls to act.
LINES = [
    "MétéoAnnoncesEmploiJeuxBoutique Nos services",
    "ÉconomieÉditionsCultureÉté SportÀ la une",
    "YouTube, LinkedIn et TikTok condamnés à une amende par la commission",
    "Nous utilisons des COOKIES pour mesurer l'audience",
    "Gérer mes Traceurs", "Votre consentement compte", "Conformité RGPD",
    "Le cuisinier Léo Ravin a présenté ses cookies aux enfants du quartier.",
    "La coopérative agricole ouvre ses portes samedi.",
    "Pour lire la suite, abonnez-vous !", "Je m'abonne", "Connectez-vous.", "Vous aimez cet article ?",
    "", "1234", "AbcdEfghIjklMnop",
]


def test_glued_words_are_counted_as_the_first_pattern_counted_them() -> None:
    for line in LINES:
        assert len(headline._GLUED.findall(line)) == len(_GLUED_FIRST.findall(line)), line


def test_cookie_quick_test_keeps_every_cookie_line() -> None:
    for line in LINES:
        assert browser._names_cookies(line) == bool(browser._COOKIES.search(line)), line


def test_consent_signs_of_invented_lines() -> None:
    def sign(text: str) -> str | None:
        return blocks._consent_sign(Unit(text, "text", 0, 3))

    assert sign("Nous utilisons des cookies pour mesurer l'audience") == "notice"
    assert sign("Pour lire la suite, abonnez-vous !") == "control"
    assert sign("Je m'abonne") == "control"
    assert sign("La coopérative agricole ouvre ses portes samedi.") is None

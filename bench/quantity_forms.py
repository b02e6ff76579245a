"""The forms of ``bench/quantity_perturb.py``: one gold quantity's text (with its value and unit)
rewritten as another outlet prints the same amount, or ``None`` when the form does not apply.

Every rewrite keeps the value: a grouped number regrouped ("16 000" -> "16.000", "16'000", "16 000"
with a narrow no-break space), thousands or millions as words or digits ("16 000" <-> "16 mille",
"16 000 000" <-> "16 millions"), a percentage as sign or words ("12,5 %" <-> "12,5 pour cent",
"12,5 p. 100"), money as symbol, words or code ("1,2 Md€", "1,2 milliard d'euros", "EUR 1,2
milliard", "3 M$"). The examples here are invented amounts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

GROUP = "[ \u00a0\u202f\u2009.'’]"
NUMBER = rf"\d{{1,3}}(?:{GROUP}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
SCALES = {"million": Decimal(10) ** 6, "millions": Decimal(10) ** 6, "milliard": Decimal(10) ** 9,
          "milliards": Decimal(10) ** 9, "mille": Decimal(1000)}
SCALE = r"milliards?|millions?|mille"
# unit -> (the currency's words after "de", its symbol, its plural words)
MONEY = {"EUR": ("euro", "euros", "€"), "USD": ("dollar", "dollars", "$"), "GBP": ("livre sterling", "livres sterling", "£"),
         "CHF": ("franc suisse", "francs suisses", None)}
CURRENCY_WORDS = r"euros?|dollars?(?:\s+américains?)?|livres?(?:\s+sterling)?|francs?(?:\s+suisses?)?"
SYMBOL = r"€|\$|£"

_AMOUNT = re.compile(rf"(?P<num>{NUMBER})(?:\s*(?P<scale>{SCALE}|Mds?|Md|M|k)\b)?")
_MONEY = re.compile(rf"^(?:(?P<pre>{SYMBOL}|EUR|USD|CHF|GBP)\s*)?(?P<num>{NUMBER})"
                    rf"(?:\s*(?P<scale>{SCALE}|Mds?|Md|M)(?![a-zé]))?"
                    rf"(?:\s*(?:(?:de\s+|d['’]\s*)?(?P<words>{CURRENCY_WORDS})|(?P<sym>{SYMBOL})))?$", re.I)


def digits_value(num: str) -> Decimal:
    """The value of a number in digits of the forms above ("16.000", "12,5")."""
    whole, _, frac = num.partition(",")
    return Decimal(re.sub(GROUP, "", whole) + ("." + frac if frac else ""))


def french(value: Decimal) -> str:
    """``value`` with a decimal comma and no grouping ("12,5", "16000")."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def grouped(value: Decimal, sep: str) -> str:
    """An integer ``value`` with its thousands grouped by ``sep``."""
    s = str(int(value))
    head = len(s) % 3 or 3
    return sep.join([s[:head]] + [s[i:i + 3] for i in range(head, len(s), 3)])


def _scale_words(value: Decimal) -> str | None:
    """"16 millions", "1,2 milliard" for a round ``value`` of a million or more, else None."""
    for word, size in (("milliard", Decimal(10) ** 9), ("million", Decimal(10) ** 6)):
        if value >= size and (value / size) == (value / size).quantize(Decimal("0.01")):
            n = value / size
            return f"{french(n)} {word}{'s' if n >= 2 else ''}"
    return None


def regroup(sep: str) -> Callable[[str, float, str | None], str | None]:
    def rewrite(text: str, value: float, unit: str | None) -> str | None:
        m = _AMOUNT.search(text)
        if not m or m.group("scale"):
            return None
        num = m.group("num")
        whole, _, frac = num.partition(",")
        digits = re.sub(GROUP, "", whole)
        if len(digits) < 4:
            return None
        new = grouped(Decimal(digits), sep) + ("," + frac if frac else "")
        return None if new == num else text[:m.start("num")] + new + text[m.end("num"):]
    return rewrite


def thousands_word(text: str, value: float, unit: str | None) -> str | None:
    """"16 000" -> "16 mille" (a whole number of thousands under a million)."""
    m = _AMOUNT.search(text)
    if not m or m.group("scale"):
        return None
    v = digits_value(m.group("num"))
    if not (1000 <= v < 10 ** 6) or v % 1000:
        return None
    return text[:m.start("num")] + f"{int(v / 1000)} mille" + text[m.end("num"):]


def to_scale_words(text: str, value: float, unit: str | None) -> str | None:
    """"16 000 000" -> "16 millions" ("de" added before a noun or currency that follows)."""
    m = _AMOUNT.search(text)
    if not m or m.group("scale"):
        return None
    words = _scale_words(digits_value(m.group("num")))
    if words is None:
        return None
    rest = text[m.end("num"):]
    after = rest.lstrip()
    if after and after[0].isalpha():
        rest = (" d'" if after[0].lower() in "aeiouéèêh" else " de ") + after
    return text[:m.start("num")] + words + rest


def to_digits(text: str, value: float, unit: str | None) -> str | None:
    """"16 millions de" -> "16 000 000" (the scale word and its "de" gone)."""
    m = _AMOUNT.search(text)
    if not m or not m.group("scale") or m.group("scale").lower() not in SCALES:
        return None
    v = digits_value(m.group("num")) * SCALES[m.group("scale").lower()]
    if v != v.to_integral_value():
        return None
    rest = re.sub(r"^\s*(?:de\s+|d['’]\s*)", " ", text[m.end():])
    return text[:m.start("num")] + grouped(v, " ") + rest


def percent_as(words: str) -> Callable[[str, float, str | None], str | None]:
    def rewrite(text: str, value: float, unit: str | None) -> str | None:
        if unit != "%":
            return None
        new = re.sub(r"\s*%", words, text, count=1)
        return None if new == text else new
    return rewrite


def percent_sign(text: str, value: float, unit: str | None) -> str | None:
    """"12,5 pour cent" / "12,5 p. 100" -> "12,5 %"."""
    if unit != "%":
        return None
    new = re.sub(r"\s*(?:pour\s*cent|p\.\s*100)", " %", text, count=1, flags=re.I)
    return None if new == text else new


def _money(text: str, unit: str | None) -> tuple[Decimal, str | None] | None:
    """(number, scale word or None) of a money gold written as amount + currency, else None."""
    if unit not in MONEY:
        return None
    m = _MONEY.match(text.strip())
    if not m or not (m.group("pre") or m.group("words") or m.group("sym")):
        return None
    scale = m.group("scale")
    if scale:
        scale = {"md": "milliard", "mds": "milliard", "m": "million"}.get(scale.lower(), scale.lower().rstrip("s"))
    return digits_value(m.group("num")), scale


def money_as(form: str) -> Callable[[str, float, str | None], str | None]:
    """Money rewritten as ``symbol`` ("1,2 Md€", "3 M$", "5 000 €"), ``words`` ("1,2 milliard
    d'euros", "5 000 euros") or ``code`` ("EUR 1,2 milliard", "CHF 5 000")."""
    def rewrite(text: str, value: float, unit: str | None) -> str | None:
        parsed = _money(text, unit)
        if parsed is None:
            return None
        num, scale = parsed
        one, many, sign = MONEY[unit]
        number = french(num) if num != num.to_integral_value() or num < 10000 else grouped(num, " ")
        if form == "symbol":
            if sign is None:
                return None
            abbrev = {"milliard": "Md", "million": "M"}.get(scale or "", "")
            new = f"{number} {abbrev}{sign}" if abbrev else f"{number} {sign}"
        elif form == "words":
            noun = many if num >= 2 or scale else one
            if scale:
                plural = scale + ("s" if num >= 2 else "")
                new = f"{number} {plural} {'d' + chr(39) if noun[0] in 'ae' else 'de '}{noun}"
            else:
                new = f"{number} {noun}"
        else:
            plural = f" {scale}{'s' if num >= 2 else ''}" if scale else ""
            new = f"{unit} {number}{plural}"
        return None if new == text.strip().replace("’", "'") else new
    return rewrite


FORMS: dict[str, Callable[[str, float, str | None], str | None]] = {
    "group-dot": regroup("."),
    "group-apostrophe": regroup("'"),
    "group-nnbsp": regroup("\u202f"),
    "group-space": regroup(" "),
    "mille": thousands_word,
    "scale-words": to_scale_words,
    "scale-digits": to_digits,
    "pour-cent": percent_as(" pour cent"),
    "p-100": percent_as(" p. 100"),
    "percent-sign": percent_sign,
    "money-symbol": money_as("symbol"),
    "money-words": money_as("words"),
    "money-code": money_as("code"),
}

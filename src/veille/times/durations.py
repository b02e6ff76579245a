"""The duration and set parts of the value templates (``{dur}``, ``{durs}``, ``{hms}``, ``{set}``);
a mixin of ``values.Filler``, which supplies ``group`` and ``engine``."""

from __future__ import annotations

import re
from typing import Any

from veille.times.number_words import parse_number


def _amount(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


class Durations:
    """"P3D", "PT30.4S", "P3Y2M", "PT2H15M" and the periods of sets."""

    engine: Any

    def group(self, name: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_dur(self, n: str, u: str, half: str = "") -> str | None:
        unit = self.engine.units.get(re.sub(r"\s+", " ", (self.group(u) or "").lower()))
        word = self.group(n)
        if unit is None or not word:
            return None
        per, code = unit
        clock = code in ("H", "MIN", "S")
        approx = self.engine.lookup("approx_amounts", word)
        if self.engine.lookup("vague_amounts", word) or approx == "X":
            return f"PTX{code[0]}" if clock else f"PX{code}"
        number = float(approx) if approx else parse_number(word)
        if number is None:
            return None
        number = number * per + ((0.25 if half == "quarter" else 0.5) * per if half else 0)  # "et demie", "et quart"
        if number != int(number) and code in ("Y", "M", "W", "D", "H"):  # a half: one unit down
            number, code = {"Y": (number * 12, "M"), "M": (number * 30, "D"), "W": (number * 7, "D"),
                            "D": (number * 24, "H"), "H": (number * 60, "MIN")}[code]
            clock = code in ("H", "MIN", "S")
        if clock:
            return f"PT{_amount(number)}{code[0]}"
        return f"P{_amount(number)}{code}"

    def f_durs(self, *groups: str) -> str | None:
        """Amounts of several units as one duration: 'trois ans et deux mois' -> ``P3Y2M``,
        '2 heures 15 minutes' -> ``PT2H15M``, 'deux jours et six heures' -> ``P2DT6H``."""
        day_part, time_part = "", ""
        for n, u in zip(groups[::2], groups[1::2], strict=True):
            if not (self.group(n) and self.group(u)):  # a unit of another alternative
                continue
            one = self.f_dur(n, u)
            if one is None or "X" in one:
                return None
            if one.startswith("PT"):
                time_part += one[2:]
            else:
                day_part += one[1:]
        if not day_part and not time_part:
            return None
        return "P" + day_part + (f"T{time_part}" if time_part else "")

    def f_hms(self, h: str, mi: str, s: str, cs: str = "") -> str | None:
        """'2 h 15 min' -> PT2H15M, '1 h 02 30 s' -> PT1H2M30S; ``cs``: the hundredths of a
        sports time, '10"02' -> PT10.02S."""
        hundredths = self.group(cs) if cs else None
        seconds = f"{int(self.group(s) or 0)}.{hundredths}" if hundredths else self.group(s)
        parts = [(self.group(h), "H"), (self.group(mi), "M"), (seconds, "S")]
        out = "".join(f"{v if '.' in v else int(v)}{d}" for v, d in parts if v and float(v))
        return f"PT{out}" if out else None

    def f_set(self, u: str, n: str = "") -> str | None:
        value = self.engine.lookup("set_units", self.group(u))
        if value is None:
            return None
        count = parse_number(self.group(n)) if n and self.group(n) else 1.0
        if count is None or count != int(count):
            return None
        return re.sub(r"\d+", lambda d: str(int(d.group(0)) * int(count)), value, count=1)

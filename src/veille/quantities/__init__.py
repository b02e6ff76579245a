"""Quantities: counts of the things that matter (people, forces, weapons, money, percentages).

The stage (``stage.QuantityStage``, its docstring says what counts) and its parts:

* ``numbers``: the number parser (digits with French separators, words, scales) and the lexicons;
* ``proportions``: shares ("un sur trois", "les deux tiers");
* ``currency``: the currency of a bare word shared by several countries;
* ``elided``: a count whose noun the sentence just said ("dont 900 Kalibr");
* ``records``: the same quantity told twice kept once;
* ``relations``: "entre deux personnes" (the sides of a relation);
* ``nouns``: the kind of a counted noun, a hyphenated one by its last part.
"""

from veille.quantities.numbers import parse_number, parse_words
from veille.quantities.stage import Number, QuantityStage, find_numbers

__all__ = ["Number", "QuantityStage", "find_numbers", "parse_number", "parse_words"]

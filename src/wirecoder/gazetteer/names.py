"""Name keys of the gazetteer: how a written name is folded before it is looked up.

Three keys, from strict to tolerant: ``fold`` (accents, case, punctuation),
``bare`` (transliteration articles dropped: "Deir ez-Zor" -> "deir zor") and
``skeleton`` (consonants after the language-independent letter rules:
"Mossoul" and "Mosul" -> "msl"; short names keep a vowel mark: "Qaem" and
"Qaim" -> "kam"). The gazetteer indexes ``bare`` and ``skeleton`` of every
name; the build and the lookup use the same functions and the same rules.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from wirecoder import lang
from wirecoder.lang.schema.places import NameRules

# letters outside Unicode's decomposition that names carry (Ł, ß, æ...)
_EXTRA = str.maketrans({"ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ı": "i", "ð": "d",
                        "þ": "th", "ŀ": "l"})
# apostrophes and ayn/hamza marks vanish ("Qa'im" = "Qaim"), except after an elided one-letter word
# ("d'Aïn" = "d ain"); other punctuation separates words
_ELISION = re.compile(r"\b(\w)['’]")
_MARKS = re.compile(r"['’‘`ʿʾʼ´ʻ]")
_SEPARATORS = re.compile(r"[^0-9a-z]+")
SHORT = 3  # below this many consonants a skeleton keeps its vowel pattern


@functools.cache
def rules() -> NameRules:
    """The transliteration rules shared by all languages (``lang/base/places.toml``)."""
    places = lang.read_dir(lang.BASE).get("places", {})
    return NameRules.model_validate(places.get("names", {}))


def rules_digest() -> str:
    """A digest of the rules: the gazetteer is rebuilt when they change."""
    return hashlib.sha256(rules().model_dump_json().encode()).hexdigest()[:16]


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, no accents, words separated by one space ("Aïn al-Asad" -> "ain al asad")."""
    text = unicodedata.normalize("NFKD", name.casefold()).translate(_EXTRA)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_SEPARATORS.sub(" ", _MARKS.sub("", _ELISION.sub(r"\1 ", text))).split())


def is_latin(folded: str) -> bool:
    """Whether a folded name is written in Latin letters (the only ones the press uses here)."""
    return bool(folded) and folded.isascii()


@functools.lru_cache(maxsize=65536)
def bare(name: str) -> str:
    """The folded name without transliteration articles, kept when nothing else would remain."""
    words = fold(name).split()
    articles = frozenset(rules().articles)
    kept = [w for w in words if w not in articles]
    return " ".join(kept) if kept else " ".join(words)


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The transliteration-tolerant key of a name (see the module docstring)."""
    r = rules()
    words = bare(name).split()
    # semivowels are consonants at the start of a word only ("Yemen", but "Ayn" = "Ain")
    words = [w[:1] + "".join("i" if ch in r.semivowels else ch for ch in w[1:]) for w in words]
    # a name's final h after a vowel is silent ("Fallujah" = "Falluja")
    if words and len(words[-1]) > 2 and words[-1].endswith("h") and words[-1][-2] in r.vowels:
        words[-1] = words[-1][:-1]
    text = "".join(words)
    for old, new in r.substitutions:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    vowels = frozenset(r.vowels + "i")
    lead = "a" if text[:1] in vowels else ""
    consonants = re.sub(r"(.)\1+", r"\1", "".join(ch for ch in text if ch not in vowels))
    if len(consonants) >= SHORT:
        return lead + consonants
    pattern = "".join("a" if ch in vowels else ch for ch in text)
    return re.sub(r"a+", "a", pattern)

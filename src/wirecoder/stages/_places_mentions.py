"""places, step 1: toponym mentions, from every proper-noun span and facility phrase.

spaCy's models often label places PER or ORG, or miss them; so every
capitalised run, every named entity and every facility phrase ("la base
d'Aïn al-Asad", "the port of Hodeidah", "l'ambassade US") is a candidate, and
the gazetteer decides which ones name places.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from wirecoder import lang
from wirecoder.gazetteer import Gazetteer
from wirecoder.gazetteer.names import fold
from wirecoder.lang import LangPack
from wirecoder.model import Candidate

# entity labels that never name a place (spaCy fr and en label sets)
_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
_PEOPLES = frozenset({"NORP"})
_TOWN = 10000  # ... and, for a name the parser calls a people, at least this large
_PERSONISH = frozenset({"PER", "PERSON", "ORG", "MISC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
ACCEPT = 0.78  # lowest name-match score of a toponym
ACCEPT_PART = 0.95  # ... of a part of a longer capitalised run
MAX_RUN = 6
UNIQUE_TOWN = 10000  # ... and, when the parser calls it a person, at least this large
UNIQUE = 3  # a name with at most this many exact entries, all in one country, is a place


class Mention(NamedTuple):
    """A stretch of tokens that may name a place, and how to look it up."""

    first: int  # token indices, end exclusive
    end: int
    query: str  # the name to look up
    kinds: frozenset[str]  # facility kinds the phrase names (empty: any place)
    search: bool  # a facility named only by its kind and modifiers ("l'ambassade US")
    candidates: tuple[Candidate, ...]
    strong: bool = True  # the text marks it as a place (a place entity, a phrase), not just a capital letter
    marked: bool = True  # ... by its own words (a place entity, a locative phrase), not by the name's rarity


def find(doc: Any, pack: LangPack, gaz: Gazetteer) -> list[Mention]:
    """The place mentions of a spaCy doc, in text order, none overlapping."""
    words = _words(pack.code)
    taken: set[int] = set()
    found: list[Mention] = []
    phrases = [*_named_phrases(doc, words, gaz), *_facility_phrases(doc, words, gaz)]
    names = (m for first, end, whole in _name_spans(doc, words) for m in _resolve_span(doc, first, end, whole, words, gaz))
    for m in [*phrases, *names]:
        if not taken.intersection(range(m.first, m.end)):
            taken.update(range(m.first, m.end))
            found.append(m)
    return sorted(found, key=lambda m: m.first)


class _Words(NamedTuple):
    heads: frozenset[tuple[str, ...]]
    locators: frozenset[str]
    place_nouns: frozenset[str]
    stop: frozenset[str]
    not_places: frozenset[str]
    facility: dict[tuple[str, ...], frozenset[str]]
    connectors: frozenset[str]
    particles: frozenset[str]

    @staticmethod
    def of(pack: LangPack) -> _Words:
        p = pack.places
        facility = {tuple(fold(w).split()): frozenset(k) for w, k in p.facility_words.items() if fold(w)}
        heads = frozenset(tuple(fold(w).split()) for w in [*p.name_heads, *p.admin_words] if fold(w))
        locators = frozenset(fold(w) for w in [*p.location, *p.near, *p.origin] if fold(w))
        nouns = frozenset(fold(w).split()[-1] for w in [*p.place_nouns, *p.name_heads, *p.admin_words, *p.near,
                                                         *p.capital_words, *p.directions, *p.facility_words] if fold(w))
        # month and weekday names are dates, whatever villages a gazetteer names "April" or "Mai"
        calendar = [w for names in [*pack.dates.months.values(), *pack.dates.weekdays.values()] for w in names]
        stop = frozenset(fold(w) for w in [*p.stop, *calendar])
        return _Words(heads, locators, nouns, stop, frozenset(fold(w) for w in p.not_places), facility,
                      frozenset(fold(w) for w in p.connectors), frozenset(p.names.articles))


@functools.cache
def _words(code: str) -> _Words:
    return _Words.of(lang.load(code))


def _namey(tok: Any, words: _Words) -> bool:
    """A token that can be part of a name: capitalised or a proper noun, not a sentence-initial common word."""
    text = tok.text
    if not text[:1].isalpha() and not (text[:1].isdigit() and any(ch.isalpha() for ch in text)):
        return False
    upper = text[:1].isupper() or text[:1].isdigit()
    if tok.is_sent_start and tok.pos_ != "PROPN" and fold(text) in words.stop:
        return False
    return upper and (tok.pos_ in ("PROPN", "NOUN", "X", "ADJ", "NUM") or not tok.is_sent_start)


def _joins(doc: Any, i: int, words: _Words) -> bool:
    """A particle or hyphen inside a name ("Deir ez-Zor", "Aïn al-Asad", "Saint-Denis")."""
    tok = doc[i]
    if i + 1 >= len(doc) or i == 0:
        return False
    glued = not doc[i - 1].whitespace_ or not tok.whitespace_
    if not doc[i - 1].whitespace_ and not tok.whitespace_ and (
            tok.text in ("-", "‑") or (tok.is_lower and tok.is_alpha and len(tok) <= 3)):
        return True  # "Mazar-i-Sharif", "Saint-Jean-de-Luz"
    return tok.lower_.rstrip("-") in words.particles and (glued or doc[i + 1].text[:1].isupper())


def _run_end(doc: Any, i: int, words: _Words) -> int:
    """The end of the name run starting at token ``i`` (particles and hyphens inside it)."""
    j = i
    while j < len(doc) and j - i < MAX_RUN:
        if _namey(doc[j], words):
            j += 1
            continue
        k = j
        while k < len(doc) and _joins(doc, k, words):
            k += 1
        if k == j or k >= len(doc) or not _namey(doc[k], words):
            break
        j = k + 1
    return j


def _name_spans(doc: Any, words: _Words) -> list[tuple[int, int, bool]]:
    """Capitalised runs and named entities: (first, end, try the whole span only)."""
    spans: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(doc):
        if _namey(doc[i], words):
            j = _run_end(doc, i, words)
            spans.append((i, j, False))
            i = j
        else:
            i += 1
    ents = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ not in _NOT_NAMES]
    spans.extend((a, b, label in _PERSONISH and b - a > 1) for a, b, label in ents)
    # an entity that is a person or organisation makes the runs inside it whole-only
    personish = [(a, b) for a, b, label in ents if label in _PERSONISH and b - a > 1]
    spans = [(a, b, w or any(s <= a and b <= e for s, e in personish)) for a, b, w in spans]
    return sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0])))


def _resolve_span(doc: Any, first: int, end: int, whole_only: bool, words: _Words,
                  gaz: Gazetteer) -> list[Mention]:
    """The longest parts of a span that the gazetteer knows, left to right."""
    longer = _extended(doc, first, end, words, gaz)
    if longer is not None:
        return [longer]
    whole = _lookup(doc, first, end, words, gaz, ACCEPT)
    if whole is not None or whole_only:
        return [whole] if whole is not None else []
    out: list[Mention] = []
    i = first
    while i < end:
        for j in range(end, i, -1):
            if (j - i) == (end - first):
                continue
            m = _lookup(doc, i, j, words, gaz, ACCEPT if _label(doc, i, j) in _PLACE_LABELS else ACCEPT_PART)
            if m is not None:
                out.append(m)
                i = j
                break
        else:
            i += 1
    return out


def _extended(doc: Any, first: int, end: int, words: _Words, gaz: Gazetteer) -> Mention | None:
    """A name that goes on in lower case: "Arabie saoudite", "Corée du Nord", "Méditerranée orientale"."""
    for n in (2, 1):
        stop = end + n
        if stop > len(doc) or not all(t.is_lower or fold(t.text) in words.connectors or _namey(t, words)
                                      for t in doc[end:stop]) or fold(doc[stop - 1].text) in words.connectors:
            continue
        if not any(t.is_lower and t.is_alpha for t in doc[end:stop]):
            continue
        m = _whole(doc, first, stop, gaz)
        if m is not None and m.candidates[0].score == 1.0:
            return m
    return None


def _lookup(doc: Any, first: int, end: int, words: _Words, gaz: Gazetteer, accept: float) -> Mention | None:
    # strip particles and hyphens left at the edges of a part
    while first < end and (doc[first].text in ("-", "‑") or not _namey(doc[first], words)):
        first += 1
    while end > first and not _namey(doc[end - 1], words):
        end -= 1
    if first >= end:
        return None
    text = doc[first:end].text
    key = fold(text)
    if key in words.stop or key in words.not_places or len(key) < 2 or tuple(key.split()) in words.facility \
            or tuple(key.split()) in words.heads:
        return None
    label = _label(doc, first, end)
    floor = accept if label in _PLACE_LABELS or doc[first].pos_ == "PROPN" else max(accept, ACCEPT_PART)
    cands = [c for c in gaz.lookup(text) if c.score >= floor]
    if label in _PEOPLES:  # a nationality ("Czech-made", "English"), unless a town is spelt exactly so
        cands = [c for c in cands if c.score == 1.0 and (c.kind != "city" or c.population >= _TOWN)]
    if not cands:
        return None
    marked = _marked(doc, first, end, label, words)
    return Mention(first, end, text, frozenset(), False, tuple(cands),
                   marked or _strong(doc, first, end, label, cands), marked)


def _marked(doc: Any, first: int, end: int, label: str, words: _Words) -> bool:
    """Whether the words of the text mark the span as a place: a place entity, or a locative
    preposition before it ("à Dori", "near Djibo", "la ville de X")."""
    if label in _PLACE_LABELS and not (end - first == 1 and doc[first].pos_ not in ("PROPN", "X")):
        return True
    before = [fold(t.text) for t in doc[max(first - 4, 0):first] if t.pos_ != "DET"]
    if before and before[-1] in words.locators:
        return True
    # "la ville de X", "au nord de X", "the port city of X"
    return len(before) > 1 and before[-1] in words.connectors and before[-2] in words.place_nouns | words.locators


def _strong(doc: Any, first: int, end: int, label: str, cands: list[Candidate]) -> bool:
    """Whether the name itself says it is a place: several words spelt exactly as a place, or a
    name that only one country has."""
    if doc[first].pos_ != "PROPN" and not label:
        return False
    exact = [c for c in cands if c.score >= 0.95]
    if end - first > 1 and label not in _PERSONISH and any(c.score == 1.0 for c in exact):
        return True  # a name of several words, spelt exactly as a place is: "Sidi Bouzid"
    large = label not in _PERSONISH or any(c.population >= UNIQUE_TOWN or c.kind != "city" for c in exact)
    return large and len({c.country for c in exact}) == 1 and len(exact) <= UNIQUE


def _label(doc: Any, first: int, end: int) -> str:
    """The label of the named entity that holds tokens ``first:end`` ("" when none does)."""
    a, b = doc[first], doc[end - 1]
    if a.ent_iob_ not in ("B", "I") or b.ent_iob_ not in ("B", "I") or a.ent_type_ != b.ent_type_:
        return ""
    return "" if any(doc[k].ent_iob_ == "B" for k in range(first + 1, end)) else str(a.ent_type_)


def _named_phrases(doc: Any, words: _Words, gaz: Gazetteer) -> list[Mention]:
    """Names that begin or end with a common noun: "mer Rouge", "golfe d'Aden", "région de Donetsk",
    "Kherson region", looked up whole."""
    out: list[Mention] = []
    folds = [fold(t.text) for t in doc]
    longest = max((len(k) for k in words.heads), default=0)
    firsts = {k[0] for k in words.heads}
    i = 0
    while i < len(doc):
        n = 0 if folds[i] not in firsts else next((n for n in range(min(longest * 2, len(doc) - i), 0, -1)
                  if folds[i + n - 1] and tuple(w for f in folds[i:i + n] for w in f.split()) in words.heads), 0)
        if not n:
            i += 1
            continue
        found = None
        j = i + n
        if j < len(doc) and fold(doc[j].text) in words.connectors:
            j += 1
            if j < len(doc) and doc[j].pos_ == "DET":
                j += 1
        if j < len(doc) and _namey(doc[j], words):
            found = _whole(doc, i, _run_end(doc, j, words), gaz)
        if found is None and i > 0 and _namey(doc[i - 1], words):
            k = i - 1
            while k > 0 and i - k < MAX_RUN and (_namey(doc[k - 1], words) or _joins(doc, k - 1, words)):
                k -= 1
            found = _whole(doc, k, i + n, gaz)
        if found is not None:
            out.append(found)
            i = found.end
        else:
            i += n
    return out


def _whole(doc: Any, first: int, end: int, gaz: Gazetteer) -> Mention | None:
    text = doc[first:end].text
    cands = [c for c in gaz.lookup(text) if c.score >= ACCEPT_PART]
    return Mention(first, end, text, frozenset(), False, tuple(cands)) if cands else None


def _facility_phrases(doc: Any, words: _Words, gaz: Gazetteer) -> list[Mention]:
    """"la base d'Aïn al-Asad", "Camp Taji", "le champ Conoco", "Conoco field", "l'ambassade US"."""
    out: list[Mention] = []
    longest = max((len(k) for k in words.facility), default=0)
    firsts = {k[0] for k in words.facility}
    folds = [fold(t.text) for t in doc]
    i = 0
    while i < len(doc):
        hit = None
        if folds[i] in firsts:
            hit = next(((n, words.facility[key]) for n in range(min(longest * 2, len(doc) - i), 0, -1)
                        if folds[i + n - 1] and (key := tuple(w for f in folds[i:i + n] for w in f.split()))
                        in words.facility), None)
        if hit is None:
            i += 1
            continue
        n, kinds = hit
        m = _facility_after(doc, i, i + n, kinds, words, gaz) or _facility_before(doc, i, i + n, kinds, words, gaz)
        if m is not None:
            out.append(m)
            i = m.end
        else:
            i += n
    return out


def _facility_after(doc: Any, first: int, end: int, kinds: frozenset[str], words: _Words,
                    gaz: Gazetteer) -> Mention | None:
    """The facility word, then (a connector and) a name, or modifiers naming whose it is."""
    j = end
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1  # "l'ancienne base américaine de Bagram"
    if j < len(doc) and fold(doc[j].text) in words.connectors:
        j += 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].is_lower:
        j += 1  # "le point de passage stratégique de Qaem"
    k = _run_end(doc, j, words) if j < len(doc) and _namey(doc[j], words) else j
    if k > j:
        name = doc[j:k].text
        cands = _prefer(gaz.lookup(name), kinds)
        if cands and cands[0].kind in kinds:
            return Mention(first, k, name, kinds, False, tuple(cands))
    # modifiers: "ambassade US", "ambassade américaine", "US embassy" (handled by _facility_before)
    k = end
    while k < len(doc) and k - end < 3 and (doc[k].pos_ == "ADJ" or doc[k].text.isupper()):
        k += 1
    if k > end:
        cands = [c for c in gaz.facilities(doc[end:k].text, kinds) if c.score >= ACCEPT]
        if cands:
            return Mention(first, k, doc[first:k].text, kinds, True, tuple(cands))
    return None


def _facility_before(doc: Any, first: int, end: int, kinds: frozenset[str], words: _Words,
                     gaz: Gazetteer) -> Mention | None:
    """A name, then the facility word: "Conoco field", "Ain al-Asad air base", "US embassy"."""
    j = first
    while j > 0 and first - j < MAX_RUN and (_namey(doc[j - 1], words) or _joins(doc, j - 1, words)):
        j -= 1
    if j == first:
        return None
    name = doc[j:first].text
    cands = _prefer(gaz.lookup(name), kinds)
    if cands and cands[0].kind in kinds:
        return Mention(j, end, name, kinds, False, tuple(cands))
    cands = [c for c in gaz.facilities(name, kinds) if c.score >= ACCEPT]
    if cands:
        return Mention(j, end, doc[j:end].text, kinds, True, tuple(cands))
    return None


def _prefer(cands: list[Candidate], kinds: frozenset[str]) -> list[Candidate]:
    """Candidates of the phrase's facility kinds first."""
    return sorted(cands, key=lambda c: (c.kind not in kinds, -c.score))

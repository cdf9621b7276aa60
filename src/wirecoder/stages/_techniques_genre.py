"""techniques, step 3: the article's genre (reporting / opinion / satire) and its evidence.

The evidence is read in the author's voice, outside quotations: first-person
words, evaluative cues, rhetorical questions and exclamations push towards
opinion; attribution and a wire dateline push towards reporting; satirical
a satirical outlet (by name or URL) makes satire.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wirecoder.model import Genre, GenreCall
from wirecoder.stages._techniques_match import ATTRIBUTION, FIRST_PERSON, Hit, Tokens

# A wire dateline near the top: a place name in capitals, maybe a bracket, a comma, then a date.
DATELINE = re.compile(r"^[^\S\n]*[A-ZÀ-Þ][A-ZÀ-Þ'’./\- ]{2,}(?:\([^)\n]*\))?,[^\n]{0,30}?\d", re.MULTILINE)
DATELINE_CHARS = 600
EVALUATIVE = ("Loaded_Language", "Name_Calling-Labeling")
# Weights of the opinion score and the threshold above which a text is opinion.
WEIGHTS = {"technique_density": 1.0, "evaluative_per_100_words": 0.5, "first_person": 1.5,
           "rhetorical_questions": 3.0, "exclamations": 2.0, "attribution": -1.0, "dateline": -1.0}
OPINION_AT = 0.15


def _in(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _sentence_marks(text: str, toks: Tokens, quotes: Sequence[tuple[int, int]]) -> tuple[int, int, int]:
    """Sentences, and those ending in ``?`` and ``!`` in the author's voice."""
    total = questions = exclaims = 0
    for a, b in dict.fromkeys(toks.sent):
        sentence = text[toks.start[a]:toks.end[b - 1]].rstrip()
        if not any(ch.isalpha() for ch in sentence):
            continue
        total += 1
        end = toks.start[a] + len(sentence)
        if _in(quotes, end - 1, end):
            continue
        questions += sentence.endswith("?")
        exclaims += sentence.endswith("!")
    return max(total, 1), questions, exclaims


def evidence(text: str, toks: Tokens, hits: Sequence[Hit], quotes: Sequence[tuple[int, int]],
             source: str, satire_outlets: Sequence[str]) -> dict[str, float]:
    """Named genre features of one article (``source``: its outlet and URL)."""
    sentences, questions, exclaims = _sentence_marks(text, toks, quotes)
    words = max(toks.words, 1)
    voice = [h for h in hits if not _in(quotes, toks.start[h.start], toks.end[h.end - 1])]
    strong = [h for h in voice if h.cue.tier == "strong"]
    folded = source.lower().replace(" ", "")
    satire_outlet = any(name.replace(" ", "") in folded for name in satire_outlets)
    return {
        "technique_density": round(len(strong) / sentences, 3),
        "evaluative_per_100_words": round(100 * sum(h.cue.technique in EVALUATIVE for h in strong) / words, 3),
        "first_person": round(sum(h.cue.technique == FIRST_PERSON for h in voice) / sentences, 3),
        "rhetorical_questions": round(questions / sentences, 3),
        "exclamations": round(exclaims / sentences, 3),
        "attribution": round(sum(h.cue.technique == ATTRIBUTION for h in hits) / sentences, 3),
        "dateline": float(bool(DATELINE.search(text[:DATELINE_CHARS]))),
        "satirical_outlet": float(satire_outlet),
    }


def call(features: dict[str, float]) -> GenreCall:
    """The genre, from the named features (the opinion score is added to them)."""
    score = round(sum(w * features[name] for name, w in WEIGHTS.items()), 3)
    label: Genre = "satire" if features["satirical_outlet"] > 0 else "opinion" if score >= OPINION_AT else "reporting"
    return GenreCall(label=label, evidence={**features, "opinion_score": score})

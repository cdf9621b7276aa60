"""techniques: persuasion-technique spans (SemEval-2023 taxonomy) and the article's genre.

STUB: replaced by the techniques work (issue 6).
"""

from __future__ import annotations

from wirecoder.lang import LangPack
from wirecoder.model import GenreCall, Parsed, TechniqueSpan, TechniqueSummary


def run(doc: Parsed, pack: LangPack) -> tuple[list[TechniqueSpan], TechniqueSummary, GenreCall]:
    """Technique spans, their summary and the genre call."""
    return [], TechniqueSummary(), GenreCall()

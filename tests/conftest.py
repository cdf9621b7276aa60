"""Shared fixtures: real pipelines loaded once per session, and a helper to parse a text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from wirecoder.model import Article, Config, Parsed
from wirecoder.parse import nlp

SHARED = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def make_parsed() -> Callable[..., Parsed]:
    """``make_parsed(text, "fr", published=date(...))`` -> Parsed, with the real pipeline."""

    def build(text: str, language: str, published: date | None = None, id: str = "t") -> Parsed:
        article = Article(id=id, text=text, language=language, published=published)
        return Parsed(article=article, language=language, doc=nlp(language, Config().model_size)(text))

    return build

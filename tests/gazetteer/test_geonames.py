"""Importing GeoNames dumps: the sample files in tests/data/geo/geonames_sample/ have the real formats."""

import zipfile
from pathlib import Path

import pytest

from wirecoder.gazetteer.geonames import DumpFormatError, import_dump
from wirecoder.gazetteer.local import LocalGazetteer

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "geo" / "geonames_sample"
PLACES = SAMPLE / "allCountries_sample.txt"
ALTERNATES = SAMPLE / "alternateNamesV2_sample.txt"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.sqlite"
    import_dump(PLACES, path)
    import_dump(ALTERNATES, path)
    return path


def test_places_are_counted(tmp_path: Path) -> None:
    assert import_dump(PLACES, tmp_path / "g.sqlite").entries == 6


def test_alternates_need_a_known_place(tmp_path: Path) -> None:
    import_dump(PLACES, tmp_path / "g.sqlite")
    # link, airport code, historic name and the unknown place are skipped
    assert import_dump(ALTERNATES, tmp_path / "g.sqlite").names == 5


@pytest.mark.parametrize(("name", "expected"), [
    ("Q-West", "Qayyarah Airfield West"),
    ("Hamam Alil", "Hammam al ‘Alil"),
    ("Tishreen Dam", "Tishrin Dam"),
    ("Nowa Kachowka", "Nova Kakhovka"),
    ("Ninive", "Ninawa"),
])
def test_imported_names_are_found(db: Path, name: str, expected: str) -> None:
    assert [c.name for c in LocalGazetteer(db).lookup(name)][:1] == [expected]


@pytest.mark.parametrize(("name", "kind"), [
    ("Qayyarah West", "airbase"),
    ("Tishrin Dam", "dam"),
    ("Kherson Oblast", "admin1"),
    ("Nova Kakhovka", "city"),
])
def test_feature_codes_become_kinds(db: Path, name: str, kind: str) -> None:
    assert LocalGazetteer(db).lookup(name)[0].kind == kind


def test_admin1_names_come_from_adm1_rows(db: Path) -> None:
    assert LocalGazetteer(db).lookup("Nova Kakhovka")[0].admin1 == "Kherson Oblast"


def test_historic_names_are_skipped(db: Path) -> None:
    assert "nineveh province" not in [c.matched for c in LocalGazetteer(db).lookup("Nineveh Province")]


def test_zipped_dump(tmp_path: Path) -> None:
    archive = tmp_path / "cities500.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(PLACES, "cities500.txt")
    assert import_dump(archive, tmp_path / "g.sqlite").entries == 6


def test_reimport_replaces_rows(tmp_path: Path) -> None:
    import_dump(PLACES, tmp_path / "g.sqlite")
    import_dump(PLACES, tmp_path / "g.sqlite")
    assert len(LocalGazetteer(tmp_path / "g.sqlite").lookup("Qayyarah Airfield West")) == 1


def test_other_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(DumpFormatError):
        import_dump(other, tmp_path / "g.sqlite")

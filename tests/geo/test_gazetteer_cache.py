"""The shipped index is compiled once into a SQLite file and shared by every process."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from harmattan.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch
         ) -> tuple[Gazetteer, Gazetteer, Path]:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch_module.setenv("HARMATTAN_CACHE_DIR", str(cache))
    return Gazetteer().initialize(), Gazetteer(use_cache=False).initialize(), cache


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_cache_is_one_sqlite_file_and_is_reused(both) -> None:
    sqlite_gaz, _, cache = both
    files = sorted(cache.glob("gazetteer-*.sqlite"))
    assert len(files) == 1 and not list(cache.glob("*.tmp"))
    stamp = files[0].stat().st_mtime_ns
    again = Gazetteer().initialize()
    assert files[0].stat().st_mtime_ns == stamp
    assert len(again) == len(sqlite_gaz)


@pytest.mark.parametrize("name", ["Tillabéri", "tillaberi", "Timbuktu", "Tombouctou", "Niger",
                                  "Fada N'Gourma", "Seytenga", "Juarez", "Springfield", "Paris"])
def test_sqlite_and_memory_give_the_same_places(both, name: str) -> None:
    sqlite_gaz, memory_gaz, _ = both
    found = sqlite_gaz.lookup(name)
    assert found, name
    assert found == memory_gaz.lookup(name)


def test_demonyms_countries_and_keys_agree(both) -> None:
    sqlite_gaz, memory_gaz, _ = both
    assert sqlite_gaz.demonym("Nigerien").country == "NE"
    assert sqlite_gaz.demonym("Nigerian").country == "NG"
    assert sqlite_gaz.demonym("Burkinabe") == memory_gaz.demonym("Burkinabe")
    assert sqlite_gaz.country("ml").name == "Mali"
    assert sqlite_gaz.has_key("mopti") and not sqlite_gaz.has_key("qqqxyz")
    assert sqlite_gaz.max_words_ == memory_gaz.max_words_


def test_a_user_place_is_found_with_the_index(both) -> None:
    sqlite_gaz, _, _ = both
    assert not sqlite_gaz.lookup("Zzyzxville")
    sqlite_gaz.add_place({"name": "Zzyzxville", "country": "ML", "lat": 14.5, "lon": -4.2})
    assert [e.flags for e in sqlite_gaz.lookup("zzyzxville")] == ["user"]


def test_a_copy_in_another_process_reopens_the_file(both) -> None:
    sqlite_gaz, _, _ = both
    copy = pickle.loads(pickle.dumps(sqlite_gaz))
    assert copy.lookup("Mopti") == sqlite_gaz.lookup("Mopti")


def test_an_unwritable_cache_falls_back_to_the_temp_folder(tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("HARMATTAN_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    (tmp_path / "tmp").mkdir()
    gaz = Gazetteer().initialize()
    assert gaz.lookup("Mopti")[0].country == "ML"
    assert list((tmp_path / "tmp" / "harmattan").glob("gazetteer-*.sqlite"))

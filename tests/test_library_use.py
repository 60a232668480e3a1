"""Harmattan as a library: typed, checked at the door, and safe from a plain script."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from harmattan import Article

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_says_it_is_typed() -> None:
    assert resources.files("harmattan").joinpath("py.typed").is_file()
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "py.typed" in setuptools["package-data"]["harmattan"]


def test_article_parses_its_date_at_construction() -> None:
    assert Article(id="a", text="x", date="2024-03-02").date == dt.date(2024, 3, 2)
    assert Article(id="a", text="x", date="2024-03-02T10:00:00Z").date == dt.date(2024, 3, 2)
    assert Article(id="a", text="x", date=dt.datetime(2024, 3, 2, 10)).date == dt.date(2024, 3, 2)
    assert Article(id="a", text="x", date="").date is None
    assert Article(id="a", text="x").date_iso is None


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"id": "a", "text": "x", "date": "02/03/2024"},
     "Article 'a': malformed date '02/03/2024' (expected YYYY-MM-DD)"),
    ({"id": "a", "text": "x", "date": "2024-02-30"}, "Article 'a': impossible date '2024-02-30'"),
    ({"id": "a", "text": "x", "date": 20240302},
     "Article 'a': date must be a YYYY-MM-DD string, got int 20240302"),
    ({"id": "", "text": "x"}, "Article id must be a non-empty string, got ''"),
    ({"id": 7, "text": "x"}, "Article id must be a non-empty string, got 7"),
    ({"id": "a", "text": None}, "Article 'a': text must be a string, got NoneType"),
])
def test_article_refuses_bad_values_with_a_clear_message(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        Article(**kwargs)
    assert str(caught.value) == message


SCRIPT = """
import warnings
from harmattan import code_records
from harmattan.schema import Article
from harmattan.store.stand_in import make_rule_coder

articles = [Article(id=f"a{i}", text="Mali clashed with Niger near Ayorou.", date="2023-08-14")
            for i in range(4)]
warnings.simplefilter("error" if WORKERS is None else "default")
results = code_records(articles, print, coder_factory=make_rule_coder, workers=WORKERS)
print("articles", sum(len(r.articles) for r in results))
"""


@pytest.mark.parametrize("workers", [None, 2])
def test_code_records_from_a_script_without_a_main_guard(tmp_path: Path, workers: int | None) -> None:
    script = tmp_path / "plain.py"
    script.write_text(f"WORKERS = {workers}\n" + SCRIPT, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "articles 4\n"
    if workers:
        assert (f"RuntimeWarning: {script} calls Harmattan with 2 workers but has no "
                '`if __name__ == "__main__":` guard') in result.stderr


def test_a_module_run_with_dash_m_without_a_main_guard(tmp_path: Path) -> None:
    (tmp_path / "plainmod.py").write_text("WORKERS = 2\n" + SCRIPT, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "plainmod"], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "articles 4\n"
    assert "has no `if __name__" in result.stderr


def test_a_guarded_script_gets_its_workers(tmp_path: Path) -> None:
    script = tmp_path / "guarded.py"
    body = SCRIPT
    script.write_text("WORKERS = 2\ndef run():\n" + "".join(f"    {line}\n" for line in body.splitlines())
                      + "if __name__ == '__main__':\n    run()\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert "RuntimeWarning" not in result.stderr
    assert result.stdout == "articles 4\n"

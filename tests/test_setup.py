"""scripts/setup.sh: which Python it takes, and a .venv that must be made again.

The script runs for real, on a copy of the repository's layout, with a stand-in Python that
answers the version question and records what it is asked to install instead of installing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FAKE_PYTHON = """#!/bin/sh
# A stand-in Python {version}: answers setup.sh's version check, makes a venv of itself, logs pip.
case "$1" in
  -c) echo {version} ;;
  -m) if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"
      else echo "$*" >> "$SETUP_LOG"; fi ;;
esac
"""


def _fake_python(path: Path, version: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FAKE_PYTHON.format(version=version), encoding="utf-8")
    path.chmod(0o755)
    return path


def _setup(repo: Path, python: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON": str(python), "SETUP_LOG": str(repo / "pip.log")}
    return subprocess.run(["bash", str(repo / "scripts" / "setup.sh"), *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    return tmp_path


@pytest.mark.parametrize("version", ["3.11", "3.12", "3.13"])
def test_setup_takes_each_supported_python(repo: Path, version: str) -> None:
    result = _setup(repo, _fake_python(repo / "bin" / "python", version), "--test")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"harmattan is ready (Python {version}): .venv/bin/harmattan --help\n"
    assert (repo / "pip.log").read_text(encoding="utf-8").splitlines()[-1] == (
        "-m pip install --quiet --disable-pip-version-check -e .[test]")


def test_setup_refuses_an_unsupported_python(repo: Path) -> None:
    result = _setup(repo, _fake_python(repo / "bin" / "python", "3.10"))
    assert result.returncode == 1
    assert result.stderr == (f"setup: {repo / 'bin' / 'python'} is Python 3.10; Harmattan needs "
                             "Python 3.11 3.12 3.13 (PYTHON=python3.13 scripts/setup.sh)\n")
    assert not (repo / ".venv").exists()


def test_setup_says_when_the_named_python_does_not_run(repo: Path) -> None:
    result = _setup(repo, "python3.99")
    assert result.returncode == 1
    assert result.stderr == ("setup: PYTHON=python3.99 does not run here; install it or name "
                             "another (Python 3.11 3.12 3.13)\n")


def test_setup_makes_a_venv_of_another_version_again(repo: Path) -> None:
    _fake_python(repo / ".venv" / "bin" / "python", "3.11")
    (repo / ".venv" / "stale").write_text("left by the old venv", encoding="utf-8")
    result = _setup(repo, _fake_python(repo / "bin" / "python", "3.13"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == "setup: .venv has Python 3.11; making it again with Python 3.13"
    assert not (repo / ".venv" / "stale").exists()
    assert "echo 3.13" in (repo / ".venv" / "bin" / "python").read_text(encoding="utf-8")


def test_setup_makes_a_broken_venv_again(repo: Path) -> None:
    broken = repo / ".venv" / "bin" / "python"
    broken.parent.mkdir(parents=True)
    broken.symlink_to(repo / "no-longer-installed" / "python3.12")
    result = _setup(repo, _fake_python(repo / "bin" / "python", "3.12"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "setup: .venv has a Python that does not run; making it again with Python 3.12")
    assert "echo 3.12" in (repo / ".venv" / "bin" / "python").read_text(encoding="utf-8")


def test_pyproject_supports_the_pythons_setup_takes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11,<3.14"
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in {"3.11", "3.12", "3.13"}
    # An SPDX expression and the licence files: setuptools' deprecation warning is gone.
    assert project["license"] == "MIT"
    assert "LICENSE" in project["license-files"] and (ROOT / "LICENSE").is_file()

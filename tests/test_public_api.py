"""The package's public surface: everything in __all__ exists, and every public name is listed."""

from __future__ import annotations

import types

import harmattan


def test_all_names_exist() -> None:
    for name in harmattan.__all__:
        assert hasattr(harmattan, name), name


def test_all_is_complete() -> None:
    public = {
        name for name, value in vars(harmattan).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public <= set(harmattan.__all__), sorted(public - set(harmattan.__all__))

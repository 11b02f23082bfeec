"""The console script's entry: a Ctrl-C while the command line loads is answered, not a traceback."""

from __future__ import annotations

import gc
import sys

import pytest

from briefdeck import entry


@pytest.fixture(autouse=True)
def collect_as_before(monkeypatch):
    """The entry freezes what is loaded for the rest of its process: not this test process's objects."""
    monkeypatch.setattr(gc, "freeze", lambda: None)
    yield
    assert gc.isenabled()


class _CtrlCWhileLoading:
    """An import hook standing for the user pressing Ctrl-C while ``briefdeck.cli`` is imported."""

    def find_spec(self, name, path=None, target=None):
        if name == "briefdeck.cli":
            raise KeyboardInterrupt
        return None


def test_ctrl_c_while_the_command_line_loads_says_interrupted_and_exits_130(monkeypatch, capsys):
    monkeypatch.delitem(sys.modules, "briefdeck.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_CtrlCWhileLoading(), *sys.meta_path])
    with pytest.raises(SystemExit) as ended:
        entry.main()
    assert ended.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_the_entry_runs_the_command_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["briefdeck", "--help"])
    with pytest.raises(SystemExit) as ended:
        entry.main()
    assert ended.value.code == 0
    assert "Briefing decks and handouts" in capsys.readouterr().out

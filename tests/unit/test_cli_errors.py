"""How `bantin` ends on a failure (flows/cli.py): one line on stderr, the right exit code."""

from __future__ import annotations

import signal

import pytest

from flows import cli


class ProcessExit(Exception):
    """os._exit, caught: the code it was called with."""


@pytest.fixture
def cli_state(monkeypatch):
    monkeypatch.setitem(cli._state, "stopping", 0)
    monkeypatch.setitem(cli._state, "debug", False)
    monkeypatch.setitem(cli._state, "data", None)

    def fake_os_exit(code: int) -> None:
        raise ProcessExit(code)

    monkeypatch.setattr(cli.os, "_exit", fake_os_exit)
    return monkeypatch


def _app_raising(exc: BaseException):
    def app(**_kwargs):
        raise exc

    return app


def test_an_unexpected_failure_is_one_error_line_and_exit_1(cli_state, capsys, tmp_path):
    cli_state.setitem(cli._state, "data", tmp_path / "data")
    cli_state.setattr(cli, "app", _app_raising(ValueError("bad value\nsecond line")))
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("bantin: error: ValueError: bad value (traceback: ") and err.count("\n") == 1


def test_an_unexpected_failure_leaves_its_traceback_in_the_data_folder(cli_state, capsys, tmp_path):
    """A night's failure must be diagnosable without re-running it under --debug."""
    cli_state.setitem(cli._state, "data", tmp_path / "data")
    cli_state.setattr(cli, "app", _app_raising(ValueError("offset out of range")))
    with pytest.raises(SystemExit):
        cli.main()
    err = capsys.readouterr().err
    (saved,) = (tmp_path / "data" / "logs").glob("error-*.txt")
    assert f"(traceback: {saved})" in err
    text = saved.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "ValueError: offset out of range" in text
    assert "raise exc" in text  # the failing frame is in it


def test_a_user_error_leaves_no_traceback_file(cli_state, capsys, tmp_path):
    cli_state.setitem(cli._state, "data", tmp_path / "data")
    cli_state.setattr(cli, "app", _app_raising(cli.UserError("no warehouse at x", code=2)))
    with pytest.raises(SystemExit):
        cli.main()
    assert capsys.readouterr().err == "bantin: error: no warehouse at x\n"
    assert not (tmp_path / "data" / "logs").exists()


def test_a_failure_after_a_stop_signal_is_reported_as_the_stop_not_as_an_error(cli_state, capsys):
    """A SIGTERM landing inside a pydantic serializer comes back as PydanticSerializationError
    wrapping our SystemExit(143); the user must see the interruption only (seen in CI)."""
    cli_state.setitem(cli._state, "stopping", signal.SIGTERM)
    wrapped = RuntimeError("Error calling function `_ser_model`: SystemExit: 143")
    cli_state.setattr(cli, "app", _app_raising(wrapped))
    with pytest.raises(ProcessExit) as exited:
        cli.main()
    assert exited.value.args == (128 + signal.SIGTERM,)
    err = capsys.readouterr().err
    assert err.startswith("bantin: interrupted (SIGTERM)") and err.count("\n") == 1


def test_a_user_error_keeps_its_own_exit_code(cli_state, capsys):
    cli_state.setattr(cli, "app", _app_raising(cli.UserError("no warehouse at x", code=2)))
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    assert capsys.readouterr().err == "bantin: error: no warehouse at x\n"


def test_the_runs_row_names_a_stop_even_when_a_library_surfaced_it_as_its_own_error():
    from flows.nightly import describe_exception

    wrapped = RuntimeError("Error calling function `_ser_model`: SystemExit: 143")
    assert describe_exception(wrapped) == "RuntimeError: Error calling function `_ser_model`: SystemExit: 143"
    assert describe_exception(wrapped, stop_requested=True).startswith(
        "interrupted (stop signal, surfaced as RuntimeError"
    )
    assert describe_exception(SystemExit(143)) == "interrupted (SIGTERM)"

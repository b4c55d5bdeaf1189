"""Which Prefect logging settings `bantin run` and `bantin serve` choose (flows/cli.py)."""

from __future__ import annotations

import pytest

from flows import cli
from flows.prefect_server import configured_api_url

KEYS = (
    "PREFECT_LOGGING_LEVEL",
    "PREFECT_LOGGING_TO_API_ENABLED",
    "PREFECT_API_URL",
    "BANTIN_SERVE_LOG_LEVEL",
)


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for key in KEYS:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))  # no profile naming a server
    return monkeypatch


def test_a_run_on_its_temporary_server_sends_no_logs_there(clean_env):
    import os

    assert configured_api_url() is None
    cli._quiet_prefect(logs_to_api=configured_api_url() is not None)
    assert os.environ["PREFECT_LOGGING_TO_API_ENABLED"] == "false"
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "WARNING"


def test_a_run_on_a_lasting_server_sends_its_info_lines_for_the_ui(clean_env):
    import os

    clean_env.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    cli._quiet_prefect(logs_to_api=configured_api_url() is not None)
    assert os.environ["PREFECT_LOGGING_TO_API_ENABLED"] == "true"
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "INFO"


def test_a_level_the_user_set_is_kept(clean_env):
    import os

    clean_env.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    clean_env.setenv("PREFECT_LOGGING_LEVEL", "DEBUG")
    cli._quiet_prefect(logs_to_api=True)
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "DEBUG"

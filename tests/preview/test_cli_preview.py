"""``briefdeck preview`` from the command line: its help, its errors, and Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request

from preview.support import BRIEF


def test_help_names_the_options(cli, tmp_path):
    result = cli(tmp_path, "preview", "--help")
    assert result.exit_code == 0
    for words in ("--audience", "--port", "127.0.0.1", "Show the slides in a browser"):
        assert words in result.stdout


def test_a_missing_brief_is_a_usage_error(cli, project):
    result = cli(project, "preview", "briefs/nothing.yaml", "--port", "0")
    assert result.exit_code == 2
    assert "brief 'briefs/nothing.yaml' does not exist" in result.stderr


def test_an_unknown_audience_is_a_usage_error(cli, example):
    result = cli(example, "preview", BRIEF, "--audience", "polcy", "--port", "0")
    assert result.exit_code == 2
    assert "the brief has no audience 'polcy'" in result.stderr and "did you mean 'policy'?" in result.stderr


def test_a_port_in_use_is_a_usage_error(cli, example):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli(example, "preview", BRIEF, "--port", str(port))
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "--port 0" in result.stderr


def test_it_prints_the_address_serves_and_stops_on_ctrl_c(example):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "briefdeck", "preview", BRIEF, "--port", "0"], cwd=example,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stdout.readline()
        assert line.startswith(f"previewing {BRIEF} at http://127.0.0.1:") and "(Ctrl-C to stop)" in line
        address = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(address + "a/classroom", timeout=10) as response:
            assert response.status == 200
            assert "Upper-secondary civics" in response.read().decode("utf-8")
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    assert process.returncode == 0
    assert "Traceback" not in err

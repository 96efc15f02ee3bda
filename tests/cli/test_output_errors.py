"""Output that cannot be written (a full disk, a reader that left) ends every command
the same way: one line and exit 2, or quietly for a broken pipe; never a traceback."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PLANS, okr_command

SAAS = str(PLANS / "saas-growth.toml")
COMMANDS = [
    ["check", SAAS],
    ["check", "--format", "json", SAAS],
    ["export", SAAS],
    ["status", SAAS],
    ["catalog"],
    ["catalog", "--json"],
    ["classify", "Hire 3 engineers"],
    ["classify", "--json", "Hire 3 engineers"],
    ["--help"],
    ["--version"],
    ["check", "--help"],
]
IDS = [" ".join(args).replace(SAAS, "PLAN") for args in COMMANDS]


def _okr(args: list[str], stdout, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("OKR_LANG", "LC_ALL")}
    environment.update({"LANG": "C.UTF-8", **(env or {})})
    return subprocess.run(
        [*okr_command(), *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=environment,
        timeout=120,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_a_full_disk_is_one_line_and_exit_2(args):
    with open("/dev/full", "wb") as full:
        result = _okr(args, full)
    assert result.stderr.decode() == "okr: cannot write the output: No space left on device\n"
    assert result.returncode == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_in_chinese():
    with open("/dev/full", "wb") as full:
        result = _okr(["catalog"], full, env={"OKR_LANG": "zh-TW"})
    assert result.stderr.decode() == "okr: 無法寫出輸出:No space left on device\n"
    assert result.returncode == 2


@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_a_reader_that_left_ends_the_command_quietly(args):
    """``okr ... | head``: the pipe is closed before ``okr`` writes a byte."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _okr(args, write_end)
    finally:
        os.close(write_end)
    assert result.stderr.decode() == ""
    assert result.returncode == 141  # as the shell reports a command ended by SIGPIPE


def test_a_reader_that_leaves_stops_classify_reading_standard_input():
    """An endless input whose answers nobody reads any more ends instead of running on."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    producer = subprocess.Popen(["yes", "Hire 3 engineers"], stdout=subprocess.PIPE)
    try:
        process = subprocess.run(
            [*okr_command(), "classify"],
            stdin=producer.stdout,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
        producer.kill()
        producer.wait()
        producer.stdout.close()
    assert (process.returncode, process.stderr) == (141, b"")


@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_a_closed_standard_output_is_one_line_and_exit_2(args):
    """``okr ... >&-``: Python has no ``sys.stdout`` at all then."""
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" "$@" >&-', *okr_command(), *args],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "LANG": "C.UTF-8", "OKR_LANG": "en"},
        timeout=120,
    )
    assert result.stderr.decode() == "okr: cannot write the output: Bad file descriptor\n"
    assert result.returncode == 2

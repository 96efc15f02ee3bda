"""``okr serve``: the planner in a browser, on localhost, one planner per connection."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import okr_command, run_okr
from tui.commands.serve import is_loopback, open_command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, headers: dict | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


@pytest.fixture
def server(tmp_path, example_copy):
    """Start ``okr serve`` on a free port; always stop it (and its planners) afterwards."""
    plan = example_copy()
    port = _free_port()
    environment = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"}
    process = subprocess.Popen(
        [*okr_command(), "serve", str(plan), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        start_new_session=True,  # its own process group: the planners it starts go too
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stderr.read()
            try:
                _get(base + "/")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert time.monotonic() < deadline, "okr serve never answered"
                time.sleep(0.2)
        yield base, process, plan
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        process.stdout.close()
        process.stderr.close()


def test_serve_answers_on_localhost_with_the_planner_page(server):
    base, _, plan = server
    status, content_type, body = _get(base + "/")
    assert status == 200
    assert content_type.startswith("text/html")
    assert "<html" in body.lower()
    assert f"OKR Planner: {plan.name}" in body
    assert f"ws://127.0.0.1:{base.rsplit(':', 1)[1]}/ws" in body


def test_each_browser_connection_runs_the_planner_on_the_plan(server):
    from aiohttp import ClientSession, WSMsgType

    base, _, _ = server

    async def first_screen() -> bytes:
        received = b""
        async with (
            ClientSession() as session,
            session.ws_connect(base + "/ws?width=80&height=24") as socket_,
        ):
            deadline = time.monotonic() + 60
            while b"SaaS growth Q1 2026" not in received and time.monotonic() < deadline:
                message = await socket_.receive(timeout=60)
                if message.type != WSMsgType.BINARY:
                    break
                received += message.data
        return received

    assert b"SaaS growth Q1 2026" in asyncio.run(first_screen())


def test_pages_of_other_sites_are_refused(server):
    base, _, _ = server
    port = base.rsplit(":", 1)[1]
    assert _get(base + "/", {"Host": f"evil.example:{port}"})[0] == 403, "DNS rebinding"
    assert _get(base + "/", {"Origin": "http://evil.example"})[0] == 403, "another site"
    assert _get(base + "/ws", {"Origin": "http://evil.example"})[0] == 403
    assert _get(base + "/", {"Origin": base})[0] == 200
    assert _get(base + "/", {"Host": f"localhost:{port}"})[0] == 200


def test_the_server_says_where_it_is_and_stops_on_sigterm(server):
    base, process, plan = server
    os.killpg(process.pid, signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    output = process.stdout.read()
    assert f"Serving {plan} at {base}" in output
    assert "Traceback" not in process.stderr.read()


def test_a_missing_folder_is_refused_like_okr_open(tmp_path):
    plan = tmp_path / "nope" / "plan.toml"
    result = run_okr("serve", str(plan), "--port", "1")
    assert result.returncode == 2
    assert result.stderr == f"okr: {plan}: the folder {plan.parent} does not exist\n"


def test_a_broken_plan_is_refused_before_serving(tmp_path):
    plan = tmp_path / "broken.toml"
    plan.write_text('title = "x\n', "utf-8")
    result = run_okr("serve", str(plan))
    assert result.returncode == 2
    assert result.stderr.startswith(f"okr: {plan}:1:11: TOML syntax error")


def test_a_non_loopback_host_gets_a_one_line_warning(tmp_path):
    # 192.0.2.1 is reserved for documentation: binding fails at once, nothing is sent
    result = run_okr("serve", str(tmp_path / "plan.toml"), "--host", "192.0.2.1", "--port", "8123")
    lines = result.stderr.splitlines()
    assert lines[0].startswith("okr: warning: listening on 192.0.2.1:8123 lets anyone")
    assert "SSH port forwarding" in lines[0]
    assert lines[1].startswith("okr: cannot listen on 192.0.2.1:8123: ")
    assert len(lines) == 2 and result.returncode == 2


def test_a_port_in_use_is_one_line_and_no_serving_line(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_okr("serve", str(tmp_path / "plan.toml"), "--port", str(port))
    assert result.returncode == 2
    assert result.stdout == ""  # no "Serving ... at http://..." for a server that never ran
    assert result.stderr.startswith(f"okr: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.stderr.splitlines()) == 1


def test_a_bad_port_is_a_usage_error():
    result = run_okr("serve", "--port", "70000")
    assert result.returncode == 2
    assert "not a port number from 1 to 65535: 70000" in result.stderr


def test_help_mentions_localhost_and_forwarding():
    result = run_okr("serve", "--help")
    assert result.returncode == 0
    assert "--host" in result.stdout and "--port" in result.stdout
    assert "127.0.0.1" in result.stdout


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("myserver.example", False),
    ],
)
def test_which_hosts_are_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_the_command_per_connection_quotes_the_plan_path(tmp_path):
    plan = tmp_path / "my plan; rm -rf ~.toml"
    command = open_command(plan)
    assert "'" in command and command.endswith(f"open '{plan.resolve()}'")


def test_a_name_without_toml_serves_the_toml_file_the_planner_opens(tmp_path):
    # `okr serve q2` checked and announced q2, while each browser's planner (`okr open q2`)
    # opened q2.toml: a broken q2.toml was served, to fail in every tab.
    (tmp_path / "q2.toml").write_text('title = "x\n', "utf-8")
    with socket.socket() as taken:  # were it served, it would stop here, in one line
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = run_okr("serve", "q2", "--port", port, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("okr: q2.toml:1:11: TOML syntax error"), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q2.toml"]

"""``okr serve [PLAN]``: the planner in a web browser, for people without a terminal.

Each browser tab that connects gets its own ``okr open PLAN`` process (through
textual-serve), so the lock, recovery and conflict rules work as in a terminal. The
server listens on 127.0.0.1 by default: on a shared server, reach it with SSH port
forwarding rather than opening it to the network (see the README).
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path

from model.errors import PlanError
from model.i18n import get_language, t
from model.safetext import shown
from tui.commands._common import file_name, load_for_command, print_error, printable
from tui.commands.open import plan_to_open

NAME = "serve"
HELP = "serve.help"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_PLAN = "plan.toml"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``serve`` arguments."""
    parser.add_argument(
        "plan",
        type=file_name,
        metavar=t("cli.metavar_plan"),
        nargs="?",
        default=DEFAULT_PLAN,
        help=t("serve.plan_help"),
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=t("serve.host_help"))
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT, help=t("serve.port_help"))
    parser.add_argument("--public-url", default=None, help=t("serve.public_url_help"))


def port_number(text: str) -> int:
    """A TCP port from the command line (1 to 65535)."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(t("serve.bad_port", value=shown(text)))
    return port


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in ("localhost", "localhost.", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def can_listen(host: str, port: int) -> None:
    """Raise the ``OSError`` the server would meet binding ``host:port`` (the port taken,
    an address this machine does not have), so it is said before the server starts:
    textual-serve prints where it serves before it binds."""
    import socket

    family, kind, proto, _, address = socket.getaddrinfo(
        host.strip("[]") or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        probe.bind(address)


def open_command(plan: Path) -> str:
    """The shell command each browser session runs: this planner opening ``plan``."""
    return shlex.join(
        [sys.executable, "-m", "tui", "--lang", get_language(), "open", str(plan.resolve())]
    )


def run(args: argparse.Namespace) -> int:
    """Check the plan, warn about exposure, then serve until Ctrl+C or SIGTERM."""
    try:
        path, is_new = plan_to_open(args.plan)  # `okr serve q2` serves q2.toml, as `okr q2`
    except PlanError as error:
        print_error(str(error))
        return 2
    if not is_new and load_for_command(path) is None:
        return 2
    if not is_loopback(args.host):
        print_error(t("serve.not_loopback", host=shown(args.host), port=args.port))
    from tui.webserve import PlannerServer  # textual-serve and aiohttp load only here

    server = PlannerServer(
        open_command(path),
        host=args.host,
        port=args.port,
        title=t("serve.title", name=printable(path.name)),
        public_url=args.public_url,
        plan_label=str(path),
        loopback=is_loopback(args.host),
    )
    try:
        can_listen(args.host, args.port)  # before "Serving at ..." is printed
        server.serve()
    except (OSError, UnicodeError) as error:  # UnicodeError: a host name IDNA refuses
        detail = getattr(error, "strerror", None) or str(error)
        host = shown(args.host)
        print_error(t("serve.cannot_listen", host=host, port=args.port, detail=detail))
        return 2
    except KeyboardInterrupt:
        pass
    return 0

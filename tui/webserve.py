"""The web server behind ``okr serve``: textual-serve, hardened for a shared machine.

textual-serve runs one planner process per browser connection and streams it over a
WebSocket. Browsers let any web page open a WebSocket to ``127.0.0.1``, so without a
check a page you visit could drive your planner. This server therefore refuses:

- requests whose ``Origin`` is another site than the one the page was served from
  (cross-site WebSocket hijacking), and
- when listening on loopback, requests whose ``Host`` is not a loopback name or the
  ``--public-url`` host (DNS rebinding).

The page's WebSocket address follows the address the browser used, so SSH forwarding
to any local port works without ``--public-url``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

from model.i18n import t
from tui.commands._common import printable

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "ip6-localhost"})


class PlannerServer(Server):
    """A textual-serve server with the planner's wording and request checks."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        title: str,
        public_url: str | None,
        plan_label: str,
        loopback: bool,
    ) -> None:
        shown_host = f"[{host}]" if ":" in host else host
        self.listen_url = f"http://{shown_host}:{port}"
        super().__init__(
            command, host=host, port=port, title=title, public_url=public_url or self.listen_url
        )
        self.fixed_public_url = public_url is not None
        self.plan_label = plan_label
        self.allowed_hosts: frozenset[str] | None = None
        if loopback:
            allowed = {*LOOPBACK_NAMES, host.strip("[]").lower()}
            if public_url:
                allowed.add((urlsplit(public_url).hostname or "").lower())
            self.allowed_hosts = frozenset(allowed)

    def initialize_logging(self) -> None:
        """Keep textual-serve's own logging quiet: the planner prints its one line."""

    async def on_startup(self, app: web.Application) -> None:
        """Say where the planner is served, in the user's language."""
        print(printable(t("serve.serving", plan=self.plan_label, url=self.listen_url)), flush=True)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.request_allowed(request):
            raise web.HTTPForbidden(text=t("serve.forbidden"))
        if not self.fixed_public_url and request.path == "/":
            self.public_url = f"{request.scheme}://{request.host}"  # the address in use
        return await handler(request)

    def request_allowed(self, request: web.Request) -> bool:
        """Whether the request comes from a page this server served, to a name it expects."""
        host = (urlsplit(f"//{request.host}").hostname or "").lower()
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            return False
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser page (curl, a health check)
        return urlsplit(origin).netloc.lower() == request.host.lower()

"""Every sentence the planner says, in English and Traditional Chinese.

Messages live in TOML tables under ``model/messages/``, one file per domain (``core``,
``classify``, ``tui``...). A message key is ``"<domain>.<name>"``; each entry holds the
text for every language, with ``{placeholders}`` filled by keyword arguments.
Tables load lazily, the first time a domain is used, to keep start-up fast, and
:func:`t` keeps only the current language's sentences (a language switch reads the
files again).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, get_args

import tomli as tomllib  # the standard parser, compiled: message files load faster at start-up

Language = Literal["en", "zh-TW"]
"""The languages the planner speaks."""

LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "en"

LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "zh-TW": "繁體中文"}
"""Each language's name in itself (what a reader of that language looks for in a menu)."""

_current: list[Language] = [DEFAULT_LANGUAGE]
_tables: dict[str, dict[str, dict[str, str]]] = {}
_spoken: dict[str, dict[str, str]] = {}
"""Each domain's sentences in the current language, by name: what :func:`t` reads."""


def set_language(language: Language) -> None:
    """Make ``language`` the one every later :func:`t` call answers in."""
    if language not in LANGUAGES:
        raise ValueError(language)
    if language != _current[0]:
        _spoken.clear()
    _current[0] = language


def get_language() -> Language:
    """The language :func:`t` currently answers in."""
    return _current[0]


def normalize_language(value: str | None) -> Language | None:
    """Map a user or locale spelling (``zh_TW.UTF-8``, ``zh-Hant``, ``en_US``) to a language."""
    if not value:
        return None
    tag = value.split(".", 1)[0].split("@", 1)[0].replace("_", "-").lower()
    if tag in ("c", "posix"):
        return None
    if tag.startswith("zh"):
        return "zh-TW"
    if tag == "en" or tag.startswith("en-"):
        return "en"
    return None


def written_in(text: str) -> Language | None:
    """The language ``text`` is mostly written in, or ``None`` when it has no words.

    A Chinese character carries about as much as a short English word, so it counts as
    two letters: "MQL 率從 22% 提升到 30%" is Chinese, "Raise 轉換率 from 9% to 12%" English.
    """
    han = letters = 0
    for char in text:
        if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
            han += 1
        elif char.isascii() and char.isalpha():
            letters += 1
    if not han and not letters:
        return None
    return "zh-TW" if 2 * han > letters else "en"


def resolve_language(flag: str | None, environ: Mapping[str, str] | None = None) -> Language:
    """Pick the language: ``--lang``, then ``OKR_LANG``, then the locale, then English.

    The locale follows POSIX precedence (``LC_ALL``, ``LC_MESSAGES``, ``LANG``); a
    locale we do not speak falls back to English rather than to the next variable.
    """
    env = os.environ if environ is None else environ
    for candidate in (flag, env.get("OKR_LANG")):
        language = normalize_language(candidate)
        if language:
            return language
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(variable):
            return normalize_language(env[variable]) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


MESSAGES_FOLDER = Path(__file__).with_name("messages")
"""The message files, one per domain (a plain folder next to this module: reading it
directly spares ``importlib.resources`` and its imports on every start)."""


def _read_domain(domain: str) -> dict[str, dict[str, str]]:
    text = (MESSAGES_FOLDER / f"{domain}.toml").read_text("utf-8")
    return tomllib.loads(text)


def domain_table(domain: str) -> dict[str, dict[str, str]]:
    """The messages of one domain in every language, loaded on first use and kept."""
    table = _tables.get(domain)
    if table is None:
        table = _tables[domain] = _read_domain(domain)
    return table


def _spoken_table(domain: str) -> dict[str, str]:
    """One domain's sentences in the current language (English where one is missing)."""
    full = _tables.get(domain) or _read_domain(domain)
    language = _current[0]
    table: dict[str, str] = {}
    for name, entry in full.items():
        text = entry.get(language) or entry.get(DEFAULT_LANGUAGE)
        if text is not None:  # an entry in no language we speak: t() says KeyError, as before
            table[name] = text
    _spoken[domain] = table
    return table


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, with ``params`` filled in.

    Parameters are inserted as plain text, never re-interpreted, so user text passed
    as a parameter cannot inject placeholders. Literal braces are written ``{{ }}``.
    """
    domain, _, name = key.partition(".")
    table = _spoken.get(domain)
    if table is None:
        table = _spoken_table(domain)
    return table[name].format_map(params)


def message_domains() -> list[str]:
    """Every domain that has a message file (used by the completeness tests)."""
    return sorted(
        p.name[: -len(".toml")] for p in MESSAGES_FOLDER.iterdir() if p.name.endswith(".toml")
    )

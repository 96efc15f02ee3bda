"""Broken variants of the example plans, for fuzz tests of everything that reads a plan.

``fuzz_corpus(count, seed)`` returns ``count`` named byte strings, deterministic for a
seed, each an example plan damaged one way: bytes flipped, cut short, keys or tables
duplicated, garbage inserted (control bytes, invalid UTF-8, TOML punctuation, escape
sequences), absurd numbers, deep nesting. Write them to files and run any reader on
them: the planner must answer each with one clear line, never a traceback.

    for name, data in fuzz_corpus(200):
        path = tmp_path / f"{name}.toml"; path.write_bytes(data)
        result = run_okr("check", str(path))   # exit 0, 1 or 2; no "Traceback"
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from tests.conftest import EXAMPLE_PLANS

Mutation = Callable[[bytes, random.Random], bytes]

GARBAGE = [
    b"\x00",
    b"\xff\xfe",
    b"\xc3",
    b"\xe6\x8f",
    b"\x1b[31m",
    b"\x9b2J",
    b"\xe2\x80\xae",
    b"\r",
    b"\r\n",
    b"[",
    b"]]",
    b"[[kpis]]\n",
    b"[objective]\n",
    b'"',
    b"'''",
    b'"""',
    b"=",
    b" = = ",
    b"#",
    b"\\",
    b"\\u0000",
    b"{",
    b"}",
    b"nan",
    b"inf",
    b"-inf",
    b"1e308",
    b"1e999",
    b"0x",
    b"2026-13-45",
    b"[[[[[[[[[[",
    b"a = " + b"[" * 3000,
    b"x.y.z = { a = { b = { c = 1 } } }\n",
    b"\xef\xbb\xbf",
    b"[link=https://evil.example]click[/link]",
]

WRONG_VALUES = [
    *(b"nan", b"inf", b"-inf", b"1e308", b"-1e400", b"true", b'"text"', b"[1, 2]", b"{}"),
    *(b"2026-01-01", b"[[]]", b"0", b"-0.0", b'"\\u001b[2J\\u202e"', b'"' + b"x" * 20_000 + b'"'),
]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    """Flip one to eight random bits."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        index = rng.randrange(len(buffer))
        buffer[index] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file at a random point (a save interrupted by a careless tool)."""
    return data[: rng.randrange(len(data))]


def duplicate_line(data: bytes, rng: random.Random) -> bytes:
    """Repeat one line (a duplicated key, or a duplicated table header)."""
    lines = data.splitlines(keepends=True)
    index = rng.randrange(len(lines))
    return b"".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])


def duplicate_table(data: bytes, rng: random.Random) -> bytes:
    """Repeat a whole ``[table]`` block (same keys defined twice)."""
    lines = data.splitlines(keepends=True)
    headers = [i for i, line in enumerate(lines) if line.startswith(b"[") and b"[[" not in line]
    if not headers:
        return duplicate_line(data, rng)
    start = rng.choice(headers)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith(b"[")), len(lines))
    return b"".join([*lines[:end], *lines[start:end], *lines[end:]])


def insert_garbage(data: bytes, rng: random.Random) -> bytes:
    """Insert a piece of garbage at a random byte offset."""
    index = rng.randrange(len(data) + 1)
    return data[:index] + rng.choice(GARBAGE) + data[index:]


def replace_value(data: bytes, rng: random.Random) -> bytes:
    """Replace the value of a random ``key = value`` line with garbage or a wrong type."""
    lines = data.splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines) if b" = " in line]
    if not keyed:
        return insert_garbage(data, rng)
    index = rng.choice(keyed)
    key = lines[index].split(b" = ", 1)[0]
    value = rng.choice(WRONG_VALUES)
    lines[index] = key + b" = " + value + b"\n"
    return b"".join(lines)


def drop_line(data: bytes, rng: random.Random) -> bytes:
    """Remove one line (a lost key or header)."""
    lines = data.splitlines(keepends=True)
    del lines[rng.randrange(len(lines))]
    return b"".join(lines)


MUTATIONS: dict[str, Mutation] = {
    "flip": flip_bytes,
    "truncate": truncate,
    "dupline": duplicate_line,
    "duptable": duplicate_table,
    "garbage": insert_garbage,
    "value": replace_value,
    "drop": drop_line,
}


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One to three random mutations of ``data``; returns their names and the result."""
    names = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        name = rng.choice(sorted(MUTATIONS))
        data = MUTATIONS[name](data, rng) if data else data
        names.append(name)
    return "+".join(names), data


def fuzz_corpus(
    count: int, seed: int = 0, plans: list[Path] | None = None
) -> list[tuple[str, bytes]]:
    """``count`` damaged example plans as ``(name, bytes)``, the same for the same seed."""
    rng = random.Random(seed)
    sources = [(path.stem, path.read_bytes()) for path in (plans or EXAMPLE_PLANS)]
    corpus = []
    for number in range(count):
        stem, data = sources[number % len(sources)]
        names, damaged = mutate(data, rng)
        corpus.append((f"{number:04d}-{stem}-{names}", damaged))
    return corpus

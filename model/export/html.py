"""The plan as one self-contained HTML page: inline CSS, no scripts, no external assets.

It says what the Markdown export says (both render :func:`build_document`), reads well
in light and dark mode, and prints on A4 with table headers repeated on each page.
Every piece of plan text is HTML-escaped; control characters are shown as visible
escapes.
"""

from __future__ import annotations

import html

from model.export.blocks import Block, Bullets, Fields, Heading, Paragraph, Table
from model.export.common import GENERATOR, ExportContext, split_lines
from model.export.document import build_document
from model.i18n import get_language
from model.safetext import printable

HTML_LANG = {"en": "en", "zh-TW": "zh-Hant-TW"}

STYLE = """
:root {
  color-scheme: light dark;
  --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --accent: #0969da; --error: #cf222e; --warning: #9a6700; --hint: #59636e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --accent: #4493f8; --error: #f85149; --warning: #d29922; --hint: #9198a1;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 72rem; padding: 2rem 1.5rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans TC", "PingFang TC",
    "Microsoft JhengHei", sans-serif;
  color: var(--fg); background: var(--bg);
}
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .25rem;
  border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p.generated { color: var(--muted); margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
th { background: var(--head); white-space: nowrap; }
td.number { white-space: nowrap; }
tr.severity-error td:first-child { color: var(--error); font-weight: 600; }
tr.severity-warning td:first-child { color: var(--warning); font-weight: 600; }
tr.severity-hint td:first-child { color: var(--hint); }
code { font: .85rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  :root { color-scheme: light; --fg: #000; --bg: #fff; --muted: #444; --line: #999;
    --head: #eee; --error: #a40e26; --warning: #7a5200; --hint: #444; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; }
  th { white-space: normal; }
  th, td { padding: .15rem .3rem; }
  thead { display: table-header-group; }
  tr, dl { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"""


def escape(text: str) -> str:
    """``text`` as HTML text: escaped, control characters shown, newlines as ``<br>``."""
    return "<br>".join(
        html.escape(printable(line, keep="\t"), quote=True) for line in split_lines(text)
    )


def render_html(context: ExportContext) -> str:
    """The whole review document as one HTML page."""
    body = "\n".join(_block(block, index) for index, block in enumerate(build_document(context)))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{HTML_LANG[get_language()]}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="generator" content="{GENERATOR}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(context.title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _block(block: Block, index: int) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = ' class="generated"' if index == 1 else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, Fields):
        rows = "".join(
            f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in block.rows
        )
        return f"<dl>{rows}</dl>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    return _table(block)


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in table.header)
    rows = []
    for number, cells in enumerate(table.rows):
        css = f' class="{table.row_classes[number]}"' if table.row_classes else ""
        tds = "".join(
            f'<td class="number">{escape(cell)}</td>'
            if position in table.numbers
            else f"<td>{escape(cell)}</td>"
            for position, cell in enumerate(cells)
        )
        rows.append(f"<tr{css}>{tds}</tr>")
    return (
        f'<div class="table-wrap"><table id="{table.name}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )

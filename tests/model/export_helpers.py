"""Reading exports back: Markdown through markdown-it-py, HTML through html.parser."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt


class TableReader(HTMLParser):
    """Every table of an HTML page as rows of cell texts (``<br>`` read as a newline),
    with the page's other facts the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self._cell: list[str] | None = None
        self._heading: tuple[str, list[str]] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self.tables.append({"id": dict(attrs).get("id"), "rows": []})
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        elif tag in ("h1", "h2", "h3"):
            self._heading = (tag, [])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1]["rows"].append(self._row)
            self._row = None
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append((tag, "".join(self._heading[1]).strip()))
            self._heading = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            self._heading[1].append(data)

    def table(self, first_header: str) -> list[list[str]]:
        """The rows of the table whose first header cell is ``first_header``."""
        matches = [t["rows"] for t in self.tables if t["rows"] and t["rows"][0][0] == first_header]
        assert matches, f"no table starting with {first_header!r}"
        return matches[0]

    def table_by_id(self, table_id: str) -> list[list[str]]:
        (rows,) = [t["rows"] for t in self.tables if t["id"] == table_id]
        return rows


def read_html(text: str) -> TableReader:
    reader = TableReader()
    reader.feed(text)
    reader.close()
    return reader


def markdown_to_html(text: str) -> str:
    """GitHub-flavoured Markdown as HTML (tables, strikethrough, raw HTML like GitHub)."""
    return MarkdownIt("gfm-like").render(text)


def read_markdown(text: str) -> TableReader:
    return read_html(markdown_to_html(text))

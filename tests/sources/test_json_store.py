"""The JSON file of per-paper records: lenient reads, atomic writes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from promptbot.sources.json_store import FORMAT, read_papers, write_papers


def test_records_written_are_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deeper" / "cache.json"
    write_papers(path, {"2501.00001": "T\nabstract", "2501.00002": {"affiliation": "X"}})
    assert read_papers(path, "cache") == {"2501.00001": "T\nabstract",
                                          "2501.00002": {"affiliation": "X"}}
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == FORMAT
    assert [p.name for p in path.parent.iterdir()] == ["cache.json"]  # no temporary file left


@pytest.mark.parametrize("text", ['{"format": 2, "papers": {"a": "b"}}', '{"format": 1}',
                                  '["a"]', '{"format": 1, "papers": ["a"]}'])
def test_a_foreign_file_reads_as_empty(tmp_path: Path, text: str) -> None:
    path = tmp_path / "cache.json"
    path.write_text(text, encoding="utf-8")
    assert read_papers(path, "cache") == {}


def test_an_unreadable_file_is_logged_and_reads_as_empty(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "cache.json"
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="promptbot.cache"):
        assert read_papers(path, "abstract cache") == {}
    assert "abstract cache" in caplog.text and "unreadable" in caplog.text
    assert read_papers(tmp_path / "absent.json", "cache") == {}


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    path = tmp_path / "cache.json"
    write_papers(path, {"a": "old"})

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("promptbot.sources.json_store.os.replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_papers(path, {"a": "new"})
    assert read_papers(path, "cache") == {"a": "old"}
    assert [p.name for p in tmp_path.iterdir()] == ["cache.json"]

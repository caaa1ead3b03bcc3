"""The enrichment cache: a JSON file read once and written atomically; a bad file is empty."""

from __future__ import annotations

import json
from pathlib import Path

from promptbot.sources.enrichment_cache import EnrichmentCache, default_cache_dir


def test_values_survive_a_new_process(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "enrichment.json"
    cache = EnrichmentCache(path)
    assert cache.get("2501.11120v1") is None
    value = {"status": "ok", "authors": [["A", ["Tsinghua University"]]]}
    cache.put("2501.11120v1", value)
    cache.save()
    again = EnrichmentCache(path)
    assert again.get("2501.11120v1") == value
    assert len(again) == 1
    assert json.loads(path.read_text("utf-8"))["format"] == 1
    assert [p.name for p in path.parent.iterdir()] == ["enrichment.json"]  # no temp file left


def test_nothing_is_written_when_nothing_changed(tmp_path: Path) -> None:
    path = tmp_path / "enrichment.json"
    EnrichmentCache(path).save()
    assert not path.exists()


def test_a_corrupt_or_foreign_file_is_an_empty_cache(tmp_path: Path) -> None:
    path = tmp_path / "enrichment.json"
    for text in ("{not json", "[1, 2]", '{"format": 99, "papers": {"x": {}}}',
                 '{"format": 1, "papers": {"x": "not a dict"}}'):
        path.write_text(text, encoding="utf-8")
        assert EnrichmentCache(path).get("x") is None


def test_an_unwritable_folder_only_warns(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cache = EnrichmentCache(blocker / "enrichment.json")  # a folder that cannot exist
    cache.put("k", {"status": "missing"})
    cache.save()  # no exception
    assert cache.get("k") == {"status": "missing"}


def test_memory_only_cache() -> None:
    cache = EnrichmentCache(None)
    cache.put("k", {"status": "ok"})
    cache.save()
    assert cache.get("k") == {"status": "ok"}


def test_default_folder_follows_xdg() -> None:
    assert default_cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/promptbot")
    assert default_cache_dir({}).name == "promptbot"

"""What an update check costs per list: the listed preprints a weekly re-check asks by id, the
arXiv `id_list` requests and Semantic Scholar `/paper/batch` requests that takes, and which
section an accepted preprint of each section would move to.

Usage: python bench/update_check_cost.py CATALOG.md [CATALOG.md ...] [--batch N] [--s2-batch N]
(defaults: the lists in tests/data/catalogs). Per run the listing feed's new versions of listed
papers add one `id_list` request when there are any (they are asked together).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from promptbot import catalog
from promptbot.config import Config
from promptbot.judging.updates import published_section, recheck_ids

DEFAULT = sorted((Path(__file__).resolve().parent.parent / "tests" / "data" / "catalogs")
                 .glob("*.md"))


def main() -> None:
    """Print one line per catalog, then the totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogs", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--batch", type=int, default=Config().updates.recheck_batch)
    parser.add_argument("--s2-batch", type=int, default=Config().updates.semantic_scholar_batch)
    args = parser.parse_args()
    cfg = Config().sections
    total_ids = total_requests = 0
    print(f"{'catalog':<70} {'entries':>7} {'preprints':>9} {'id_list':>7} {'s2':>3}  moves")
    for path in args.catalogs:
        cat = catalog.parse(path.read_text(encoding="utf-8"))
        ids = recheck_ids(cat)
        requests = math.ceil(len(ids) / args.batch)
        moves = sorted({f"{s.heading[:25]} -> {m.heading[:25]}" for s in cat.sections
                        if s.entries and (m := published_section(cat, cfg, s)) is not None})
        total_ids += len(ids)
        total_requests += requests
        print(f"{path.name[:70]:<70} {len(cat.entries):>7} {len(ids):>9} {requests:>7}"
              f" {math.ceil(len(ids) / args.s2_batch):>3}  {'; '.join(moves) or '-'}")
    print(f"{'total':<70} {'':>7} {total_ids:>9} {total_requests:>7}")


if __name__ == "__main__":
    main()

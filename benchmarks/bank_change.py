"""What a change of the retrieval bank changes: the example shown for each item, and its family.

    python benchmarks/bank_change.py OLD_BANK NEW_BANK ITEMS.jsonl

For each item of ITEMS (``question`` and ``family``, as the data build's evaluation files write
them) the nearest example of each bank (``Bank.nearest``, k=1, as the prompt shows it): how many
items are shown another example, how often the shown example is of the item's own family with
each bank, and, per item whose example changed, its family and the two shown families. No model;
seconds. Used when families were added to the shipped bank (2026-12-04): the items to re-run are
those whose example changed.
"""

from __future__ import annotations

import argparse

from mathllm.retrieve import load_bank
from mathllm.train import read_jsonl


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("items")
    a = ap.parse_args(argv)
    old, new = load_bank(a.old), load_bank(a.new)
    items = read_jsonl(a.items)
    same = right_old = right_new = 0
    changed = []
    for i, it in enumerate(items, 1):
        x, y = old.nearest(it["question"], k=1)[0], new.nearest(it["question"], k=1)[0]
        fx, fy = old.groups[old.examples.index(x)], new.groups[new.examples.index(y)]
        right_old += fx == it["family"]
        right_new += fy == it["family"]
        if x.problem == y.problem:
            same += 1
        else:
            changed.append(f"  item {i} ({it['family']}): {fx} -> {fy}")
    print(f"{len(items)} items, {len(items) - same} shown another example; shown their own family: "
          f"{right_old} with {a.old}, {right_new} with {a.new}")
    print("\n".join(changed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

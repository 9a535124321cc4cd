"""One upload's files together (archives expanded) are capped: past it, each file is refused by name."""

from __future__ import annotations

from timeline.jobs.services import ItemInput
from webapp.import_inputs import within_batch_limit


def test_files_past_the_upload_total_are_refused_by_name_and_the_rest_kept():
    items = [ItemInput(name=f"{n}.txt", text="x" * 400) for n in range(4)] + [ItemInput(name="bad.txt", refused="no")]
    kept = within_batch_limit(items, limit=1000)
    assert [i.name for i in kept] == ["0.txt", "1.txt", "2.txt", "3.txt", "bad.txt"]
    assert [bool(i.refused) for i in kept] == [False, False, True, True, True]
    assert "together pass 1,000 bytes" in kept[2].refused

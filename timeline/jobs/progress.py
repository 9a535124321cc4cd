"""A batch's progress as plain data (read through ``selectors.batch_progress``): for the JSON endpoint,
the batch page, ``batch_status`` and the commands following a batch."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from timeline.jobs.models import FINAL_STATES, ImportBatch, ImportItem


@dataclass(frozen=True)
class ItemProgress:
    id: int
    name: str
    state: str
    label: str
    reason: str
    warning: str
    events: int | None
    article_id: int | None


@dataclass(frozen=True)
class BatchProgress:
    id: int
    kind: str
    total: int
    settled: int
    finished: bool
    counts: dict[str, int]
    items: list[ItemProgress]

    @property
    def percent(self) -> int:
        """Whole percent settled; 100 only when every item is."""
        if self.total == 0:
            return 100
        return 100 if self.settled == self.total else min(99, self.settled * 100 // self.total)

    def as_dict(self) -> dict[str, object]:
        return asdict(self) | {"percent": self.percent}


def progress_of(batch: ImportBatch, items: list[ImportItem]) -> BatchProgress:
    """Counts and per-item rows of ``batch`` from its ``items`` (already fetched, in order)."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.state] = counts.get(item.state, 0) + 1
    settled = sum(n for state, n in counts.items() if state in FINAL_STATES)
    rows = [
        ItemProgress(
            id=item.pk, name=item.name, state=item.state, label=item.get_state_display(), reason=item.reason,
            warning=item.warning, events=item.events, article_id=item.article_id,
        )  # fmt: skip
        for item in items
    ]
    return BatchProgress(
        id=batch.pk, kind=batch.kind, total=len(items), settled=settled,
        finished=settled == len(items), counts=counts, items=rows,
    )  # fmt: skip

"""A batch's progress as plain data (read through ``selectors.batch_progress``): for the JSON endpoint,
the batch page, ``batch_status`` and the commands following a batch.

``cursor`` is the position of the batch's first pending item: every item before it is
settled, and a settled item never changes again, so a page that has seen the items up to
``cursor`` asks only for those from there on (``batch_progress(since=cursor)``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from timeline.jobs.models import FINAL_STATES, PENDING_STATES, ImportBatch, ImportItem


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
    cursor: int

    @property
    def percent(self) -> int:
        """Whole percent settled; 100 only when every item is."""
        if self.total == 0:
            return 100
        return 100 if self.settled == self.total else min(99, self.settled * 100 // self.total)

    def as_dict(self) -> dict[str, object]:
        return asdict(self) | {"percent": self.percent}


def progress_of(batch: ImportBatch, items: list[ImportItem]) -> BatchProgress:
    """Counts and per-item rows of ``batch`` from all its ``items`` (already fetched, in order)."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.state] = counts.get(item.state, 0) + 1
    pending = (item.position for item in items if item.state in PENDING_STATES)
    cursor = next(pending, items[-1].position + 1 if items else 0)
    return progress_from(batch, counts, items, cursor)


def progress_from(batch: ImportBatch, counts: dict[str, int], items: list[ImportItem], cursor: int) -> BatchProgress:
    """``batch``'s progress from its state ``counts`` and the rows of ``items`` (all of them, or some)."""
    total = sum(counts.values())
    settled = sum(n for state, n in counts.items() if state in FINAL_STATES)
    rows = [
        ItemProgress(
            id=item.pk,
            name=item.name,
            state=item.state,
            label=item.get_state_display(),
            reason=item.reason,
            warning=item.warning,
            events=item.events,
            article_id=item.article_id,
        )  # fmt: skip
        for item in items
    ]
    return BatchProgress(
        id=batch.pk, kind=batch.kind, total=total, settled=settled, finished=settled == total, counts=counts,
        items=rows, cursor=cursor,
    )  # fmt: skip

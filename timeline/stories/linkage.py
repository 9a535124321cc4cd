"""Average-linkage clusters kept incrementally: joining two clusters costs the size of their
neighbourhoods, never the product of their sizes (a dense story of thousands of mentions stays fast)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class AverageLinkage:
    """Clusters of item indices with the summed pair scores between every two clusters.

    ``scores`` holds the pairs that have any; a missing pair scores 0. ``apart`` pairs may never
    share a cluster; ``locked`` clusters (a curator's confirmed groups) never join each other.
    """

    def __init__(self, size: int, scores: Mapping[tuple[int, int], float], apart: Iterable[tuple[int, int]] = ()):
        self.cluster_of = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}
        self.links: dict[int, dict[int, float]] = {i: {} for i in range(size)}
        for (i, j), score in scores.items():
            self.links[i][j] = self.links[j][i] = score
        self.apart: dict[int, set[int]] = {i: set() for i in range(size)}
        for i, j in apart:
            self.apart[i].add(j)
            self.apart[j].add(i)
        self.locked: set[int] = set()

    def linkage(self, x: int, y: int) -> float:
        """Average score between the clusters of items ``x`` and ``y``; -1 when they must stay apart."""
        x, y = self.cluster_of[x], self.cluster_of[y]
        if x == y:
            return 1.0
        if y in self.apart[x] or (x in self.locked and y in self.locked):
            return -1.0
        return self.links[x].get(y, 0.0) / (len(self.members[x]) * len(self.members[y]))

    def join(self, x: int, y: int) -> int:
        """Join the clusters of items ``x`` and ``y`` (the smaller into the larger); returns the cluster."""
        x, y = self.cluster_of[x], self.cluster_of[y]
        if x == y:
            return x
        if len(self.members[x]) < len(self.members[y]):
            x, y = y, x
        for i in self.members.pop(y):
            self.cluster_of[i] = x
            self.members[x].append(i)
        for z, score in self.links.pop(y).items():
            del self.links[z][y]
            if z != x:
                self.links[x][z] = self.links[z][x] = self.links[x].get(z, 0.0) + score
        for z in self.apart.pop(y):
            self.apart[z].discard(y)
            if z != x:
                self.apart[z].add(x)
                self.apart[x].add(z)
        self.apart[x].discard(x)
        if y in self.locked:
            self.locked.discard(y)
            self.locked.add(x)
        return x

    def lock(self, x: int) -> None:
        self.locked.add(self.cluster_of[x])

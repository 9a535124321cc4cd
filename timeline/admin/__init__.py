"""Admin configuration. Every change goes through timeline.services so curation is recorded.

One module a model's admin (``articles``, ``events``) and what they share (``common``);
importing them here registers them, as Django's admin autodiscovery imports this package.
"""

from timeline.admin import articles, events  # noqa: F401 - registers ArticleAdmin and EventAdmin

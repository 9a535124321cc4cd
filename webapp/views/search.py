"""Search across stories, their happenings and articles (``/search/?q=``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from timeline import selectors
from timeline.display.highlight import excerpt
from timeline.stories import selectors as story_selectors
from webapp.views.access import browse_access

MAX_QUERY_CHARS = 200
RESULTS_PER_KIND = 30
SNIPPET_CHARS = 220


@require_safe
@browse_access
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY_CHARS].strip()
    words = selectors.query_words(query)
    context = {"query": query, "words": words, "full_text": selectors.full_text_available()}
    if words:
        articles = list(selectors.article_search(query=query)[:RESULTS_PER_KIND])
        context |= {
            "stories": list(story_selectors.story_search(query=query)[:RESULTS_PER_KIND]),
            "happenings": list(story_selectors.story_event_search(query=query)[:RESULTS_PER_KIND]),
            "articles": [(article, snippet(article.text, words)) for article in articles],
        }
    return render(request, "webapp/search.html", context)


def snippet(text: str, words: list[str]) -> str:
    """The text around the first searched word found (plain text; the template escapes it)."""
    lowered = text.lower()
    found = [at for at in (lowered.find(word) for word in words) if at >= 0]
    if not found:
        return excerpt(text, None, SNIPPET_CHARS)[0]
    at = min(found)
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = text[start : start + SNIPPET_CHARS]
    return ("…" if start else "") + " ".join(piece.split()) + ("…" if start + SNIPPET_CHARS < len(text) else "")

"""An inferred publication date is shown as a warning to check, with its evidence and confidence."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import make_article, make_extraction
from timeline.models import Article

pytestmark = pytest.mark.django_db

TEXT = "Iran attacked Israel on Saturday. Biden kept his promise on Friday."


def _notices(html: str, kind: str) -> list[str]:
    return re.findall(rf'<li class="notice notice-{kind}">(.*?)</li>', html, flags=re.S)


def test_import_with_an_inferred_date_warns_instead_of_succeeding(user_client, fake_engine):
    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 4, 13))], dct_inferred=True)
    response = user_client.post(reverse("import"), {"text": TEXT, "title": "Iran attacks"}, follow=True)
    html = response.content.decode()
    assert not any("Imported" in notice for notice in _notices(html, "success"))
    [warning] = [n for n in _notices(html, "warning") if "Imported" in n]
    assert "inferred from “Saturday, April 13, 2024” (confidence 90%)" in warning and "check" in warning


def test_import_with_a_given_date_is_a_success(user_client, fake_engine):
    fake_engine.result = make_extraction(TEXT, [("Saturday", date(2024, 4, 13))])
    html = user_client.post(
        reverse("import"), {"text": TEXT, "title": "Iran attacks", "published": "2024-04-13"}, follow=True
    ).content.decode()
    assert any("Imported “Iran attacks”, dated 13 April 2024." in n for n in _notices(html, "success"))
    assert "dct-check" not in html


def test_import_without_any_date_warns(user_client, fake_engine):
    fake_engine.result = make_extraction(TEXT, [], dct=None)
    html = user_client.post(reverse("import"), {"text": TEXT, "title": "Iran attacks"}, follow=True).content.decode()
    assert any("no publication date was given or found" in n for n in _notices(html, "warning"))


def test_article_page_asks_to_check_an_inferred_date(user_client):
    article = make_article(title="Talks", dct_inferred=True, dct_evidence="WASHINGTON, March 3, 2025 (AP) -")
    Article.objects.filter(pk=article.pk).update(published=date(2025, 3, 3), dct_confidence=0.8)
    html = user_client.get(reverse("article-timeline", args=[article.pk])).content.decode()
    section = html[html.index('class="notice notice-warning dct-check"') :]
    section = section[: section.index("</section>")]
    assert "Publication date inferred from the text: check it" in section
    assert "Monday 3 March 2025" in section and "“WASHINGTON, March 3, 2025 (AP) -”" in section
    assert "(confidence 80%)" in section and 'value="2025-03-03"' in section
    assert "inferred — check it" in html and 'class="badge badge-warning"' in html


def test_article_page_with_a_given_date_has_no_check(user_client):
    article = make_article(title="Talks", dct_inferred=False)
    html = user_client.get(reverse("article-timeline", args=[article.pk])).content.decode()
    assert "dct-check" not in html and "inferred — check it" not in html

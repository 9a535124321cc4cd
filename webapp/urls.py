from django.contrib import admin
from django.templatetags.static import static
from django.urls import path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from webapp.views import api, batches, exports, figures, importing, pages, stories, vendor

urlpatterns = [
    path("", pages.article_list, name="article-list"),
    path("stories/", stories.story_list, name="story-list"),
    path("stories/<slug:slug>/", stories.story_detail, name="story-detail"),
    path("stories/<slug:slug>/figure.json", stories.story_figure, name="story-figure"),
    path("stories/<slug:slug>/export.<str:fmt>", exports.story_export, name="story-export"),
    path("articles/<int:pk>/export.<str:fmt>", exports.article_export, name="article-export"),
    path("timeline/", pages.timeline_all, name="timeline"),
    path("timeline/figure.json", figures.timeline_figure, name="timeline-figure"),
    path("articles/<int:pk>/timeline/", pages.article_timeline, name="article-timeline"),
    path("articles/<int:pk>/figure.json", figures.article_timeline_figure, name="article-timeline-figure"),
    path("articles/<int:pk>/timelinejs.json", api.timelinejs_json, name="article-timelinejs"),
    path("articles/<int:pk>/reanalyse/", importing.reanalyse_article, name="article-reanalyse"),
    path("articles/<int:pk>/date/", importing.set_article_date, name="article-date"),
    path("events/<int:pk>/", pages.event_detail, name="event-detail"),
    path("import/", importing.import_article, name="import"),
    path("batches/<int:pk>/", batches.batch_detail, name="batch-detail"),
    path("batches/<int:pk>/status.json", batches.batch_status_json, name="batch-status"),
    path("api/events.json", api.events_json, name="api-events"),
    path(f"vendor/plotly-{vendor.PLOTLY_VERSION}.min.js", vendor.plotly_js, name="plotly-js"),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin, JSON files).
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("webapp/favicon.svg"))),
]

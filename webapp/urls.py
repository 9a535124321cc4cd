from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import path, register_converter
from django.utils.functional import lazy
from django.views.generic import RedirectView

from webapp.converters import RowIdConverter
from webapp.views import api, batches, dating, exports, figures, importing, pages, search, stories, vendor

register_converter(RowIdConverter, "id")

urlpatterns = [
    path("", pages.article_list, name="article-list"),
    path("stories/", stories.story_list, name="story-list"),
    path("stories/<slug:slug>/", stories.story_detail, name="story-detail"),
    path("stories/<slug:slug>/entities/<slug:key>/", stories.story_entity, name="story-entity"),
    path("stories/<slug:slug>/dates/", dating.date_story_articles, name="story-dates"),
    path("stories/<slug:slug>/print/", stories.story_print, name="story-print"),
    path("stories/<slug:slug>/figure.json", stories.story_figure, name="story-figure"),
    path("stories/<slug:slug>/export.<str:fmt>", exports.story_export, name="story-export"),
    path("articles/<id:pk>/export.<str:fmt>", exports.article_export, name="article-export"),
    path("timeline/", pages.timeline_all, name="timeline"),
    path("timeline/figure.json", figures.timeline_figure, name="timeline-figure"),
    path("articles/<id:pk>/timeline/", pages.article_timeline, name="article-timeline"),
    path("articles/<id:pk>/figure.json", figures.article_timeline_figure, name="article-timeline-figure"),
    path("articles/<id:pk>/timelinejs.json", api.timelinejs_json, name="article-timelinejs"),
    path("articles/<id:pk>/reanalyse/", importing.reanalyse_article, name="article-reanalyse"),
    path("articles/<id:pk>/date/", importing.set_article_date, name="article-date"),
    path("articles/dates/", dating.date_undated_articles, name="undated-dates"),
    path("events/<id:pk>/", pages.event_detail, name="event-detail"),
    path("import/", importing.import_article, name="import"),
    path("batches/<id:pk>/", batches.batch_detail, name="batch-detail"),
    path("batches/<id:pk>/status.json", batches.batch_status_json, name="batch-status"),
    path("search/", search.search, name="search"),
    path("api/events.json", api.events_json, name="api-events"),
    path(f"vendor/plotly-{vendor.PLOTLY_VERSION}.min.js", vendor.plotly_js, name="plotly-js"),
    # Sign-in for everyone (the admin's login page lets only staff in); ``next`` is followed
    # only when it points into this site.
    path("accounts/login/", auth_views.LoginView.as_view(template_name="webapp/login.html"), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin, JSON files).
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy(static, str)("webapp/favicon.svg"), http_method_names=["get", "head"]),
    ),
]

/* Draws the timeline figure embedded by the page (json_script) and opens an event on click. */
(function () {
  "use strict";

  function eventUrl(template, id) {
    // The template is the detail URL of event 0, e.g. "/events/0/".
    return template.replace(/0\/$/, encodeURIComponent(id) + "/");
  }

  // Hover strings arrive once, in figure.strings; customdata rows hold [id, index, index, ...].
  function expandHover(figure) {
    var strings = figure.strings;
    if (!strings) {
      return figure;
    }
    figure.data.forEach(function (trace) {
      if (trace.customdata) {
        trace.customdata = trace.customdata.map(function (row) {
          return [row[0]].concat(row.slice(1).map(function (i) { return strings[i]; }));
        });
      }
    });
    return figure;
  }

  function draw() {
    var node = document.getElementById("timeline-chart");
    var source = document.getElementById("timeline-figure");
    if (!node || !source) {
      return;
    }
    if (!window.Plotly) {
      node.querySelector(".chart-fallback").textContent =
        "The chart library did not load; every event is listed in the table below.";
      return;
    }
    var figure = expandHover(JSON.parse(source.textContent));
    if (node.clientWidth < 640) {
      // Phones: lane titles would take half the width; the legend names the colours instead.
      figure.layout.yaxis.showticklabels = false;
      figure.layout.showlegend = figure.layout.yaxis.tickvals.length > 1;
    }
    var config = {
      responsive: true,
      displaylogo: false,
      scrollZoom: true,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
      toImageButtonOptions: { filename: "timeline", scale: 2 }
    };
    node.textContent = "";
    Plotly.newPlot(node, figure.data, figure.layout, config).then(function (gd) {
      gd.on("plotly_click", function (data) {
        var point = data && data.points && data.points[0];
        if (point && Array.isArray(point.customdata)) {
          window.location.assign(eventUrl(node.dataset.eventUrl, point.customdata[0]));
        }
      });
      node.classList.add("is-ready");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();

/* Fetches the timeline figure (data-figure-url, preloaded by the page), draws it and opens an event on click
   (or, with data-row-anchor, jumps to the clicked row of the page's table). */
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

  // Date ticks: whenever more than a day is in view, step whole days (or weeks) from noon,
  // where single-day events sit, so each event stands on its day's label. Plotly's own
  // steps count from midnight and, under about ten days, fall to 12 hours ("00:00", "12:00").
  var DAY_MS = 86400000;
  var DAY_STEPS = [1, 2, 7, 14];
  var NOON_MONDAY = "2024-01-01 12:00";
  var TICK_LABEL_PX = 90;
  // Phones: shorter labels ("08 Apr", no weekday) and a three-day step, so a fortnight in
  // about 300 px shows four or five dates instead of one weekly tick (the other fell off the edge).
  var NARROW_PX = 640;
  var NARROW_DAY_STEPS = [1, 2, 3, 7, 14];
  var NARROW_TICK_LABEL_PX = 56;
  var narrow = false;

  function dateMs(value) {
    // Plotly's date strings: "2024-04-13", "2024-04-13 12:00", "2024-04-13 12:00:30.5".
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(String(value));
    if (!m) {
      return NaN;
    }
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0)) + (m[6] ? parseFloat(m[6]) * 1000 : 0);
  }

  function dayTicks(range, widthPx) {
    var days = (dateMs(range[1]) - dateMs(range[0])) / DAY_MS;
    var room = Math.max(3, Math.floor(widthPx / (narrow ? NARROW_TICK_LABEL_PX : TICK_LABEL_PX)));
    var steps = narrow ? NARROW_DAY_STEPS : DAY_STEPS;
    if (days > 1) {
      for (var i = 0; i < steps.length; i++) {
        if (days / steps[i] <= room) {
          return { tickmode: "linear", tick0: NOON_MONDAY, dtick: steps[i] * DAY_MS };
        }
      }
    }
    return { tickmode: "auto", tick0: null, dtick: null };
  }

  function fitTicks(gd) {
    var axis = gd._fullLayout.xaxis;
    var want = dayTicks(axis.range, axis._length);
    var have = gd.layout.xaxis;
    if (have.tickmode === want.tickmode && (have.dtick || null) === want.dtick) {
      return;
    }
    Plotly.relayout(gd, { "xaxis.tickmode": want.tickmode, "xaxis.tick0": want.tick0, "xaxis.dtick": want.dtick });
  }

  function showProblem(node, text) {
    var note = document.createElement("p");
    note.className = "chart-fallback";
    note.textContent = text;
    node.textContent = "";
    node.appendChild(note);
  }

  function draw() {
    var node = document.getElementById("timeline-chart");
    if (!node || !node.dataset.figureUrl) {
      return;
    }
    if (!window.Plotly) {
      showProblem(node, "The chart library did not load; every event is listed in the table below.");
      return;
    }
    // Same URL and credentials as the page's <link rel="preload">, so this reuses that download.
    fetch(node.dataset.figureUrl, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (figure) {
        plot(node, expandHover(figure));
      })
      .catch(function () {
        showProblem(node, "The chart could not be loaded; every event is listed in the table below.");
      });
  }

  // Notes the figure puts in its top band ("7 events outside this view", "30 of 34 articles
  // shown") share it with the range buttons and Plotly's zoom bar, and covered them on narrow
  // screens. They are shown as text under the chart instead; each annotation stays in the
  // layout with no text, so the range buttons that toggle one by index still work.
  function liftNotes(node, layout) {
    var box = document.createElement("p");
    box.className = "chart-notes";
    box.setAttribute("aria-live", "polite");
    var lifted = {};
    (layout.annotations || []).forEach(function (note, index) {
      if (note.xref !== "paper" || note.yref !== "paper" || note.y < 1 || !note.text) {
        return;
      }
      var line = document.createElement("span");
      line.textContent = note.text;  // plain text: never parsed as HTML
      line.hidden = note.visible === false;
      box.appendChild(line);
      lifted[index] = line;
      note.text = "";
    });
    var old = node.parentNode.querySelector(".chart-notes");
    if (old) {
      old.remove();
    }
    if (box.childNodes.length) {
      node.insertAdjacentElement("afterend", box);
    }
    return lifted;
  }

  function followNotes(lifted, change) {
    Object.keys(change).forEach(function (key) {
      var match = /^annotations\[(\d+)\]\.visible$/.exec(key);
      if (match && lifted[match[1]]) {
        lifted[match[1]].hidden = !change[key];
      }
    });
  }

  function plot(node, figure) {
    narrow = node.clientWidth < NARROW_PX;
    if (narrow) {
      // Phones: lane titles would take half the width; the legend names the colours instead.
      figure.layout.yaxis.showticklabels = false;
      figure.layout.showlegend = (figure.layout.yaxis.tickvals || []).length > 1;
      (figure.layout.xaxis.tickformatstops || []).forEach(function (stop) {
        stop.value = stop.value.replace("%a %d %b", "%d %b");
      });
      figure.data.forEach(function (trace) {
        if (trace.mode === "text" && trace.textfont) {
          trace.textfont.size = window.TimelineLabels.fontPx;
        }
      });
    }
    var lifted = liftNotes(node, figure.layout);
    var config = {
      responsive: true,
      displaylogo: false,
      scrollZoom: true,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
      toImageButtonOptions: { filename: "timeline", scale: 2 },
      // On a phone the zoom bar lands on the range buttons; dragging, pinching and the
      // buttons still zoom, and a double tap resets.
      displayModeBar: node.clientWidth < 640 ? false : "hover"
    };
    // A first guess from the page width, so the chart does not redraw its axis right away.
    var guess = dayTicks(figure.layout.xaxis.range, node.clientWidth * 0.8);
    figure.layout.xaxis.tickmode = guess.tickmode;
    if (guess.dtick) {
      figure.layout.xaxis.tick0 = guess.tick0;
      figure.layout.xaxis.dtick = guess.dtick;
    }
    node.textContent = "";
    Plotly.newPlot(node, figure.data, figure.layout, config).then(function (gd) {
      fitTicks(gd);
      if (narrow) {
        window.TimelineLabels.fit(gd);
      }
      gd.on("plotly_relayout", function (change) {
        followNotes(lifted, change);
        // Zoom, pan, the range buttons and double-click reset change the range; tick changes do not.
        if (Object.keys(change).some(function (key) { return key.indexOf("xaxis.range") === 0 || key === "xaxis.autorange"; })) {
          fitTicks(gd);
          if (narrow) {
            window.TimelineLabels.fit(gd);
          }
        }
      });
      gd.on("plotly_click", function (data) {
        var point = data && data.points && data.points[0];
        if (point && Array.isArray(point.customdata)) {
          if (node.dataset.rowAnchor) {
            // The story page: jump to the happening's row, which lists all of its sources;
            // a row on another table page is opened there (?at= finds its page).
            var anchor = node.dataset.rowAnchor + point.customdata[0];
            if (document.getElementById(anchor)) {
              window.location.hash = anchor;
            } else {
              var params = new URLSearchParams(window.location.search);
              params.delete("page");
              params.set("at", point.customdata[0]);
              window.location.assign(window.location.pathname + "?" + params.toString() + "#" + anchor);
            }
          } else {
            window.location.assign(eventUrl(node.dataset.eventUrl, point.customdata[0]));
          }
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

// Keeps a batch page up to date: polls its JSON status and rewrites the progress bar and rows.
// Each answer carries the whole batch's counts but only the items that can have changed since the
// cursor passed back (settled items never change again), and the cursor to pass next time.
// Everything from the server is set as text (textContent, href), never parsed as HTML.
(function () {
  "use strict";
  var root = document.getElementById("batch");
  if (!root) return;
  var url = root.getAttribute("data-status-url");
  var cursor = root.getAttribute("data-cursor");
  var delay = 1000;

  function part(role) { return root.querySelector('[data-role="' + role + '"]'); }

  function detail(cell, item) {
    cell.textContent = "";
    if (item.article_url) {
      var link = document.createElement("a");
      link.href = item.article_url;
      link.textContent = item.state === "duplicate" ? "the stored article"
        : (item.events || 0) + (item.events === 1 ? " event" : " events");
      cell.appendChild(link);
    }
    if (item.reason) {
      var reason = document.createElement("span");
      reason.className = "reason";
      reason.textContent = " " + item.reason;
      cell.appendChild(reason);
    }
    if (item.warning) {
      var warning = document.createElement("span");
      warning.className = "notice notice-warning";
      warning.textContent = item.warning;
      cell.appendChild(warning);
    }
  }

  function render(data) {
    part("settled").textContent = data.settled;
    part("total").textContent = data.total;
    part("percent").textContent = data.percent;
    part("bar").value = data.percent;
    part("bar").textContent = data.percent + "%";
    var counts = Object.keys(data.counts).sort().map(function (s) { return data.counts[s] + " " + s; });
    part("summary").textContent = counts.length ? ": " + counts.join(", ") : "";
    data.items.forEach(function (item) {
      var row = document.querySelector('tr[data-item="' + item.id + '"]');
      if (!row) return;
      var state = row.querySelector('[data-role="state"]');
      state.textContent = item.label;
      state.className = "badge state-" + item.state;
      detail(row.querySelector('[data-role="detail"]'), item);
    });
    var done = part("done");
    if (data.done) {
      done.textContent = "";
      var link = document.createElement("a");
      link.className = "button";
      link.href = data.done.url;
      link.textContent = data.done.label;
      done.appendChild(link);
      done.hidden = false;
    }
    return data.finished;
  }

  function poll() {
    var since = url + "?since=" + encodeURIComponent(cursor);
    fetch(since, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (data) {
        delay = 1000;
        var finished = render(data);
        cursor = data.cursor;  // only once its items are shown: a failed render asks for them again
        if (!finished) setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 15000);  // the server restarting: try again, less often
        setTimeout(poll, delay);
      });
  }

  poll();
})();

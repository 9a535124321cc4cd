/* The story chart's marker labels on a narrow chart (phones); timeline.js calls
   TimelineLabels.fit after drawing and after every change of the x range. */
(function () {
  "use strict";

  // Phones: the story chart's labels were placed for a wide chart and ran off its edges
  // ("esident Joe Biden…"). After every change of the x range each label goes on the side of
  // its event that has room for it (the server's side first), cut with an ellipsis to the
  // room there, or left out when a few letters would not fit; hover and the table have it all.
  var LABEL_FONT_PX = 11;
  var MIN_LABEL_PX = 40;
  var EM = "\u2003";
  var labelSource = {};
  var measure = null;

  function textWidth(text, font) {
    measure = measure || document.createElement("canvas").getContext("2d");
    measure.font = LABEL_FONT_PX + "px " + font;
    return measure.measureText(text + EM).width;
  }

  // Labels arrive escaped for Plotly (&amp; &lt; &gt;); cut the text the reader sees, then escape it again.
  function plain(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function escaped(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function fitted(label, room, font) {
    if (room < MIN_LABEL_PX) {
      return "";
    }
    if (textWidth(label, font) <= room) {
      return label;
    }
    var count = / ×\d+$/.exec(label);  // "×3" (three sources) stays; the title gives way
    var title = count ? label.slice(0, count.index) : label;
    var tail = count ? count[0] : "";
    for (var chars = title.length - 1; chars > 0; chars--) {
      var cut = title.slice(0, chars).replace(/\s+$/, "") + "…" + tail;
      if (textWidth(cut, font) <= room) {
        return cut;
      }
    }
    return "";
  }

  function fitLabels(gd) {
    var axis = gd._fullLayout.xaxis;
    var width = axis._length;
    var font = gd._fullLayout.font.family;
    var traces = [];
    var update = { x: [], text: [], textposition: [] };
    gd.data.forEach(function (trace, index) {
      if (trace.mode !== "text" || !trace.meta || !trace.meta.spans) {
        return;
      }
      var source = labelSource[index] = labelSource[index] ||
        { text: trace.text.map(function (t) { return plain(t.replace(/\u2003/g, "")); }), position: trace.textposition };
      var xs = [], texts = [], positions = [];
      trace.meta.spans.forEach(function (span, i) {
        var start = Math.max(axis.d2p(span[0]), 0), end = Math.min(axis.d2p(span[1]), width);
        // Out of view after a pan: no label, or it would hang in from the edge.
        var label = end < 0 || start > width ? "" : source.text[i], want = textWidth(label, font);
        var room = { left: start, right: width - end, top: width - start };
        var preferred = source.position === "middle left" ? "left" : "right";
        var other = preferred === "left" ? "right" : "left";
        var side = source.position === "top right" ? "top"  // a period filling the view: above it
          : room[preferred] >= want ? preferred
          : room[other] >= want || room[other] > room[preferred] ? other : preferred;
        var text = escaped(fitted(label, room[side], font));
        xs.push(side === "left" ? span[0] : side === "top" ? (start > 0 ? span[0] : axis.range[0]) : span[1]);
        texts.push(side === "right" ? EM + text : side === "left" ? text + EM : text);
        positions.push(side === "left" ? "middle left" : side === "top" ? "top right" : "middle right");
      });
      traces.push(index);
      update.x.push(xs);
      update.text.push(texts);
      update.textposition.push(positions);
    });
    if (traces.length) {
      Plotly.restyle(gd, update, traces);
    }
  }

  window.TimelineLabels = { fit: fitLabels, fontPx: LABEL_FONT_PX };
})();

// Follows the record log: new events arrive as server-sent events and are added at the
// top of the table. Text only (textContent), never markup from the data.
(function () {
  "use strict";
  var table = document.getElementById("log");
  var status = document.getElementById("live");
  if (!table || !window.EventSource) { return; }
  var body = table.tBodies[0];
  var source = new EventSource("/ops/log/stream?after=" + encodeURIComponent(table.dataset.last || "0"));
  function cell(row, text, link) {
    var td = row.insertCell(-1);
    if (link && text) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    return td;
  }
  function detail(d) {
    if (!d) { return ""; }
    return Object.keys(d).sort().map(function (k) { return k + "=" + JSON.stringify(d[k]); }).join(" ");
  }
  source.addEventListener("open", function () { status.textContent = "Live: new events appear at the top."; });
  source.addEventListener("error", function () { status.textContent = "Connection lost; retrying…"; });
  source.addEventListener("record", function (msg) {
    var e = JSON.parse(msg.data);
    var row = body.insertRow(0);
    var t = new Date(e.time);
    cell(row, t.toISOString().slice(0, 16).replace("T", " ") + " UTC");
    cell(row, e.type);
    cell(row, e.message ? String(e.message) : "");
    cell(row, e.statement ? String(e.statement) : "", e.statement ? "/queue/" + e.statement : "");
    cell(row, e.actor || "");
    cell(row, detail(e.detail)).className = "detail";
    while (body.rows.length > 500) { body.deleteRow(-1); }
  });
}());

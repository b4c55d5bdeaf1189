/* bantin report: draw every chart (Vega-Lite spec in a JSON script block) and make tables
   sortable. Failures go to console.error so the browser test sees them. */
(function () {
  "use strict";
  function drawCharts() {
    var charts = document.querySelectorAll("div.chart[data-spec]");
    var pending = [];
    charts.forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      pending.push(vegaEmbed(el, spec, {renderer: "svg", actions: false})
        .then(function () { el.dataset.rendered = "1"; })
        .catch(function (err) { el.dataset.rendered = "error"; console.error("chart " + el.id + ": " + err); }));
    });
    Promise.all(pending).then(function () { document.body.dataset.chartsDone = String(charts.length); });
  }
  function cellValue(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }
  var NUM = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
  function compare(a, b) {
    if (a === "" || b === "") return a === b ? 0 : (a === "" ? 1 : -1);   // missing last
    if (NUM.test(a) && NUM.test(b)) return parseFloat(a) - parseFloat(b);
    return a.localeCompare(b, "vi");
  }
  function sortBy(table, th, i) {
    var body = table.tBodies[0];
    var desc = !th.classList.contains("desc");
    table.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
    th.classList.add(desc ? "desc" : "asc");
    // a row of failing rows (tr.rows) stays under the row it belongs to
    var groups = [];
    Array.prototype.forEach.call(body.rows, function (row) {
      if (row.classList.contains("rows") && groups.length) groups[groups.length - 1].push(row);
      else groups.push([row]);
    });
    groups.sort(function (g, h) {
      var r = compare(cellValue(g[0], i), cellValue(h[0], i));
      return desc ? -r : r;
    });
    groups.forEach(function (g) { g.forEach(function (row) { body.appendChild(row); }); });
  }
  function sortableTables() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      table.querySelectorAll("thead th").forEach(function (th, i) {
        th.title = "sort";
        th.addEventListener("click", function () { sortBy(table, th, i); });
      });
    });
  }
  sortableTables();
  drawCharts();
})();

/* courtgraph network view: draws one subgraph with vis-network.
 *
 * The data comes from figures/render.py `network_data` (nodes and edges with seeded positions,
 * options, legend, node details). Two pages use this file: the explorer's network component
 * (assets/network/index.html, served by Streamlit, which calls `draw` again for every new
 * subgraph) and the standalone HTML export (`network_html`, which inlines it).
 *
 *   courtgraphNetwork.draw(document.getElementById("cg-root"), data);
 *
 * After each draw: window.cgNetwork is the vis.Network, window.cgShow(id) opens a node's
 * details, and <body data-drawn="1" data-draws="n"> says the canvas has been painted.
 */
(function (global) {
  "use strict";

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function frame(root) {
    if (!root.cgParts) {
      root.innerHTML = "";
      var wrap = el("div", undefined, "cg-wrap");
      var parts = { wrap: wrap };
      ["network", "legend", "details", "hint"].forEach(function (name) {
        parts[name] = wrap.appendChild(el("div"));
        parts[name].id = "cg-" + name;
      });
      parts.hint.textContent = "点击节点查看详情 · 滚轮缩放 · 拖动平移";
      root.appendChild(wrap);
      root.cgParts = parts;
    }
    return root.cgParts;
  }

  function legend(box, items) {
    box.innerHTML = "";
    (items || []).forEach(function (item) {
      var row = el("div");
      var mark = item.symbol ? el("span", item.symbol, "sym") : el("span", undefined, "ln");
      if (item.symbol) mark.style.color = item.color;
      else mark.style.background = item.color;
      row.appendChild(mark);
      row.appendChild(document.createTextNode(item.label));
      box.appendChild(row);
    });
  }

  function detailsPanel(panel, network, edges, details, linkTemplate) {
    function show(id) {
      var d = details[id];
      if (!d) { panel.style.display = "none"; return; }
      panel.innerHTML = "";
      var close = el("span", "✕", "close");
      close.onclick = function () { panel.style.display = "none"; network.unselectAll(); };
      panel.appendChild(close);
      panel.appendChild(el("h4", d.name));
      var table = el("table");
      d.rows.forEach(function (r) {
        var tr = el("tr");
        tr.appendChild(el("td", r[0], "k"));
        tr.appendChild(el("td", r[1]));
        table.appendChild(tr);
      });
      panel.appendChild(table);
      var rel = network.getConnectedEdges(id).map(function (eid) { return edges.get(eid); });
      if (rel.length) {
        panel.appendChild(el("div", "关系（" + rel.length + "）"));
        var ul = el("ul");
        rel.slice(0, 30).forEach(function (e) {
          var other = e.from === id ? e.to : e.from;
          var o = details[other];
          var arrow = e.from === id ? " → " : " ← ";
          ul.appendChild(el("li", (e.label || e.rel) + arrow + (o ? o.name : other)));
        });
        panel.appendChild(ul);
      }
      if (linkTemplate) {
        var a = el("a", "打开详情页 ↗");
        var href = linkTemplate.replace("{id}", encodeURIComponent(id));
        try {
          var p = global.parent.location;
          if (p && p.origin && p.origin !== "null") href = p.origin + p.pathname + href;
        } catch (err) { /* standalone page: keep the relative link */ }
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener";
        panel.appendChild(el("div")).appendChild(a);
      }
      panel.style.display = "block";
    }
    return show;
  }

  function draw(root, data) {
    var body = document.body;
    body.setAttribute("data-drawn", "0");
    if (global.cgNetwork) {
      global.cgNetwork.destroy();
      global.cgNetwork = null;
    }
    var parts = frame(root);
    parts.wrap.style.height = data.height + "px";
    if (data.font) root.style.fontFamily = data.font;
    parts.details.style.display = "none";
    legend(parts.legend, data.legend);
    var nodes = new global.vis.DataSet(data.nodes);
    var edges = new global.vis.DataSet(data.edges);
    var network = new global.vis.Network(
      parts.network, { nodes: nodes, edges: edges }, data.options
    );
    global.cgNetwork = network;
    network.once("afterDrawing", function () {
      body.setAttribute("data-draws", String(Number(body.getAttribute("data-draws") || 0) + 1));
      body.setAttribute("data-drawn", "1");
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
    });
    var show = detailsPanel(parts.details, network, edges, data.details || {}, data.link_template);
    network.on("click", function (params) {
      if (params.nodes && params.nodes.length) show(params.nodes[0]);
      else parts.details.style.display = "none";
    });
    global.cgShow = show;
    return network;
  }

  global.courtgraphNetwork = { draw: draw };
})(window);

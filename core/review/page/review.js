// review.js: draws a recto review from window.RECTO_REVIEW (data.js, written by `recto review`):
// the pages with their boxes, the legend and its toggles, the box under the pointer, the
// repairs and warnings, the current page's TEI, and navigation by printed page number.
// Plain DOM, no framework; all document text goes in as textContent, never as markup.
"use strict";

(function () {
  const data = window.RECTO_REVIEW;
  const ROLES = [
    ["head", "Heading"], ["p", "Paragraph"], ["item", "List item"], ["note", "Note"],
    ["figure", "Figure"], ["caption", "Caption"], ["table", "Table"], ["cell", "Cell"],
    ["fw", "Running head, page number"], ["pb", "Page break"],
    ["recovered", "Recovered text"], ["gap", "Gap"], ["fragment", "Fragment"],
  ];
  const $ = (id) => document.getElementById(id);
  const pageViews = [];
  let pinned = null;
  let current = -1;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pageName(index) {
    const page = data.pages[index];
    return page.n ? "page " + page.n + " (" + (index + 1) + ")" : "page #" + (index + 1);
  }

  // One section per page: its image with a layer of boxes, and a strip for boxes without a
  // place on it; a page without an image lists its blocks as lines.
  function buildPage(page, index) {
    const image = data.images[index];
    const section = element("section", "page");
    section.id = "page-" + (index + 1);
    section.dataset.index = index;
    section.appendChild(element("h3", null, pageName(index) + (page.label ? " · label " + page.label : "")));
    const view = { section: section, frame: null, loose: null };
    if (image) {
      // The image file holds the part of the page that is not white paper, placed over it.
      const [x, y, w, h, pageW, pageH] = image.crop;
      view.frame = element("div", "frame");
      view.frame.style.aspectRatio = pageW + " / " + pageH;
      const img = element("img");
      img.loading = "lazy";
      img.alt = pageName(index);
      img.width = Math.round(w * page.w * 1.25 / pageW);
      img.height = Math.round(h * page.h * 1.25 / pageH);
      img.style.left = (100 * x / pageW) + "%";
      img.style.top = (100 * y / pageH) + "%";
      img.style.width = (100 * w / pageW) + "%";
      img.style.height = (100 * h / pageH) + "%";
      img.src = image.img;
      view.frame.appendChild(img);
      section.appendChild(view.frame);
      view.loose = element("div", "loose");
    } else {
      view.loose = element("div", "lines");
    }
    section.appendChild(view.loose);
    return view;
  }

  function boxNode(box, id) {
    const node = element("div", "box role-" + box.role);
    node.dataset.id = id;
    node.dataset.role = box.role;
    if (box.cert !== undefined) node.style.opacity = 0.25 + 0.75 * box.cert;
    node.appendChild(element("span", "tag", box.label));
    return node;
  }

  function placeBox(box, id) {
    const view = pageViews[box.page];
    const zones = view.frame ? box.z : [];
    if (box.role === "pb" && view.frame) {
      view.frame.appendChild(boxNode(box, id));
      return;
    }
    if (zones.length === 0) {
      const node = boxNode(box, id);
      if (!view.frame) node.appendChild(document.createTextNode(box.text || ""));
      view.loose.appendChild(node);
      return;
    }
    for (const [index, x1, y1, x2, y2] of zones) {
      const page = data.pages[index];
      const frame = pageViews[index].frame;
      if (!frame) continue;
      const node = boxNode(box, id);
      node.style.left = (100 * x1 / page.w) + "%";
      node.style.top = (100 * y1 / page.h) + "%";
      node.style.width = (100 * (x2 - x1) / page.w) + "%";
      node.style.height = (100 * (y2 - y1) / page.h) + "%";
      frame.appendChild(node);
    }
  }

  function showDetail(id) {
    const box = data.boxes[id];
    const detail = $("detail");
    detail.replaceChildren();
    detail.appendChild(element("div", null, box.label + " on " + pageName(box.page)));
    detail.appendChild(element("div", "tag", box.element));
    detail.appendChild(element("div", null, "made by: " + (box.stage || "(not recorded)")));
    if (box.ana) detail.appendChild(element("div", null, "repair: " + (box.resp || "") + " " + box.ana));
    if (box.cert !== undefined) detail.appendChild(element("div", null, "certainty: " + box.cert));
    detail.appendChild(element("div", "text", box.text || ""));
  }

  function select(id) {
    document.querySelectorAll(".box.selected").forEach((n) => n.classList.remove("selected"));
    pinned = id;
    if (id === null) return;
    document.querySelectorAll('.box[data-id="' + id + '"]').forEach((n) => n.classList.add("selected"));
    showDetail(id);
  }

  function goToPage(index, boxId) {
    if (index < 0 || index >= pageViews.length) return;
    const target = boxId !== undefined && boxId >= 0
      ? document.querySelector('.box[data-id="' + boxId + '"]') : null;
    (target || pageViews[index].section).scrollIntoView({ block: target ? "center" : "start" });
    if (target) select(boxId);
    setCurrent(index);
  }

  function setCurrent(index) {
    if (index === current) return;
    current = index;
    $("tei-page").textContent = pageName(index);
    $("tei").textContent = data.pages[index].tei || "";
    $("where").textContent = (index + 1) + " / " + data.pages.length;
    $("goto").value = data.pages[index].n || "#" + (index + 1);
  }

  function buildLegend(counts) {
    for (const [role, name] of ROLES) {
      const item = element("li", "role-" + role);
      const toggle = element("input");
      toggle.type = "checkbox";
      toggle.checked = true;
      toggle.addEventListener("change", () => {
        document.querySelectorAll(".box.role-" + role).forEach((n) => { n.hidden = !toggle.checked; });
      });
      const label = element("label");
      label.append(toggle, element("span", "swatch"), name);
      item.append(label, element("span", "count", String(counts[role] || 0)));
      $("legend").appendChild(item);
    }
  }

  function buildList(list, items, describe) {
    for (const item of items) {
      const li = element("li", null, describe(item));
      li.addEventListener("click", () => goToPage(item.page, item.box));
      list.appendChild(li);
    }
  }

  function findPage(wanted) {
    wanted = wanted.trim();
    if (wanted.startsWith("#")) return parseInt(wanted.slice(1), 10) - 1;
    return data.pages.findIndex((page) => page.n === wanted || page.label === wanted);
  }

  function watchPages() {
    const visible = new Map();
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) visible.set(+entry.target.dataset.index, entry.intersectionRatio);
      let best = current, ratio = 0;
      for (const [index, r] of visible) if (r > ratio || (r === ratio && index < best)) { best = index; ratio = r; }
      if (ratio > 0) setCurrent(best);
    }, { root: $("pages"), threshold: [0, 0.25, 0.5, 0.75, 1] });
    pageViews.forEach((view) => observer.observe(view.section));
  }

  function main() {
    document.title = "recto review: " + (data.title || data.source);
    $("title").textContent = data.title || data.source;
    $("source").textContent = data.source + " → " + data.tei;
    const pages = $("pages");
    data.pages.forEach((page, index) => {
      const view = buildPage(page, index);
      pageViews.push(view);
      pages.appendChild(view.section);
      if (page.n) $("page-numbers").appendChild(element("option", null, page.n));
    });
    const counts = {};
    data.boxes.forEach((box, id) => {
      counts[box.role] = (counts[box.role] || 0) + 1;
      placeBox(box, id);
    });
    buildLegend(counts);
    $("repair-count").textContent = "(" + data.repairs.length + ")";
    buildList($("repairs"), data.repairs, (r) =>
      pageName(r.page) + ": " + r.element.split(/[ >]/)[0].slice(1) + " " +
      (r.ana || "").replace(/#repair\./g, "") + " — " +
      (r.text || (r.box >= 0 ? data.boxes[r.box].text.slice(0, 60) + "…" : "")));
    const warnings = data.warnings || [];
    $("warning-count").textContent = data.warnings ? "(" + warnings.length + ")" : "(not known: reviewed from a TEI file)";
    buildList($("warnings"), warnings, (w) => w.text);
    pages.addEventListener("mouseover", (event) => {
      const box = event.target.closest(".box");
      if (box && pinned === null) showDetail(+box.dataset.id);
    });
    pages.addEventListener("click", (event) => {
      const box = event.target.closest(".box");
      select(box && +box.dataset.id !== pinned ? +box.dataset.id : null);
    });
    $("goto").addEventListener("change", () => goToPage(findPage($("goto").value)));
    $("prev").addEventListener("click", () => goToPage(current - 1));
    $("next").addEventListener("click", () => goToPage(current + 1));
    watchPages();
    // #page-N opens at the N-th page, #box-K at box K, selected.
    const start = location.hash.match(/^#(page|box)-(\d+)$/);
    const number = start ? parseInt(start[2], 10) : 0;
    if (start && start[1] === "page") goToPage(number - 1);
    else if (start && number < data.boxes.length) goToPage(data.boxes[number].page, number);
    else setCurrent(0);
  }

  main();
})();

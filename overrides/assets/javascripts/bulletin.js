/* The site's own small behaviours (overrides/main.html loads it on every page):
 * - an article's citation ("引用本文"): today's date as the access date, and a copy
 *   button that copies it, or, where the clipboard is refused (no permission, an
 *   old browser, file://), selects it for the reader to copy;
 * - a table wider than its column is marked (.bs-overflows) for extra.css to say
 *   that it scrolls sideways, and a table's box that scrolls can be reached with Tab
 *   (a keyboard scrolls it);
 * - a section's list in the navigation is named after its section: with
 *   navigation.indexes, Material 9.8.2 names it by a label holding only an icon.
 * Without this script the citation is there, without its access date and button.
 */
(function () {
  "use strict";

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // GB/T 7714: the access date in square brackets, YYYY-MM-DD, the reader's own day.
  function accessDate(now) {
    return "[" + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + "]";
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(element) {
    selectText(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function setUpCitation(block) {
    var text = block.querySelector(".bs-cite__text");
    var button = block.querySelector(".bs-cite__copy");
    var status = block.querySelector(".bs-cite__status");
    var accessed = block.querySelector(".bs-cite__accessed");
    if (!text || !button || !status) return;
    if (accessed) accessed.textContent = accessDate(new Date());
    function say(message) {
      status.textContent = message;
    }
    function fallBack() {
      if (copyBySelection(text)) say("已复制");
      else say("已选中引用文字，请按 Ctrl+C（Mac：⌘+C）复制");
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var citation = text.textContent.replace(/\s+/g, " ").trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(citation).then(function () {
          say("已复制");
        }, fallBack);
      } else {
        fallBack();
      }
    });
  }

  // Material wraps each table in .md-typeset__scrollwrap, the box that scrolls.
  function markWideTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
      var wide = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("bs-overflows", wide);
      if (wide || box.scrollHeight > box.clientHeight + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "表格（可滚动）");
      }
    });
  }

  function nameSectionLists() {
    Array.prototype.forEach.call(document.querySelectorAll("nav.md-nav[aria-labelledby]"), function (list) {
      var label = document.getElementById(list.getAttribute("aria-labelledby"));
      if (!label || label.textContent.trim()) return;
      var link = label.parentNode.querySelector("a.md-nav__link");
      if (link) list.setAttribute("aria-label", link.textContent.trim());
    });
  }

  function start() {
    nameSectionLists();
    markWideTables();
    window.addEventListener("load", markWideTables);
    window.addEventListener("resize", markWideTables);
    Array.prototype.forEach.call(document.querySelectorAll(".bs-cite"), setUpCitation);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

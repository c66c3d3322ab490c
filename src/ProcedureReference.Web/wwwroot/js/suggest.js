// Typeahead for every search box marked data-suggest: a progressive enhancement; the form works without it.
(() => {
  "use strict";
  const debounceMs = 120;

  function attach(input) {
    const list = document.createElement("ul");
    const listId = input.id + "-suggestions";
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentElement.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    // shownFor: the query whose answer the list shows; asked: the newest query sent. The list changes only when the
    // newest answer arrives, so it never empties between 'blood' and 'blood cl' while the next answer is on its way.
    let items = [], active = -1, timer = 0, controller = null, shownFor = "", asked = "";

    function close() {
      list.hidden = true; active = -1; input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      active = index;
      [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
      if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id);
    }
    function go(item) { window.location.href = "/codes/" + encodeURIComponent(item.code); }
    function render() {
      list.replaceChildren(...items.map((item, i) => {
        const li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        const code = document.createElement("span");
        code.className = "s-code";
        code.textContent = item.code;
        // The plain name where the answer gives one (the name people use), else the matched name, else the descriptor.
        li.append(code, document.createTextNode(item.plainName || item.name || item.title));
        li.addEventListener("mousedown", e => { e.preventDefault(); go(item); });
        return li;
      }));
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
      active = -1;
    }
    async function fetchSuggestions() {
      const q = input.value.trim();
      if (q === shownFor || q === asked) return; // a space or an arrow key: the list already answers it, or will
      controller?.abort();
      if (q.length < 2) { asked = shownFor = q; items = []; render(); return; }
      const mine = controller = new AbortController();
      asked = q;
      try {
        const response = await fetch("/api/suggest?q=" + encodeURIComponent(q), { signal: mine.signal });
        if (!response.ok) { if (q === asked) asked = ""; return; } // asked again on the next keystroke
        const answer = await response.json();
        if (q !== asked) return; // overtaken by a newer query: its answer will redraw the list
        items = answer; shownFor = q;
        render();
      } catch {
        // Aborted: a newer query is on its way. Offline: asked again on the next keystroke. Either way the list
        // stays as it was, and the form still submits.
        if (!mine.signal.aborted && q === asked) asked = "";
      }
    }

    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(fetchSuggestions, debounceMs); });
    input.addEventListener("keydown", e => {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); go(items[active]); }
      else if (e.key === "Escape") { close(); }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
  }

  // Filters start closed so that a phone shows the first result in its first screen; a wide screen has room for them open.
  function openWhereWide() {
    const wide = window.matchMedia("(min-width: 60rem)");
    const apply = () => document.querySelectorAll("details[data-open-wide]").forEach(d => { d.open = wide.matches; });
    apply();
    wide.addEventListener("change", apply);
  }

  function enhance() {
    document.querySelectorAll("input[data-suggest]").forEach(attach);
    openWhereWide();
    document.querySelectorAll("[data-print]").forEach(button => {
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance); else enhance();
})();

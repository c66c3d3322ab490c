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

    let items = [], active = -1, timer = 0, controller = null;

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
        li.append(code, document.createTextNode(item.name || item.title));
        li.addEventListener("mousedown", e => { e.preventDefault(); go(item); });
        return li;
      }));
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
      active = -1;
    }
    async function fetchSuggestions() {
      const q = input.value.trim();
      if (q.length < 2) { items = []; render(); return; }
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch("/api/suggest?q=" + encodeURIComponent(q), { signal: controller.signal });
        if (!response.ok) return;
        items = await response.json();
        render();
      } catch { /* aborted or offline: the form still submits */ }
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

  function enhance() {
    document.querySelectorAll("input[data-suggest]").forEach(attach);
    document.querySelectorAll("[data-print]").forEach(button => {
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance); else enhance();
})();

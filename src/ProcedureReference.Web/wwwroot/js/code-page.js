// Code page enhancements (external script, as the CSP allows no inline script): a copy button for the code, and
// the contents list opened where the page has room for it beside the text (it stays one line on a phone, so the
// summary is in the first screen).
(() => {
  "use strict";
  function enhance() {
    document.querySelectorAll("[data-copy]").forEach(button => {
      const source = document.getElementById(button.dataset.copy);
      const status = button.nextElementSibling;
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(source.textContent.trim());
          if (status) status.textContent = "Copied";
        } catch {
          if (status) status.textContent = "Could not copy; select the code instead";
        }
      });
    });
    const wide = window.matchMedia("(min-width: 60rem)");
    const fit = () => document.querySelectorAll("details[data-open-wide]").forEach(d => { d.open = wide.matches; });
    fit();
    wide.addEventListener("change", fit);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance); else enhance();
})();

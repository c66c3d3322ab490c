// The printed handout's date: the reader's own today, as a code page may come from the server's cache.
"use strict";
(() => {
  const stamp = () => {
    const today = new Date();
    const iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map(n => String(n).padStart(2, "0")).join("-");
    const text = today.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-print-date]").forEach(time => {
      time.dateTime = iso;
      time.textContent = text;
    });
  };
  stamp();
  window.addEventListener("beforeprint", stamp);
})();

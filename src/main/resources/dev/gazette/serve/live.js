// Gazette preview: reloads the page when the site is rebuilt, and shows the build's errors over it.
// Only `gazette serve` adds this script, to the pages it serves; `gazette build` never writes it.
(() => {
  "use strict";
  const me = document.currentScript;
  const served = me ? me.dataset.generation : null;
  const french = !(document.documentElement.lang || "fr").toLowerCase().startsWith("en");
  const words = french
    ? { title: "La dernière construction a échoué", hint: "La page se rechargera d’elle-même une fois les erreurs corrigées.", fix: "Correction :", error: "erreur", warning: "avertissement", close: "Masquer" }
    : { title: "The last build failed", hint: "The page reloads by itself once the errors are fixed.", fix: "Fix:", error: "error", warning: "warning", close: "Hide" };
  const OVERLAY = "gazette-build-errors";

  function hide() {
    const old = document.getElementById(OVERLAY);
    if (old) old.remove();
  }

  function show(problems) {
    hide();
    const box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", OVERLAY + "-title");
    box.setAttribute("lang", french ? "fr" : "en");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;margin:0;"
      + "background:rgba(20,20,24,.94);color:#f4f4f5;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;";
    const title = document.createElement("h2");
    title.id = OVERLAY + "-title";
    title.textContent = words.title;
    title.style.cssText = "margin:0 0 .5rem;color:#ff8a8a;font:700 1.25rem/1.3 system-ui,sans-serif;";
    box.appendChild(title);
    const hint = document.createElement("p");
    hint.textContent = words.hint;
    hint.style.cssText = "margin:0 0 1.25rem;font-family:system-ui,sans-serif;";
    box.appendChild(hint);
    const list = document.createElement("ul");
    list.style.cssText = "list-style:none;margin:0;padding:0;";
    for (const p of problems) {
      const item = document.createElement("li");
      item.className = "gazette-problem gazette-problem--" + p.severity;
      item.style.cssText = "margin:0 0 1rem;padding:.75rem 1rem;border-left:4px solid "
        + (p.severity === "error" ? "#ff8a8a" : "#f5c96a") + ";background:rgba(255,255,255,.05);";
      const where = document.createElement("div");
      where.className = "gazette-problem-where";
      where.textContent = p.file + (p.line > 0 ? ":" + p.line : "") + " · " + words[p.severity] + (p.field ? " · " + p.field : "");
      where.style.cssText = "color:#c8c8d0;";
      const message = document.createElement("div");
      message.className = "gazette-problem-message";
      message.textContent = p.message;
      item.append(where, message);
      if (p.fix) {
        const fix = document.createElement("div");
        fix.className = "gazette-problem-fix";
        fix.textContent = words.fix + " " + p.fix;
        fix.style.cssText = "color:#9fe0a8;";
        item.appendChild(fix);
      }
      list.appendChild(item);
    }
    box.appendChild(list);
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = words.close;
    close.style.cssText = "font:inherit;padding:.3rem .8rem;";
    close.addEventListener("click", hide);
    box.appendChild(close);
    document.body.appendChild(box);
  }

  const events = new EventSource(me ? new URL("events", me.src).href : "/__gazette/events");
  events.addEventListener("state", (e) => {
    const state = JSON.parse(e.data);
    if (!state.ok) {
      show(state.problems.filter((p) => p.severity === "error"));
    } else if (served !== null && String(state.generation) !== served) {
      location.reload();
    } else {
      hide();
    }
  });
})();

// Shows help as soon as what is being typed calls for it: on the ask page
// and the search page, before anything is sent. The pages work without
// this script (the "Check for similar questions" step and the search
// results show the same help). Nothing typed here is stored: the text goes
// to /api/v1/triage, which stores and logs nothing.
//
// Its words come from #help-live (data-heading, data-your-country,
// data-not-stored, data-countries "code:name|…"), already in the reader's
// language; the advice and helplines come back from the API in the
// page's language.
(function () {
  "use strict";
  var live = document.getElementById("help-live");
  if (!live || !window.fetch) return;
  var fields = (live.getAttribute("data-fields") || "")
    .split(" ")
    .map(function (id) { return document.getElementById(id); })
    .filter(function (el) { return el; });
  if (!fields.length) return;
  var timer = null;
  var last = "";
  var country = live.getAttribute("data-country") || "";

  function words(name) {
    return live.getAttribute("data-" + name) || "";
  }

  function draft() {
    return {
      title: fields[0].value.slice(0, 200),
      body: fields.length > 1 ? fields[1].value.slice(0, 20000) : ""
    };
  }

  function contact(c) {
    var li = document.createElement("li");
    var strong = document.createElement("strong");
    strong.textContent = c.name;
    li.appendChild(strong);
    li.appendChild(document.createTextNode(": "));
    var how;
    if (c.tel) {
      how = document.createElement("a");
      how.href = "tel:" + c.tel;
    } else if (c.url && /^https:\/\//.test(c.url)) {
      how = document.createElement("a");
      how.href = c.url;
      how.rel = "noreferrer";
    } else {
      how = document.createElement("span");
    }
    how.textContent = c.how;
    li.appendChild(how);
    return li;
  }

  function countryPicker(current) {
    var p = document.createElement("p");
    p.className = "countries";
    p.appendChild(document.createTextNode(words("your-country") + " "));
    words("countries").split("|").forEach(function (pair) {
      var at = pair.indexOf(":");
      if (at < 0) return;
      var code = pair.slice(0, at);
      var name = pair.slice(at + 1);
      var el;
      if (code === current) {
        el = document.createElement("strong");
        el.setAttribute("aria-current", "true");
      } else {
        el = document.createElement("button");
        el.type = "button";
        el.className = "link";
        el.addEventListener("click", function () {
          country = code;
          last = "";
          lookUp();
        });
      }
      el.textContent = name;
      p.appendChild(el);
      p.appendChild(document.createTextNode(" "));
    });
    return p;
  }

  function render(data) {
    live.textContent = "";
    if (!data.categories || !data.categories.length) return;
    var section = document.createElement("section");
    section.className = "help";
    section.id = "help";
    section.setAttribute("role", "region");
    section.setAttribute("aria-labelledby", "help-heading");
    var h = document.createElement("h2");
    h.id = "help-heading";
    h.textContent = words("heading");
    section.appendChild(h);
    (data.advice || []).forEach(function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      section.appendChild(p);
    });
    if (data.resources && data.resources.length) {
      var list = document.createElement("ul");
      list.className = "contacts";
      data.resources.forEach(function (c) { list.appendChild(contact(c)); });
      section.appendChild(list);
    }
    section.appendChild(countryPicker(data.country));
    var hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = words("not-stored");
    section.appendChild(hint);
    live.appendChild(section);
  }

  function lookUp() {
    var d = draft();
    var key = d.title + "\n" + d.body + "\n" + country;
    if (key === last) return;
    last = key;
    if ((d.title + d.body).trim().length < 8) {
      live.textContent = "";
      return;
    }
    var request = { title: d.title, body: d.body, lang: document.documentElement.lang };
    if (country) request.country = country;
    fetch("/api/v1/triage", {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(request)
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) render(data); })
      .catch(function () {});
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 500);
  }
  fields.forEach(function (f) { f.addEventListener("input", schedule); });
})();

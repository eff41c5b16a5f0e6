// Shows answered questions like the one being typed. The page works without
// this script: its "Check for similar questions" button does the same.
// Its words come from the page (data-same, data-found and data-nothing on
// #similar-live), already in the reader's language; a missing one only
// leaves its line out.
(function () {
  "use strict";
  var title = document.getElementById("title");
  var body = document.getElementById("body");
  var live = document.getElementById("similar-live");
  if (!title || !body || !live || !window.fetch) return;
  var timer = null;
  var last = "";

  function words(name) {
    return live.getAttribute("data-" + name) || "";
  }

  function render(data) {
    var results = data.results || [];
    live.textContent = "";
    var section = document.createElement("section");
    section.className = "similar";
    section.setAttribute("aria-live", "polite");
    if (results.length && results[0].same_question) {
      var same = document.createElement("div");
      same.className = "notice same";
      var sameText = words("same");
      if (sameText) {
        var p = document.createElement("p");
        var strong = document.createElement("strong");
        strong.textContent = sameText;
        p.appendChild(strong);
        same.appendChild(p);
      }
      var link = document.createElement("a");
      link.href = results[0].url;
      link.textContent = results[0].title;
      var p2 = document.createElement("p");
      p2.appendChild(link);
      same.appendChild(p2);
      section.appendChild(same);
    }
    var heading = words(results.length ? "found" : "nothing");
    if (heading) {
      var h = document.createElement("h2");
      h.textContent = heading;
      section.appendChild(h);
    }
    var list = document.createElement("ol");
    list.className = "questions results";
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.title;
      var h3 = document.createElement("h3");
      h3.appendChild(a);
      li.appendChild(h3);
      list.appendChild(li);
    });
    section.appendChild(list);
    live.appendChild(section);
  }

  function lookUp() {
    var q = (title.value + "\n" + body.value).trim();
    if (q.length < 8 || q === last) return;
    last = q;
    fetch("/api/v1/search?answered=1&limit=5&q=" + encodeURIComponent(q.slice(0, 500)), {
      credentials: "omit",
      headers: { Accept: "application/json" }
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) render(data); })
      .catch(function () {});
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 350);
  }
  title.addEventListener("input", schedule);
  body.addEventListener("input", schedule);
})();

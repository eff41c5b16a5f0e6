// Quick exit: leave for a neutral page without leaving this site in the
// back button's history. Without JavaScript the button is a plain link.
(function () {
  "use strict";
  var exit = document.querySelector("a.quick-exit");
  if (!exit) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.textContent = "";
    window.location.replace(exit.href);
  }
  exit.addEventListener("click", leave);
  // Pressing Escape three times in a row also leaves.
  var presses = 0, timer = null;
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) leave();
  });
})();

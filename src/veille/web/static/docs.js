// API docs: a "try it" form leaves out the fields left empty, so defaults apply.
document.querySelectorAll("form.try").forEach(function (form) {
  "use strict";
  form.addEventListener("submit", function () {
    form.querySelectorAll("input").forEach(function (input) {
      if (input.type !== "file" && input.value === "") { input.disabled = true; }
    });
    // Re-enable after navigation starts, so the back button shows the form as it was.
    setTimeout(function () { form.querySelectorAll("input").forEach(function (i) { i.disabled = false; }); }, 0);
  });
});

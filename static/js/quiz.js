// Progressive enhancements for the quiz page. The server's deadline is the only one
// that counts; without JavaScript the page shows the deadline as a time of day.

const timer = document.querySelector("[data-module='app-quiz-timer']");
if (timer) {
  const deadline = new Date(timer.dataset.deadline);
  const clock = timer.querySelector(".app-quiz-timer__clock");
  const remaining = timer.querySelector(".app-quiz-timer__remaining");
  const announce = timer.querySelector(".app-quiz-timer__announce");
  const toggle = timer.querySelector(".app-quiz-timer__toggle");
  const milestones = [10, 5, 2, 1];
  let announced = new Set();
  clock.hidden = false;
  toggle.addEventListener("click", () => {
    const hidden = remaining.hidden;
    remaining.hidden = !hidden;
    toggle.textContent = hidden ? "Hide the timer" : "Show the timer";
  });
  const tick = () => {
    const seconds = Math.max(0, Math.round((deadline - new Date()) / 1000));
    const minutes = Math.floor(seconds / 60);
    remaining.textContent = `Time left: ${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
    // Announce at a few milestones only, never every second.
    for (const mark of milestones) {
      if (minutes < mark && !announced.has(mark) && seconds > 0) {
        announced.add(mark);
        announce.textContent = `${mark} minute${mark === 1 ? "" : "s"} or less left.`;
      }
    }
    if (seconds === 0) {
      announce.textContent = "Time is up.";
      return;
    }
    window.setTimeout(tick, 1000);
  };
  milestones.forEach((mark) => {
    if ((deadline - new Date()) / 60000 < mark) announced.add(mark);
  });
  tick();
}

// Save answers in the background as the learner goes, so a lost connection loses little.
// One save 800 ms after the last change (at once when focus leaves the form, and
// when the page is left), never two at a time: clicking quickly through the answers
// sends one request, not one per click.
const form = document.querySelector(".app-quiz-form[data-autosave='true']");
if (form) {
  const status = form.querySelector(".app-quiz-autosave");
  const DEBOUNCE_MS = 800;
  let timer = null;
  let dirty = false;
  let saving = null;
  let submitted = false;

  const send = async () => {
    const data = new FormData(form);
    data.set("action", "save");
    try {
      const response = await fetch(window.location.href, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      status.textContent = response.ok ? "Your answers are saved." : "";
    } catch {
      status.textContent = "Could not save just now. Your answers are kept on this page.";
    }
  };

  // Save now if anything changed; while a save is in flight, save once more after it.
  const save = async () => {
    window.clearTimeout(timer);
    timer = null;
    if (submitted || !dirty) return;
    if (saving) {
      await saving;
      return save();
    }
    dirty = false;
    saving = send();
    try {
      await saving;
    } finally {
      saving = null;
    }
  };

  form.addEventListener("change", () => {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, DEBOUNCE_MS);
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) save();
  });
  // The learner is leaving: send what is left without waiting for the timer.
  window.addEventListener("pagehide", () => {
    if (submitted || !dirty || saving) return;
    window.clearTimeout(timer);
    const data = new FormData(form);
    data.set("action", "save");
    dirty = false;
    fetch(window.location.href, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      keepalive: true,
    }).catch(() => {});
  });
  // The submit carries every answer itself: no background save after it.
  form.addEventListener("submit", () => {
    submitted = true;
    window.clearTimeout(timer);
  });
}

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
const form = document.querySelector(".app-quiz-form[data-autosave='true']");
if (form) {
  const status = form.querySelector(".app-quiz-autosave");
  form.addEventListener("change", async () => {
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
  });
}

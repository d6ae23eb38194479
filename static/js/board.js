// The trainer's check-in board: refresh the code and the lists in place every few
// seconds. Without JavaScript the page reloads itself instead (a <noscript> refresh).
const board = document.getElementById("app-board");
if (board) {
  const seconds = Number(board.dataset.refreshSeconds || 10);
  const refresh = async () => {
    try {
      const response = await fetch(window.location.href, { credentials: "same-origin" });
      if (response.ok) {
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = page.getElementById("app-board");
        if (fresh) board.innerHTML = fresh.innerHTML;
      }
    } finally {
      window.setTimeout(refresh, seconds * 1000);
    }
  };
  window.setTimeout(refresh, seconds * 1000);
}

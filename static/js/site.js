import { initAll } from "/static/vendor/govuk-frontend/govuk-frontend.min.js";

initAll();

// Sign-up: preselect the agency when the work email's domain belongs to one agency.
const agencyMap = document.getElementById("agency-domain-map");
if (agencyMap) {
  const domains = JSON.parse(agencyMap.textContent);
  const email = document.getElementById("id_email");
  const agency = document.getElementById("id_agency");
  if (email && agency) {
    email.addEventListener("change", () => {
      const domain = email.value.split("@").pop().trim().toLowerCase();
      const ids = domains[domain] || [];
      if (ids.length === 1 && !agency.value) {
        agency.value = String(ids[0]);
      }
    });
  }
}

import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();

// Copies GOV.UK Frontend's script and images into wwwroot/lib/govuk, where the layout links to them.
import { cpSync, mkdirSync } from "node:fs";

const from = "node_modules/govuk-frontend/dist/govuk";
const to = "wwwroot/lib/govuk";
mkdirSync(to, { recursive: true });
cpSync(`${from}/govuk-frontend.min.js`, `${to}/govuk-frontend.min.js`);
cpSync(`${from}/assets/images`, `${to}/assets/images`, { recursive: true });
cpSync(`${from}/assets/manifest.json`, `${to}/assets/manifest.json`);

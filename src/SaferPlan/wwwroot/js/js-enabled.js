// GOV.UK Frontend's "JavaScript is on" classes, set before the page is drawn. A file, not an inline script, so the
// Content-Security-Policy can forbid inline script altogether.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');

/*
 * The webapp's index.html (from the Camunda webjar) declares <html lang="en">, but all its texts
 * come from locales/nb.json. Loaded as "customScripts" (scripts/config.js) before the app starts,
 * so screen readers and browsers get the right language (WCAG 3.1.1) without replacing index.html.
 */
document.documentElement.lang = 'nb';

export default [];

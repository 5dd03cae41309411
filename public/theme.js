// Runs before the first paint (a blocking external script: allowed by the site's CSP, unlike an
// inline one), so a reader who chose a theme never sees the other one flash.
(function () {
  try {
    var theme = localStorage.getItem('driftwatch-theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch (e) {}
})();

// The charts of the program overview (Chart.js). The figures come from the page itself
// (data-diagram), and the same figures are in the tables, so the page can be read without them.
(function () {
  'use strict';

  // One colour per phase, each at least 3:1 against the white background. In the order of the
  // phases (stacked in this order) a medium colour alternates with a dark one, so neighbours
  // differ in lightness (at least 2.1:1) as well as in hue; a white edge separates the segments.
  var FASEFARGER = {
    FORSLAG: '#4a86c5', VURDERING: '#17365f', BESLUTNING: '#dd6100', PILOTERING: '#1b5226',
    EVALUERING: '#a15fd0', DRIFT: '#0a4d57', AVVIST: '#d63c74', AVSLATT: '#5b3312', AVVIKLET: '#7b8591',
    I_DRIFT: '#3b1d6a'
  };
  var ANDRE = '#52606d';
  var BEVILGET = '#1d4e89';
  var FORBRUKT = '#dd6100';
  var kroner = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

  function data(id) {
    var lerret = document.getElementById(id);
    return lerret ? { lerret: lerret, verdier: JSON.parse(lerret.dataset.diagram) } : null;
  }

  function felles(akse) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      // No animation at all: the figures are there at once, and nothing moves for those who
      // have asked for reduced motion.
      animation: false,
      plugins: { legend: { position: 'bottom' } },
      scales: akse
    };
  }

  function faser() {
    var d = data('fasediagram');
    if (!d) { return; }
    new Chart(d.lerret, {
      type: 'bar',
      data: {
        labels: d.verdier.kommuner,
        datasets: d.verdier.serier.map(function (s) {
          return {
            label: s.navn, data: s.antall, backgroundColor: FASEFARGER[s.fase] || ANDRE,
            borderColor: '#ffffff', borderWidth: { top: 2 }, borderSkipped: 'start'
          };
        })
      },
      options: felles({
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Arbeidspakker' } }
      })
    });
  }

  function okonomi() {
    var d = data('okonomidiagram');
    if (!d) { return; }
    var tall = function (liste) { return liste.map(Number); };
    var valg = felles({
      y: { beginAtZero: true, ticks: { callback: function (v) { return kroner.format(v) + ' kr'; } } }
    });
    valg.plugins.tooltip = {
      callbacks: { label: function (c) { return c.dataset.label + ': ' + kroner.format(c.parsed.y) + ' kr'; } }
    };
    new Chart(d.lerret, {
      type: 'bar',
      data: {
        labels: d.verdier.kommuner,
        datasets: [
          { label: 'Bevilget', data: tall(d.verdier.bevilget), backgroundColor: BEVILGET },
          { label: 'Forbrukt', data: tall(d.verdier.forbrukt), backgroundColor: FORBRUKT }
        ]
      },
      options: valg
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') { return; }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#1f2933';
    faser();
    okonomi();
  });
})();

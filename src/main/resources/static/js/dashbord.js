// Diagrammene i programoversikten (Chart.js). Tallene kommer fra siden selv (data-diagram),
// og de samme tallene står i tabellene, så siden kan leses uten diagrammene.
(function () {
  'use strict';

  var FASEFARGER = {
    FORSLAG: '#9fb3c8', VURDERING: '#627d98', BESLUTNING: '#1d4e89', PILOTERING: '#2f7d32',
    EVALUERING: '#b7791f', DRIFT: '#0f766e', I_DRIFT: '#134e4a', AVVIST: '#c4cdd5', AVSLATT: '#a8b3bd',
    AVVIKLET: '#7b8794'
  };
  var kroner = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

  function data(id) {
    var lerret = document.getElementById(id);
    return lerret ? { lerret: lerret, verdier: JSON.parse(lerret.dataset.diagram) } : null;
  }

  function felles(akse) {
    return {
      responsive: true,
      maintainAspectRatio: false,
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
          return { label: s.navn, data: s.antall, backgroundColor: FASEFARGER[s.fase] || '#9aa5b1' };
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
          { label: 'Bevilget', data: tall(d.verdier.bevilget), backgroundColor: '#1d4e89' },
          { label: 'Forbrukt', data: tall(d.verdier.forbrukt), backgroundColor: '#b7791f' }
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

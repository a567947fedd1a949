// Arbeidspakkens side: fremdriften som diagram (Chart.js) og prosessdiagrammet (bpmn-js) med stegene
// som er gjort og som pågår. Begge har en tekstlig motpart på siden (tabellen og historikken), så
// siden kan leses uten dem.
(function () {
  'use strict';

  var kroner = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

  function fremdrift() {
    var lerret = document.getElementById('rapportdiagram');
    if (!lerret || typeof Chart === 'undefined') { return; }
    var d = JSON.parse(lerret.dataset.diagram);
    var datasett = [{
      label: 'Forbrukt', data: d.forbrukt, borderColor: '#1d4e89', backgroundColor: '#1d4e89',
      pointRadius: 4, tension: 0
    }];
    if (d.ramme !== null) {
      datasett.push({
        label: 'Bevilget ramme', data: d.datoer.map(function () { return d.ramme; }),
        borderColor: '#8a4b00', backgroundColor: '#8a4b00', borderDash: [6, 4],
        // One report gives one point and no line: then the ramme is drawn as a point too.
        pointRadius: d.datoer.length === 1 ? 4 : 0, pointStyle: 'rectRot'
      });
    }
    new Chart(lerret, {
      type: 'line',
      data: { labels: d.datoer, datasets: datasett },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + kroner.format(c.parsed.y) + ' kr'; } } }
        },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return kroner.format(v) + ' kr'; } } } }
      }
    });
  }

  function prosess() {
    var beholder = document.getElementById('prosessdiagram');
    if (!beholder || typeof BpmnJS === 'undefined') { return; }
    var steg = JSON.parse(beholder.dataset.steg);
    var visning = new BpmnJS({ container: beholder });
    fetch(beholder.dataset.modell, { credentials: 'same-origin' })
      .then(function (svar) {
        if (!svar.ok) { throw new Error('Modellen kunne ikke hentes (' + svar.status + ')'); }
        return svar.text();
      })
      .then(function (xml) { return visning.importXML(xml); })
      .then(function () {
        var lerret = visning.get('canvas');
        var register = visning.get('elementRegistry');
        var gjort = {};
        steg.ferdige.concat(steg.aktive).forEach(function (id) { gjort[id] = true; });
        steg.ferdige.forEach(function (id) { if (register.get(id)) { lerret.addMarker(id, 'steg-ferdig'); } });
        steg.aktive.forEach(function (id) { if (register.get(id)) { lerret.addMarker(id, 'steg-aktiv'); } });
        // A flow between two steps that both happened is the path taken.
        register.filter(function (e) { return e.type === 'bpmn:SequenceFlow'; }).forEach(function (flyt) {
          if (flyt.source && flyt.target && gjort[flyt.source.id] && gjort[flyt.target.id]) {
            lerret.addMarker(flyt.id, 'sti-tatt');
          }
        });
        lerret.zoom('fit-viewport');
        // The diagram is a picture with a text alternative. bpmn-js makes its SVG focusable (the arrow
        // keys move it), so the SVG itself is the image: a focusable child may not sit inside role="img"
        // or aria-hidden. Other SVGs (the bpmn.io logo) need not be read.
        var bilde = lerret.getContainer().querySelector('svg');
        beholder.querySelectorAll('svg').forEach(function (svg) {
          if (svg !== bilde) { svg.setAttribute('aria-hidden', 'true'); }
        });
        bilde.setAttribute('role', 'img');
        bilde.setAttribute('aria-label', beholder.dataset.beskrivelse);
      })
      .catch(function () {
        beholder.textContent = 'Prosessdiagrammet kunne ikke vises. Stegene står i historikken under.';
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    fremdrift();
    prosess();
  });
})();

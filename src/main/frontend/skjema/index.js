// A Camunda Form on the program's own pages. The page gives the form and its values
// (#skjemadata), where to send it (data-send), the draft's key (data-utkast) and the button's text
// (data-knapp); see the contract in docs/utvikling.md. Starts by itself where #skjema exists.
import './skjema.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { datomodul, kontrollerDatoer } from './datoer.js';
import { klientfeil, serverfeil, skjulFeil, visFeil, visVedFeltene } from './feiloppsummering.js';
import { send } from './innsending.js';
import { lagreUtkast, lesUtkast, slettUtkast, tidspunkt } from './utkast.js';

const LAGRINGSPAUSE_MS = 300;

function element(navn, egenskaper = {}, tekst) {
  const e = document.createElement(navn);
  Object.entries(egenskaper).forEach(([k, v]) => e.setAttribute(k, v));
  if (tekst) {
    e.textContent = tekst;
  }
  return e;
}

/** Waits until form-js has taken in what the last blur handed it (dates arrive a frame later). */
function ventPaSkjemaet() {
  return new Promise((ferdig) => {
    const tidsfrist = setTimeout(ferdig, 200);
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(tidsfrist);
      ferdig();
    }, 0)));
  });
}

async function start() {
  const beholder = document.getElementById('skjema');
  if (!beholder) {
    return;
  }
  const feilboks = document.getElementById('skjemafeil') || beholder.insertAdjacentElement('beforebegin', element('div'));
  const utkastboks = document.getElementById('skjemautkast');

  let skjema;
  let verdier;
  try {
    ({ skjema, verdier } = JSON.parse(document.getElementById('skjemadata').textContent));
    verdier = verdier || {};
  } catch {
    visFeil(feilboks, { tittel: 'Skjemaet kan ikke vises', tekst: 'Siden mangler skjemaet. Last siden på nytt.' });
    return;
  }

  const flate = element('div', { class: 'skjemaflate' });
  const knapper = element('div', { class: 'skjemaknapper' });
  const knapp = element('button', { type: 'button', class: 'sendeknapp' }, beholder.dataset.knapp || 'Send inn');
  const status = element('p', { class: 'sendestatus', role: 'status' });
  knapper.append(knapp, status);
  beholder.replaceChildren(flate, knapper);

  const form = new Form({ container: flate, additionalModules: [datomodul] });
  kontrollerDatoer(beholder, form);

  const nokkel = beholder.dataset.utkast || null;
  const utkast = nokkel ? lesUtkast(nokkel) : null;
  try {
    await form.importSchema(skjema, utkast ? { ...verdier, ...utkast.data } : verdier);
  } catch {
    visFeil(feilboks, { tittel: 'Skjemaet kan ikke vises', tekst: 'Skjemaet på siden er ikke gyldig. Si fra til den som drifter programmet.' });
    return;
  }

  // Changes since the page was opened (or the draft was taken up), not yet sent.
  let sist = JSON.stringify(form._getState().data);
  let ulagret = Boolean(utkast);
  let utkastLagret = Boolean(utkast);
  let pause = null;
  let sender = false;

  const lagreNa = () => {
    clearTimeout(pause);
    pause = null;
    if (nokkel && ulagret) {
      utkastLagret = lagreUtkast(nokkel, form._getState().data);
    }
  };
  form.on('changed', ({ data }) => {
    const na = JSON.stringify(data);
    if (na === sist) {
      return;
    }
    sist = na;
    ulagret = true;
    clearTimeout(pause);
    pause = setTimeout(lagreNa, LAGRINGSPAUSE_MS);
  });
  window.addEventListener('pagehide', lagreNa);
  window.addEventListener('beforeunload', (e) => {
    lagreNa();
    if (ulagret && !sender) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  if (utkast && utkastboks) {
    const nar = tidspunkt(utkast.lagret);
    const varsel = element('div', { class: 'utkastvarsel' });
    varsel.append(element('p', {}, `Vi fant et utkast du ikke har sendt inn${nar ? ` (lagret ${nar})` : ''}.`));
    const forkast = element('button', { type: 'button', class: 'sekundaerknapp' }, 'Forkast utkastet');
    forkast.addEventListener('click', async () => {
      clearTimeout(pause);
      slettUtkast(nokkel);
      await form.importSchema(skjema, verdier);
      clearTimeout(pause);
      sist = JSON.stringify(form._getState().data);
      ulagret = false;
      utkastLagret = false;
      skjulFeil(feilboks);
      const kvittering = element('p', { class: 'utkastvarsel', role: 'status', tabindex: '-1' },
        'Utkastet er forkastet. Skjemaet viser det som var lagret fra før.');
      utkastboks.replaceChildren(kvittering);
      kvittering.focus();
    });
    varsel.append(forkast);
    utkastboks.replaceChildren(varsel);
  }

  // The press itself does not take the focus: the field being left would otherwise update (an error
  // going away, a date being read) and move the button away from under the mouse before the click.
  knapp.addEventListener('mousedown', (e) => e.preventDefault());
  knapp.addEventListener('click', async () => {
    if (sender) {
      return;
    }
    sender = true;
    knapp.disabled = true;
    if (document.activeElement && flate.contains(document.activeElement)) {
      document.activeElement.blur();
    }
    await ventPaSkjemaet();
    const { data, errors } = form.submit();
    const linjer = klientfeil(form, errors);
    if (linjer.length) {
      visFeil(feilboks, { tittel: `Skjemaet har ${linjer.length} feil`, linjer });
      sender = false;
      knapp.disabled = false;
      return;
    }
    lagreNa();
    status.textContent = 'Sender inn …';
    const svar = await send(beholder.dataset.send, data, { utkastLagret: Boolean(nokkel) && utkastLagret });
    if (svar.ok) {
      clearTimeout(pause);
      ulagret = false;
      if (nokkel) {
        slettUtkast(nokkel);
      }
      status.textContent = svar.melding || 'Sendt inn.';
      location.assign(svar.adresse);
      return;
    }
    status.textContent = '';
    if (svar.status === 400 && svar.feil && svar.feil.length) {
      const fra = serverfeil(form, svar.feil);
      visVedFeltene(form, fra);
      // The lines say it all; the problem's detail only sums them up.
      visFeil(feilboks, { tittel: `Skjemaet har ${fra.length} feil`, linjer: fra });
    } else {
      visFeil(feilboks, { tittel: 'Skjemaet ble ikke sendt inn', tekst: svar.tekst });
    }
    sender = false;
    knapp.disabled = false;
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}

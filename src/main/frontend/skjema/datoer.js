// Dates as Norwegians write them, whatever the browser's language: dd.mm.åååå, Monday first,
// Norwegian month names, and no impossible date that quietly becomes another one.
import flatpickr from 'flatpickr';
import { Norwegian } from 'flatpickr/dist/esm/l10n/no.js';
import { PAAKREVD, UGYLDIG_DATO } from './tekster.js';
import { domId } from './felter.js';

// The same flatpickr module form-js imports (one copy in the bundle), so its calendars get this.
flatpickr.localize({
  ...Norwegian,
  yearAriaLabel: 'År',
  monthAriaLabel: 'Måned',
  hourAriaLabel: 'Time',
  minuteAriaLabel: 'Minutt'
});

const to = (n) => String(n).padStart(2, '0');

/**
 * The typed date as dd.mm.åååå, or null when it is no real date. Takes d.m.åååå with ".", "/",
 * "-" or a space, ddmmåååå and åååå-mm-dd. flatpickr alone would turn 31.02.2026 into 03.03.2026
 * and 10.12.26 into a date in the current year.
 */
export function tolkDato(tekst) {
  const t = String(tekst).trim();
  let treff;
  let dag;
  let maned;
  let ar;
  if ((treff = /^(\d{1,2})([./\- ])(\d{1,2})\2(\d{4})$/.exec(t))) {
    [dag, maned, ar] = [treff[1], treff[3], treff[4]];
  } else if ((treff = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) {
    [dag, maned, ar] = [treff[1], treff[2], treff[3]];
  } else if ((treff = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    [ar, maned, dag] = [treff[1], treff[2], treff[3]];
  } else {
    return null;
  }
  [dag, maned, ar] = [Number(dag), Number(maned), Number(ar)];
  const dato = new Date(ar, maned - 1, dag);
  // form-js's calendars start at 1900; an earlier date would be emptied without a word.
  if (ar < 1900 || dato.getFullYear() !== ar || dato.getMonth() !== maned - 1 || dato.getDate() !== dag) {
    return null;
  }
  return `${to(dag)}.${to(maned)}.${ar}`;
}

const DATO_LEST = 'vareunge-dato-lest';

/**
 * Every date flatpickr reads from its input (Enter, leaving the field, a click elsewhere) goes
 * through its instance's setDate: a real date goes on, written as dd.mm.åååå; an impossible one is
 * not taken at all, so the text stays as typed (and the old value with it) and the field is checked
 * again, which shows "Ugyldig dato".
 */
function strengDato(instans) {
  const vanlig = instans.setDate;
  instans.setDate = (dato, ...resten) => {
    const input = instans._input;
    const fraFeltet = typeof dato === 'string' && input && dato === input.value && dato.trim() !== '';
    if (!fraFeltet) {
      return vanlig(dato, ...resten);
    }
    const tolket = tolkDato(dato);
    if (tolket !== null) {
      vanlig(tolket, resten[0], instans.config.dateFormat);
    }
    input.dispatchEvent(new CustomEvent(DATO_LEST, { bubbles: true }));
    return undefined;
  };
  return {};
}
// Defaults reach form-js's calendars too: it sets neither of these itself.
flatpickr.setDefaults({ ariaDateFormat: 'j. F Y', plugins: [strengDato] });

/** Checks a date field again once flatpickr has read it (also clears an earlier error). */
export function kontrollerDatoer(beholder, form) {
  beholder.addEventListener(DATO_LEST, (hendelse) => {
    const id = hendelse.target.id;
    setTimeout(() => oppdaterKontroll(form, id), 0);
  });
}

function oppdaterKontroll(form, inputId) {
  const instans = form.get('formFieldInstanceRegistry').getAll()
    .find((i) => `${domId(form, i.id, i.indexes)}-date` === inputId);
  if (instans) {
    const verdi = instans.valuePath.reduce((v, k) => (v == null ? v : v[k]), form._getState().data);
    form.get('viewerCommands').updateFieldInstanceValidation(instans, verdi);
  }
}

/**
 * form-js's own check of a date field, plus: the text in the field must be a real date. Reads the
 * field itself, so it holds for every way a date gets there (typed, pasted, restored draft).
 */
function Datokontroll(validator, formFieldRegistry, form) {
  const vanlig = validator.validateFieldInstance.bind(validator);
  validator.validateFieldInstance = (instans, verdi) => {
    const feil = vanlig(instans, verdi);
    const felt = formFieldRegistry.get(instans.id);
    if (!felt || felt.type !== 'datetime') {
      return feil;
    }
    const input = document.getElementById(`${domId(form, instans.id, instans.indexes)}-date`);
    if (input && input.value.trim() && tolkDato(input.value) === null) {
      // "must be filled in" would be wrong: it is filled in, just not with a date.
      return [UGYLDIG_DATO, ...feil.filter((f) => f !== PAAKREVD)];
    }
    return feil;
  };
}
Datokontroll.$inject = ['validator', 'formFieldRegistry', 'form'];

export const datomodul = {
  __init__: ['datokontroll'],
  datokontroll: ['type', Datokontroll]
};

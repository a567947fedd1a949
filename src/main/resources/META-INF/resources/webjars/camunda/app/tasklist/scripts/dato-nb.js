/*
 * Norwegian date fields in Camunda Forms. form-js (1.8.7 in Tasklist) gives its flatpickr date
 * picker the browser's date format and never a locale: an English browser shows mm/dd/yyyy with
 * an English calendar starting on Sunday, and reads 10.12.2026 as 12 October. flatpickr's own
 * parser also rolls impossible dates over (31.02.2026 becomes 3 March). Here every date field
 * gets d.m.Y and Norwegian names whatever the browser's language, and only a real date typed as
 * dd.mm.åååå is accepted; anything else is cleared with a message, so that the required check or
 * the server refuses the submission instead of storing another date.
 * Loaded by Tasklist as "customScripts" (scripts/config.js).
 */
const FORMAT = 'd.m.Y';
const PLASSHOLDER = 'dd.mm.åååå';
const MELDING = 'Ugyldig dato. Skriv datoen som dd.mm.åååå, for eksempel 10.12.2026.';

// flatpickr's "no" locale (flatpickr 4.6.13), plus Norwegian labels it leaves in English.
const NORSK = {
  weekdays: {
    shorthand: ['Søn', 'Man', 'Tir', 'Ons', 'Tor', 'Fre', 'Lør'],
    longhand: ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag']
  },
  months: {
    shorthand: ['Jan', 'Feb', 'Mar', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Des'],
    longhand: ['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
      'November', 'Desember']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' til ',
  weekAbbreviation: 'Uke',
  scrollTitle: 'Scroll for å endre',
  toggleTitle: 'Klikk for å veksle',
  yearAriaLabel: 'År',
  monthAriaLabel: 'Måned',
  time_24hr: true,
  ordinal: () => '.'
};

/** The date of d.m.yyyy if it exists in the calendar, else undefined (flatpickr then selects nothing). */
function tolk(tekst) {
  const treff = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(String(tekst).trim());
  if (!treff) {
    return undefined;
  }
  const [dag, maned, ar] = treff.slice(1).map(Number);
  const dato = new Date(2000, 0, 1);
  dato.setFullYear(ar, maned - 1, dag); // setFullYear, as new Date(y, ...) maps years below 100 to 19xx
  return dato.getFullYear() === ar && dato.getMonth() === maned - 1 && dato.getDate() === dag ? dato : undefined;
}

/** Shows or removes the refusal below the date field. */
function visFeil(felt, vis) {
  const del = felt.closest('.fjs-datetime-subsection') || felt.parentNode;
  const gammel = del.querySelector(':scope > .datofeil');
  if (!vis) {
    felt.removeAttribute('aria-invalid');
    if (gammel) {
      gammel.remove();
    }
    return;
  }
  felt.setAttribute('aria-invalid', 'true');
  if (!gammel) {
    const melding = document.createElement('div');
    melding.className = 'fjs-form-field-error datofeil'; // form-js' own look for field errors
    melding.setAttribute('role', 'alert');
    melding.setAttribute('aria-live', 'assertive');
    melding.textContent = MELDING;
    del.appendChild(melding);
  }
}

function gjorNorsk(felt) {
  const fp = felt._flatpickr;
  if (!fp || fp.norskDato) {
    return;
  }
  fp.norskDato = true;
  // Every path to a value (Enter, blur, click elsewhere, form-js loading a stored value) goes
  // through setDate; text that did not become a date is reported, not silently dropped.
  const settDato = fp.setDate;
  fp.setDate = function (dato, ...resten) {
    settDato.call(fp, dato, ...resten);
    if (fp.selectedDates.length > 0) {
      visFeil(felt, false);
    } else if (typeof dato === 'string' && dato.trim() !== '') {
      visFeil(felt, true);
    }
  };
  // form-js stores the local date of the selected Date (yyyy-mm-dd), so reading the text right is
  // all it takes; set() also redraws the calendar and shows a loaded value as dd.mm.åååå.
  fp.set({dateFormat: FORMAT, ariaDateFormat: 'j. F Y', locale: NORSK, parseDate: tolk});
  // flatpickr labels these when it builds the calendar, so set() leaves them in English.
  fp.monthsDropdownContainer?.setAttribute('aria-label', NORSK.monthAriaLabel);
  fp.currentYearElement?.setAttribute('aria-label', NORSK.yearAriaLabel);
  felt.setAttribute('placeholder', PLASSHOLDER);
  // The message goes when the person types again; flatpickr's own (untrusted) input events,
  // sent whenever it clears the field, must not remove it.
  felt.addEventListener('input', (e) => e.isTrusted && visFeil(felt, false));
}

// form-js creates the flatpickr instances after drawing the form, whenever a form is opened;
// flatpickr then wraps its input, which this observer sees.
new MutationObserver(() => {
  document.querySelectorAll('.fjs-container .fjs-datepicker input').forEach(gjorNorsk);
}).observe(document.documentElement, {childList: true, subtree: true});

export default [];

// form-js 1.23 has its user-facing texts hard-coded in English. bygg.mjs replaces these exact
// snippets of @bpmn-io/form-js-viewer/dist/index.es.js while bundling, and fails when a snippet is
// not found exactly `antall` times (default 1): an upgrade must never bring English back silently.
// `fra` is the source text as it stands in the file, `til` what replaces it (JavaScript source).

import { DATOFORMAT, PAAKREVD } from './skjema/tekster.js';

// Numbers in messages as Norwegians write them (100 000 000).
const tall = (uttrykk) => "${new Intl.NumberFormat('nb-NO').format(" + uttrykk + ")}";

export const erstatninger = [
  // Validation (Validator: runNumberValidation, runPresetValidation)
  { fra: "'Value is not a number.'", til: "'Verdien er ikke et tall.'" },
  {
    fra: "'Value is expected to ' + (decimalDigits === 0 ? 'be an integer' : `have at most ${decimalDigits} decimal digit${decimalDigits > 1 ? 's' : ''}`) + '.'",
    til: "(decimalDigits === 0 ? 'Verdien må være et helt tall.' : `Verdien kan ha høyst ${decimalDigits} desimal${decimalDigits > 1 ? 'er' : ''}.`)"
  },
  {
    fra: "`Please select a valid value, the two nearest valid values are ${previousValue} and ${nextValue}.`",
    til: "`Velg en gyldig verdi. De to nærmeste gyldige verdiene er ${previousValue} og ${nextValue}.`"
  },
  // The pattern itself means nothing to a user.
  { fra: "`Field must match pattern ${validation.pattern}.`", til: "'Verdien har ikke riktig format.'" },
  { fra: "'Field is required.'", til: JSON.stringify(PAAKREVD) },
  { fra: "`Field must have minimum value of ${validation.min}.`", til: "`Verdien må være minst " + tall('validation.min') + ".`" },
  { fra: "'Min validation value is not a valid number.'", til: "'Minsteverdien i skjemaet er ikke et gyldig tall.'" },
  {
    fra: "`Field must have maximum value of ${validation.max}.`",
    til: "`Verdien kan ikke være større enn " + tall('validation.max') + ".`"
  },
  { fra: "'Max validation value is not a valid number.'", til: "'Største tillatte verdi i skjemaet er ikke et gyldig tall.'" },
  {
    fra: "`Field must have minimum length of ${validation.minLength}.`",
    til: "`Teksten må ha minst ${validation.minLength} tegn (nå ${value.trim().length}).`"
  },
  {
    fra: "`Field must have maximum length of ${validation.maxLength}.`",
    til: "`Teksten kan ha høyst ${validation.maxLength} tegn (nå ${value.trim().length}).`"
  },
  {
    fra: "'Field must be a valid  international phone number. (e.g. +4930664040900)'",
    til: "'Skriv et gyldig telefonnummer med landskode, for eksempel +4722334455.'"
  },
  { fra: "'Field must be a valid email.'", til: "'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.'" },

  // Date and time (Datetime, Datepicker, Timepicker)
  { fra: "'Date and time must both be entered.'", til: "'Både dato og klokkeslett må fylles ut.'" },
  // The date format follows the program, not the browser's language: always dd.mm.yyyy.
  {
    fra: "function getLocaleDateFormat(locale = 'default') {",
    til: "function getLocaleDateFormat(locale = 'nb-NO') {\n  return 'dd.MM.yyyy';"
  },
  { fra: 'placeholder: getLocaleReadableDateFormat(),', til: 'placeholder: ' + JSON.stringify(DATOFORMAT) + ',' },
  // The format is also told in the date's label, since a placeholder disappears while typing.
  {
    fra: 'label: label,\n      collapseOnEmpty: collapseLabelOnEmpty,\n      required: required\n    }), jsx(InputAdorner, {\n      pre: jsx(SvgCalendar, {}),',
    til: "label: label ? label + ' (" + DATOFORMAT + ")' : label,\n      collapseOnEmpty: collapseLabelOnEmpty,\n      required: required\n    }), jsx(InputAdorner, {\n      pre: jsx(SvgCalendar, {}),"
  },
  { fra: "placeholder: use24h ? 'hh:mm' : 'hh:mm --',", til: "placeholder: use24h ? 'tt:mm' : 'tt:mm --'," },

  // Dynamic lists (RepeatRenderManager)
  { fra: "children: [jsx(SvgAdd, {}), \" \", 'Add new']", til: "children: [jsx(SvgAdd, {}), \" \", 'Legg til']" },
  {
    fra: "children: [jsx(SvgExpand, {}), \" \", `Expand all (${values.length - 1})`]",
    til: "children: [jsx(SvgExpand, {}), \" \", `Vis alle ${values.length} radene`]"
  },
  { fra: "children: [jsx(SvgCollapse, {}), \" \", 'Collapse']", til: "children: [jsx(SvgCollapse, {}), \" \", 'Vis færre']" },
  {
    fra: '"aria-label": `Remove list item ${itemIndex + 1}`,',
    til: "\"aria-label\": `Fjern rad ${itemIndex + 1}${repeaterField.label ? ' i ' + repeaterField.label : ''}`,"
  },

  // Number fields
  { fra: '"aria-label": "Increment",', til: '"aria-label": "Øk verdien",' },
  { fra: '"aria-label": "Decrement",', til: '"aria-label": "Reduser verdien",' },

  // Selects, tag lists and their dropdowns
  { fra: "emptyListMessage = 'No results',", til: "emptyListMessage = 'Ingen treff'," },
  { fra: "placeholder: 'Search',", til: "placeholder: 'Søk'," },
  { fra: "children: valueLabel || 'Select'", til: "children: valueLabel || 'Velg'" },
  { fra: 'label: "Skip to search",', til: 'label: "Gå til søkefeltet",' },
  { fra: 'title: "Remove tag",', til: 'title: `Fjern ${getLabelCorrelation(entry)}`,' },
  { fra: "placeholder: disabled || readonly ? undefined : 'Search',", til: "placeholder: disabled || readonly ? undefined : 'Søk'," },
  {
    fra: "emptyListMessage: hasOptionsLeft ? 'No results' : 'All values selected',",
    til: "emptyListMessage: hasOptionsLeft ? 'Ingen treff' : 'Alle er valgt',"
  },

  // Behaviour: leaving an empty field that was never touched does not mark it as an error; the
  // errors come when the form is sent (as GOV.UK does). Errors appearing on blur also moved the
  // page under the mouse, so that the click meant for the next field or button was lost.
  {
    fra: 'if (initialValidationTrigger) {\n      setInitialValidationTrigger(false);\n      viewerCommands.updateFieldInstanceValidation(fieldInstance, value);',
    til: "if (initialValidationTrigger && !isNil(value) && value !== '' && value !== false && !(Array.isArray(value) && value.length === 0)) {\n      setInitialValidationTrigger(false);\n      viewerCommands.updateFieldInstanceValidation(fieldInstance, value);"
  },

  // Tables (Table): the English labels also named the wrong direction; these follow the clicks
  // (none → ascending → descending → none).
  { fra: "evaluatedColumns.length === 0 ? 'Nothing to show.'", til: "evaluatedColumns.length === 0 ? 'Ingenting å vise.'" },
  { fra: 'children: "Nothing to show."', til: 'children: "Ingenting å vise."' },
  { fra: 'children: [currentPage + 1, " of ", chunkedData.length]', til: 'children: ["Side ", currentPage + 1, " av ", chunkedData.length]' },
  { fra: '"aria-label": "Previous page",', til: '"aria-label": "Forrige side",' },
  { fra: '"aria-label": "Next page",', til: '"aria-label": "Neste side",' },
  { fra: 'return `Click to sort by ${label} descending`;', til: 'return `${label}: sorter stigende`;' },
  { fra: "return 'Click to remove sorting';", til: 'return `${label}: sorter synkende`;' },
  { fra: 'return `Click to sort by ${label} ascending`;', til: 'return `${label}: fjern sorteringen`;' }
];

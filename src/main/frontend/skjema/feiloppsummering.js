// The error summary above the form (as GOV.UK's): how many errors, one link per field, and the
// focus moved there so that the user hears it and can jump to each field.
import { domId, etikett, fokuser, inndata, lister } from './felter.js';

/**
 * form-js's errors as summary lines. form.submit() gives { <field id>: [messages] }; inside a
 * dynamic list one level per list: { <field id>: [ [messages of row 1], <empty>, [row 3] ] }.
 */
export function klientfeil(form, feil) {
  const register = form.get('formFieldRegistry');
  const linjer = [];
  const samle = (feltId, verdi, indekser) => {
    if (Array.isArray(verdi) && verdi.every((v) => typeof v === 'string')) {
      if (verdi.length) {
        linjer.push(linje(form, register, feltId, indekser, verdi.join(' ')));
      }
    } else if (verdi && typeof verdi === 'object') {
      Object.entries(verdi).forEach(([i, v]) => samle(feltId, v, [...indekser, Number(i)]));
    }
  };
  Object.entries(feil || {}).forEach(([feltId, verdi]) => samle(feltId, verdi, []));
  return sorter(linjer);
}

function linje(form, register, feltId, indekser, melding) {
  const felt = register.get(feltId);
  const rader = lister(register, felt)
    .map((liste, n) => `«${etikett(liste)}» rad ${indekser[n] + 1}`);
  const navn = etikett(felt);
  const hvor = [...rader, ...(navn ? [`«${navn}»`] : [])].join(', ');
  const id = domId(form, feltId, indekser);
  return {
    tekst: hvor ? `${hvor}: ${melding}` : melding,
    finn: () => inndata(id),
    feltId,
    indekser,
    melding
  };
}

/**
 * The server's errors (400, problem details): { felt, rad (from 1), underfelt, tekst }. The field
 * is found by its key, a row's field by the list's path and the field's key in it.
 */
export function serverfeil(form, feil) {
  const register = form.get('formFieldRegistry');
  const alle = register.getAll();
  const topp = (f) => lister(register, f).length === 0;
  return sorter(feil.map((f) => {
    const rad = Number.isInteger(f.rad) && f.rad > 0 ? f.rad - 1 : null;
    const liste = alle.find((x) => x.type === 'dynamiclist' && x.path === f.felt && topp(x));
    let felt = null;
    let indekser = [];
    if (liste && rad !== null) {
      felt = alle.find((x) => x.key && (f.underfelt ? x.key === f.underfelt : true) && innenfor(register, x, liste));
      indekser = [rad];
    } else if (!liste) {
      felt = alle.find((x) => x.key === f.felt && topp(x))
        // Older forms number their rows in the key: malparametere.0.navn
        || (rad !== null && f.underfelt ? alle.find((x) => x.key === `${f.felt}.${rad}.${f.underfelt}`) : null);
    }
    const tekst = f.tekst || '';
    if (felt) {
      const id = domId(form, felt.id, indekser);
      return { tekst, finn: () => inndata(id), feltId: felt.id, indekser, melding: tekst };
    }
    if (liste) {
      // The list as a whole (for instance too few rows): its "Legg til" button.
      const id = domId(form, liste.id, []);
      return { tekst, finn: () => leggTilKnapp(id) };
    }
    return { tekst, finn: () => null };
  }));
}

function innenfor(register, felt, liste) {
  for (let f = register.get(felt._parent); f; f = register.get(f._parent)) {
    if (f.id === liste.id) {
      return true;
    }
    if (f.type === 'dynamiclist') {
      return false;
    }
  }
  return false;
}

function leggTilKnapp(listeId) {
  const etikettElement = document.getElementById(listeId);
  const liste = etikettElement && etikettElement.closest('.fjs-form-field-dynamiclist');
  return liste && ([...liste.querySelectorAll('.fjs-repeat-render-add')]
    .find((k) => k.closest('.fjs-form-field-dynamiclist') === liste) || liste.querySelector('input, textarea'));
}

/** In the order the fields stand in the form. */
function sorter(linjer) {
  const plass = new Map(linjer.map((l) => [l, l.finn()]));
  return [...linjer].sort((a, b) => {
    const ea = plass.get(a);
    const eb = plass.get(b);
    if (!ea || !eb) {
      return ea ? -1 : eb ? 1 : 0;
    }
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/** The server's errors also at the fields themselves, as form-js shows its own. */
export function visVedFeltene(form, linjer) {
  const { errors } = form._getState();
  const neste = JSON.parse(JSON.stringify(errors || {}));
  for (const l of linjer) {
    if (!l.feltId) {
      continue;
    }
    const sti = [l.feltId, ...l.indekser];
    let node = neste;
    sti.slice(0, -1).forEach((del, n) => {
      if (!node[del] || typeof node[del] !== 'object') {
        node[del] = typeof sti[n + 1] === 'number' ? [] : {};
      }
      node = node[del];
    });
    node[sti[sti.length - 1]] = [l.melding];
  }
  form._setState({ errors: neste });
}

/**
 * Fills the summary and moves the focus there.
 * @param {HTMLElement} boks #skjemafeil
 * @param {{tittel: string, tekst?: string, linjer?: Array}} innhold
 */
export function visFeil(boks, { tittel, tekst, linjer = [] }) {
  const ramme = document.createElement('div');
  ramme.className = 'feiloppsummering';
  ramme.setAttribute('role', 'alert');
  ramme.setAttribute('tabindex', '-1');
  ramme.setAttribute('aria-labelledby', 'skjemafeil-tittel');
  const overskrift = document.createElement('h2');
  overskrift.id = 'skjemafeil-tittel';
  overskrift.textContent = tittel;
  ramme.append(overskrift);
  if (tekst) {
    const avsnitt = document.createElement('p');
    avsnitt.textContent = tekst;
    ramme.append(avsnitt);
  }
  if (linjer.length) {
    const liste = document.createElement('ul');
    for (const l of linjer) {
      const punkt = document.createElement('li');
      const mal = l.finn();
      if (mal) {
        const lenke = document.createElement('a');
        lenke.href = mal.id ? `#${mal.id}` : '#';
        lenke.textContent = l.tekst;
        lenke.addEventListener('click', (e) => {
          e.preventDefault();
          const element = l.finn();
          if (element) {
            fokuser(element);
          }
        });
        punkt.append(lenke);
      } else {
        punkt.textContent = l.tekst;
      }
      liste.append(punkt);
    }
    ramme.append(liste);
  }
  boks.replaceChildren(ramme);
  ramme.focus();
}

export function skjulFeil(boks) {
  boks.replaceChildren();
}

// Sends the answers as JSON with the page's CSRF token, and reads the server's answer.

export const INGEN_KONTAKT = 'Vi fikk ikke kontakt med tjenesten. Svarene dine er tatt vare på i nettleseren; '
  + 'prøv igjen om litt.';
const INGEN_KONTAKT_UTEN_UTKAST = 'Vi fikk ikke kontakt med tjenesten. Prøv igjen om litt, og lukk ikke siden før '
  + 'skjemaet er sendt inn.';
const UTLOGGET = 'Du ser ut til å være logget ut. Svarene dine er tatt vare på i nettleseren: logg inn på nytt, '
  + 'åpne oppgaven igjen og send inn.';

const STANDARDTEKST = {
  400: 'Skjemaet ble ikke godtatt. Se over svarene og prøv igjen.',
  401: UTLOGGET,
  403: 'Du har ikke tilgang til å sende inn dette skjemaet, eller siden er for gammel. Last siden på nytt og prøv igjen.',
  404: 'Vi fant ikke oppgaven. Den kan være fullført eller tatt av en annen.',
  409: 'Oppgaven er endret av en annen i mellomtiden. Last siden på nytt.',
  413: 'Svarene er for store til å sendes inn. Gjør de lengste tekstene kortere.'
};

function meta(navn) {
  const element = document.querySelector(`meta[name="${navn}"]`);
  return element ? element.getAttribute('content') : null;
}

async function json(svar) {
  const type = svar.headers.get('Content-Type') || '';
  if (!/json/i.test(type)) {
    return null;
  }
  try {
    return await svar.json();
  } catch {
    return null;
  }
}

/**
 * @returns {Promise<{ok: true, adresse: string, melding?: string}
 *   | {ok: false, status: number, tekst: string, feil?: Array}>}
 */
export async function send(adresse, data, { utkastLagret }) {
  const hoder = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = meta('_csrf');
  const hode = meta('_csrf_header');
  if (token && hode) {
    hoder[hode] = token;
  }
  let svar;
  try {
    svar = await fetch(adresse, {
      method: 'POST',
      headers: hoder,
      body: JSON.stringify(data),
      credentials: 'same-origin'
    });
  } catch {
    return { ok: false, status: 0, tekst: utkastLagret ? INGEN_KONTAKT : INGEN_KONTAKT_UTEN_UTKAST };
  }
  const innhold = await json(svar);
  if (svar.ok) {
    // An expired session answers with the login page (200, HTML) after a redirect: not a success.
    if (innhold && typeof innhold.adresse === 'string' && sammeOpphav(innhold.adresse)) {
      return { ok: true, adresse: innhold.adresse, melding: innhold.melding };
    }
    return { ok: false, status: svar.status, tekst: UTLOGGET };
  }
  const detalj = innhold && typeof innhold.detail === 'string' && innhold.detail.trim() ? innhold.detail : null;
  const feil = innhold && Array.isArray(innhold.feltfeil) ? innhold.feltfeil.filter((f) => f && typeof f.tekst === 'string') : [];
  const tekst = detalj || STANDARDTEKST[svar.status] || (svar.status >= 500
    ? 'Noe gikk galt hos oss. Svarene dine er tatt vare på i nettleseren; prøv igjen om litt.'
    : 'Skjemaet ble ikke sendt inn. Prøv igjen om litt.');
  return { ok: false, status: svar.status, tekst, feil };
}

function sammeOpphav(adresse) {
  try {
    return new URL(adresse, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

/*
 * Camunda Forms (form-js) i Tasklist viser egne, engelske meldinger ved kontroll av feltene og
 * noen få engelske ord i feltene. Dette skriptet oversetter dem til norsk bokmål der de vises.
 * Lastes av Tasklist som "customScripts" (scripts/config.js). Tekstene står i form-js'
 * kontroll av felt (validate) og i komponentene select, taglist og dynamisk liste.
 */
const MELDINGER = [
  [/^Field is required\.$/, () => 'Feltet må fylles ut.'],
  [/^Field must have minimum length of (\d+)\.$/, (_, n) => `Feltet må ha minst ${n} tegn.`],
  [/^Field must have maximum length of (\d+)\.$/, (_, n) => `Feltet kan ha høyst ${n} tegn.`],
  [/^Field must have minimum value of (.+)\.$/, (_, n) => `Verdien må være minst ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, (_, n) => `Verdien kan være høyst ${n}.`],
  [/^Field must match pattern (.+)\.$/, (_, m) => `Feltet må ha riktig format (${m}).`],
  [/^Field must be a valid email\.$/, () => 'Feltet må være en gyldig e-postadresse.'],
  [/^Field must be a valid\s+international phone number\..*$/,
    () => 'Feltet må være et gyldig internasjonalt telefonnummer (for eksempel +4733000000).'],
  [/^Select$/, () => 'Velg'],
  [/^Add new$/, () => 'Legg til'],
  [/^Collapse$/, () => 'Skjul'],
  [/^Expand all \((\d+)\)$/, (_, n) => `Vis alle (${n})`]
];
const PLASSHOLDERE = {Search: 'Søk', Select: 'Velg'};

function oversett(tekst) {
  const renset = tekst.trim();
  for (const [monster, norsk] of MELDINGER) {
    const treff = renset.match(monster);
    if (treff) {
      return tekst.replace(renset, norsk(...treff));
    }
  }
  return null;
}

function oversettNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.parentElement && node.parentElement.closest('.fjs-container')) {
      const norsk = oversett(node.data);
      if (norsk !== null && norsk !== node.data) {
        node.data = norsk;
      }
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const tekster = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let t = tekster.nextNode(); t; t = tekster.nextNode()) {
    oversettNode(t);
  }
  const felter = [...node.querySelectorAll('.fjs-container [placeholder]')];
  if (node.matches('.fjs-container [placeholder]')) {
    felter.push(node);
  }
  felter.forEach((felt) => {
    const norsk = PLASSHOLDERE[felt.getAttribute('placeholder')];
    if (norsk) {
      felt.setAttribute('placeholder', norsk);
    }
  });
}

// form-js tegner meldingene på nytt ved hver endring; de oversettes idet de kommer.
new MutationObserver((endringer) => {
  for (const endring of endringer) {
    if (endring.type === 'characterData') {
      oversettNode(endring.target);
    } else if (endring.type === 'attributes') {
      oversettNode(endring.target);
    } else {
      endring.addedNodes.forEach(oversettNode);
    }
  }
}).observe(document.documentElement, {
  childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['placeholder']
});

export default [];

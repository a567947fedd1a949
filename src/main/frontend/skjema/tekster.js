// Texts that both the build (oversettelser.mjs, into form-js) and the bundle use.
export const PAAKREVD = 'Feltet må fylles ut.';
export const UGYLDIG_DATO = 'Ugyldig dato. Skriv datoen som dd.mm.åååå, for eksempel 10.12.2026.';
export const DATOFORMAT = 'dd.mm.åååå';

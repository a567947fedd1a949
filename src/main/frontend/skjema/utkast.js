// The draft in the browser (localStorage), so that nothing typed is lost to a closed tab, an
// expired session or a server that did not answer. One draft per task and user (data-utkast).

export function lesUtkast(nokkel) {
  try {
    const utkast = JSON.parse(localStorage.getItem(nokkel));
    return utkast && utkast.data && typeof utkast.data === 'object' && !Array.isArray(utkast.data) ? utkast : null;
  } catch {
    return null;
  }
}

/** @returns {boolean} whether the draft was kept (storage may be full or turned off) */
export function lagreUtkast(nokkel, data) {
  try {
    localStorage.setItem(nokkel, JSON.stringify({ lagret: new Date().toISOString(), data }));
    return true;
  } catch {
    return false;
  }
}

export function slettUtkast(nokkel) {
  try {
    localStorage.removeItem(nokkel);
  } catch {
    // Nothing to remove where storage is turned off.
  }
}

/** "04.12.2026 kl. 10:15" in the user's own time. */
export function tidspunkt(iso) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) {
    return '';
  }
  const to = (n) => String(n).padStart(2, '0');
  return `${to(t.getDate())}.${to(t.getMonth() + 1)}.${t.getFullYear()} kl. ${to(t.getHours())}:${to(t.getMinutes())}`;
}

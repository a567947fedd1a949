// How form-js names its fields in the page, so that an error can lead to its field.

/**
 * form-js's DOM id of a field: fjs-form-<form id>-<field id>, then _<index> for each dynamic list
 * the field sits in, outermost first (the same as prefixId in form-js).
 */
export function domId(form, feltId, indekser) {
  return `fjs-form-${form._id}-${feltId}${Object.values(indekser || {}).map((i) => `_${i}`).join('')}`;
}

/**
 * The element to put the cursor in: the input itself; for a date the date input (-date), for a
 * time the time input (-time), for radio buttons and checklists the first choice (-0).
 */
export function inndata(id) {
  for (const kandidat of [id, `${id}-date`, `${id}-time`, `${id}-0`]) {
    const element = document.getElementById(kandidat);
    if (element && element.matches('input, textarea, select, button')) {
      return element;
    }
  }
  return null;
}

/** The field's label as the form shows it; never its key. */
export function etikett(felt) {
  return (felt && (felt.label || felt.dateLabel || felt.timeLabel)) || '';
}

/** The dynamic lists a field sits in, outermost first. */
export function lister(registry, felt) {
  const ut = [];
  for (let forelder = felt && registry.get(felt._parent); forelder; forelder = registry.get(forelder._parent)) {
    if (forelder.type === 'dynamiclist' && forelder.isRepeating) {
      ut.unshift(forelder);
    }
  }
  return ut;
}

/**
 * Puts the cursor in the field, first opening its dynamic list if the row is folded away
 * ("Vis alle"), and shows the label with it.
 */
export function fokuser(element) {
  const sammenfoldet = element.closest('.fjs-repeat-row-collapsed');
  if (sammenfoldet) {
    const liste = sammenfoldet.closest('.fjs-form-field-dynamiclist');
    const knapp = liste && [...liste.querySelectorAll('.fjs-repeat-render-collapse')]
      .find((k) => k.closest('.fjs-form-field-dynamiclist') === liste);
    if (knapp) {
      knapp.click();
      const id = element.id;
      setTimeout(() => {
        const igjen = document.getElementById(id);
        if (igjen) {
          fokuser(igjen);
        }
      }, 50);
      return;
    }
  }
  const felt = element.closest('.fjs-form-field') || element;
  felt.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

package no.vareunge.skjema;

/**
 * One error of a submission, placed in the form, so that a page can show it at the field it
 * concerns. The same error as the matching message of {@code feil()}, but {@code tekst} is for
 * people: it names fields by their labels only, never by their keys or internal values.
 *
 * @param felt the top-level key, or the path of a dynamic list
 * @param rad the row of the list, from 1; null for a field outside a list
 * @param underfelt the key of the field in the row; null for the list or the row as a whole
 * @param tekst the message in Norwegian, e.g. {@code «Målparametere» rad 2: «Målverdi» må fylles ut.}
 */
public record Feltfeil(String felt, Integer rad, String underfelt, String tekst) {}

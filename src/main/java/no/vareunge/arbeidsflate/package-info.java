/**
 * The program's own work pages: my tasks, a task with its Camunda Form, starting a proposal and a
 * package's whole story. They replace Camunda's Tasklist for the people of the program; the forms
 * stay the single source of their rules (checked on the server by {@code skjema}).
 */
package no.vareunge.arbeidsflate;

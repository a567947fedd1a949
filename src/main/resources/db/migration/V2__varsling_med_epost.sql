-- Varsler som e-post: én rad per varsel og mottaker (bruker), med adresse, gruppen mottakeren
-- ble funnet gjennom og hva som skjedde. varsel_nokkel identifiserer ett varsel (utførelsen som
-- bærer jobben, se VarslingDelegate); sammen med mottaker er den unik, slik at et nytt forsøk
-- etter en feil aldri sender til noen som allerede har fått e-posten.
ALTER TABLE varsel ADD COLUMN varsel_nokkel VARCHAR(200);
ALTER TABLE varsel ADD COLUMN epost VARCHAR(254);
ALTER TABLE varsel ADD COLUMN gruppe VARCHAR(100);
ALTER TABLE varsel ADD COLUMN melding VARCHAR(1000);
CREATE UNIQUE INDEX varsel_nokkel_mottaker ON varsel (varsel_nokkel, mottaker);
CREATE INDEX varsel_status ON varsel (status);

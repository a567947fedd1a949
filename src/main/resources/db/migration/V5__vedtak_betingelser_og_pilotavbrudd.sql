-- Betingelsene styret setter for et vedtak er en del av vedtaket (vedtaksprotokollen).
ALTER TABLE vedtak ADD COLUMN betingelser VARCHAR(4000);

-- En pilot som er avbrutt: hvem og hvorfor, i lesemodellen (pilot_sluttdato er da den virkelige sluttdatoen).
ALTER TABLE arbeidspakke ADD COLUMN avbrutt_av VARCHAR(64);
ALTER TABLE arbeidspakke ADD COLUMN avbrudd_begrunnelse VARCHAR(4000);

-- H01 (warning): a placement (JV_*) of this delivery that overlaps a placement of the same youth at
-- another provider. Ending on day d and starting on day d at the next provider is a transfer, not an overlap.
INSERT INTO finding
SELECT DISTINCT
    $delivery_id, $file_name, new_placement.regel, 'startdatum', NULL, 'H01', 'waarschuwing', $melding
FROM trajectory AS new_placement
JOIN trajectory AS other_placement
  ON other_placement.youth_id = new_placement.youth_id
 AND other_placement.zorgvorm LIKE 'JV\_%' ESCAPE '\'
 AND coalesce(other_placement.aanbieder_agb, '') <> coalesce(new_placement.aanbieder_agb, '')
 AND other_placement.startdatum < coalesce(new_placement.einddatum, DATE '9999-12-31')
 AND new_placement.startdatum < coalesce(other_placement.einddatum, DATE '9999-12-31')
WHERE new_placement.delivery_id = $delivery_id
  AND new_placement.zorgvorm LIKE 'JV\_%' ESCAPE '\';

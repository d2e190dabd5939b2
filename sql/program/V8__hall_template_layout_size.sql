-- A 60 × 80 layout with its gaps and seat overrides can outgrow TEXT (64 KB): refused with a 500 instead of kept.
ALTER TABLE hall_template MODIFY layout MEDIUMTEXT NOT NULL;

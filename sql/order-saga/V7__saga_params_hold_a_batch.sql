-- A batch's saga carries every order of the batch in its parameters (up to 64 orders, ~1 kB of JSON each, escaped
-- once more inside the engine's own JSON): past what TEXT (64 kB) holds.
ALTER TABLE seata_state_machine_inst MODIFY start_params MEDIUMTEXT, MODIFY end_params MEDIUMTEXT;
ALTER TABLE seata_state_inst MODIFY input_params MEDIUMTEXT, MODIFY output_params MEDIUMTEXT;

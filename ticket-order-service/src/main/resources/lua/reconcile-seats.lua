-- Brings a showtime's seat hash in line with the order database (the truth), atomically.
-- KEYS[1] seats hash, KEYS[2] holdings hash, KEYS[3] grid, KEYS[4] board (seat-board.lua)
-- ARGV[1] mode: 'CREATE' writes every seat (only if the hash is still missing: else returns -1 and the caller
--   retries in PATCH mode); 'PATCH' applies each change only if the field still holds the value the caller read.
-- ARGV[2..] triples: seat id, expected current value ('' = any / missing), new value
-- The holdings hash is recomputed from the seats hash afterwards. Returns the number of fields changed.
local mode = ARGV[1]
if mode == 'CREATE' and redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
if mode == 'CREATE' or redis.call('EXISTS', KEYS[1]) == 0 then
  -- a board that outlived its seats hash shows what was lost (a patch of a hash that vanished meanwhile makes a
  -- partial one): the program service builds it anew from this one
  redis.call('DEL', KEYS[4])
  board_kept = false
end
local changed = 0
for i = 2, #ARGV, 3 do
  local seat, expected, wanted = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if mode == 'CREATE' then
    redis.call('HSET', KEYS[1], seat, wanted)
    changed = changed + 1
  else
    local current = redis.call('HGET', KEYS[1], seat) or ''
    if current == expected and current ~= wanted then
      redis.call('HSET', KEYS[1], seat, wanted)
      board_mark(seat, wanted)
      changed = changed + 1
    end
  end
end
redis.call('DEL', KEYS[2])
local all = redis.call('HGETALL', KEYS[1])
for i = 2, #all, 2 do
  local user = string.match(all[i], '^[LS]:%d+:(%d+)$')
  if user then
    redis.call('HINCRBY', KEYS[2], user, 1)
  end
end
return changed

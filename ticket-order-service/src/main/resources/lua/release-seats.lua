-- Frees the seats that still hold exactly the given value (an order's lock "L:.." or sale "S:.."); a seat that
-- another order holds now, or that was already freed, is left alone, so the script is safe to repeat.
-- KEYS[1] seats hash, KEYS[2] holdings hash, KEYS[3] grid, KEYS[4] board (seat-board.lua); ARGV[1] expected value, ARGV[2] userId, ARGV[3..] seat ids
-- Returns the number of seats freed.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local freed = 0
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[1] then
    redis.call('HSET', KEYS[1], ARGV[i], 'A')
    board_mark(ARGV[i], 'A')
    freed = freed + 1
  end
end
if freed > 0 then
  local left = redis.call('HINCRBY', KEYS[2], ARGV[2], -freed)
  if left <= 0 then
    redis.call('HDEL', KEYS[2], ARGV[2])
  end
end
return freed

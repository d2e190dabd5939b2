-- Turns an order's locked seats into sold ones: all or none. Seats already sold to this order count as done.
-- KEYS[1] seats hash, KEYS[3] grid, KEYS[4] board (seat-board.lua; KEYS[2], the holdings, is not needed); ARGV[1] lock value "L:<orderNo>:<userId>", ARGV[2] sold value "S:<orderNo>:<userId>",
-- ARGV[3..] seat ids. Returns {0} ok | {1, seat...} seats no longer locked by this order | {4} not initialised
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {4}
end
local lost = {}
for i = 3, #ARGV do
  local current = redis.call('HGET', KEYS[1], ARGV[i])
  if current ~= ARGV[1] and current ~= ARGV[2] then
    lost[#lost + 1] = ARGV[i]
  end
end
if #lost > 0 then
  table.insert(lost, 1, 1)
  return lost
end
for i = 3, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[2])
  board_mark(ARGV[i], ARGV[2])
end
return {0}

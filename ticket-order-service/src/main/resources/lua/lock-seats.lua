-- Locks all requested seats of one showtime for one order, or none.
-- KEYS[1] seats hash, KEYS[2] holdings hash (same {showtimeId} hash tag)
-- ARGV[1] lock value "L:<orderNo>:<userId>", ARGV[2] userId, ARGV[3] per-showtime limit, ARGV[4..] seat ids
-- Returns {0, newlyLocked} ok | {1, seat...} taken | {2, held} limit exceeded | {3, seat...} unknown | {4} not initialised
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {4}
end
local value, user, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local unknown, taken, fresh = {}, {}, {}
for i = 4, #ARGV do
  local current = redis.call('HGET', KEYS[1], ARGV[i])
  if not current then
    unknown[#unknown + 1] = ARGV[i]
  elseif current == value then
    -- already locked by this very order: a retried step, nothing to do
  elseif current ~= 'A' then
    taken[#taken + 1] = ARGV[i]
  else
    fresh[#fresh + 1] = ARGV[i]
  end
end
if #unknown > 0 then
  table.insert(unknown, 1, 3)
  return unknown
end
if #taken > 0 then
  table.insert(taken, 1, 1)
  return taken
end
local held = tonumber(redis.call('HGET', KEYS[2], user) or '0')
if held + #fresh > limit then
  return {2, held}
end
for _, seat in ipairs(fresh) do
  redis.call('HSET', KEYS[1], seat, value)
end
if #fresh > 0 then
  redis.call('HINCRBY', KEYS[2], user, #fresh)
end
return {0, #fresh}

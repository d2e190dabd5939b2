-- Locks all requested seats of one showtime for one order, or none.
-- KEYS[1] seats hash, KEYS[2] holdings hash, KEYS[3] grid, KEYS[4] board (seat-board.lua; same {showtimeId} hash tag)
-- ARGV[1] lock value "L:<orderNo>:<userId>", ARGV[2] userId, ARGV[3] per-showtime limit, ARGV[4] how many intake
-- arguments follow (0 for a saga step; 4 for an accepted order, docs/ARCHITECTURE.md §2 "Accepted orders"), then the
-- seat ids.
-- An accepted order also names KEYS[5] the buyer's Idempotency-Key record, KEYS[6] the intent's status hash and
-- KEYS[7] the set of live intents, and passes: the key record "<orderNo>|<requestHash>", its time to live (seconds),
-- the acceptance time (epoch ms) and the intent (JSON). A key already recorded answers {5, record} and changes
-- nothing; otherwise the key, the intent (PENDING) and the lock are written together or not at all.
-- Returns {0, newlyLocked} ok | {1, seat...} taken | {2, held} limit exceeded | {3, seat...} unknown
--       | {4} not initialised | {5, record} the key was used before
local intake = tonumber(ARGV[4])
if intake > 0 then
  local earlier = redis.call('GET', KEYS[5])
  if earlier then
    return {5, earlier}
  end
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {4}
end
local value, user, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local first = 5 + intake
local unknown, taken, fresh = {}, {}, {}
for i = first, #ARGV do
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
  board_mark(seat, value)
end
if #fresh > 0 then
  redis.call('HINCRBY', KEYS[2], user, #fresh)
end
if intake > 0 then
  local record, ttl, acceptedAt, intent = ARGV[5], tonumber(ARGV[6]), ARGV[7], ARGV[8]
  local orderNo = string.match(record, '^(%d+)|')
  redis.call('SET', KEYS[5], record, 'EX', ttl)
  redis.call('HSET', KEYS[6], 'status', 'PENDING', 'intent', intent, 'at', acceptedAt)
  redis.call('EXPIRE', KEYS[6], ttl)
  redis.call('ZADD', KEYS[7], acceptedAt, orderNo)
end
return {0, #fresh}

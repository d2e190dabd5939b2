-- Moves an accepted order's intent from one of the expected statuses to its outcome (docs/ARCHITECTURE.md §2
-- "Accepted orders"), and tells every instance that it moved.
-- KEYS[1] the intent's status hash, KEYS[2] the set of live intents, KEYS[3] the buyer's Idempotency-Key record
-- ARGV[1] expected statuses, comma-separated ('*' any, a missing hash included; 'MISSING' a missing hash only)
-- ARGV[2] the new status, ARGV[3] the order number, ARGV[4] the outcome (JSON, may be empty), ARGV[5] '1' to free
-- the key for a new request, ARGV[6] the channel, ARGV[7] time to live (seconds), ARGV[8] now (epoch ms), ARGV[9]
-- the intent (JSON), kept if the hash has none (a status written anew after a loss is never without its intent)
-- Returns the status it found ('' when missing) if it moved, or nil if it did not.
local current = redis.call('HGET', KEYS[1], 'status') or ''
local allowed = false
if ARGV[1] == '*' then
  allowed = true
else
  for expected in string.gmatch(ARGV[1], '[^,]+') do
    if expected == current or (expected == 'MISSING' and current == '') then
      allowed = true
    end
  end
end
if not allowed then
  return nil
end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'since', ARGV[8])
redis.call('HSETNX', KEYS[1], 'intent', ARGV[9])
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'outcome', ARGV[4])
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
if ARGV[2] ~= 'PENDING' and ARGV[2] ~= 'PROCESSING' then
  redis.call('ZREM', KEYS[2], ARGV[3])
  redis.call('PUBLISH', ARGV[6], ARGV[3])
elseif current == '' then
  -- written anew after a loss: live again, so the sweep sees it
  redis.call('ZADD', KEYS[2], 'NX', ARGV[8], ARGV[3])
end
if ARGV[5] == '1' then
  local record = redis.call('GET', KEYS[3])
  if record and string.sub(record, 1, #ARGV[3] + 1) == ARGV[3] .. '|' then
    redis.call('DEL', KEYS[3])
  end
end
return current

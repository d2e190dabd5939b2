-- The bench's wrk script (docs/benchmark.md, "Generators"). Filled in by Wrk.java before the run:
--   METHOD, PATH, BODY                 the request
--   HEADER_SETS                        a list of header tables, taken in turn (one identity per request)
--   IDEMPOTENCY_HEADER                 when not empty, a unique value per request under that header
--   KEY_PREFIX                         makes those values unique across runs
--   RATE                               requests per second for the whole run; 0 = as fast as the connections go
-- At a rate, every thread keeps its own schedule (RATE / threads) and a connection waits for its slot: the offered
-- rate holds while the service keeps up; when it does not, the requests queue in wrk and the achieved rate shows it.
-- done() prints one line, "WRK-RESULT {json}", with the status counts of every thread and the latency percentiles.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

METHOD = "GET"
PATH = "/"
BODY = nil
HEADER_SETS = { {} }
IDEMPOTENCY_HEADER = ""
KEY_PREFIX = "bench"
RATE = 0
THREADS = 1
--@@SETTINGS@@

local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  sent = 0
  next_slot = 0
  gap_ms = RATE > 0 and (1000 * THREADS / RATE) or 0
end

function delay()
  if gap_ms == 0 then
    return 0
  end
  local now = now_ms()
  if next_slot < now then
    next_slot = now
  end
  local wait = next_slot - now
  next_slot = next_slot + gap_ms
  return wait
end

function request()
  sent = sent + 1
  local set = HEADER_SETS[((thread_no - 1) * 7919 + sent) % #HEADER_SETS + 1]
  local headers = {}
  for k, v in pairs(set) do
    headers[k] = v
  end
  if IDEMPOTENCY_HEADER ~= "" then
    headers[IDEMPOTENCY_HEADER] = KEY_PREFIX .. "-" .. thread_no .. "-" .. sent
  end
  return wrk.format(METHOD, PATH, headers, BODY)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      all[status] = (all[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(all) do
    table.insert(parts, string.format('"%s":%d', status, n))
  end
  io.write(string.format('WRK-RESULT {"requests":%d,"durationMicros":%d,"statuses":{%s},'
      .. '"p50":%d,"p95":%d,"p99":%d,"max":%d,"mean":%.1f,'
      .. '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, table.concat(parts, ","),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end

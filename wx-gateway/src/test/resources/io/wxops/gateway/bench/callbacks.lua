-- wrk script of the callback benchmark (CallbackBenchmark, README "Benchmark").
--
-- wrk -t T -c C -d D --latency -s callbacks.lua http://127.0.0.1:PORT/ -- FILE SECONDS MODE T
--
-- FILE holds signed callbacks, one a line: the request target, a tab, the body. Thread i of T
-- takes lines i, i+T, i+2T, ... so no two threads send the same line. MODE "once" sends each of
-- a thread's lines at most once (the full path: every request a distinct message, stored once);
-- "cycle" starts over when they are used up (the baseline, which stores nothing).
--
-- A thread sends for SECONDS from its first request, or until its lines are used up ("once"),
-- and then stops sending: its connections wait (delay() asks wrk to wait an hour) instead of
-- starting another request. D is longer than SECONDS, so every request sent is answered before
-- wrk stops, nothing is abandoned in flight, and the rows the gateway stored can be compared with
-- the answers counted here. done() prints one WXBENCH line the benchmark parses.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } wxbench_timespec;
int clock_gettime(int clock_id, wxbench_timespec *tp);
]]
local clock = ffi.new("wxbench_timespec")

-- CLOCK_MONOTONIC (1): one clock for every thread, so windows can be merged in done()
local function now_us()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000000 + math.floor(tonumber(clock.tv_nsec) / 1000)
end

local IDLE_MS = 3600000

-- main state: the threads, for done()
local threads = {}

-- each thread's state; globals so that done() can read them with thread:get()
wxb_index = 0
wxb_sent = 0
wxb_responses = 0
wxb_ok = 0
wxb_failed = 0
wxb_reused = 0
wxb_exhausted = 0
wxb_first_us = 0
wxb_last_us = 0
wxb_failure = ""

local requests = {}
local cycle = false
local seconds = 0
local reserved = 0
local taken = 0
local deadline = nil

function setup(thread)
  thread:set("wxb_index", #threads)
  table.insert(threads, thread)
end

function init(args)
  -- args[0] is the URL; ours follow
  local file = args[1]
  seconds = tonumber(args[2])
  cycle = (args[3] == "cycle")
  local thread_count = tonumber(args[4])
  if file == nil or seconds == nil or thread_count == nil or (args[3] ~= "once" and args[3] ~= "cycle") then
    error("usage: -- FILE SECONDS once|cycle THREADS")
  end
  local headers = { ["Content-Type"] = "text/xml" }
  local n = 0
  for line in io.lines(file) do
    if n % thread_count == wxb_index then
      local tab = line:find("\t", 1, true)
      if tab == nil then
        error("line " .. (n + 1) .. " of " .. file .. " has no tab")
      end
      requests[#requests + 1] = wrk.format("POST", line:sub(1, tab - 1), headers, line:sub(tab + 1))
    end
    n = n + 1
  end
  if #requests == 0 then
    error("no lines for thread " .. wxb_index .. " in " .. file)
  end
end

-- Called before every request of every connection (wrk's delay hook): 0 to send now, or an
-- hour once this thread is done sending. A reservation here, so that connections waiting to
-- send cannot take more lines than there are.
function delay()
  local now = now_us()
  if deadline == nil then
    deadline = now + seconds * 1000000
  end
  if now >= deadline then
    return IDLE_MS
  end
  if not cycle and reserved >= #requests then
    wxb_exhausted = 1
    return IDLE_MS
  end
  reserved = reserved + 1
  return 0
end

function request()
  if reserved == 0 then
    -- wrk's check of the script, before any connection (it parses one request to see
    -- whether it is pipelined): nothing is sent, so nothing is taken
    return requests[1]
  end
  if wxb_first_us == 0 then
    wxb_first_us = now_us()
  end
  taken = taken + 1
  wxb_sent = wxb_sent + 1
  if not cycle and taken > #requests then
    -- only after a broken connection, which wrk counts as a socket error: a resend, which
    -- the gateway answers from the row it stored
    wxb_reused = wxb_reused + 1
  end
  return requests[(taken - 1) % #requests + 1]
end

function response(status, headers, body)
  wxb_last_us = now_us()
  wxb_responses = wxb_responses + 1
  -- WeChat takes "success" or an empty body as "no reply"
  if status >= 200 and status < 300 and (body == "success" or body == "") then
    wxb_ok = wxb_ok + 1
  else
    wxb_failed = wxb_failed + 1
    if wxb_failure == "" then
      wxb_failure = status .. " " .. string.sub(string.gsub(body, "%c", " "), 1, 160)
    end
  end
end

function done(summary, latency, requests)
  local t = { sent = 0, responses = 0, ok = 0, failed = 0, reused = 0, exhausted = 0 }
  local first, last = 0, 0
  for _, thread in ipairs(threads) do
    for key, _ in pairs(t) do
      t[key] = t[key] + thread:get("wxb_" .. key)
    end
    local f = thread:get("wxb_first_us")
    if f > 0 and (first == 0 or f < first) then
      first = f
    end
    last = math.max(last, thread:get("wxb_last_us"))
    local failure = thread:get("wxb_failure")
    if failure ~= "" then
      io.write("WXBENCH-FAILURE thread=" .. thread:get("wxb_index") .. " " .. failure .. "\n")
    end
  end
  local e = summary.errors
  io.write(string.format("WXBENCH sent=%d responses=%d ok=%d failed=%d reused=%d exhausted=%d window_us=%d"
      .. " connect=%d read=%d write=%d timeout=%d status=%d"
      .. " p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    t.sent, t.responses, t.ok, t.failed, t.reused, t.exhausted, math.max(0, last - first),
    e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
